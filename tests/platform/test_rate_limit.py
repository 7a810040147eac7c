"""The database rate limiter under simultaneous hits from several workers, on SQLite and
PostgreSQL: never more hits through than the limit, and old windows can be cleared away."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from hireops import db
from hireops.models import RateLimitBucket, utcnow
from hireops.services.platform.rate_limit import (
    purge_closed_windows,
    register_hit,
    release_hit,
)
from tests.parallel import in_parallel


def test_concurrent_hits_never_pass_the_limit(any_database_url):
    verdicts = in_parallel(500, lambda session: register_hit(
        session=session, key="api-token:203.0.113.7", limit=300, window_s=60))
    assert sum(v.allowed for v in verdicts) == 300
    assert all(0 < v.retry_after_s <= 60 for v in verdicts if not v.allowed)
    with Session(db.get_engine()) as session:
        assert session.get(RateLimitBucket, "api-token:203.0.113.7").hits == 300


def test_a_closed_window_restarts_once_under_concurrent_hits(any_database_url):
    key = "interview-token:198.51.100.4"
    long_ago = utcnow() - timedelta(minutes=5)
    with Session(db.get_engine()) as session:
        session.add(RateLimitBucket(key=key, window_started_at=long_ago, hits=30))
        session.commit()
    verdicts = in_parallel(64, lambda session: register_hit(
        session=session, key=key, limit=20, window_s=60))
    assert sum(v.allowed for v in verdicts) == 20
    with Session(db.get_engine()) as session:
        bucket = session.get(RateLimitBucket, key)
        assert bucket.hits == 20 and bucket.window_started_at > long_ago


def test_released_hits_make_room_again(session):
    for _ in range(3):
        assert register_hit(session=session, key="k", limit=3, window_s=60).allowed
    assert not register_hit(session=session, key="k", limit=3, window_s=60).allowed
    release_hit(session=session, key="k")
    assert register_hit(session=session, key="k", limit=3, window_s=60).allowed
    release_hit(session=session, key="never-hit")  # nothing to give back: no error, no row
    assert session.get(RateLimitBucket, "never-hit") is None


def test_closed_windows_are_purged(session):
    now = utcnow()
    register_hit(session=session, key="old", limit=5, window_s=60,
                 now=now - timedelta(hours=2))
    register_hit(session=session, key="fresh", limit=5, window_s=60, now=now)
    session.commit()
    assert purge_closed_windows(session=session, older_than_s=3600, now=now) == 1
    session.commit()
    assert session.get(RateLimitBucket, "old") is None
    assert session.get(RateLimitBucket, "fresh").hits == 1
