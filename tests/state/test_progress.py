"""Slow work in a worker thread: its progress reaches the page while it runs, then its result
or its failure."""

from __future__ import annotations

import threading

import pytest

from hireops.state.progress import percent_done, run_with_progress
from tests.state import run_coroutine


def test_the_page_sees_each_report_while_the_work_runs_then_its_result():
    step = threading.Event()
    shown: list[tuple] = []

    def work(report) -> str:
        for done in (1, 2):
            report("processing", done, 2)
            step.wait(5)
            step.clear()
        return "finished"

    async def show(*values) -> None:
        shown.append(values)
        if values[1] in (1, 2):  # let the worker go on once its report was shown
            step.set()

    result = run_coroutine(run_with_progress(work, show, start=("fetching", 0, 0),
                                           every_s=0.01))
    assert result == "finished"
    reported = [values for values in shown if values != ("fetching", 0, 0)]
    assert reported[0] == ("processing", 1, 2) and reported[-1] == ("processing", 2, 2)


def test_before_its_first_report_the_page_sees_the_start():
    gate = threading.Event()
    shown: list[tuple] = []

    def work(report) -> int:
        gate.wait(5)
        return 7

    async def show(*values) -> None:
        shown.append(values)
        gate.set()

    assert run_coroutine(run_with_progress(work, show, start=(0, 0), every_s=0.01)) == 7
    assert shown[0] == (0, 0)


def test_a_failure_in_the_worker_reaches_the_caller():
    def work(report) -> None:
        report(1, 3)
        raise RuntimeError("mailbox unreachable")

    async def show(*values) -> None:
        pass

    with pytest.raises(RuntimeError, match="mailbox unreachable"):
        run_coroutine(run_with_progress(work, show, start=(0, 0), every_s=0.01))


@pytest.mark.parametrize(("done", "total", "percent"), [
    (0, 0, 0), (5, 0, 0), (0, 3, 0), (1, 3, 33), (2, 3, 67), (3, 3, 100), (4, 3, 100)])
def test_the_bar_shows_a_whole_percentage_never_past_100(done, total, percent):
    assert percent_done(done, total) == percent
