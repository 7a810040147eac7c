"""Background jobs in the app process: polling the inbox.

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
from hireops.services.ingest import IngestSummary, run_ingest_pass
from hireops.services.leases import acquire_lease, release_lease
from hireops.services.mail_config import configured_mail_source

log = logging.getLogger(__name__)
LEASE_NAME = "scheduler"


def worker_id() -> str:
    """A name for this process that is unique across machines and restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class InboxPoller:
    """Polls the configured mail source every `interval_s` seconds while holding the lease."""

    def __init__(self, interval_s: int, holder: str | None = None) -> None:
        self.interval_s = interval_s
        self.holder = holder or worker_id()
        self._scheduler = BackgroundScheduler(timezone="UTC")

    @property
    def lease_ttl_s(self) -> float:
        # Three missed polls, and never less than two minutes (a long pass keeps the lease).
        return max(3 * self.interval_s, 120)

    def start(self) -> None:
        # The first poll comes soon after start-up, not one whole interval later.
        first = datetime.now(timezone.utc) + timedelta(seconds=min(5, self.interval_s))
        self._scheduler.add_job(self.poll_once, "interval", seconds=self.interval_s,
                                id="poll-inbox", max_instances=1, coalesce=True,
                                next_run_time=first)
        self._scheduler.start()
        log.info("inbox poller %s started (every %s s)", self.holder, self.interval_s)

    def stop(self) -> None:
        self._scheduler.shutdown(wait=False)
        with session_scope() as session:
            release_lease(session=session, name=LEASE_NAME, holder=self.holder)

    def is_leader(self) -> bool:
        """Take or renew the lease; True when this worker may run the jobs."""
        with session_scope() as session:
            return acquire_lease(session=session, name=LEASE_NAME, holder=self.holder,
                                 ttl_s=self.lease_ttl_s)

    def poll_once(self) -> IngestSummary | None:
        """One poll, if this worker leads; errors are logged, never allowed to stop the job."""
        try:
            if not self.is_leader():
                return None
            with session_scope() as session:
                source = configured_mail_source(session=session)
            summary = run_ingest_pass(source=source)
            if summary.new or summary.failed or summary.source_error:
                log.info("inbox poll: %s", summary.as_dict())
            return summary
        except Exception:  # the poller must outlive any single failure
            log.exception("inbox poll failed")
            return None


def start_poller_from_settings() -> InboxPoller | None:
    """Start polling as configured (INBOX_POLL_SECONDS=0 turns it off)."""
    interval = get_settings().inbox_poll_seconds
    if interval <= 0:
        return None
    poller = InboxPoller(interval)
    poller.start()
    return poller
