"""Named leases in the database: one holder at a time, taken over when the holder stops renewing.

With several workers every worker starts the scheduler; only the lease holder runs its jobs.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from hireops.models import Lease, utcnow


def acquire_lease(*, session: Session, name: str, holder: str, ttl_s: float) -> bool:
    """Take or renew lease `name` for `holder`; False while another holder's lease is live."""
    now = utcnow()
    expires = now + timedelta(seconds=ttl_s)
    # One conditional UPDATE: atomic on SQLite and PostgreSQL alike.
    renewed = session.exec(
        update(Lease).where(Lease.name == name)
        .where(or_(Lease.holder == holder, Lease.expires_at < now))
        .values(holder=holder, expires_at=expires)
    ).rowcount
    if renewed:
        session.commit()
        return True
    if session.get(Lease, name) is not None:
        session.rollback()
        return False
    try:
        session.add(Lease(name=name, holder=holder, expires_at=expires))
        session.commit()
        return True
    except IntegrityError:  # another worker created it first
        session.rollback()
        return False


def release_lease(*, session: Session, name: str, holder: str) -> None:
    """Give the lease up (only if `holder` has it), so a successor need not wait for expiry."""
    lease = session.get(Lease, name)
    if lease is not None and lease.holder == holder:
        session.delete(lease)
        session.commit()
