"""Background jobs in the app process: polling the inbox, delivering the outbox, and the
pipeline's housekeeping (expiring interview links, reminding candidates, running queued interview evaluations).

Every worker starts a scheduler, but a job only does work while its worker holds the database
lease "scheduler" (renewed on each run), so exactly one worker polls; when that worker dies, the
lease expires and another takes over.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.background import BackgroundScheduler

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.log_setup import log_context
from hireops.services.inbox.poll_status import record_inbox_poll
from hireops.services.inbox.ingest import IngestSummary, run_ingest_pass
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.links import expire_overdue_links
from hireops.services.interviews.reminders import send_due_reminders
from hireops.services.interviews.recordings import purge_expired_recordings
from hireops.services.interviews.scorecards import send_scorecard_reminders
from hireops.services.platform.leases import acquire_lease, release_lease
from hireops.services.platform.login_throttle import purge_forgotten
from hireops.services.mail.sender import configured_sender
from hireops.services.mail.config import configured_mail_source
from hireops.services.outreach.notifications import notify_from_events, send_digests
from hireops.services.outreach.outbox import DeliveryReport, deliver_due
from hireops.services.privacy.rights import anonymise_inactive
from hireops.services.platform.rate_limit import purge_closed_windows
from hireops.services.platform.runtime_settings import current_settings

log = logging.getLogger(__name__)
LEASE_NAME = "scheduler"
HOUSEKEEPING_SECONDS = 15
# Rate-limit windows last a minute; a bucket idle this long only takes up space.
RATE_LIMIT_ROWS_KEPT_S = 3600


def renewal_interval_s(inbox_interval_s: int) -> float:
    """How often a living leader renews its lease: the shortest of its jobs' intervals."""
    settings = get_settings()
    return min(s for s in (inbox_interval_s, settings.outbox_poll_seconds,
                           HOUSEKEEPING_SECONDS) if s > 0)


def lease_ttl_s(inbox_interval_s: int) -> float:
    """Three missed renewals (every job run renews), and never less than
    SCHEDULER_LEASE_SECONDS (two minutes unless set, so a long pass keeps the lease)."""
    return max(3 * inbox_interval_s, 3 * renewal_interval_s(inbox_interval_s),
               get_settings().scheduler_lease_seconds)


