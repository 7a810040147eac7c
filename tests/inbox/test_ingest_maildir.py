"""A whole ingest pass over a local Maildir: mail in, candidates and scored applications out,
each message stored once, and the Maildir itself left exactly as it was."""

from __future__ import annotations

import mailbox
from pathlib import Path

from sqlmodel import Session, select

from hireops.models import Application, Attachment, Candidate, Email, Event
from hireops.services.inbox.ingest import describe_ingest, run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from hireops.services.candidates.stages import STAGE_CHANGED
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import (
    ANALYST,
    BACKEND,
    CORPUS_COUNTS,
    MAYA_CV,
    corpus,
    counts,
    deliver,
    invoice,
    listing,
    lukas_application,
    maya_application,
    newsletter,
    priya_application,
    tom_applications,
)


def _pass(path: Path):
    return run_ingest_pass(source=MaildirSource(path))


def _email(session: Session, sender: str) -> Email:
    session.expire_all()
    return session.exec(select(Email).where(Email.from_address == sender)).one()


def _applications(session: Session, candidate_id: int) -> list[Application]:
    return list(session.exec(select(Application).where(Application.candidate_id == candidate_id)))


def _match_reason(session: Session, application: Application) -> str:
    event = session.exec(select(Event).where(Event.action == "application.matched",
                                             Event.entity_id == application.id)).one()
    return event.after["reason"]


def test_applications_become_candidates_with_scored_applications(session, maildir, maildir_path,
                                                                  jobs):
    deliver(maildir, maya_application(), lukas_application())
    summary = _pass(maildir_path)

    assert (summary.seen, summary.new, summary.duplicates) == (2, 2, 0)
    assert (summary.candidates_created, summary.applications_created) == (2, 2)
    assert summary.failed == [] and summary.source_error == ""

    # PDF resume, job named in the subject.
    maya_email = _email(session, "maya.chen@example.com")
    assert (maya_email.status, maya_email.category) == ("processed", "candidate_application")
    maya = session.get(Candidate, maya_email.candidate_id)
    assert maya.full_name == "Maya Chen" and maya.email == "maya.chen@example.com"
    assert maya.phone == "+49 151 2345 6789"
    assert "FastAPI and PostgreSQL" in maya.resume_text
    pdf = session.exec(select(Attachment).where(Attachment.email_id == maya_email.id)).one()
    assert pdf.extraction_status == "ok" and maya.resume_attachment_id == pdf.id
    [application] = _applications(session, maya.id)
    assert application.job_id == jobs[BACKEND].id and application.source_email_id == maya_email.id
    assert _match_reason(session, application) == "named in the subject"
    assert application.resume_score is not None and application.resume_score >= 80
    evidence = {item["skill"]: item["resume_evidence"]
                for item in application.resume_result["match"]["evidence"]}
    assert {"Python", "PostgreSQL", "Docker"} <= set(evidence)
    assert "PostgreSQL" in evidence["PostgreSQL"]
    assert application.resume_job_version == jobs[BACKEND].version
    assert application.stage == "matched"

    # DOCX resume, no job named: the resume decides (and only the job it fits).
    lukas_email = _email(session, "lukas.weber@example.org")
    lukas = session.get(Candidate, lukas_email.candidate_id)
    assert lukas.full_name == "Lukas Weber" and "Tableau dashboards" in lukas.resume_text
    [application] = _applications(session, lukas.id)
    assert application.job_id == jobs[ANALYST].id
    reason = _match_reason(session, application)
    assert "named" not in reason and "Tableau" in reason
    # Five lines, every must-have shown: well above the screen line (50). The score weighs the
    # whole job, so so short a resume stays just under the shortlist line it reached when only
    # the skills were counted.
    assert application.resume_score >= 75
    assert {e["skill"] for e in application.resume_result["match"]["evidence"]} >= {
        "SQL", "Tableau", "Excel"}


def test_invoice_and_newsletter_with_pdfs_are_not_candidates(session, maildir, maildir_path,
                                                             jobs):
    deliver(maildir, invoice(), newsletter())
    summary = _pass(maildir_path)

    assert summary.new == 2 and summary.processed == 2
    assert (summary.candidates_created, summary.applications_created) == (0, 0)
    for sender in ("billing@acme-supplies.example", "news@hr-weekly.example"):
        email = _email(session, sender)
        assert (email.status, email.category, email.candidate_id) == ("processed", "general", None)
        assert email.reasoning.startswith("Not an application")
    assert counts(session)["candidates"] == 0
    # The PDFs are kept with the message all the same.
    assert counts(session)["attachments"] == 2


