"""Writing to a candidate from the candidate page, and the conversation that follows.

A message starts from a template (services.outreach.email_templates, editable in Settings) or from free
text; both may use the common placeholders ({candidate_name}, {job_title}, {company_name},
{recruiter_name}), filled in by name only. A message about no job (the person's talent-pool
entry) starts from the same templates worded without one, and {job_title} is refused in it: a
mail never names a job that does not exist. It goes out through the outbox with a Message-ID
derived from its key, which is stored with it: a reply naming that Message-ID is threaded back
onto the candidate (services.inbox.reply_threading) instead of being read as a new application.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import (
    Application, Candidate, ConversationMessage, Job, OutboxMessage, User,
)
from hireops.services.candidates.talent_pool import TALENT_POOL_LABEL
from hireops.services.platform.audit import record_event
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids, redact_for
from hireops.services.platform.clock import format_local
from hireops.services.outreach.email_templates import (
    CONVERSATION_TEMPLATE_KINDS, NO_JOB_TEMPLATE_KIND, OUTBOX_KIND, EmailTemplate, RenderedMail,
    TemplateError, get_template, render_template, validate_template,
)
from hireops.services.mail.parsing import normalise_message_id
from hireops.services.mail.sender import message_id_for_key
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.text.language.supported import supported_language

FREE_TEXT = "free_text"
SENT_ACTION = "conversation.sent"
REPLY_ACTION = "conversation.reply_received"
# How much of a message the timeline quotes.
EXCERPT_CHARS = 400
# A draft key is the browser's; it only ever picks one outbox row, so it is kept short and plain.
_DRAFT_KEY_MAX = 64
MATCH_LABELS = {"in_reply_to": "reply to our message (In-Reply-To)",
                "references": "same thread (References)",
                "address": "from the candidate's address"}
NO_JOB_TO_NAME = ("This message is about the talent pool, and there is no job to name: take "
                  "{job_title} out of the subject and the message.")


class ConversationRefused(ValueError):
    """The message cannot be written or sent; the text says why, for the page."""


@dataclass(frozen=True)
class ConversationEntry:
    """One message of the thread, as the candidate page shows it."""

    id: int
    # out | in
    direction: str
    at: str
    # Who wrote it: the team member, or the sender's address for a reply.
    author: str
    subject: str
    body: str
    # Outgoing: pending | sending | sent | failed ("saved" when only the local folder has it);
    # incoming: how it was matched, in words.
    status: str
    email_id: int


def draft_from_template(*, session: Session, template_kind: str,
                        candidate_id: int | None = None,
                        application_id: int | None = None) -> tuple[str, str]:
    """(subject, body) to start editing from: the template's text, placeholders unfilled,
    in the language of the candidate it is written to, worded without a job when the message
    is about none (their talent-pool entry)."""
    if template_kind == FREE_TEXT:
        return "", ""
    if template_kind not in CONVERSATION_TEMPLATE_KINDS:
        raise ConversationRefused(f"Unknown template {template_kind!r}.")
    candidate = session.get(Candidate, candidate_id) if candidate_id else None
    if candidate is not None:
        application = _application(session, candidate.id, application_id)
        template_kind = _template_kind(template_kind, _job_of(session, application))
    template = get_template(session=session, kind=template_kind,
                            language=candidate.language if candidate else "en")
    return template.subject, template.body


def message_subjects(*, session: Session, candidate_id: int) -> list[tuple[int, str]]:
    """What a message to the candidate can be about, as (application id, title): their job
    applications, newest first, then their talent-pool entry ("Talent pool"); the first is
    the one a message is about unless HR picks another."""
    rows = session.exec(select(Application.id, Job.title)
                        .outerjoin(Job, Job.id == Application.job_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(Application.job_id.is_(None), Application.created_at.desc(),
                                  Application.id.desc())).all()
    return [(application_id, title or TALENT_POOL_LABEL) for application_id, title in rows]


def preview_message(*, session: Session, candidate_id: int, application_id: int | None,
                    subject: str, body: str, actor: User) -> RenderedMail:
    """The message filled in as the candidate will read it (a hidden identity stays hidden)."""
    candidate, application, job = _recipient(session, candidate_id, application_id)
    values = _values(candidate, job, actor)
    if hidden_candidate_ids(session=session, candidate_ids=[candidate.id]):
        values["candidate_name"] = anonymous_name(candidate.id)
    return _render(subject, body, values, candidate.language, job)


def send_message(*, session: Session, candidate_id: int, application_id: int | None,
                 subject: str, body: str, template_kind: str, draft_key: str,
                 actor: User) -> ConversationMessage:
    """Queue the message in the outbox and add it to the conversation, in one commit.

    `draft_key` names this draft: sending it twice (a double click, two tabs) queues one mail.
    """
    key = _outbox_key(draft_key)
    existing = _sent_with_key(session, key)
    if existing is not None:
        return existing
    candidate, application, job = _recipient(session, candidate_id, application_id)
    mail = _render(subject, body, _values(candidate, job, actor), candidate.language, job)
    outbox = enqueue_mail(session=session, idempotency_key=key, kind=OUTBOX_KIND[
        "message_question"], to_address=candidate.email, subject=mail.subject,
        body_text=mail.text, body_html=mail.html,
        application_id=application.id if application else None,
        in_reply_to=_last_reply_id(session, candidate.id))
    session.flush()
    domain = current_settings().smtp_from_address.rpartition("@")[2]
    message = ConversationMessage(
        candidate_id=candidate.id, application_id=outbox.application_id, direction="out",
        outbox_id=outbox.id, message_id=message_id_for_key(key, domain=domain),
        subject=mail.subject, body_text=mail.text,
        template_kind=(_template_kind(template_kind, job)
                       if template_kind in CONVERSATION_TEMPLATE_KINDS else ""),
        author_id=actor.id)
    session.add(message)
    record_event(session=session, action=SENT_ACTION, actor=actor, entity_type="candidate",
                 entity_id=candidate.id, note=mail.subject,
                 after={"outbox_id": outbox.id, "application_id": outbox.application_id})
    session.commit()
    session.refresh(message)
    return message


def list_conversation(*, session: Session, candidate_id: int) -> list[ConversationEntry]:
    """The candidate's conversation, oldest first, as the page shows it."""
    rows = session.exec(select(ConversationMessage, OutboxMessage, User)
                        .outerjoin(OutboxMessage, OutboxMessage.id == ConversationMessage.outbox_id)
                        .outerjoin(User, User.id == ConversationMessage.author_id)
                        .where(ConversationMessage.candidate_id == candidate_id)
                        .order_by(ConversationMessage.created_at, ConversationMessage.id)).all()
    hidden = bool(hidden_candidate_ids(session=session, candidate_ids=[candidate_id]))
    candidate = session.get(Candidate, candidate_id)
    # While blind screening hides the person, both sides are shown redacted: our mail greets
    # them by name, theirs is signed with it.
    quote = (lambda text: redact_for(candidate, text)) if hidden and candidate else (
        lambda text: text)
    return [_entry(message, outbox, author, hidden, quote) for message, outbox, author in rows]


