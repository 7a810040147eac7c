"""The inbox page: stored messages, filters, Sync now with progress, reprocessing (attachments
are plain links to their route, `api/file_routes.py`)."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.inbox.listing import EmailRow, inbox_counts, list_emails
from hireops.services.inbox.processing import reprocess_emails
from hireops.services.inbox.ingest import IngestSummary, describe_ingest, run_ingest_pass
from hireops.services.mail.config import configured_mail_source
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.progress import percent_done, run_with_progress

STATUS_FILTERS = ("new", "processing", "processed", "failed")
CATEGORY_FILTERS = ("candidate_application", "general", "unknown", "reply")


class InboxState(AuthState):
    emails: list[EmailRow] = []
    total: int = 0
    waiting: int = 0
    failed: int = 0
    # "" shows everything.
    status_filter: str = ""
    category_filter: str = ""
    search: str = ""
    # Sync now: running flag, phase ("fetching" / "processing"), progress and the last result.
    syncing: bool = False
    sync_phase: str = ""
    sync_done: int = 0
    sync_total: int = 0
    last_sync: str = ""

    @rx.var
    def sync_percent(self) -> int:
        return percent_done(self.sync_done, self.sync_total)

    @event_for(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.emails = list_emails(session=session, status=self.status_filter,
                                      category=self.category_filter, search=self.search)
            counts = inbox_counts(session=session)
        self.total, self.waiting, self.failed = counts.total, counts.new, counts.failed

    @event_for(*READ_ROLES)
    def filter_status(self, value: str):
        self.status_filter = value if value in STATUS_FILTERS else ""
        return InboxState.load

    @event_for(*READ_ROLES)
    def filter_category(self, value: str):
        self.category_filter = value if value in CATEGORY_FILTERS else ""
        return InboxState.load

    @event_for(*READ_ROLES)
    def search_mail(self, text: str):
        self.search = text[:200]
        return InboxState.load

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def sync_now(self):
        """Fetch and process mail now, showing progress while a worker thread does the work."""
        async with self:
            if self.syncing:
                return
            self.syncing, self.sync_phase, self.sync_done, self.sync_total = True, "fetching", 0, 0

        async def show(phase: str, done: int, total: int) -> None:
            async with self:
                self.sync_phase, self.sync_done, self.sync_total = phase, done, total

        try:
            summary = await run_with_progress(_sync, show, start=("fetching", 0, 0))
        except Exception as problem:  # shown to the user; the scheduler keeps polling
            async with self:
                self.syncing = False
                self.last_sync = f"Sync failed: {problem}"
            yield rx.toast.error(f"Sync failed: {problem}")
            return
        message = describe_ingest(summary)
        async with self:
            self.syncing = False
            self.last_sync = message
        yield InboxState.load
        yield rx.toast.error(message) if summary.source_error else rx.toast.success(message)

    @event_for(*WRITE_ROLES)
    def reprocess(self, email_id: int):
        with session_scope() as session:
            count = reprocess_emails(session=session, email_ids=[int(email_id)],
                                     actor=current_actor())
        return [InboxState.sync_now_pending, rx.toast.info(f"{count} message queued again.")]

    @event_for(*WRITE_ROLES)
    def reprocess_failed(self):
        with session_scope() as session:
            count = reprocess_emails(session=session, actor=current_actor())
        return [InboxState.sync_now_pending, rx.toast.info(f"{count} failed message(s) queued.")]

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def sync_now_pending(self):
        """Process what is queued, without fetching (after a reprocess request)."""
        summary = await asyncio.to_thread(run_ingest_pass, source=None)
        async with self:
            self.last_sync = describe_ingest(summary)
        yield InboxState.load


def _sync(report) -> IngestSummary:
    with session_scope() as session:
        source = configured_mail_source(session=session)
    return run_ingest_pass(source=source, progress=report)