def test_resume_in_the_body_without_attachment_makes_a_candidate(session, maildir, maildir_path,
                                                                 jobs):
    deliver(maildir, priya_application())
    summary = _pass(maildir_path)

    assert summary.candidates_created == 1 and summary.applications_created == 1
    email = _email(session, "priya.nair@example.co.uk")
    assert email.status == "processed"
    # The only note: the resume is the mail itself.
    assert email.warnings == ["No resume file: the resume read from the email body is scored."]
    priya = session.get(Candidate, email.candidate_id)
    assert priya.full_name == "Priya Nair" and priya.phone == "+44 7700 900123"
    assert "Retail Insights Ltd" in priya.resume_text
    [application] = _applications(session, priya.id)
    assert application.job_id == jobs[ANALYST].id and application.resume_score is not None


def test_second_pass_stores_and_creates_nothing(session, maildir, maildir_path, jobs):
    deliver(maildir, *corpus())
    first = _pass(maildir_path)
    assert first.new == CORPUS_COUNTS["emails"] and first.failed == []
    after_first = counts(session)
    assert {k: after_first[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS

    second = _pass(maildir_path)
    # Known Maildir keys are skipped before reading; whatever is read again is a duplicate.
    assert second.new == 0 and second.seen == second.duplicates
    assert (second.processed, second.candidates_created, second.applications_created) == (0, 0, 0)
    assert counts(session) == after_first


def test_same_message_id_twice_in_the_maildir_is_stored_once(session, maildir, maildir_path, jobs):
    raw = maya_application()
    # A copy with an extra delivery header: other bytes, same Message-ID.
    relayed = b"Received: from mx2.mail.example by mx.hireops.example\n" + raw
    deliver(maildir, raw, raw, relayed)
    summary = _pass(maildir_path)

    assert (summary.seen, summary.new, summary.duplicates) == (3, 1, 2)
    assert summary.candidates_created == 1 and summary.applications_created == 1
    assert counts(session) == {"emails": 1, "attachments": 1, "candidates": 1, "applications": 1}


def test_message_without_message_id_delivered_twice_is_stored_once(session, maildir,
                                                                   maildir_path, jobs):
    raw = maya_application(message_id=None)
    assert b"Message-ID" not in raw
    deliver(maildir,
            b"Received: from mx1.mail.example by mx.hireops.example; Mon, 2 Nov 2026 09:30:01\n"
            b"Delivered-To: jobs@hireops.example\n" + raw,
            b"Received: from mx2.mail.example by backup.hireops.example; Mon, 2 Nov 2026 09:31:07\n"
            b"Received: from relay.mail.example by mx2.mail.example\n" + raw)
    summary = _pass(maildir_path)

    assert (summary.new, summary.duplicates) == (1, 1)
    [email] = session.exec(select(Email)).all()
    assert email.message_key.startswith("sha256:") and email.message_id == ""
    assert counts(session)["candidates"] == 1

    # And a later delivery of a third copy is still the same message.
    deliver(maildir, b"Received: from mx3.mail.example\n" + raw)
    again = _pass(maildir_path)
    # Only the new copy is read (the duplicate seen last time is remembered), and it is
    # recognised as the same message.
    assert again.new == 0 and again.duplicates == again.seen == 1
    assert counts(session)["emails"] == 1


def test_one_person_from_two_addresses_is_one_candidate(session, maildir, maildir_path, jobs):
    deliver(maildir, *tom_applications())
    summary = _pass(maildir_path)

    assert summary.new == 2 and summary.failed == []
    assert summary.candidates_created == 1
    [tom] = session.exec(select(Candidate)).all()
    assert tom.full_name == "Tom Baker" and tom.phone_normalized.endswith("2079460321")
    emails = session.exec(select(Email).order_by(Email.id)).all()
    assert [e.from_address for e in emails] == ["tom.baker@gmail.com",
                                                "t.baker@northern-rail.example"]
    assert {e.candidate_id for e in emails} == {tom.id}
    # One application to the job he named twice, scored on the newer resume.
    [application] = _applications(session, tom.id)
    assert application.job_id == jobs[BACKEND].id
    # Scored twice in one batch, moved to "matched" once.
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED,
                                              Event.entity_id == application.id)).all()
    assert (move.actor_label, move.before["stage"], move.after["stage"]) == (
        "inbox", "new", "matched")
    assert "Certified Kubernetes Administrator" in tom.resume_text
    notes = [e.note for e in session.exec(select(Event).where(
        Event.action == "candidate.updated", Event.entity_id == tom.id))]
    assert any("Also writes from t.baker@northern-rail.example" in n for n in notes)


