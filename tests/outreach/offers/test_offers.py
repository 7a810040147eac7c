"""Offers: the letter from HR's template as a DOCX, mailed through the outbox to a real SMTP
server, the move to Offer, and the answer (accepted -> Hired, declined -> kept with reason)."""

from __future__ import annotations

import io
import mailbox
from datetime import timedelta
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from docx import Document
from sqlmodel import select

from hireops.models import (
    Application,
    Candidate,
    Event,
    Job,
    Offer,
    OutboxMessage,
    Stage,
    utcnow,
)
from hireops.services.privacy.blind_screening import reveal_identity
from hireops.services.outreach.email_templates import save_template
from hireops.services.jobs.job_stages import add_stage, rename_stage
from hireops.services.mail.sender import configured_sender
from hireops.services.outreach.offer_view import offer_targets
from hireops.services.outreach.offers import (
    DOCX_TYPE,
    OfferError,
    OfferForm,
    preview_offer,
    record_offer_response,
    send_offer,
)
from hireops.services.outreach.outbox import attachments_of, deliver_due
from hireops.services.platform.runtime_settings import current_settings

START = (utcnow() + timedelta(days=60)).date()
DEADLINE = (utcnow() + timedelta(days=10)).date()


def _form(**changes) -> OfferForm:
    values = {"salary_amount": "68000", "currency": "eur", "salary_period": "per year",
              "start_date": START.isoformat(), "response_deadline": DEADLINE.isoformat(),
              "other_terms": "30 days of paid holiday."}
    values.update(changes)
    return OfferForm(**values)


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_preview_fills_the_letter_and_the_email_without_storing_anything(
        session, shortlisted, recruiter):
    draft = preview_offer(session=session, application_id=shortlisted.id, form=_form(),
                          actor=recruiter)
    assert draft.letter_title == "Offer of employment: Senior Backend Engineer"
    assert "Salary: EUR 68,000 per year" in draft.letter_text
    assert f"Start date: {START:%A} {START.day} {START:%B %Y}" in draft.letter_text
    assert "Place of work: Berlin" in draft.letter_text  # the job's location by default
    assert "Dear Elena Petrova" in draft.letter_text and "Sam Recruiter" in draft.letter_text
    company = current_settings().company_name
    assert draft.email.subject == f"Your offer for Senior Backend Engineer at {company}"
    assert session.exec(select(Offer)).all() == []
    assert session.get(Application, shortlisted.id).stage == Stage.shortlisted


def test_sending_queues_the_docx_moves_to_offer_and_reaches_a_real_smtp_server(
        session, shortlisted, recruiter, smtp_env):
    offer = send_offer(session=session, application_id=shortlisted.id, form=_form(),
                       actor=recruiter)
    application = session.get(Application, shortlisted.id)
    assert application.stage == Stage.offer and offer.status == "sent"
    message = session.get(OutboxMessage, offer.outbox_id)
    assert (message.kind, message.to_address) == ("offer", "elena@example.test")
    (stored,) = attachments_of(session, message.id)
    assert stored.filename == "Offer-Senior-Backend-Engineer.docx"
    assert stored.content_type == DOCX_TYPE

    report = deliver_due(session=session, sender=configured_sender())
    assert report.sent == 1
    (received,) = smtp_env.messages
    mail = received.parsed
    assert mail["To"] == "elena@example.test"
    files = [part for part in mail.iter_attachments()
             if part.get_filename() == "Offer-Senior-Backend-Engineer.docx"]
    assert len(files) == 1 and files[0].get_content_type() == DOCX_TYPE
    letter = _docx_text(files[0].get_content())
    assert "Offer of employment: Senior Backend Engineer" in letter
    assert "Salary: EUR 68,000 per year" in letter
    assert "Other terms: 30 days of paid holiday." in letter
    assert "Dear Elena Petrova," in letter
    # The stage move and the offer are audited on the application.
    actions = [e.action for e in session.exec(select(Event).where(
        Event.entity_type == "application", Event.entity_id == shortlisted.id)).all()]
    assert "offer.sent" in actions and "application.stage_changed" in actions


