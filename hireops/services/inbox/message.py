"""One stored inbox message in full, for the inbox's message view: headers, the body as plain
text (HTML mail was converted to text when stored, so nothing of it runs in the page), the
attachments with their reading status, and why the message was classified as it was.

Mail is from strangers: the body is shown as text, never as markup, and cut at a length a
page can show. Blind screening hides a person's mail here as it does in the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from hireops.models import Candidate, Email
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids
from hireops.services.platform.clock import format_local
from hireops.services.inbox.listing import HIDDEN, AttachmentRow, attachments_by_email

# Characters of body text the view shows; the rest is summarised in one line.
MAX_SHOWN_CHARS = 100_000
HIDDEN_BODY = ("Blind screening hides this candidate's identity, and their mail shows it. "
               "Reveal the identity on the candidate page first (audited).")


@dataclass(frozen=True)
class MessageDetail:
    id: int
    sender: str
    sender_address: str
    to_address: str
    received: str
    subject: str
    body: str
    category: str
    confidence: str
    reasoning: str
    suggested_action: str
    detected_name: str
    detected_role: str
    status: str
    failure_reason: str
    candidate_id: int
    candidate_name: str
    hidden: bool
    warnings: list[str] = field(default_factory=list)
    attachments: list[AttachmentRow] = field(default_factory=list)


def get_message_detail(*, session: Session, email_id: int) -> MessageDetail:
    """The message with id `email_id`; LookupError when there is none."""
    email = session.get(Email, email_id)
    if email is None:
        raise LookupError("That message does not exist.")
    hidden = bool(email.candidate_id and hidden_candidate_ids(
        session=session, candidate_ids=[email.candidate_id]))
    attachments = attachments_by_email(session, [email.id]).get(email.id, [])
    classification = email.classification or {}
    candidate = session.get(Candidate, email.candidate_id) if email.candidate_id else None
    common = dict(
        id=email.id, received=format_local(email.received_at or email.fetched_at),
        category=(email.category or "unclassified").replace("candidate_application",
                                                             "application"),
        confidence="" if email.confidence is None else f"{email.confidence:.0%}",
        status=email.status, candidate_id=email.candidate_id or 0, hidden=hidden)
    if hidden:
        return MessageDetail(
            **common, sender=anonymous_name(email.candidate_id), sender_address="",
            to_address="", subject=HIDDEN, body=HIDDEN_BODY, reasoning="", suggested_action="",
            detected_name="", detected_role="", failure_reason="",
            candidate_name=anonymous_name(email.candidate_id),
            attachments=[AttachmentRow(id=a.id, filename=HIDDEN, size=a.size, status=a.status,
                                       reason="", downloadable=False) for a in attachments])
    return MessageDetail(
        **common, sender=email.from_name or email.from_address,
        sender_address=email.from_address, to_address=email.to_address,
        subject=email.subject or "(no subject)", body=_shown(email.body_text),
        reasoning=email.reasoning, suggested_action=_text(classification, "suggested_action"),
        detected_name=_text(classification, "detected_name"),
        detected_role=_text(classification, "detected_role"),
        failure_reason=email.failure_reason, warnings=list(email.warnings),
        candidate_name=candidate.full_name if candidate else "", attachments=attachments)


def _shown(body: str) -> str:
    if not body.strip():
        return "(This message has no text.)"
    if len(body) <= MAX_SHOWN_CHARS:
        return body
    return (body[:MAX_SHOWN_CHARS] + f"\n\n[… {len(body) - MAX_SHOWN_CHARS:,} more characters "
            "not shown]")


def _text(classification: dict, key: str) -> str:
    value = classification.get(key)
    return str(value)[:500] if value else ""
