"""One ingest pass: fetch from the mail source, store new messages, process what is pending.

Used by the scheduler, the "Sync now" button and `python -m hireops ingest`. A failure of one
message is recorded on that message and the pass goes on; only a source that cannot be read at
all ends the pass early (and what was stored before that stays stored).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import Email
from hireops.services.analysis_runner import AnalysisError, analysis_runner
from hireops.services.inbox_processing import (
    Analysis,
    OpenJobs,
    ProcessOutcome,
    claim_pending,
    load_work,
    mark_failed,
    record_analysis,
)
from hireops.services.inbox_store import known_source_refs, store_messages
from hireops.services.mail.sources import MailSource

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    seen: int = 0
    new: int = 0
    duplicates: int = 0
    processed: int = 0
    candidates_created: int = 0
    applications_created: int = 0
    failed: list[dict] = field(default_factory=list)
    # Set when the source itself could not be read; what was stored before is kept.
    source_error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


# progress(phase, done, total): phase is "fetching" or "processing"; total is 0 when unknown.
Progress = Callable[[str, int, int], None]


def run_ingest_pass(*, source: MailSource | None, progress: Progress | None = None) -> IngestSummary:
    """Fetch and store from `source` (None: only process what is pending), then process."""
    summary = IngestSummary()
    if source is not None:
        _fetch_and_store(source, summary, progress)
    process_pending(summary=summary, progress=progress)
    return summary


def _fetch_and_store(source: MailSource, summary: IngestSummary, progress: Progress | None) -> None:
    settings = get_settings()
    with session_scope() as session:
        known = known_source_refs(session=session, source=source.kind)

        def report(result) -> None:
            # Updated per batch (the only place the summary gets these), so a source that breaks
            # later still reports what was stored.
            summary.seen, summary.new, summary.duplicates = (result.seen, result.new,
                                                             result.duplicates)
            if progress:
                progress("fetching", result.seen, 0)

        try:
            store_messages(
                session=session, batch_size=settings.inbox_batch_size, on_batch=report,
                messages=source.fetch(skip=known.__contains__))
        except Exception as problem:  # the source broke mid-way: keep what was stored
            # Committed batches stay; the batch being written is undone, so no message is left
            # half-stored (e.g. without the attachment a full disk refused); the next pass
            # fetches it again.
            session.rollback()
            log.warning("mail source %s failed: %s", source.name, problem)
            summary.source_error = f"{type(problem).__name__}: {problem}"
            return


def process_pending(*, summary: IngestSummary, progress: Progress | None = None) -> None:
    """Process every message waiting for it, one claimed batch (one transaction) at a time."""
    settings = get_settings()
    with session_scope() as session:
        open_jobs = OpenJobs.load(session)
        total = session.exec(select(func.count()).select_from(Email)
                             .where(Email.status.in_(("new", "processing")))).one()
        with analysis_runner(open_jobs, pending=total) as analyze:
            # Two batches in flight: the workers analyse the next while this process records.
            def start_next():
                batch = claim_pending(session=session, limit=settings.inbox_batch_size)
                return analyze(load_work(session=session, email_ids=batch)) if batch else None

            running = start_next()
            while running is not None:
                following = start_next()
                for outcome in _record_batch(session, running()):
                    _count(summary, outcome, session)
                if progress:
                    progress("processing", summary.processed + len(summary.failed), total)
                running = following


def _record_batch(session: Session, analyses: list[Analysis | AnalysisError]) -> list[ProcessOutcome]:
    """Record a batch in one transaction; if anything in it breaks, again one by one so only
    the broken message fails."""
    try:
        outcomes = [_record_one(session, item) for item in analyses]
        session.commit()
        return outcomes
    except Exception:
        log.exception("recording a batch failed; retrying its messages one by one")
        session.rollback()
    outcomes = []
    for item in analyses:
        try:
            outcomes.append(_record_one(session, item))
            session.commit()
        except Exception as problem:  # one bad message must not stop the inbox
            log.exception("recording email %s failed", item.email_id)
            session.rollback()
            outcomes.append(mark_failed(session=session, email_id=item.email_id,
                                        reason=f"Unexpected error: {type(problem).__name__}: "
                                               f"{problem}"))
            session.commit()
    return outcomes


def _record_one(session: Session, item: Analysis | AnalysisError) -> ProcessOutcome:
    if isinstance(item, AnalysisError):
        return mark_failed(session=session, email_id=item.email_id, reason=item.reason)
    return record_analysis(session=session, analysis=item)


def _count(summary: IngestSummary, outcome: ProcessOutcome, session: Session) -> None:
    summary.candidates_created += int(outcome.candidate_created)
    summary.applications_created += outcome.applications_created
    if outcome.status == "failed":
        email = session.get(Email, outcome.email_id)
        summary.failed.append({"message_id": email.message_id or email.message_key,
                               "reason": outcome.reason})
    else:
        summary.processed += 1
