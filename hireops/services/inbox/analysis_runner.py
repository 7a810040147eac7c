"""Where message analysis runs: inline, in worker processes (local engines are CPU-bound), or
in threads (remote engines wait on the network). The database stays in the calling process.

With worker processes the calling process helps too: when it comes to collect a batch, it
analyses the messages no worker has started yet instead of waiting for them. So one worker
process and the app process keep two cores busy, at the memory cost of one extra process
(about 140 MB, and a resume reader of its own).

Without worker processes (the default) one thread analyses beside the calling one. The GIL lets
only one of them run Python at a time, but reading the resumes happens in the reader's helper
process: while the analysis thread waits for it, the calling thread fetches, stores and records,
so the second core reads PDFs, with no extra copy of the analysis code and the model (real
mail: 262 MB in all against 432 with a worker process, and faster on a shared machine; where
reading is a small share of the work and the cores are free, a worker process can be faster).
With the reader in the app process itself (`extraction_max_memory_mb = 0`) a thread would only
take turns, so analysis runs inline.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar

from hireops.services.inbox.processing import (
    Analysis,
    EmailWork,
    MessageTooSlow,
    OpenJobs,
    analyze_email,
    read_resume,
)
from hireops.services.platform.process_name import name_this_process
from hireops.services.platform.runtime_settings import current_settings

log = logging.getLogger(__name__)
# Below this many waiting messages, starting worker processes costs more than it saves.
MIN_MESSAGES_FOR_PROCESSES = 24
ANALYSIS_AGENTS = ("classifier", "resume_scorer")

_worker_jobs: OpenJobs | None = None
T = TypeVar("T")


@dataclass(frozen=True)
class AnalysisError:
    """Analysing one message raised (a bug or a hostile input no check caught) or ran out of
    its time budget."""

    email_id: int
    reason: str


@dataclass(frozen=True)
class InAnalysis:
    """A batch handed to the runner."""

    # Whether every result is in, without waiting (always False inline: nothing runs before
    # `results` is called).
    done: Callable[[], bool]
    # The results in batch order, waiting for (or computing) them.
    results: Callable[[], list[Analysis | AnalysisError]]


@dataclass(frozen=True)
class Runner:
    """Starts analysing batches; `background` is False when analysis runs inline on collecting."""

    submit: Callable[[list[EmailWork]], InAnalysis]
    background: bool


def analyze_safely(work: EmailWork, open_jobs: OpenJobs | None = None) -> Analysis | AnalysisError:
    try:
        return analyze_email(work, open_jobs or _worker_jobs)
    except MessageTooSlow as problem:  # that message fails with the reason; the others go on
        log.warning("analysing email %s stopped: %s", work.email_id, problem)
        return AnalysisError(work.email_id, str(problem))
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
    name_this_process("hireops-worker")
    _worker_jobs = open_jobs


@contextlib.contextmanager
def analysis_runner(open_jobs: OpenJobs, *, pending: int) -> Iterator[Runner]:
    """A runner backed by the best executor for the configured engines and the amount of work.
    Collecting later lets the caller record one batch while the workers analyse the next."""
    executor = _make_executor(open_jobs, pending)
    if executor is None:
        yield Runner(lambda batch: InAnalysis(
            done=lambda: False,
            results=lambda: [analyze_safely(work, open_jobs) for work in batch]),
            background=False)
        return
    processes = isinstance(executor, ProcessPoolExecutor)
    task = analyze_safely if processes else partial(analyze_safely, open_jobs=open_jobs)
    with contextlib.ExitStack() as running:
        # Threads: one more thread reads the messages' files ahead, in order, so the resume
        # reader's process reads the next message's files while this one is analysed (that
        # thread mostly waits for the reader, out of the interpreter lock).
        reading = None if processes else running.enter_context(
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="resume-reading"))
        running.enter_context(executor)  # left first: no analysis waits on a stopped reading

        def submit(batch: list[EmailWork]) -> InAnalysis:
            if reading is not None:
                batch = [replace(work, read_ahead=reading.submit(read_resume, work).result)
                         for work in batch]
            futures = [(work, executor.submit(task, work)) for work in batch]
            if processes:
                results = partial(collect_helping, futures,
                                  partial(analyze_safely, open_jobs=open_jobs))
            else:
                results = lambda: [_collect(work.email_id, future) for work, future in futures]
            return InAnalysis(done=lambda: all(future.done() for _, future in futures),
                              results=results)

        yield Runner(submit, background=True)


def collect_helping(futures: list[tuple[EmailWork, Future]],
                    analyze_here: Callable[[EmailWork], T]) -> list[T | AnalysisError]:
    """The results in batch order. Messages no worker has taken yet are cancelled and analysed
    here, from the end of the batch while the workers go on from its start; a cancelled
    future is never run, so each message is still analysed exactly once."""
    waiting = list(futures)
    done_here: list[T] = []
    # Workers take messages in order, so once the last waiting one is taken, all are.
    while waiting and waiting[-1][1].cancel():
        done_here.append(analyze_here(waiting.pop()[0]))
    return [_collect(work.email_id, future) for work, future in waiting] + done_here[::-1]


def _make_executor(open_jobs: OpenJobs, pending: int) -> Executor | None:
    settings = current_settings()
    engines = {settings.agent_settings(agent)[0] for agent in ANALYSIS_AGENTS}
    if engines != {"local"}:
        return ThreadPoolExecutor(max_workers=settings.ai_max_concurrency)
    cores = os.cpu_count() or 1
    if cores < 2 or pending < MIN_MESSAGES_FOR_PROCESSES:
        return None
    if not settings.inbox_worker_processes:
        # One analysis thread beside this one: it waits on the resume reader's process while
        # this thread fetches, stores and records, so two cores work without a second copy of
        # the analysis code and model in memory.
        return ThreadPoolExecutor(max_workers=1) if settings.extraction_max_memory_mb else None
    # spawn, not fork: the app process has threads (scheduler, server) a fork would copy.
    return ProcessPoolExecutor(max_workers=min(cores, settings.inbox_worker_processes),
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(open_jobs,))
