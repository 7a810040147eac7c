"""The outcome of the scheduler's last inbox poll, kept in the database so the health check of
any worker (not only the one that polled) can report it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from hireops.models import AppSetting, utcnow

# A row of the settings table, but status rather than a setting: written without an audit event.
STATUS_KEY = "status.inbox_poll"


@dataclass(frozen=True)
class InboxPollStatus:
    at: datetime
    # Which worker polled (host:pid:id, as in the scheduler lease).
    worker: str
    # Why the mail source could not be read, or "" when the poll worked.
    error: str
    new: int
    failed: int


def record_inbox_poll(*, session: Session, worker: str, error: str, new: int = 0,
                      failed: int = 0) -> None:
    """Remember this poll's outcome (the previous one is replaced)."""
    row = session.get(AppSetting, STATUS_KEY) or AppSetting(key=STATUS_KEY)
    now = utcnow()
    row.value = {"at": now.isoformat(), "worker": worker, "error": error[:500], "new": new,
                 "failed": failed}
    row.updated_at = now
    session.add(row)
    session.commit()


def last_inbox_poll(*, session: Session) -> InboxPollStatus | None:
    """The last recorded poll, or None when the scheduler has not polled yet."""
    row = session.get(AppSetting, STATUS_KEY)
    if row is None or not isinstance(row.value, dict):
        return None
    value = row.value
    return InboxPollStatus(at=datetime.fromisoformat(value["at"]), worker=value["worker"],
                           error=value.get("error", ""), new=int(value.get("new", 0)),
                           failed=int(value.get("failed", 0)))
