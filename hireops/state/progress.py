"""Slow work (Sync now, rescoring a job) in a worker thread, its progress shown while it runs.

A background event cannot block the event loop, and the worker thread cannot touch the page's
state: the worker reports its progress into a box, and the event loop copies the latest report
to the page every `PROGRESS_EVERY_S` until the work ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

Result = TypeVar("Result")
# How often the page's progress bar moves: often enough to look alive, rarely enough not to
# flood the websocket.
PROGRESS_EVERY_S = 0.3


async def run_with_progress(work: Callable[[Callable[..., None]], Result],
                            show: Callable[..., Awaitable[None]], *, start: tuple[Any, ...],
                            every_s: float = PROGRESS_EVERY_S) -> Result:
    """`work(report)` in a worker thread; every `every_s` while it runs, `await show(*latest)`
    with the values it last passed to `report` (`start` until its first report). Returns what
    `work` returns and raises what it raises."""
    latest = [start]

    def report(*values: Any) -> None:
        # One reference swapped at once: the event loop reads a whole report, never half of one.
        latest[0] = values

    task = asyncio.create_task(asyncio.to_thread(work, report))
    while not task.done():
        await asyncio.sleep(every_s)
        await show(*latest[0])
    return task.result()


def percent_done(done: int, total: int) -> int:
    """`done` of `total` as a whole percentage for the progress bar; 0 while the total is not
    known yet, and never past 100 (a report may count one more than it announced)."""
    return min(100, round(100 * done / total)) if total else 0
