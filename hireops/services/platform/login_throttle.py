"""The slow-down of repeated failed sign-ins, per account and per client address.

After `free_attempts` failures the next attempt must wait 1 s, then 2, 4, ... up to a cap,
counted from the last failure. An attempt is counted as a failure *before* the password is
checked and given back when it succeeds: with the count taken after the slow check, sixteen
simultaneous guesses all passed the check and overwrote each other's count (4 recorded). Every
change is one conditional statement, so the database decides which simultaneous attempt gets
the last free slot, on SQLite and PostgreSQL alike. Rows whose last failure is older than
`forget_after_s` count as nothing and are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from hireops.config import get_settings
from hireops.models import LoginThrottle, UTCDateTime, utcnow
from hireops.services.platform.insert_if_absent import insert_if_absent


@dataclass(frozen=True)
class ThrottleRule:
    # Failures allowed before each further attempt must wait.
    free_attempts: int
    # The longest wait, in seconds.
    max_delay_s: float
    # A row whose last failure is older than this is forgotten.
    forget_after_s: float

    def delay_after(self, failures: int) -> float:
        """Seconds the next attempt must wait after `failures` failures."""
        extra = failures - self.free_attempts
        return 0.0 if extra < 0 else min(self.max_delay_s, 2.0 ** extra)


def account_key(email: str) -> str:
    return f"account:{email}"


def client_key(address: str) -> str:
    return f"client:{address}"


def account_rule() -> ThrottleRule:
    settings = get_settings()
    return ThrottleRule(settings.login_free_attempts, settings.login_max_delay_s,
                        settings.login_failures_expire_s)


def client_rule() -> ThrottleRule:
    settings = get_settings()
    return ThrottleRule(settings.login_client_free_attempts, settings.login_max_delay_s,
                        settings.login_failures_expire_s)


def seconds_to_wait(*, session: Session, key: str, rule: ThrottleRule,
                    now: datetime | None = None) -> float:
    """How long the next attempt for `key` must wait (0: it may go ahead now)."""
    now = now or utcnow()
    row = session.get(LoginThrottle, key, populate_existing=True)
    if row is None or row.last_failure_at is None or _forgotten(row, rule, now):
        return 0.0
    elapsed = (now - row.last_failure_at).total_seconds()
    return max(0.0, rule.delay_after(row.failures) - elapsed)


def claim_attempt(*, session: Session, key: str, rule: ThrottleRule,
                  now: datetime | None = None) -> float:
    """Count one attempt for `key` as a failure if it may go ahead (returns 0); else count
    nothing and return the seconds it must wait."""
    now = now or utcnow()
    session.execute(sa.delete(LoginThrottle).where(
        LoginThrottle.key == key,
        LoginThrottle.last_failure_at < now - timedelta(seconds=rule.forget_after_s)))
    if insert_if_absent(session=session, model=LoginThrottle,
                        values={"key": key, "failures": 1, "last_failure_at": now}):
        return 0.0
    claimed = session.execute(
        sa.update(LoginThrottle)
        .where(LoginThrottle.key == key, _may_try_now(rule, now))
        .values(failures=LoginThrottle.failures + 1, last_failure_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if claimed:
        return 0.0
    # Refused by a failure counted a moment ago: its wait has hardly begun.
    return seconds_to_wait(session=session, key=key, rule=rule, now=now) or 1.0


def give_back_attempt(*, session: Session, key: str) -> None:
    """Un-count one claimed attempt (it succeeded, or another throttle refused it)."""
    session.execute(
        sa.update(LoginThrottle).where(LoginThrottle.key == key, LoginThrottle.failures > 0)
        .values(failures=LoginThrottle.failures - 1)
        .execution_options(synchronize_session=False))


def forget(*, session: Session, key: str) -> None:
    """Clear every failure of `key` (after a successful sign-in to the account)."""
    session.execute(sa.delete(LoginThrottle).where(LoginThrottle.key == key))


def purge_forgotten(*, session: Session, now: datetime | None = None) -> int:
    """Delete rows whose last failure is older than either rule remembers."""
    longest = max(account_rule().forget_after_s, client_rule().forget_after_s)
    cutoff = (now or utcnow()) - timedelta(seconds=longest)
    return session.execute(
        sa.delete(LoginThrottle).where(LoginThrottle.last_failure_at < cutoff)).rowcount


def _forgotten(row: LoginThrottle, rule: ThrottleRule, now: datetime) -> bool:
    return row.last_failure_at < now - timedelta(seconds=rule.forget_after_s)


def _may_try_now(rule: ThrottleRule, now: datetime) -> sa.ColumnElement[bool]:
    """SQL for "the row's wait has passed": under the free attempts, or the last failure is
    at least delay_after(failures) old. The doubling delays are spelled out per count, since
    SQLite has no power function."""

    def at(seconds: float) -> sa.BindParameter:
        return sa.literal(now - timedelta(seconds=seconds), UTCDateTime())

    doubling = []
    failures = rule.free_attempts
    while rule.delay_after(failures) < rule.max_delay_s and len(doubling) < 40:
        doubling.append((LoginThrottle.failures == failures, at(rule.delay_after(failures))))
        failures += 1
    latest_allowed = sa.case(*doubling, else_=at(rule.max_delay_s)) if doubling \
        else at(rule.max_delay_s)
    return sa.or_(LoginThrottle.failures < rule.free_attempts,
                  LoginThrottle.last_failure_at <= latest_allowed)
