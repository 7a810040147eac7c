"""Running one piece of database work from many threads at once, as several workers would."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from sqlmodel import Session

from hireops import db

THREADS = 16


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