def test_one_offer_waits_for_its_answer_before_another(session, shortlisted, recruiter):
    send_offer(session=session, application_id=shortlisted.id, form=_form(), actor=recruiter)
    with pytest.raises(OfferError, match="waiting for an answer"):
        send_offer(session=session, application_id=shortlisted.id, form=_form(),
                   actor=recruiter)
    assert len(session.exec(select(OutboxMessage)).all()) == 1


def test_acceptance_moves_to_hired_and_times_the_hire(session, shortlisted, recruiter):
    offer = send_offer(session=session, application_id=shortlisted.id, form=_form(),
                       actor=recruiter)
    answered = record_offer_response(session=session, offer_id=offer.id, accepted=True,
                                     actor=recruiter)
    application = session.get(Application, shortlisted.id)
    assert answered.status == "accepted" and answered.responded_at is not None
    assert application.stage == Stage.hired and application.hired_at is not None
    with pytest.raises(OfferError, match="already accepted"):
        record_offer_response(session=session, offer_id=offer.id, accepted=False,
                              reason="changed my mind", actor=recruiter)


def test_a_decline_keeps_the_application_in_offer_with_the_reason(session, shortlisted,
                                                                 recruiter):
    offer = send_offer(session=session, application_id=shortlisted.id, form=_form(),
                       actor=recruiter)
    with pytest.raises(OfferError, match="reason"):
        record_offer_response(session=session, offer_id=offer.id, accepted=False, reason=" ",
                              actor=recruiter)
    declined = record_offer_response(session=session, offer_id=offer.id, accepted=False,
                                     reason="Accepted a counter-offer.", actor=recruiter)
    application = session.get(Application, shortlisted.id)
    assert declined.status == "declined"
    assert declined.response_reason == "Accepted a counter-offer."
    assert application.stage == Stage.offer and application.hired_at is None
    event = session.exec(select(Event).where(Event.action == "offer.declined")).one()
    assert event.note == "Accepted a counter-offer."
    # A new offer may follow a declined one.
    assert send_offer(session=session, application_id=shortlisted.id,
                      form=_form(salary_amount="72,500"), actor=recruiter).id != offer.id


@pytest.mark.parametrize("changes, problem", [
    ({"salary_amount": "{candidate_name}"}, "salary is a number"),
    ({"salary_amount": "0"}, "more than zero"),
    ({"currency": "EURO"}, "three-letter"),
    ({"salary_period": "per fortnight"}, "salary is"),
    ({"start_date": "next monday"}, "not a date"),
    ({"start_date": "2001-01-01"}, "in the past"),
    ({"other_terms": "x" * 2001}, "more than 2,000"),
])
def test_bad_offer_values_are_refused(session, shortlisted, recruiter, changes, problem):
    with pytest.raises(OfferError, match=problem):
        preview_offer(session=session, application_id=shortlisted.id, form=_form(**changes),
                      actor=recruiter)


def test_typed_values_are_text_never_template_code(session, shortlisted, recruiter):
    hostile = "{candidate_name.__class__} <b>bold</b> & {{ \x00\x07 }}"
    save_template(session=session, kind="offer_email", subject="Offer for {job_title}",
                  body="Where: {location}\nTerms: {other_terms}", actor=recruiter)
    offer = send_offer(session=session, application_id=shortlisted.id,
                       form=_form(other_terms=hostile, location="<img src=x onerror=alert(1)>"),
                       actor=recruiter)
    message = session.get(OutboxMessage, offer.outbox_id)
    # Substituted once, by name: the braces stay literal, nothing is evaluated.
    assert "Other terms: {candidate_name.__class__} <b>bold</b> & {{ }}" in offer.letter_text
    assert "Terms: {candidate_name.__class__} &lt;b&gt;bold&lt;/b&gt; &amp; {{ }}" in \
        message.body_html
    assert "Where: &lt;img src=x onerror=alert(1)&gt;" in message.body_html
    assert "<img" not in message.body_html and "<b>" not in message.body_html
    (stored,) = attachments_of(session, message.id)
    letter = _docx_text(stored.content)
    assert "Place of work: <img src=x onerror=alert(1)>" in letter
    assert "{candidate_name.__class__} <b>bold</b> & {{ }}" in letter


