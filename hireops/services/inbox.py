"""Reading the stored inbound mail."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import Email


@dataclass(frozen=True)
class EmailRow:
    id: int
    received: str
    sender: str
    subject: str
    category: str
    confidence: str
    status: str
    failure_reason: str


def list_emails(*, session: Session, limit: int = 200) -> list[EmailRow]:
    """The newest stored messages first."""
    emails = session.exec(select(Email).order_by(Email.id.desc()).limit(limit)).all()
    return [
        EmailRow(
            id=e.id, received=(e.received_at or e.fetched_at).strftime("%d %b %H:%M"),
            sender=e.from_name or e.from_address, subject=e.subject or "(no subject)",
            category=e.category or "unclassified",
            confidence="" if e.confidence is None else f"{e.confidence:.0%}",
            status=e.status, failure_reason=e.failure_reason,
        )
        for e in emails
    ]