def worker_id() -> str:
    """A name for this process that is unique across machines and restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class InboxPoller:
    """Polls the configured mail source every `interval_s` seconds while holding the lease."""

    def __init__(self, interval_s: int, holder: str | None = None) -> None:
        self.interval_s = interval_s
        self.holder = holder or worker_id()
        self._scheduler = BackgroundScheduler(timezone="UTC")
        # Whether the last lease attempt won, so taking and losing the lead is logged once.
        self._leading = False

    @property
    def lease_ttl_s(self) -> float:
        """See `lease_ttl_s` (the health check computes the same from the settings)."""
        return lease_ttl_s(self.interval_s)

    def start(self) -> None:
        # The first run comes soon after start-up, not one whole interval later.
        first = datetime.now(timezone.utc) + timedelta(seconds=min(5, self.interval_s or 5))
        if self.interval_s > 0:
            self._scheduler.add_job(self.poll_once, "interval", seconds=self.interval_s,
                                    id="poll-inbox", max_instances=1, coalesce=True,
                                    next_run_time=first)
        self._scheduler.add_job(self.housekeeping_once, "interval", seconds=HOUSEKEEPING_SECONDS,
                                id="housekeeping", max_instances=1, coalesce=True,
                                next_run_time=first)
        mail_seconds = get_settings().outbox_poll_seconds
        if mail_seconds > 0:
            self._scheduler.add_job(self.deliver_mail_once, "interval", seconds=mail_seconds,
                                    id="deliver-outbox", max_instances=1, coalesce=True,
                                    next_run_time=first)
        self._scheduler.start()
        log.info("scheduler %s started (inbox every %s s; 0 = off)", self.holder, self.interval_s)

    def stop(self) -> None:
        # Waits for a job still running, so the lease is released only once nothing of this
        # worker runs (another could take it and start the same job beside it).
        self._scheduler.shutdown(wait=True)
        with session_scope() as session:
            release_lease(session=session, name=LEASE_NAME, holder=self.holder)

    def is_leader(self) -> bool:
        """Take or renew the lease; True when this worker may run the jobs."""
        with session_scope() as session:
            leading = acquire_lease(session=session, name=LEASE_NAME, holder=self.holder,
                                    ttl_s=self.lease_ttl_s)
        if leading != self._leading:
            log.info("scheduler %s %s the lease", self.holder, "took" if leading else "lost",
                     extra={"lease": LEASE_NAME})
            self._leading = leading
        return leading

    def poll_once(self) -> IngestSummary | None:
        """One poll, if this worker leads; errors are logged, never allowed to stop the job.
        Its outcome is recorded for the health check."""
        with log_context(job="poll-inbox"):
            try:
                if not self.is_leader():
                    return None
                with session_scope() as session:
                    source = configured_mail_source(session=session)
                summary = run_ingest_pass(source=source)
            except Exception as problem:  # the poller must outlive any single failure
                log.exception("inbox poll failed")
                self._record_poll(error=f"{type(problem).__name__}: {problem}")
                return None
            if summary.source_error:
                log.warning("inbox poll could not read %s: %s", source.name,
                            summary.source_error, extra={"new": summary.new})
            elif summary.new or summary.failed:
                log.info("inbox poll: %d new, %d processed, %d failed", summary.new,
                         summary.processed, len(summary.failed),
                         extra={"candidates_created": summary.candidates_created,
                                "applications_created": summary.applications_created})
            self._record_poll(error=summary.source_error, new=summary.new,
                              failed=len(summary.failed))
            return summary

    def _record_poll(self, *, error: str, new: int = 0, failed: int = 0) -> None:
        try:
            with session_scope() as session:
                record_inbox_poll(session=session, worker=self.holder, error=error, new=new,
                                  failed=failed)
        except Exception:  # e.g. the database is down: the health check reports that itself
            log.exception("recording the inbox poll failed")


    def deliver_mail_once(self) -> DeliveryReport | None:
        """Send the outbox's due mail, if this worker leads."""
        with log_context(job="deliver-outbox"):
            try:
                if not self.is_leader():
                    return None
                with session_scope() as session:
                    report = deliver_due(session=session, sender=configured_sender())
                if report.stopped:
                    log.warning("outbox delivery stopped: %s", report.stopped,
                                extra={"sent": report.sent, "retried": report.retried,
                                       "failed": report.failed})
                elif report.sent or report.failed or report.retried:
                    log.info("outbox: %d sent, %d to retry, %d failed", report.sent,
                             report.retried, report.failed)
                return report
            except Exception:  # the scheduler must outlive any single failure
                log.exception("outbox delivery failed")
                return None

    def housekeeping_once(self) -> dict[str, int] | None:
        """Expire overdue links, run queued evaluations and drop stale throttle rows, if this
        worker leads; each task fails on its own, so one broken step never stops the others."""
        with log_context(job="housekeeping"):
            try:
                if not self.is_leader():
                    return None
            except Exception:  # the database is down: try again at the next run
                log.exception("housekeeping could not take the lease")
                return None
            done: dict[str, int] = {}
            for name, task in (("links_expired", _expire_links),
                               ("reminders_queued", _queue_reminders),
                               ("scorecard_reminders_queued", _queue_scorecard_reminders),
                               ("evaluations_run", _run_evaluations),
                               ("candidates_anonymised", _apply_retention),
                               ("throttles_purged", _purge_throttles),
                               ("notifications_made", _make_notifications),
                               ("digests_queued", _queue_digests)):
                try:
                    done[name] = task()
                except Exception:  # the scheduler must outlive any single failure
                    log.exception("housekeeping step %s failed", name, extra={"step": name})
            if any(done.values()):
                log.info("housekeeping: %s", ", ".join(f"{n} {k.replace('_', ' ')}"
                                                       for k, n in done.items() if n))
            return done


def _expire_links() -> int:
    with session_scope() as session:
        expired = expire_overdue_links(session=session)
        session.commit()
        return expired


def _queue_reminders() -> int:
    with session_scope() as session:
        queued = send_due_reminders(session=session)
        session.commit()
        return queued


def _queue_scorecard_reminders() -> int:
    with session_scope() as session:
        return send_scorecard_reminders(session=session)


def _apply_retention() -> int:
    with session_scope() as session:
        anonymised = anonymise_inactive(session=session, days=current_settings().retention_days)
    with session_scope() as session:
        # Recordings have their own, shorter period, told to the candidate in the notice.
        return anonymised + purge_expired_recordings(
            session=session, days=current_settings().recording_retention_days)


def _purge_throttles() -> int:
    """Forget failed sign-ins and rate-limit windows long past, so the tables stay small."""
    with session_scope() as session:
        return (purge_forgotten(session=session)
                + purge_closed_windows(session=session, older_than_s=RATE_LIMIT_ROWS_KEPT_S))


def _make_notifications() -> int:
    with session_scope() as session:
        return notify_from_events(session=session)


def _queue_digests() -> int:
    with session_scope() as session:
        return send_digests(session=session)


def _run_evaluations() -> int:
    with session_scope() as session:
        return run_queued_evaluations(session=session)


def start_poller_from_settings() -> InboxPoller:
    """Start the scheduler as configured (INBOX_POLL_SECONDS=0 turns only inbox polling off)."""
    poller = InboxPoller(get_settings().inbox_poll_seconds)
    poller.start()
    return poller
