"""Writing to a candidate and threading the reply, against the real loopback SMTP server and
a real Dovecot IMAP server: the reply joins the candidate's conversation and timeline and is
never read as a new application; a stranger's mail is still classified."""

from __future__ import annotations

from email.utils import make_msgid

from sqlmodel import Session, func, select

from hireops.models import (
    AICall, Application, Attachment, Candidate, ConversationMessage, Email, Event, User,
)
from hireops.services.candidates.profile import get_candidate_profile
from hireops.services.outreach.conversations import list_conversation, send_message
from hireops.services.outreach.email_templates import default_template
from tests.fakes.dovecot import DovecotServer
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.fakes.smtp_server import FakeSmtpServer
from tests.outreach.conversations.conftest import deliver_outbox, imap_pass
from tests.inbox.conftest import MAYA_CV


def _write_to(session: Session, candidate: Candidate, author: User, smtp: FakeSmtpServer,
              key: str = "draft-0000000000000001") -> str:
    """Send a question to the candidate; the Message-ID the SMTP server received."""
    template = default_template("message_question")
    send_message(session=session, candidate_id=candidate.id, application_id=None,
                 subject=template.subject,
                 body=template.body.replace("[your question]", "When could you start?"),
                 template_kind="message_question", draft_key=key, actor=author)
    before = len(smtp.messages)
    deliver_outbox(session)
    assert len(smtp.messages) == before + 1
    return smtp.messages[-1].parsed["Message-ID"]


def _count(session: Session, model) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


def _reply(subject: str, body: str, headers: dict[str, str], sender: str = "maya.chen@example.com",
           attachments=()) -> bytes:
    return build_email(sender=sender, sender_name="Maya Chen", subject=subject, body=body,
                       message_id=make_msgid(domain="mail.example"), extra_headers=headers,
                       attachments=list(attachments))


def _threaded(session: Session) -> Email:
    session.expire_all()
    return session.exec(select(Email).where(Email.category == "reply")).one()


def test_a_reply_with_in_reply_to_lands_on_the_timeline_not_as_an_application(
        session: Session, maya: Candidate, recruiter: User, mail_env: FakeSmtpServer,
        dovecot: DovecotServer):
    sent_id = _write_to(session, maya, recruiter, mail_env)
    sent = mail_env.messages[-1].parsed
    assert sent["To"] == "maya.chen@example.com"
    assert "When could you start?" in sent.get_body(("plain",)).get_content()
    assert sent_id.endswith("@acme.test>") and sent_id.startswith("<outbox.")
    # The Message-ID the server saw is the one stored with the conversation.
    assert session.exec(select(ConversationMessage.message_id)).one() == sent_id
    applications, candidates = _count(session, Application), _count(session, Candidate)

    # Maya answers with a new CV attached: a reply, not a second application.
    dovecot.append(_reply(f"Re: {sent['Subject']}", "I can start on 1 March.\n\nMaya",
                          {"In-Reply-To": sent_id, "References": sent_id},
                          attachments=[("Maya_Chen_CV.pdf", PDF, resume_pdf(MAYA_CV))]))
    summary = imap_pass(dovecot)

    assert summary.replies_threaded == 1 and summary.failed == []
    assert (_count(session, Application), _count(session, Candidate)) == (applications,
                                                                         candidates)
    reply = _threaded(session)
    assert reply.candidate_id == maya.id and reply.status == "processed"
    assert "In-Reply-To names our message" in reply.reasoning
    # Never classified: no classifier call was made for it.
    assert reply.classification["matched_by"] == "in_reply_to"
    assert session.exec(select(func.count()).select_from(AICall).where(
        AICall.subject_type == "email", AICall.subject_id == reply.id)).one() == 0
    attachment = session.exec(select(Attachment).where(Attachment.email_id == reply.id)).one()
    assert attachment.candidate_id == maya.id and attachment.extraction_status == "skipped"

    thread = list_conversation(session=session, candidate_id=maya.id)
    assert [entry.direction for entry in thread] == ["out", "in"]
    assert thread[0].status == "sent" and thread[0].author == "Rita Recruiter"
    assert thread[1].body.startswith("I can start on 1 March.")
    profile = get_candidate_profile(session=session, candidate_id=maya.id)
    reply_entries = [e for e in profile.timeline if e.action == "conversation.reply_received"]
    assert len(reply_entries) == 1 and "I can start on 1 March." in reply_entries[0].note
    assert any(e.action == "conversation.sent" for e in profile.timeline)


def test_references_alone_thread_the_reply(session: Session, maya: Candidate, recruiter: User,
                                           mail_env: FakeSmtpServer, dovecot: DovecotServer):
    sent_id = _write_to(session, maya, recruiter, mail_env)
    # A client that drops In-Reply-To; our id is one of several References, not the last.
    dovecot.append(_reply("Antwort", "Yes, March works.",
                          {"References": f"<older@mail.example> {sent_id} <x@elsewhere.example>"}))
    summary = imap_pass(dovecot)
    assert summary.replies_threaded == 1
    reply = _threaded(session)
    assert reply.candidate_id == maya.id
    assert reply.classification["matched_by"] == "references"


