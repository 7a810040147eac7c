"""Threading replies: mail that answers our own becomes part of a candidate's conversation
instead of going through classification as a possible new application.

A claimed message is a reply to a candidate when, in this order:
1. its In-Reply-To names a message we sent (an outbox Message-ID) or one of theirs we filed
   under that candidate;
2. one of its References does (newest first), for clients that drop In-Reply-To;
3. it comes from a known candidate's address, looks like a reply (a threading header, or a
   subject such as "Re:" or "AW:") and we have written to that candidate before.
Anything else (a stranger, a first application) is classified as before.

A threaded reply is processed at once: the message is filed under the candidate with category
"reply" and the reason in words, its files stay downloadable from the inbox (not read as a
resume), and the conversation and the timeline show it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import (
    Application, Attachment, Candidate, ConversationMessage, Email, OutboxMessage, utcnow,
)
from hireops.services.platform.audit import record_event
from hireops.services.platform.clock import format_day
from hireops.services.candidates.contacts import normalize_email
from hireops.services.outreach.conversations import REPLY_ACTION, excerpt

log = logging.getLogger(__name__)
REPLY_CATEGORY = "reply"
# How much of a reply the conversation keeps (the inbox keeps the whole stored body).
MAX_REPLY_CHARS = 20_000
# Reply markers mail clients put before a subject, in the languages our users meet.
_REPLY_SUBJECT = re.compile(r"[ \t]*(?:re|aw|sv|antw|vs|odp|res|ref|r)[ \t]*(?:\[\d{1,4}\])?"
                            r"[ \t]*:", re.IGNORECASE)
# A merged record points at the kept one; following more links than this means a loop.
_MAX_MERGE_HOPS = 5
SKIPPED_ATTACHMENT = ("Attached to a reply: kept with the conversation, not read as a resume.")


@dataclass(frozen=True)
class ThreadMatch:
    """Why a message belongs to a candidate's conversation."""

    candidate_id: int
    application_id: int | None
    # in_reply_to | references | address
    matched_by: str
    # The team member whose message was answered, when we know it.
    answered_author_id: int | None
    # The message answered, in words ("our message «…» of 2026-12-07").
    answered: str


def thread_replies(*, session: Session, email_ids: list[int]) -> list[int]:
    """File every claimed message that is a reply under its candidate (committed); return the
    ids left for classification, in order."""
    left = []
    emails = session.exec(select(Email).where(Email.id.in_(email_ids)).order_by(Email.id)).all()
    for email in emails:
        try:
            # A savepoint per message: one that breaks is classified as before, alone.
            with session.begin_nested():
                match = find_thread(session=session, email=email)
                if match is not None:
                    record_reply(session=session, email=email, match=match)
        except Exception:
            log.exception("threading email %s failed; it is classified instead", email.id,
                          extra={"email_id": email.id})
            match = None
        if match is None:
            left.append(email.id)
    session.commit()
    return left


def find_thread(*, session: Session, email: Email) -> ThreadMatch | None:
    """The candidate conversation `email` answers, or None (see the module's rules)."""
    if email.in_reply_to:
        match = _by_message_id(session, email.in_reply_to, "in_reply_to")
        if match is not None:
            return match
    for reference in reversed(email.reference_ids.split()):
        match = _by_message_id(session, reference, "references")
        if match is not None:
            return match
    return _by_address(session, email)


def looks_like_reply(email: Email) -> bool:
    """A threading header, or a subject a mail client writes when answering."""
    return bool(email.in_reply_to or email.reference_ids
                or _REPLY_SUBJECT.match(email.subject[:40]))


def record_reply(*, session: Session, email: Email, match: ThreadMatch) -> ConversationMessage:
    """File the message under the candidate as a reply, processed (the caller commits)."""
    email.status, email.claimed_at, email.failure_reason = "processed", None, ""
    email.category, email.confidence = REPLY_CATEGORY, 1.0
    email.reasoning = f"Reply threaded to the candidate's conversation: {match.answered}."
    email.classification = {"category": REPLY_CATEGORY, "confidence": 1.0,
                            "reasoning": email.reasoning, "matched_by": match.matched_by,
                            "suggested_action": "Read the reply on the candidate page."}
    email.candidate_id = match.candidate_id
    session.add(email)
    for attachment in session.exec(select(Attachment).where(Attachment.email_id == email.id)):
        attachment.candidate_id = match.candidate_id
        attachment.extraction_status, attachment.extraction_error = "skipped", SKIPPED_ATTACHMENT
        session.add(attachment)
    candidate = session.get(Candidate, match.candidate_id)
    other_address = normalize_email(email.from_address) != candidate.email_normalized
    message = ConversationMessage(
        candidate_id=match.candidate_id, application_id=match.application_id, direction="in",
        email_id=email.id, message_id=email.message_id, subject=email.subject,
        body_text=email.body_text[:MAX_REPLY_CHARS], matched_by=match.matched_by,
        from_address=email.from_address, created_at=utcnow())  # arrival, not its Date claim
    session.add(message)
    note = excerpt(email.body_text) or "(no text)"
    if other_address:
        note = f"Sent from {email.from_address}, not the candidate's address. {note}"
    record_event(session=session, action=REPLY_ACTION, actor_label="candidate",
                 entity_type="candidate", entity_id=match.candidate_id, note=note,
                 after={"email_id": email.id, "matched_by": match.matched_by,
                        "application_id": match.application_id,
                        "answered_author_id": match.answered_author_id})
    return message


