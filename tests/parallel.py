"""Running work from several threads at once, as several workers (or the scheduler beside a
person's click) would."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from sqlmodel import Session

from hireops import db

THREADS = 16

Result = TypeVar("Result")


def in_parallel(calls: int, work: Callable[[Session], object]) -> list:
    """Run `work` `calls` times from THREADS threads, each call in its own session and
    transaction (as separate requests are), all threads starting at once."""
    start = threading.Barrier(THREADS)

    def worker(share: int) -> list:
        start.wait()
        results = []
        for _ in range(share):
            with Session(db.get_engine(), expire_on_commit=False) as session:
                results.append(work(session))
                session.commit()
        return results

    shares = [calls // THREADS + (i < calls % THREADS) for i in range(THREADS)]
    with ThreadPoolExecutor(THREADS) as pool:
        return [r for part in pool.map(worker, shares) for r in part]


def at_once(count: int, work: Callable[[int], Result], timeout_s: float = 60.0) -> list[Result]:
    """Start `count` threads that call `work(n)` (n: the thread's number) at the same moment, and
    return what each gave, in the order they finished. An error in a thread is raised here, not
    lost in the thread; a thread still running after `timeout_s` fails the test."""
    start = threading.Barrier(count, timeout=timeout_s)
    results: list[Result] = []
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait()
            results.append(work(n))
        except BaseException as problem:  # raised below, in the test's own thread
            errors.append(problem)

    threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout_s)
    if errors:
        raise errors[0]
    assert not any(thread.is_alive() for thread in threads), f"a thread ran over {timeout_s} s"
    return results


def off_the_main_thread(action: Callable[[], Result], timeout_s: float = 30.0) -> Result:
    """What `action` gives when called from a thread other than the main one (as the app's ingest
    and background jobs call it); its error, if any, is raised here."""
    return at_once(1, lambda _: action(), timeout_s)[0]
