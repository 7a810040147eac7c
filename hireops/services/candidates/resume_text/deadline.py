"""Run a parser with a wall-clock deadline, without a process per file.

In a process's main thread a SIGALRM timer interrupts the parser at its next bytecode. Elsewhere
the parser runs in the calling thread itself, watched by one long-lived watchdog thread: when
time is up the watchdog raises `_Abandoned` inside the caller (CPython's
PyThreadState_SetAsyncExc), which lands at the next Python bytecode and becomes
`DeadlineExceeded`. That stops pure-Python loops such as pypdf's. A call stuck inside one C call
(a huge zlib inflate, a regex) cannot be interrupted: it finishes that call first, then stops.
pypdf caps its own inflate sizes, and our readers keep regexes linear, so such a call is bounded,
not endless.

(A thread per call used to run the work: the ingest's analysis thread started four per message,
and each start and join waited for the interpreter lock, which the thread recording mail held:
that wait was a large share of a message's time.)
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import math
import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The parser did not finish in time."""


class _Abandoned(BaseException):
    """Raised inside an over-time worker; a BaseException so `except Exception` can't swallow it."""


class _Watch:
    """One call being watched: the thread to stop and when."""

    __slots__ = ("thread_id", "ends", "fired")

    def __init__(self, thread_id: int, ends: float) -> None:
        self.thread_id, self.ends, self.fired = thread_id, ends, False


class _Watchdog:
    """A daemon thread that raises `_Abandoned` in the threads whose watch ran out."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._watches: list[tuple[float, int, _Watch]] = []  # a heap by end time
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        # When the watchdog next looks at the heap (inf: not until told). A watch ending later
        # needs no wake-up: waking the thread costs the caller the interpreter lock, four
        # times a message, and the steps of one message share one end time.
        self._wakes_at = math.inf

    def start(self, seconds: float) -> _Watch:
        watch = _Watch(threading.get_ident(), time.monotonic() + seconds)
        with self._changed:
            # Ended watches at the top go now: the heap stays about as small as the calls
            # running, though the watchdog no longer wakes to drop each one.
            while self._watches and self._watches[0][2].ends == -1.0:
                heapq.heappop(self._watches)
            heapq.heappush(self._watches, (watch.ends, next(self._order), watch))
            if self._thread is None or not self._thread.is_alive():
                self._wakes_at = math.inf  # a new thread looks at the heap as it starts
                self._thread = threading.Thread(target=self._run, name="deadline-watchdog",
                                                daemon=True)
                self._thread.start()
            elif watch.ends < self._wakes_at:
                self._changed.notify()
        return watch

    def stop(self, watch: _Watch) -> bool:
        """End the watch (again: nothing happens); True when it ran out. A stop the watchdog
        raised but the thread has not met yet is withdrawn, so it cannot land later."""
        with self._changed:
            if watch.fired and watch.ends != -1.0:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(watch.thread_id),
                                                           None)
            watch.ends = -1.0  # done: the watchdog drops it when it comes to it
            return watch.fired

    def _run(self) -> None:
        with self._changed:
            while True:
                while self._watches and self._watches[0][2].ends == -1.0:
                    heapq.heappop(self._watches)
                if not self._watches:
                    self._wakes_at = math.inf
                    self._changed.wait()
                    continue
                ends, _, watch = self._watches[0]
                left = ends - time.monotonic()
                if left > 0:
                    self._wakes_at = ends
                    self._changed.wait(left)
                    continue
                heapq.heappop(self._watches)
                watch.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(watch.thread_id),
                                                           ctypes.py_object(_Abandoned))


_watchdog = _Watchdog()


def run_with_deadline(work: Callable[[], T], seconds: float) -> T:
    """Return `work()`, or raise `DeadlineExceeded` after `seconds` (<= 0: no deadline)."""
    if seconds <= 0:
        return work()
    if _alarm_available():
        return _run_with_alarm(work, seconds)
    return _run_watched(work, seconds)


def _alarm_available() -> bool:
    """A process's main thread (the CLI, an ingest worker process) can use SIGALRM, which costs
    nothing per file; other threads are stopped by the watchdog thread."""
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


def _run_watched(work: Callable[[], T], seconds: float) -> T:
    watch = _watchdog.start(seconds)
    try:
        try:
            value = work()
        finally:
            ran_out = _watchdog.stop(watch)
    except _Abandoned:
        _watchdog.stop(watch)  # met before `stop` ran: withdraw nothing more, end the watch
        raise DeadlineExceeded from None
    if ran_out:  # time ran out just as the work ended
        raise DeadlineExceeded
    return value