# --- matching ------------------------------------------------------------------------------


def _by_message_id(session: Session, message_id: str, how: str) -> ThreadMatch | None:
    local = message_id.rpartition("@")[0]
    if local.startswith("outbox."):
        outbox = session.exec(select(OutboxMessage)
                              .where(OutboxMessage.message_ref == local[:60])).first()
        if outbox is not None:
            return _from_outbox(session, outbox, how)
    # One of the candidate's own messages that we filed under them (their application, an
    # earlier reply): the message key is "mid:" and the normalised Message-ID.
    earlier = session.exec(select(Email).where(Email.message_key == f"mid:{message_id}")
                           .where(Email.candidate_id.is_not(None))).first()
    if earlier is None:
        return None
    candidate_id = _live_candidate(session, earlier.candidate_id)
    if candidate_id is None:
        return None
    return ThreadMatch(candidate_id, None, how, None,
                       f"{_header_name(how)} names their earlier message "
                       f"«{_short(earlier.subject)}»")


def _from_outbox(session: Session, outbox: OutboxMessage, how: str) -> ThreadMatch | None:
    sent = session.exec(select(ConversationMessage)
                        .where(ConversationMessage.outbox_id == outbox.id)).first()
    if sent is not None:
        candidate_id = sent.candidate_id
    elif outbox.application_id is not None:
        application = session.get(Application, outbox.application_id)
        candidate_id = application.candidate_id if application else None
    else:
        candidate_id = _candidate_by_address(session, outbox.to_address)
    candidate_id = _live_candidate(session, candidate_id)
    if candidate_id is None:
        return None
    when = format_day(outbox.sent_at or outbox.created_at)
    return ThreadMatch(candidate_id, outbox.application_id, how,
                       sent.author_id if sent else None,
                       f"{_header_name(how)} names our message «{_short(outbox.subject)}» "
                       f"of {when}")


def _by_address(session: Session, email: Email) -> ThreadMatch | None:
    if not looks_like_reply(email):
        return None
    candidate_id = _live_candidate(session, _candidate_by_address(session, email.from_address))
    if candidate_id is None:
        return None
    last = _last_written_to(session, candidate_id)
    if last is None:  # we never wrote to them: a "Re:" alone is no reason to skip reading it
        return None
    outbox, author_id = last
    return ThreadMatch(candidate_id, outbox.application_id, "address", author_id,
                       f"it comes from the candidate's address and answers like a reply; "
                       f"our last message to them was «{_short(outbox.subject)}»")


def _candidate_by_address(session: Session, address: str) -> int | None:
    normalised = normalize_email(address)
    if "@" not in normalised:
        return None
    return session.exec(select(Candidate.id).where(Candidate.email_normalized == normalised)
                        .where(Candidate.merged_into_id.is_(None))
                        .where(Candidate.anonymized_at.is_(None))
                        .order_by(Candidate.id)).first()


def _last_written_to(session: Session, candidate_id: int) -> tuple[OutboxMessage, int | None] | None:
    """Our newest mail to the candidate (a conversation message, or mail about one of their
    applications) and its author when it was a conversation message."""
    application_ids = list(session.exec(select(Application.id)
                                        .where(Application.candidate_id == candidate_id)))
    conversation = select(ConversationMessage.outbox_id).where(
        ConversationMessage.candidate_id == candidate_id,
        ConversationMessage.outbox_id.is_not(None))
    scopes = [OutboxMessage.id.in_(conversation)]
    if application_ids:
        scopes.append(OutboxMessage.application_id.in_(application_ids))
    outbox = session.exec(select(OutboxMessage).where(sa.or_(*scopes))
                          .order_by(OutboxMessage.id.desc())).first()
    if outbox is None:
        return None
    sent = session.exec(select(ConversationMessage)
                        .where(ConversationMessage.outbox_id == outbox.id)).first()
    return outbox, sent.author_id if sent else None


def _live_candidate(session: Session, candidate_id: int | None) -> int | None:
    """The record that holds the person now (merges followed); None when erased/anonymised."""
    for _ in range(_MAX_MERGE_HOPS):
        if candidate_id is None:
            return None
        candidate = session.get(Candidate, candidate_id)
        if candidate is None or candidate.anonymized_at is not None:
            return None
        if not candidate.merged_into_id:
            return candidate.id
        candidate_id = candidate.merged_into_id
    return None


def _header_name(how: str) -> str:
    return "In-Reply-To" if how == "in_reply_to" else "References"


def _short(subject: str) -> str:
    flat = " ".join(subject.split()) or "(no subject)"
    return flat if len(flat) <= 80 else flat[:79] + "…"
