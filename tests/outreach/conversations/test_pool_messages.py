"""HR writes to a person who is in the talent pool: the message is filed against their pool
entry, shows in the conversation like any other, and its words name no job, since there is
none (never "your application for None"). The rules of every message still hold: an
anonymised or merged record is refused, blind screening hides the name in the preview, and a
draft sent twice is queued once."""

from __future__ import annotations

import string

import pytest
from sqlmodel import Session, select

from hireops.models import (
    Application, Candidate, ConversationMessage, Email, OutboxMessage, Stage, User,
)
from hireops.services.inbox.reply_threading import find_thread, record_reply
from hireops.services.mail.parsing import normalise_message_id
from hireops.services.outreach.conversations import (
    ConversationRefused, draft_from_template, list_conversation, preview_message, send_message,
)
from hireops.services.outreach.email_templates import CONVERSATION_TEMPLATE_KINDS
from hireops.services.text.language.supported import SUPPORTED_LANGUAGES
from tests.factories import make_application, make_candidate, make_job, make_user

KEY = "pool-draft-0123456789"


def _pooled(session: Session, **candidate) -> Application:
    person = make_candidate(session, **{"full_name": "Lena Park", "email": "lena@example.com",
                                        **candidate})
    pooled = Application(candidate_id=person.id, job_id=None, stage=Stage.new)
    session.add(pooled)
    session.commit()
    return pooled


@pytest.fixture
def hr(session: Session) -> User:
    user = make_user(session, full_name="Rita Recruiter")
    session.commit()
    return user


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _words_of(mail) -> str:
    return f"{mail.subject}\n{mail.text}\n{mail.html}"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("kind", CONVERSATION_TEMPLATE_KINDS)
def test_a_template_about_the_pool_entry_names_no_job(session, hr, kind, language):
    pooled = _pooled(session, language=language)
    subject, body = draft_from_template(session=session, template_kind=kind,
                                        candidate_id=pooled.candidate_id,
                                        application_id=pooled.id)
    assert "job_title" not in _placeholders(subject + body)
    mail = preview_message(session=session, candidate_id=pooled.candidate_id,
                           application_id=pooled.id, subject=subject, body=body, actor=hr)
    assert "None" not in _words_of(mail) and "Lena Park" in mail.text
    # The same template about a job names it, as before.
    job_application = make_application(session, job=make_job(session, title="Data Analyst"),
                                       candidate=session.get(Candidate, pooled.candidate_id))
    session.commit()
    subject, body = draft_from_template(session=session, template_kind=kind,
                                        candidate_id=pooled.candidate_id,
                                        application_id=job_application.id)
    assert "Data Analyst" in preview_message(
        session=session, candidate_id=pooled.candidate_id, application_id=job_application.id,
        subject=subject, body=body, actor=hr).subject


def test_the_english_pool_wording_speaks_of_no_application(session, hr):
    pooled = _pooled(session)
    for kind in CONVERSATION_TEMPLATE_KINDS:
        subject, body = draft_from_template(session=session, template_kind=kind,
                                            candidate_id=pooled.candidate_id,
                                            application_id=pooled.id)
        assert "application for" not in (subject + body) and "position" not in body


@pytest.mark.parametrize("subject, body", [
    ("About {job_title}", "Hello {candidate_name}"),
    ("Hello", "Your application for {job_title} is kept."),
])
def test_a_message_about_the_pool_that_names_a_job_is_refused(session, hr, subject, body):
    pooled = _pooled(session)
    for write in (preview_message, send_message):
        extra = {"template_kind": "free_text", "draft_key": KEY} if write is send_message else {}
        with pytest.raises(ConversationRefused, match="no job"):
            write(session=session, candidate_id=pooled.candidate_id, application_id=pooled.id,
                  subject=subject, body=body, actor=hr, **extra)
    assert session.exec(select(OutboxMessage)).all() == []


