"""What a candidate was already told about a decision, so an override can warn before it
contradicts an email that cannot be called back."""

from __future__ import annotations

from sqlmodel import Session, select

from hireops.models import OutboxMessage
from hireops.services.outreach.email_templates import OUTBOX_KIND
from hireops.services.outreach.outbox import FAILED

# The decisions each kind of email announces the opposite of.
_CONTRADICTED_BY = {
    OUTBOX_KIND["schedule_confirmation"]: ("hold", "reject"),
    OUTBOX_KIND["rejection"]: ("advance", "hold"),
}
_TOLD = {
    OUTBOX_KIND["schedule_confirmation"]: "an interview confirmation",
    OUTBOX_KIND["rejection"]: "a rejection",
}


def override_warnings(*, session: Session, application_id: int) -> dict[str, str]:
    """For each override choice that contradicts a decision email the candidate has (or is
    about to get: queued mail leaves on its own), a sentence saying so; other choices absent."""
    messages = session.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application_id,
        OutboxMessage.kind.in_(tuple(_CONTRADICTED_BY)),
        OutboxMessage.status != FAILED,
    ).order_by(OutboxMessage.created_at)).all()
    warnings: dict[str, str] = {}
    for message in messages:
        told = _TOLD[message.kind]
        for choice in _CONTRADICTED_BY[message.kind]:
            warnings[choice] = (
                f"The candidate was already emailed {told} (“{message.subject}”). Overriding "
                f"to {choice} does not call it back: tell them yourself.")
    return warnings
