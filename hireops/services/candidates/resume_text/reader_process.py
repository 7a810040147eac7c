"""Reading a file in a helper process whose memory is capped, so a hostile file costs at most
the cap, not the app's memory.

A 1 MB PDF once made pypdf allocate 460 MB (and 6 s) before it gave up. The readers cannot
bound their own memory, so they run in a helper process started with `resource.RLIMIT_AS` set
to what it uses after loading them plus the budget: an allocation past that raises MemoryError
there, which comes back as `MemoryBudgetExceeded`, and the app process never grows. Helpers are
started once (spawn, like the analysis workers) and reused; one that dies is replaced.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import resource
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from hireops.services.candidates.resume_text.deadline import DeadlineExceeded
from hireops.services.candidates.resume_text.readers import load_readers

T = TypeVar("T")
MB = 1024 * 1024
# Helper processes per budget (each idles at about 65 MB); more callers than this wait their
# turn, which is not counted against their deadline.
HELPERS = 1
# How much longer than the reader's own deadline the caller waits before killing the helper:
# a reader stuck inside one C call cannot be interrupted there either.
_GRACE_S = 5.0

_lock = threading.Lock()
_pools: dict[int, ProcessPoolExecutor] = {}
_turns = threading.BoundedSemaphore(HELPERS)


class MemoryBudgetExceeded(Exception):
    """The reader needed more memory than its budget (or its helper process died)."""


def run_with_memory_budget(work: Callable[..., T], *args: object, budget_mb: int,
                           seconds: float) -> T:
    """`work(*args)` in a helper process capped at `budget_mb` MB beyond its own start.

    `work` must be a module-level function (it is sent to the helper by name). Raises
    `MemoryBudgetExceeded`, or `DeadlineExceeded` when the helper does not answer within
    `seconds` plus a grace period (then it is killed and replaced).
    """
    with _turns:
        pool = _pool(budget_mb)
        future = pool.submit(_call_within_budget, work, *args)
        try:
            return future.result(timeout=seconds + _GRACE_S if seconds > 0 else None)
        except FutureTimeout:
            _discard(budget_mb, pool, kill=True)
            raise DeadlineExceeded from None
        except BrokenProcessPool:  # killed by the kernel, or crashed in C on a failed malloc
            _discard(budget_mb, pool, kill=False)
            raise MemoryBudgetExceeded from None


def start_helper(budget_mb: int) -> None:
    """Start the helper for `budget_mb` now, without waiting, if it is not running: it loads the
    readers (about half a second) while the caller does other work, not when the first file
    comes."""
    if budget_mb <= 0:
        return
    try:
        _pool(budget_mb).submit(int)  # a call that does nothing starts the process
    except BrokenProcessPool:  # the first file's call replaces it
        pass


def _call_within_budget(work: Callable[..., T], *args: object) -> T:
    try:
        return work(*args)
    except MemoryError:
        pass
    # Raised outside the handler, so the failed reader's frames (and memory) are freed first.
    raise MemoryBudgetExceeded


def _pool(budget_mb: int) -> ProcessPoolExecutor:
    with _lock:
        pool = _pools.get(budget_mb)
        if pool is None:
            # spawn, not fork: the app process has threads (scheduler, server) a fork would copy.
            pool = ProcessPoolExecutor(max_workers=HELPERS,
                                       mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_cap_address_space,
                                       initargs=(budget_mb * MB,))
            _pools[budget_mb] = pool
            if len(_pools) == 1:
                _stop_helpers_at_exit()
        return pool


def _stop_helpers_at_exit() -> None:
    """Stop the helpers before this process waits for its children at exit. An analysis worker
    process ends through multiprocessing, which joins its children before the executor's own
    exit hook would stop them: without this it would wait for its helper forever."""
    # Above the queues' own exit finalizers (priority 10), which must still carry the stop.
    multiprocessing.util.Finalize(None, stop_helpers, exitpriority=100)


def stop_helpers() -> None:
    """Stop every helper process (they start again when next needed)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _discard(budget_mb: int, pool: ProcessPoolExecutor, *, kill: bool) -> None:
    with _lock:
        if _pools.get(budget_mb) is pool:
            del _pools[budget_mb]
    if kill:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _cap_address_space(budget_bytes: int) -> None:
    """In the helper: load the readers, then allow `budget_bytes` more address space."""
    from hireops.services.platform.process_name import name_this_process

    name_this_process("hireops-reader")
    load_readers()  # their libraries count as the base, not against the budget
    in_use = _address_space_in_use()
    if in_use is None:  # no /proc (not Linux): the helper still isolates, but is not capped
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = in_use + budget_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space_in_use() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")
