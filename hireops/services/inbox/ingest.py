"""One ingest pass: fetch from the mail source, store new messages, process what is pending.

Used by the scheduler, the "Sync now" button and `python -m hireops ingest`. A failure of one
message is recorded on that message and the pass goes on; only a source that cannot be read at
all ends the pass early (and what was stored before that stays stored).
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import Email
from hireops.services.candidates.resume_text import limits_from_settings
from hireops.services.candidates.resume_text.reader_process import start_helper
from hireops.services.inbox.analysis_runner import (
    MIN_MESSAGES_FOR_PROCESSES,
    AnalysisError,
    InAnalysis,
    Runner,
    analysis_runner,
)
from hireops.services.inbox.processing import Analysis, OpenJobs, claim_pending, load_work
from hireops.services.inbox.recording import ProcessOutcome, mark_failed, record_analyses
from hireops.services.inbox.store import known_source_refs, store_messages
from hireops.services.mail.sources import MailSource
from hireops.services.inbox.reply_threading import thread_replies

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    seen: int = 0
    new: int = 0
    duplicates: int = 0
    # Messages of this source stored by earlier passes, skipped without being read again.
    already_stored: int = 0
    processed: int = 0
    candidates_created: int = 0
    applications_created: int = 0
    # Replies filed under a candidate's conversation instead of being classified.
    replies_threaded: int = 0
    failed: list[dict] = field(default_factory=list)
    # Set when the source itself could not be read; what was stored before is kept.
    source_error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


# progress(phase, done, total): phase is "fetching" or "processing"; total is 0 when unknown.
Progress = Callable[[str, int, int], None]


def run_ingest_pass(*, source: MailSource | None, progress: Progress | None = None) -> IngestSummary:
    """Fetch and store from `source` (None: only process what is pending), then process.

    When analysis runs in the background (worker processes, threads) it starts as soon as
    enough stored mail waits for it, so the workers read resumes while later messages are still
    fetched and stored."""
    summary = IngestSummary()
    with _Processing(summary, progress) as processing:
        if source is not None:
            _fetch_and_store(source, summary, progress, stored=processing.start_early)
        processing.run()
    return summary


def _fetch_and_store(source: MailSource, summary: IngestSummary, progress: Progress | None,
                     stored: Callable[[], None]) -> None:
    settings = get_settings()
    with session_scope() as session:
        known = known_source_refs(session=session, source=source.kind)
        summary.already_stored = len(known)

        def report(result) -> None:
            # Updated per batch (the only place the summary gets these), so a source that breaks
            # later still reports what was stored.
            summary.seen, summary.new, summary.duplicates = (result.seen, result.new,
                                                             result.duplicates)
            if progress:
                progress("fetching", result.seen, 0)
            stored()

        try:
            store_messages(
                session=session, batch_size=settings.inbox_batch_size, on_batch=report,
                messages=source.fetch(skip=known.__contains__))
        except Exception as problem:  # the source broke mid-way: keep what was stored
            # Committed batches stay; the batch being written is undone, so no message is left
            # half-stored (e.g. without the attachment a full disk refused); the next pass
            # fetches it again.
            session.rollback()
            log.warning("mail source %s failed: %s", source.name, problem,
                        extra={"stored": summary.new})
            summary.source_error = f"{type(problem).__name__}: {problem}"
            return


def describe_ingest(summary: IngestSummary) -> str:
    """One pass in words for the inbox page, counting what was read in this pass apart from
    the mail stored before (which is skipped unread, so it is never "0 checked")."""
    if summary.source_error:
        return f"The mailbox could not be read: {summary.source_error}"
    if summary.duplicates:
        read = (f"{summary.seen} message(s) read, {summary.new} new and {summary.duplicates} "
                "already stored")
    elif summary.seen:
        read = f"{summary.new} new message(s) read"
    elif summary.already_stored:
        read = f"No new mail; the {summary.already_stored} message(s) already stored were skipped"
    else:
        read = "No new mail"
    return (f"{read}; {summary.processed} processed, {summary.candidates_created} candidate(s) "
            f"and {summary.applications_created} application(s) created; "
            f"{len(summary.failed)} failed.")


def process_pending(*, summary: IngestSummary, progress: Progress | None = None) -> None:
    """Process every message waiting for it, one claimed batch (one transaction) at a time."""
    with _Processing(summary, progress) as processing:
        processing.run()


class _Processing:
    """Claimed batches in analysis, two at a time: the workers analyse the next batch while this
    process records one. The runner is chosen once enough mail waits for worker processes to pay
    off, or when `run` starts."""

    def __init__(self, summary: IngestSummary, progress: Progress | None) -> None:
        self.summary, self.progress = summary, progress
        self.batch_size = get_settings().inbox_batch_size
        self.resources = contextlib.ExitStack()
        self.runner: Runner | None = None
        self.running: deque[InAnalysis] = deque()  # oldest first
        self.early = True  # False after `start_early` failed once
        self.reader_started = False

    def __enter__(self) -> _Processing:
        self.session = self.resources.enter_context(session_scope())
        self.open_jobs = OpenJobs.load(self.session)
        self.session.commit()  # no transaction left open while the source is read
        return self

    def __exit__(self, *problem) -> bool | None:
        return self.resources.__exit__(*problem)

    def start_early(self) -> None:
        """Between two stored batches: record the batches whose analysis is complete and start
        the next, without waiting, so claims are held about as long as when processing."""
        if not self.early:
            return
        try:
            self._keep_busy()
            self.session.commit()  # no transaction left open while the next batch is fetched
        except Exception:  # not the source's fault: `run` meets it again and reports it
            log.exception("processing during the fetch failed; waiting for the fetch to end")
            self.session.rollback()
            self.early = False

    def _keep_busy(self) -> None:
        if self.runner is None:
            waiting = self._waiting()
            if waiting and not self.reader_started:
                # Mail waits: its files will be read, so the reader's helper process loads
                # while later mail is still fetched, not when the first message is analysed.
                start_helper(limits_from_settings().max_memory_mb)
                self.reader_started = True
            if waiting < MIN_MESSAGES_FOR_PROCESSES:
                return
        self._start_runner()
        if self.runner.background:
            while self.running and self.running[0].done():
                self._record(self.running.popleft())
            self._fill()

    def run(self) -> None:
        """Record every waiting message, batch by batch, until none is left."""
        total = self._waiting() + self.summary.processed + len(self.summary.failed)
        self._start_runner()
        self._fill()
        while self.running:
            self._record(self.running.popleft())
            if self.progress:
                self.progress("processing", self.summary.processed + len(self.summary.failed),
                              total)
            self._fill()

    def _start_runner(self) -> None:
        if self.runner is None:
            self.runner = self.resources.enter_context(
                analysis_runner(self.open_jobs, pending=self._waiting()))

    def _fill(self) -> None:
        """Claim and start analysing batches until two are in analysis or none is waiting."""
        while len(self.running) < 2:
            batch = claim_pending(session=self.session, limit=self.batch_size)
            if not batch:
                return
            # Replies to our own mail join their conversation; only the rest is classified.
            unthreaded = thread_replies(session=self.session, email_ids=batch)
            self.summary.replies_threaded += len(batch) - len(unthreaded)
            self.summary.processed += len(batch) - len(unthreaded)
            batch = unthreaded
            if not batch:
                continue
            work = load_work(session=self.session, email_ids=batch)
            self.running.append(self.runner.submit(work))

    def _record(self, batch: InAnalysis) -> None:
        for outcome in _record_batch(self.session, batch.results()):
            _count(self.summary, outcome, self.session)

    def _waiting(self) -> int:
        return self.session.exec(select(func.count()).select_from(Email)
                                 .where(Email.status.in_(("new", "processing")))).one()


def _record_batch(session: Session, analyses: list[Analysis | AnalysisError]) -> list[ProcessOutcome]:
    """Record a batch in one transaction; if anything in it breaks, again one by one so only
    the broken message fails."""
    try:
        outcomes = record_analyses(session=session, items=analyses)
        session.commit()
        return outcomes
    except Exception:
        log.exception("recording a batch failed; retrying its messages one by one")
        session.rollback()
    outcomes = []
    for item in analyses:
        try:
            outcomes += record_analyses(session=session, items=[item])
            session.commit()
        except Exception as problem:  # one bad message must not stop the inbox
            log.exception("recording email %s failed", item.email_id,
                          extra={"email_id": item.email_id})
            session.rollback()
            outcomes.append(mark_failed(session=session, email_id=item.email_id,
                                        reason=f"Unexpected error: {type(problem).__name__}: "
                                               f"{problem}"))
            session.commit()
    return outcomes


def _count(summary: IngestSummary, outcome: ProcessOutcome, session: Session) -> None:
    summary.candidates_created += int(outcome.candidate_created)
    summary.applications_created += outcome.applications_created
    if outcome.status == "failed":
        email = session.get(Email, outcome.email_id)
        summary.failed.append({"message_id": email.message_id or email.message_key,
                               "reason": outcome.reason})
        log.warning("email %s not processed: %s", email.id, outcome.reason,
                    extra={"email_id": email.id,
                           "message_id": email.message_id or email.message_key})
    else:
        summary.processed += 1
        log.debug("email %s processed", outcome.email_id,
                  extra={"email_id": outcome.email_id,
                         "applications_created": outcome.applications_created})
