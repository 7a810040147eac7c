"""Fixed-window rate limits kept in the database, so every worker counts the same hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import RateLimitBucket, utcnow


@dataclass(frozen=True)
class RateLimitVerdict:
    allowed: bool
    # Seconds until the window resets; 0 when allowed.
    retry_after_s: int


def register_hit(*, session: Session, key: str, limit: int, window_s: int,
                 now: datetime | None = None) -> RateLimitVerdict:
    """Count one hit for `key`; refuse it when the window already holds `limit` hits."""
    now = now or utcnow()
    bucket = session.exec(
        select(RateLimitBucket).where(RateLimitBucket.key == key).with_for_update()
    ).first()
    if bucket is None:
        bucket = _new_bucket(session=session, key=key, now=now)
    window_end = bucket.window_started_at + timedelta(seconds=window_s)
    if now >= window_end:
        bucket.window_started_at, bucket.hits = now, 0
        window_end = now + timedelta(seconds=window_s)
    if bucket.hits >= limit:
        return RateLimitVerdict(False, max(1, int((window_end - now).total_seconds())))
    bucket.hits += 1
    session.add(bucket)
    session.flush()
    return RateLimitVerdict(True, 0)


def _new_bucket(*, session: Session, key: str, now: datetime) -> RateLimitBucket:
    bucket = RateLimitBucket(key=key, window_started_at=now, hits=0)
    try:
        with session.begin_nested():
            session.add(bucket)
    except IntegrityError:
        # Another worker created it first: count against theirs.
        bucket = session.exec(
            select(RateLimitBucket).where(RateLimitBucket.key == key).with_for_update()
        ).one()
    return bucket