def test_hr_edits_to_the_letter_template_are_used(session, shortlisted, recruiter):
    save_template(session=session, kind="offer_letter", subject="Your contract, {candidate_name}",
                  body="We offer {salary} from {start_date}. Signed, {recruiter_name}.",
                  actor=recruiter)
    draft = preview_offer(session=session, application_id=shortlisted.id, form=_form(),
                          actor=recruiter)
    assert draft.letter_title == "Your contract, Elena Petrova"
    assert draft.letter_text.startswith("We offer EUR 68,000 per year from ")


def test_no_offer_to_a_hidden_candidate_rejected_or_talent_pool(session, shortlisted,
                                                                recruiter):
    job = session.get(Job, shortlisted.job_id)
    job.blind_screening = True
    session.add(job)
    session.commit()
    with pytest.raises(OfferError, match="reveal"):
        preview_offer(session=session, application_id=shortlisted.id, form=_form(),
                      actor=recruiter)
    reveal_identity(session=session, candidate_id=shortlisted.candidate_id, actor=recruiter)
    session.commit()
    preview_offer(session=session, application_id=shortlisted.id, form=_form(), actor=recruiter)

    shortlisted.stage = Stage.rejected
    session.add(shortlisted)
    pool = Application(candidate_id=session.exec(select(Candidate.id)).first(), job_id=None)
    session.add(pool)
    session.commit()
    with pytest.raises(OfferError, match="Rejected"):
        preview_offer(session=session, application_id=shortlisted.id, form=_form(),
                      actor=recruiter)
    with pytest.raises(OfferError, match="add the candidate to a job"):
        preview_offer(session=session, application_id=pool.id, form=_form(), actor=recruiter)



def test_a_closed_application_is_named_by_the_jobs_stage_name(session, shortlisted,
                                                              recruiter):
    rename_stage(session=session, job_id=shortlisted.job_id, key=Stage.rejected.value,
                 label="Not a fit", actor=None)
    shortlisted.stage = Stage.rejected
    session.add(shortlisted)
    session.commit()
    with pytest.raises(OfferError, match="This application is in “Not a fit”: no offer"):
        preview_offer(session=session, application_id=shortlisted.id, form=_form(),
                      actor=recruiter)

def test_without_a_mail_server_the_folder_copy_carries_the_letter(session, shortlisted,
                                                                  recruiter, outbox_env):
    send_offer(session=session, application_id=shortlisted.id, form=_form(), actor=recruiter)
    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    (stored,) = list(mailbox.Maildir(outbox_env, factory=None, create=False))
    parsed = message_from_bytes(stored.as_bytes(), policy=default_policy)
    (letter,) = [part for part in parsed.iter_attachments()
                 if part.get_filename(" ").endswith(".docx")]
    assert "Salary: EUR 68,000 per year" in _docx_text(letter.get_content())


def test_the_offer_section_lists_the_jobs_own_stages_and_the_offers(session, shortlisted,
                                                                    recruiter):
    add_stage(session=session, job_id=shortlisted.job_id, label="Reference check",
              actor=recruiter)
    shortlisted.stage = Stage.screened
    session.add(shortlisted)
    session.commit()
    (target,) = offer_targets(session=session, candidate_id=shortlisted.candidate_id)
    # Where it is (a pipeline step) first, then where HR may move it; never Rejected here.
    assert [c.key for c in target.stages] == [
        "screened", "shortlisted", "custom_reference_check", "offer", "hired", "withdrawn"]
    assert target.can_offer and target.offers == []

    send_offer(session=session, application_id=shortlisted.id, form=_form(), actor=recruiter)
    (target,) = offer_targets(session=session, candidate_id=shortlisted.candidate_id)
    assert (target.stage_label, target.can_offer) == ("Offer", False)
    (row,) = target.offers
    assert (row.status_label, row.salary, row.mail_status) == (
        "Waiting for an answer", "EUR 68,000 per year", "pending")