def follow_up_subject(entries: list[ConversationEntry]) -> str:
    """"Re: <their subject>" when the candidate wrote last, else "". Their braces are escaped:
    the subject is read as a template, and a stranger's "{x}" is no placeholder."""
    if not entries or entries[-1].direction != "in":
        return ""
    subject = " ".join(entries[-1].subject.split())[:180]
    if not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    return subject.replace("{", "{{").replace("}", "}}")


def excerpt(text: str) -> str:
    """The start of a message for the timeline and notifications, on one paragraph."""
    flat = " ".join(text[:EXCERPT_CHARS * 4].split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS - 1].rstrip() + "…"


# --- helpers -------------------------------------------------------------------------------


def _recipient(session: Session, candidate_id: int,
               application_id: int | None) -> tuple[Candidate, Application | None, Job | None]:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise ConversationRefused("That candidate does not exist.")
    if candidate.anonymized_at is not None:
        raise ConversationRefused("This candidate's data was anonymised: there is no one to "
                                  "write to.")
    if candidate.merged_into_id:
        raise ConversationRefused(f"This record was merged into #{candidate.merged_into_id}; "
                                  "write from that record.")
    if "@" not in candidate.email:
        raise ConversationRefused("This candidate has no email address on file.")
    application = _application(session, candidate.id, application_id)
    return candidate, application, _job_of(session, application)