def test_a_reply_from_the_candidates_address_threads_without_headers(
        session: Session, maya: Candidate, recruiter: User, mail_env: FakeSmtpServer,
        dovecot: DovecotServer):
    _write_to(session, maya, recruiter, mail_env)
    dovecot.append(_reply("AW: A question about your application", "Answer below.", {},
                          sender="Maya.Chen@Example.com"))
    imap_pass(dovecot)
    reply = _threaded(session)
    assert reply.candidate_id == maya.id and reply.classification["matched_by"] == "address"


def test_a_stranger_and_an_unanswered_candidate_are_classified_as_before(
        session: Session, maya: Candidate, recruiter: User, mail_env: FakeSmtpServer,
        dovecot: DovecotServer):
    # We never wrote to Maya: her "Re:" without headers is read like any mail.
    dovecot.append(_reply("Re: my application", "Just checking in on my application.", {}))
    # A stranger replying to a thread we do not know, with a resume: a new application.
    stranger_cv = ["Jon Doe", "jon.doe@example.net", "Backend Engineer with Python, "
                   "PostgreSQL, Docker and REST APIs for six years."]
    dovecot.append(_reply("Re: Senior Backend Engineer", "Please consider my CV.",
                          {"In-Reply-To": "<unknown-thread@elsewhere.example>"},
                          sender="jon.doe@example.net",
                          attachments=[("Jon_Doe_CV.pdf", PDF, resume_pdf(stranger_cv))]))
    summary = imap_pass(dovecot)
    assert summary.replies_threaded == 0
    session.expire_all()
    assert _count(session, ConversationMessage) == 0
    stranger = session.exec(select(Email).where(Email.from_address == "jon.doe@example.net")).one()
    assert stranger.category == "candidate_application"
    assert stranger.candidate_id is not None and stranger.candidate_id != maya.id
    assert session.exec(select(func.count()).select_from(Event)
                        .where(Event.action == "conversation.reply_received")).one() == 0


def test_sending_the_same_draft_twice_queues_one_mail(session: Session, maya: Candidate,
                                                       recruiter: User,
                                                       mail_env: FakeSmtpServer):
    for _ in range(2):
        send_message(session=session, candidate_id=maya.id, application_id=None,
                     subject="Hello {candidate_name}", body="A short note.",
                     template_kind="free_text", draft_key="draft-twice-000000001",
                     actor=recruiter)
    deliver_outbox(session)
    assert len(mail_env.messages) == 1
    assert mail_env.messages[0].parsed["Subject"] == "Hello Maya Chen"
    assert _count(session, ConversationMessage) == 1


def test_a_reply_that_breaks_while_threading_is_classified_and_the_others_go_on(
        session: Session, maya: Candidate, recruiter: User, mail_env: FakeSmtpServer,
        dovecot: DovecotServer, monkeypatch):
    from hireops.services.inbox import reply_threading

    sent_id = _write_to(session, maya, recruiter, mail_env)
    for text in ("First answer.", "Second answer."):
        dovecot.append(_reply("Re: question", text, {"In-Reply-To": sent_id}))
    real = reply_threading.record_reply
    calls = []

    def breaks_once(**kwargs):
        calls.append(kwargs["email"].id)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(reply_threading, "record_reply", breaks_once)
    summary = imap_pass(dovecot)

    assert summary.replies_threaded == 1 and summary.failed == []
    session.expire_all()
    statuses = {e.body_text.strip(): (e.category, e.status) for e in session.exec(
        select(Email).where(Email.subject == "Re: question"))}
    assert statuses["Second answer."] == ("reply", "processed")
    # The broken one was not lost: it went through classification like any mail.
    assert statuses["First answer."][1] == "processed"
    assert statuses["First answer."][0] != "reply"


def test_answering_a_reply_keeps_its_subject_with_a_strangers_braces_as_text(
        session: Session, maya: Candidate, recruiter: User, mail_env: FakeSmtpServer,
        dovecot: DovecotServer):
    from hireops.services.outreach.conversations import follow_up_subject

    sent_id = _write_to(session, maya, recruiter, mail_env)
    assert follow_up_subject(list_conversation(session=session, candidate_id=maya.id)) == ""
    dovecot.append(_reply("Notice period {x} and {candidate_name}", "One month.",
                          {"In-Reply-To": sent_id}))
    imap_pass(dovecot)
    subject = follow_up_subject(list_conversation(session=session, candidate_id=maya.id))
    assert subject == "Re: Notice period {{x}} and {{candidate_name}}"
    # Sent as written: the braces reach the candidate as braces, nothing is filled in.
    send_message(session=session, candidate_id=maya.id, application_id=None, subject=subject,
                 body="Thank you.", template_kind="free_text",
                 draft_key="draft-follow-up-0000001", actor=recruiter)
    deliver_outbox(session)
    follow_up = mail_env.messages[-1].parsed
    assert follow_up["Subject"] == "Re: Notice period {x} and {candidate_name}"
    # Their mail client keeps the thread: the follow-up answers their reply.
    reply_id = session.exec(select(Email.message_id).where(Email.category == "reply")).one()
    assert follow_up["In-Reply-To"] == follow_up["References"] == reply_id
