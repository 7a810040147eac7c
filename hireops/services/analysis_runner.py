"""Where message analysis runs: inline, in worker processes (local engines are CPU-bound), or
in threads (remote engines wait on the network). The database stays in the calling process."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from hireops.config import get_settings
from hireops.services.inbox_processing import Analysis, EmailWork, OpenJobs, analyze_email

log = logging.getLogger(__name__)
# Below this many waiting messages, starting worker processes costs more than it saves.
MIN_MESSAGES_FOR_PROCESSES = 24
ANALYSIS_AGENTS = ("classifier", "resume_scorer")

_worker_jobs: OpenJobs | None = None


@dataclass(frozen=True)
class AnalysisError:
    """Analysing one message raised (a bug or a hostile input no check caught)."""

    email_id: int
    reason: str


# Submit a batch; the returned function waits for (or computes) its analyses.
Analyze = Callable[[list[EmailWork]], Callable[[], list["Analysis | AnalysisError"]]]


def analyze_safely(work: EmailWork, open_jobs: OpenJobs | None = None) -> Analysis | AnalysisError:
    try:
        return analyze_email(work, open_jobs or _worker_jobs)
    except Exception as problem:  # reported on that message; the others go on
        log.exception("analysing email %s failed", work.email_id)
        return AnalysisError(work.email_id, f"Unexpected error: {type(problem).__name__}: "
                                            f"{problem}")


def _collect(email_id: int, future: Future) -> Analysis | AnalysisError:
    try:
        return future.result()
    except Exception as problem:  # e.g. a worker process died: that message fails, visibly
        log.error("analysis of email %s was lost: %s", email_id, problem)
        return AnalysisError(email_id, f"Analysis failed: {type(problem).__name__}: {problem}")


def _init_worker(open_jobs: OpenJobs) -> None:
    global _worker_jobs
    _worker_jobs = open_jobs


@contextlib.contextmanager
def analysis_runner(open_jobs: OpenJobs, *, pending: int) -> Iterator[Analyze]:
    """A function that starts analysing a batch and returns how to collect the results, backed
    by the best executor for the configured engines and the amount of work. Collecting later
    lets the caller record one batch while the workers analyse the next."""
    executor = _make_executor(open_jobs, pending)
    if executor is None:
        yield lambda batch: lambda: [analyze_safely(work, open_jobs) for work in batch]
        return
    task = (analyze_safely if isinstance(executor, ProcessPoolExecutor)
            else partial(analyze_safely, open_jobs=open_jobs))
    with executor:
        def submit(batch: list[EmailWork]):
            futures = [(work.email_id, executor.submit(task, work)) for work in batch]
            return lambda: [_collect(email_id, future) for email_id, future in futures]

        yield submit


def _make_executor(open_jobs: OpenJobs, pending: int) -> Executor | None:
    settings = get_settings()
    engines = {settings.agent_settings(agent)[0] for agent in ANALYSIS_AGENTS}
    if engines != {"local"}:
        return ThreadPoolExecutor(max_workers=settings.ai_max_concurrency)
    cores = os.cpu_count() or 1
    if cores < 2 or pending < MIN_MESSAGES_FOR_PROCESSES or not settings.inbox_worker_processes:
        return None
    # spawn, not fork: the app process has threads (scheduler, server) a fork would copy.
    return ProcessPoolExecutor(max_workers=min(cores, settings.inbox_worker_processes),
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(open_jobs,))