def _job_of(session: Session, application: Application | None) -> Job | None:
    """The job the message is about: None for the talent-pool entry (or no application)."""
    return session.get(Job, application.job_id) if application and application.job_id else None


def _template_kind(kind: str, job: Job | None) -> str:
    """The template a starting point means for this message: worded without a job for none."""
    return kind if job is not None else NO_JOB_TEMPLATE_KIND.get(kind, kind)


def _application(session: Session, candidate_id: int,
                 application_id: int | None) -> Application | None:
    """The chosen application (it must be this candidate's), else the newest one with a job."""
    if application_id:
        application = session.get(Application, application_id)
        if application is None or application.candidate_id != candidate_id:
            raise ConversationRefused("That application is not this candidate's.")
        return application
    return session.exec(select(Application).where(Application.candidate_id == candidate_id)
                        .order_by(Application.job_id.is_(None), Application.created_at.desc())
                        ).first()


def _values(candidate: Candidate, job: Job | None, actor: User) -> dict[str, str]:
    # No job, no job title: a message about the talent pool has none to give.
    values = {"candidate_name": candidate.full_name,
              "company_name": current_settings().company_name,
              "recruiter_name": actor.full_name or actor.email}
    return values | ({"job_title": job.title} if job is not None else {})


def _render(subject: str, body: str, values: dict[str, str], language: str,
            job: Job | None) -> RenderedMail:
    """Free text and edited templates are checked like a template of the same placeholders
    (without {job_title} when the message is about no job), and written in the candidate's
    language (a French message gets French spacing)."""
    if job is None and "job_title" in _placeholders(subject) | _placeholders(body):
        raise ConversationRefused(NO_JOB_TO_NAME)
    template = EmailTemplate(kind=_template_kind("message_question", job),
                             subject=" ".join(subject.split()),
                             body=body.replace("\r\n", "\n").strip(),
                             language=supported_language(language))
    try:
        validate_template(template)
        return render_template(template, values)
    except TemplateError as problem:
        raise ConversationRefused(str(problem)) from None


def _placeholders(text: str) -> set[str]:
    """The placeholder names in `text` (none when its braces do not parse: the template check
    says what is wrong with them)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def _outbox_key(draft_key: str) -> str:
    cleaned = "".join(c for c in draft_key if c.isalnum() or c == "-")[:_DRAFT_KEY_MAX]
    if len(cleaned) < 16:
        raise ConversationRefused("This draft has no key; reload the page and write again.")
    return f"conversation:{cleaned}"


def _last_reply_id(session: Session, candidate_id: int) -> str:
    """The candidate's latest reply's Message-ID, as a header may carry it ("" for none).

    It came from the candidate's mail, so it is checked again here: one bracketed id, nothing
    that could end the header line."""
    message_id = session.exec(select(ConversationMessage.message_id).where(
        ConversationMessage.candidate_id == candidate_id, ConversationMessage.direction == "in")
        .order_by(ConversationMessage.id.desc())).first()
    normalised = normalise_message_id(message_id or "")
    return f"<{normalised}>" if normalised else ""


def _sent_with_key(session: Session, key: str) -> ConversationMessage | None:
    return session.exec(select(ConversationMessage).join(
        OutboxMessage, OutboxMessage.id == ConversationMessage.outbox_id)
        .where(OutboxMessage.idempotency_key == key)).first()


def _entry(message: ConversationMessage, outbox: OutboxMessage | None, author: User | None,
           hidden: bool, quote: Callable[[str], str]) -> ConversationEntry:
    if message.direction == "out":
        status = outbox.status if outbox else "sent"
        if outbox is not None and outbox.delivered_to == "folder":
            status = "saved"
        who = (author.full_name or author.email) if author else "HireOps"
    else:
        status = MATCH_LABELS.get(message.matched_by, message.matched_by)
        who = "Candidate" if hidden else (message.from_address or "Candidate")
    return ConversationEntry(
        id=message.id, direction=message.direction,
        at=format_local(message.created_at), author=who,
        subject=quote(message.subject), body=quote(message.body_text), status=status,
        email_id=message.email_id or 0)

