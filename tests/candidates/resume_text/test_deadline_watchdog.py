"""Off the main thread, a deadline runs the work in the calling thread (no thread per call) and
one watchdog thread stops it; a stop never lands after the call has returned."""

import threading
import time

import pytest

from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline
from tests.parallel import off_the_main_thread


def _spin(seconds: float) -> int:
    ends, turns = time.monotonic() + seconds, 0
    while time.monotonic() < ends:
        turns += 1
    return turns


def test_the_work_runs_in_the_calling_thread_without_starting_one_per_call():
    def calls():
        caller = threading.get_ident()
        before = {thread.ident for thread in threading.enumerate()}
        ran_in = {run_with_deadline(threading.get_ident, 5.0) for _ in range(200)}
        started = {thread.ident for thread in threading.enumerate()} - before
        return ran_in == {caller}, len(started)

    same_thread, started = off_the_main_thread(calls)
    assert same_thread
    assert started <= 1  # at most the watchdog, once


def test_a_stuck_loop_off_the_main_thread_is_stopped_in_time():
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        off_the_main_thread(lambda: run_with_deadline(lambda: _spin(10), 0.2))
    assert time.monotonic() - started < 2


def test_a_stop_never_lands_after_the_call_returned():
    """Work ending right at its deadline: the call returns or raises DeadlineExceeded, and the
    code after it runs undisturbed."""

    def near_the_deadline():
        outcomes = []
        for _ in range(100):
            try:
                run_with_deadline(lambda: _spin(0.002), 0.002)
                outcomes.append("returned")
            except DeadlineExceeded:
                outcomes.append("stopped")
        _spin(0.3)  # a stop withdrawn too late would land here
        return outcomes

    outcomes = off_the_main_thread(near_the_deadline)
    assert len(outcomes) == 100 and set(outcomes) <= {"returned", "stopped"}