def test_a_pooled_person_is_written_to_and_the_message_filed_against_the_pool_entry(session,
                                                                                     hr):
    pooled = _pooled(session)
    subject, body = draft_from_template(session=session, template_kind="message_question",
                                        candidate_id=pooled.candidate_id,
                                        application_id=pooled.id)
    message = send_message(session=session, candidate_id=pooled.candidate_id,
                           application_id=pooled.id, subject=subject, body=body,
                           template_kind="message_question", draft_key=KEY, actor=hr)
    outbox = session.get(OutboxMessage, message.outbox_id)
    assert message.application_id == outbox.application_id == pooled.id
    assert outbox.to_address == "lena@example.com" and "None" not in outbox.body_text
    # Filed as written from the pool's wording, so a reader of the thread knows which it was.
    assert message.template_kind == "message_pool_question"
    [entry] = list_conversation(session=session, candidate_id=pooled.candidate_id)
    assert (entry.direction, entry.subject, entry.author) == ("out", outbox.subject,
                                                              "Rita Recruiter")
    # The same draft sent again (a double click) queues nothing more.
    again = send_message(session=session, candidate_id=pooled.candidate_id,
                         application_id=pooled.id, subject=subject, body=body,
                         template_kind="message_question", draft_key=KEY, actor=hr)
    assert again.id == message.id and len(session.exec(select(OutboxMessage)).all()) == 1
    # Lena's answer (its In-Reply-To as the inbox stores it) joins the thread under the pool
    # entry too.
    answer = Email(message_key="lena-answer", message_id="<answer@example.com>",
                   in_reply_to=normalise_message_id(message.message_id),
                   from_address="lena@example.com",
                   subject=f"Re: {outbox.subject}", body_text="Happy to talk.")
    session.add(answer)
    session.flush()
    reply = record_reply(session=session, email=answer,
                         match=find_thread(session=session, email=answer))
    assert (reply.candidate_id, reply.application_id) == (pooled.candidate_id, pooled.id)


def test_the_pool_entry_is_chosen_beside_a_job_application(session, hr):
    pooled = _pooled(session)
    job_application = make_application(session, job=make_job(session, title="Data Analyst"),
                                       candidate=session.get(Candidate, pooled.candidate_id))
    session.commit()
    about_pool = send_message(session=session, candidate_id=pooled.candidate_id,
                              application_id=pooled.id, subject="Hello",
                              body="Hello {candidate_name}", template_kind="free_text",
                              draft_key=KEY, actor=hr)
    about_job = send_message(session=session, candidate_id=pooled.candidate_id,
                             application_id=None, subject="About {job_title}",
                             body="Hello {candidate_name}", template_kind="free_text",
                             draft_key=KEY + "-2", actor=hr)
    assert about_pool.application_id == pooled.id
    # No choice made: the newest application to a job, as before.
    assert (about_job.application_id, about_job.subject) == (job_application.id,
                                                             "About Data Analyst")


def test_an_anonymised_or_merged_pooled_person_is_not_written_to(session, hr):
    from hireops.models import utcnow

    anonymised = _pooled(session)
    merged = _pooled(session, email="merged@example.com")
    session.get(Candidate, anonymised.candidate_id).anonymized_at = utcnow()
    session.get(Candidate, merged.candidate_id).merged_into_id = anonymised.candidate_id
    session.commit()
    for pooled, why in ((anonymised, "anonymised"), (merged, "merged")):
        with pytest.raises(ConversationRefused, match=why):
            send_message(session=session, candidate_id=pooled.candidate_id,
                         application_id=pooled.id, subject="Hello", body="Hello",
                         template_kind="free_text", draft_key=KEY, actor=hr)
    assert session.exec(select(ConversationMessage)).all() == []


def test_blind_screening_hides_a_pooled_persons_name_in_the_preview(session, hr):
    pooled = _pooled(session)
    make_application(session, job=make_job(session, blind_screening=True),
                     candidate=session.get(Candidate, pooled.candidate_id))
    session.commit()
    mail = preview_message(session=session, candidate_id=pooled.candidate_id,
                           application_id=pooled.id, subject="Hello",
                           body="Hello {candidate_name}", actor=hr)
    assert "Lena" not in mail.text and f"#{pooled.candidate_id}" in mail.text
