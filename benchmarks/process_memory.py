"""Memory of this process and every process it started, sampled while they work.

Two sums are kept, both at their largest over the sampled span:
- resident (RSS): what `ps` and `top` show per process, added up. Pages two processes share
  (the Python interpreter, shared libraries, a memory-mapped model file) are counted once per
  process, so the sum is an upper bound.
- proportional (PSS, from /proc/<pid>/smaps_rollup): each shared page divided among the
  processes that map it, so the sum is what the processes really occupy together.

A child that still shows its parent's command line has been forked but has not yet started its
own program: its pages are its parent's, and counting them again would double the parent for a
few milliseconds. Each process's own peak is kept too, under its last name (/proc/<pid>/comm):
HireOps names its analysis workers and resume readers; this process is reported as "app".
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

SAMPLE_SECONDS = 0.05


class TreeMemorySampler:
    """Samples every 50 ms from `__enter__` to `__exit__`."""

    def __init__(self) -> None:
        self.peak_rss_mb = 0.0
        self.peak_pss_mb = 0.0
        # pid -> (last name seen, largest resident memory in MB)
        self.processes: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.sample()

    def sample(self) -> None:
        me = os.getpid()
        rss_sum = pss_sum = 0.0
        for pid in [me, *_started_descendants(me)]:
            rss = _status_kb(pid, "VmRSS") / 1024
            rss_sum += rss
            pss_sum += _pss_kb(pid) / 1024
            known_name, known_peak = self.processes.get(pid, ("?", 0.0))
            # A process that ended between two reads keeps the name it had.
            name = "app" if pid == me else _read(f"/proc/{pid}/comm").strip() or known_name
            self.processes[pid] = (name, max(rss, known_peak))
        self.peak_rss_mb = max(self.peak_rss_mb, rss_sum)
        self.peak_pss_mb = max(self.peak_pss_mb, pss_sum)


def _started_descendants(pid: int) -> list[int]:
    """Children and their children, without those forked but not yet running their program."""
    found = []
    command = _read(f"/proc/{pid}/cmdline")
    # Each thread lists the children it started (the reader helper may be started by an
    # analysis thread, not the main one).
    children = [child for task in _tasks(pid)
                for child in _read(f"/proc/{pid}/task/{task}/children").split()]
    for child in children:
        if _read(f"/proc/{child}/cmdline") != command:
            found.append(int(child))
        found += _started_descendants(int(child))
    return found


def _tasks(pid: int) -> list[str]:
    try:
        return os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []


def _status_kb(pid: int, field: str) -> int:
    for line in _read(f"/proc/{pid}/status").splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def _pss_kb(pid: int) -> int:
    for line in _read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _read(path: str) -> str:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:  # the process ended between two reads
        return ""