def test_formula_like_name_is_stored_as_plain_text(session, maildir, maildir_path, jobs):
    formula = '=HYPERLINK("http://evil","x")'
    cv = [formula, "+49 30 1234 5678", *MAYA_CV[2:]]
    quoted = '"' + formula.replace('"', '\\"') + '"'  # as a mail client writes the From header
    deliver(maildir, build_email(
        sender="attacker@example.net", sender_name=quoted, subject=f"{formula} application for "
        "Senior Backend Engineer", body=f"I am applying for the Senior Backend Engineer role.\n"
        f"{formula}", attachments=[(f"{formula}.pdf", PDF, resume_pdf(cv))]))
    summary = _pass(maildir_path)

    assert summary.failed == [] and summary.new == 1 and summary.candidates_created == 1
    email = _email(session, "attacker@example.net")
    assert email.status == "processed"
    assert email.from_name == formula  # kept verbatim: neutralising is the export's job
    assert formula in email.subject and formula in email.body_text
    candidate = session.get(Candidate, email.candidate_id)
    assert formula in candidate.resume_text
    # Not mistaken for a person's name: the name falls back to something harmless.
    assert not candidate.full_name.startswith("=")
    attachment = session.exec(select(Attachment).where(Attachment.email_id == email.id)).one()
    assert "/" not in attachment.filename and attachment.filename.endswith(".pdf")


def test_the_maildir_is_left_untouched(session, maildir: mailbox.Maildir, maildir_path, jobs):
    deliver(maildir, *corpus())
    # One message already read by a mail client (in cur/ with flags).
    key = deliver(maildir, build_email(sender="ana@example.com", subject="Lunch?",
                                       body="Lunch on Friday?"))[0]
    message = maildir.get_message(key)
    message.set_subdir("cur")
    message.set_flags("S")
    maildir[key] = message
    before = listing(maildir_path)
    contents = {name: (maildir_path / name).read_bytes() for name, _ in before}

    _pass(maildir_path)
    _pass(maildir_path)

    assert listing(maildir_path) == before
    assert {name: (maildir_path / name).read_bytes() for name, _ in before} == contents
    assert len(list((maildir_path / "new").iterdir())) == len(corpus())


def test_a_duplicate_copy_is_not_read_again_on_the_next_poll(session, maildir, jobs):
    """Found to be a duplicate once, a copy's reference is remembered: the next poll skips it."""
    raw = build_email(sender="ana@example.com", subject="Question", body="Hello",
                      message_id="<twice@example.com>")
    maildir.add(raw)
    maildir.add(raw)
    first = run_ingest_pass(source=MaildirSource(maildir._path))
    assert (first.seen, first.new, first.duplicates) == (2, 1, 1)
    second = run_ingest_pass(source=MaildirSource(maildir._path))
    assert (second.seen, second.new, second.duplicates) == (0, 0, 0)


def test_a_pass_with_nothing_new_says_so_beside_the_stored_mail(session, maildir, maildir_path,
                                                                jobs):
    deliver(maildir, *corpus())
    first = _pass(maildir_path)
    stored = CORPUS_COUNTS["emails"]
    assert describe_ingest(first).startswith(f"{stored} new message(s) read")

    second = _pass(maildir_path)
    # Not "0 checked" beside a list of stored messages: they were known and skipped unread.
    assert second.already_stored == stored
    text = describe_ingest(second)
    assert text.startswith(f"No new mail; the {stored} message(s) already stored were skipped")
    assert "0 checked" not in text
