"""Whether this deployment works, for GET /api/v1/health and monitors: the database and Redis
answer, a scheduler leader renews its lease, mail leaves the outbox, the inbox is polled.

Each check says ok, warn or fail; one fail makes the whole report failing (HTTP 503), a warn
makes it degraded (still 200, for a softer alert). Nothing here names a candidate: counts,
times, the worker's name and the mail source's error only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.log_setup import redact
from hireops.models import Lease, OutboxMessage, utcnow
from hireops.services.inbox.poll_status import last_inbox_poll
from hireops.services.outreach.outbox import FAILED, PENDING, SENDING
from hireops.services.operations.background_jobs import LEASE_NAME, lease_ttl_s, renewal_interval_s

CheckStatus = Literal["ok", "warn", "fail"]
# How long the health check waits for Redis before calling it unreachable.
REDIS_TIMEOUT_S = 2.0


@dataclass
class Check:
    status: CheckStatus
    # One sentence for the person reading the monitor's alert.
    message: str
    # Figures for dashboards (ages in seconds, counts, times in ISO 8601).
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "message": redact(self.message), **self.details}


@dataclass
class HealthReport:
    checked_at: datetime
    checks: dict[str, Check]

    @property
    def status(self) -> Literal["ok", "degraded", "failing"]:
        states = {check.status for check in self.checks.values()}
        return "failing" if "fail" in states else "degraded" if "warn" in states else "ok"

    @property
    def http_status(self) -> int:
        return 503 if self.status == "failing" else 200

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "checked_at": _iso(self.checked_at),
                "checks": {name: check.as_dict() for name, check in self.checks.items()}}


def check_health(*, session: Session, now: datetime | None = None) -> HealthReport:
    """Run every check; a database that does not answer fails the checks that need it."""
    now = now or utcnow()
    checks = {"database": _database(session)}
    if checks["database"].status == "ok":
        for name, run in (("scheduler", _scheduler), ("outbox", _outbox), ("inbox", _inbox)):
            checks[name] = run(session, now)
    else:
        unknown = Check("fail", "Unknown: the database does not answer.")
        checks.update(scheduler=unknown, outbox=unknown, inbox=unknown)
    checks["redis"] = _redis()
    return HealthReport(checked_at=now, checks=checks)


def _database(session: Session) -> Check:
    started = time.perf_counter()
    try:
        session.exec(select(sa.literal(1))).one()
        session.rollback()  # end the read: a health probe holds no transaction
    except Exception as problem:  # every driver has its own errors; all mean "down"
        session.rollback()
        return Check("fail", f"The database does not answer: {type(problem).__name__}.",
                     {"dialect": _dialect(session)})
    return Check("ok", "The database answers.",
                 {"dialect": _dialect(session),
                  "latency_ms": round((time.perf_counter() - started) * 1000, 1)})


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _scheduler(session: Session, now: datetime) -> Check:
    interval = get_settings().inbox_poll_seconds
    # Every worker builds its scheduler from these same settings (start_poller_from_settings).
    stale_after = 3 * renewal_interval_s(interval)
    lease = session.get(Lease, LEASE_NAME)
    session.rollback()
    if lease is None:
        return Check("fail", "No worker holds the scheduler lease: no scheduler is running, so "
                     "mail is neither fetched nor sent.", {"stale_after_s": stale_after})
    # The lease keeps only its expiry; every renewal sets it to renewal time + TTL. Expiry
    # decides failure; the renewal time it implies is shown, and warned about when late.
    renewed = lease.expires_at - timedelta(seconds=lease_ttl_s(interval))
    age, when = _since(renewed, now, "renewed")
    details = {"holder": lease.holder, **when, "stale_after_s": stale_after,
               "expires_at": _iso(lease.expires_at)}
    if lease.expires_at <= now:
        return Check("fail", f"The scheduler lease of {lease.holder} ran out "
                     f"{(now - lease.expires_at).total_seconds():.0f} s ago and no worker took "
                     "it over: no scheduler runs, so mail is neither fetched nor sent.", details)
    if age > stale_after:
        # Late but still held: a long delivery or evaluation pass can delay every renewal.
        return Check("warn", f"The scheduler lease of {lease.holder} was last renewed "
                     f"{age:.0f} s ago (every {stale_after / 3:.0f} s expected): its worker "
                     "is busy or hangs.", details)
    return Check("ok", f"{lease.holder} leads the scheduler.", details)


def _outbox(session: Session, now: datetime) -> Check:
    stuck_after = get_settings().health_outbox_stuck_minutes * 60
    queued = sa.or_(OutboxMessage.status == PENDING, OutboxMessage.status == SENDING)
    count, oldest = session.exec(select(sa.func.count(), sa.func.min(OutboxMessage.created_at))
                                 .where(queued)).one()
    failed = session.exec(select(sa.func.count()).where(OutboxMessage.status == FAILED)).one()
    session.rollback()
    details: dict[str, Any] = {"queued": count, "failed": failed, "stuck_after_s": stuck_after,
                               "oldest_queued_at": None, "oldest_queued_s_ago": None}
    if not count:
        return Check("ok", "No mail is waiting.", details)
    age, when = _since(_aware(oldest), now, "oldest_queued")
    details.update(when)
    if age > stuck_after:
        return Check("fail", f"{count} mail(s) queued; the oldest has waited {age / 60:.0f} "
                     f"min (stuck after {stuck_after / 60:.0f} min). Check the SMTP settings "
                     "and the scheduler.", details)
    return Check("ok", f"{count} mail(s) queued, the oldest {age:.0f} s ago.", details)


def _inbox(session: Session, now: datetime) -> Check:
    interval = get_settings().inbox_poll_seconds
    poll = last_inbox_poll(session=session)
    session.rollback()
    if interval <= 0:
        return Check("ok", "Inbox polling is off (INBOX_POLL_SECONDS=0).",
                     {"poll_every_s": 0})
    details: dict[str, Any] = {"poll_every_s": interval, "last_poll_at": None,
                               "last_poll_s_ago": None, "last_poll_error": ""}
    if poll is None:
        return Check("warn", "The inbox has not been polled yet.", details)
    age, when = _since(poll.at, now, "last_poll")
    details.update(when, last_poll_error=redact(poll.error), new=poll.new, failed=poll.failed)
    if poll.error:
        return Check("warn", f"The last inbox poll failed: {poll.error}", details)
    if age > 3 * interval:
        return Check("warn", f"The inbox was last polled {age:.0f} s ago (every {interval} s "
                     "expected).", details)
    return Check("ok", f"The inbox was polled {age:.0f} s ago.", details)


def _redis() -> Check:
    url = get_settings().reflex_redis_url
    if not url:
        return Check("ok", "Redis is not used (one worker keeps its state in memory).",
                     {"configured": False})
    import redis  # only deployments with Redis need the client loaded

    try:
        with redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_S,
                                  socket_connect_timeout=REDIS_TIMEOUT_S) as client:
            client.ping()
    except (redis.RedisError, OSError, ValueError) as problem:
        return Check("fail", f"Redis does not answer: {type(problem).__name__}.",
                     {"configured": True})
    return Check("ok", "Redis answers.", {"configured": True})


def _since(moment: datetime, now: datetime, name: str) -> tuple[float, dict[str, Any]]:
    """Seconds from `moment` to `now` (never below 0: another worker wrote it, and its clock
    may run ahead of ours), and the two details that report it, `<name>_at` and
    `<name>_s_ago`."""
    age = max(0.0, (now - moment).total_seconds())
    return age, {f"{name}_at": _iso(moment), f"{name}_s_ago": round(age, 1)}


def _aware(moment: datetime) -> datetime:
    # An aggregate (MIN) comes back without the column's UTC type decoration on SQLite.
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
