"""Run a parser with a wall-clock deadline, without a process per file.

In a process's main thread a SIGALRM timer interrupts the parser at its next bytecode. Elsewhere
the parser runs in a short-lived daemon thread; the caller waits `seconds` for it. When time is
up the caller gets `DeadlineExceeded` and the thread is asked to stop by raising `_Abandoned`
inside it (CPython's PyThreadState_SetAsyncExc). That lands at the next Python bytecode, which
stops pure-Python loops such as pypdf's. A thread stuck inside one C call (a huge zlib inflate,
a regex) cannot be interrupted: it finishes that call first, then stops. pypdf caps its own
inflate sizes, and our readers keep regexes linear, so such a call is bounded, not endless.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The parser did not finish in time."""


class _Abandoned(BaseException):
    """Raised inside an over-time worker; a BaseException so `except Exception` can't swallow it."""


class _Worker(Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.value: T | None = None
        self.error: BaseException | None = None
        # Guards `finished` so the caller never interrupts a thread that has moved on.
        self.lock = threading.Lock()
        self.finished = False

    def run(self) -> None:
        try:
            try:
                self.value = self.work()
            except BaseException as exc:  # handed to the caller, re-raised there
                self.error = exc
            finally:
                with self.lock:
                    self.finished = True
        except _Abandoned:  # delivered just as the work ended; nothing left to stop
            pass

    def abandon(self, thread: threading.Thread) -> bool:
        """Ask the thread to stop; False when the work had already finished."""
        with self.lock:
            if self.finished or thread.ident is None:
                return False
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(thread.ident), ctypes.py_object(_Abandoned)
            )
            return True


def run_with_deadline(work: Callable[[], T], seconds: float) -> T:
    """Return `work()`, or raise `DeadlineExceeded` after `seconds` (<= 0: no deadline)."""
    if seconds <= 0:
        return work()
    if _alarm_available():
        return _run_with_alarm(work, seconds)
    return _run_in_thread(work, seconds)


def _alarm_available() -> bool:
    """A process's main thread (the CLI, an ingest worker process) can use SIGALRM, which costs
    nothing per file; other threads need the helper thread."""
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def _run_with_alarm(work: Callable[[], T], seconds: float) -> T:
    finished = False

    def on_alarm(_signum, _frame) -> None:
        if not finished:  # an alarm that lands after the work ended is ignored
            raise _Abandoned

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return work()
        finally:
            finished = True
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Abandoned:
        raise DeadlineExceeded from None
    finally:
        signal.signal(signal.SIGALRM, previous)


def _run_in_thread(work: Callable[[], T], seconds: float) -> T:
    worker = _Worker(work)
    thread = threading.Thread(target=worker.run, name="resume-text-parser", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if worker.abandon(thread):
            raise DeadlineExceeded
        thread.join()  # the work is done; only the thread's exit is left
    if worker.error is not None:
        raise worker.error
    return worker.value  # type: ignore[return-value]
