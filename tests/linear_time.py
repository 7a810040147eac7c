"""Linear time shown by a ratio, not by a wall-clock bound.

A bound in seconds fails on a loaded machine for no defect, or passes a slow rule on a fast
one. Here a reader runs on a short text and on one many times longer: a linear rule takes about
that many times as long, a backtracking one the square of it (or far more). Each time is the
best of a few samples, so a pause of the machine in one sample does not count, and the short
text's samples run as long as one call on the long text (many calls each): a busy machine then
slows both alike. With samples of a few milliseconds against the long text's 0.4 s, the short
ones found the quiet moments between other processes' work and the long ones could not (a
linear rule measured 41 times slower on 16 times the text, at load 5-6).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline

# A sample runs the call this long at least (many calls of a fast one): a timer's tick or a
# cache miss is then a small share of it.
SAMPLE_S = 0.002
SAMPLES = 5
# One sample that runs this long is a rule far from linear (and stops it: an exponential one
# would otherwise run for hours).
SAMPLE_DEADLINE_S = 10.0


def seconds_per_call(call: Callable[[], object], samples: int = SAMPLES,
                     sample_s: float = SAMPLE_S) -> float:
    """The time of one `call`, the best of `samples` samples of `sample_s` at least."""
    calls = 1
    while (elapsed := _sample(call, calls)) < sample_s:
        calls *= 2
    best = elapsed / calls
    for _ in range(samples - 1):
        best = min(best, _sample(call, calls) / calls)
    return best


def _sample(call: Callable[[], object], calls: int) -> float:
    def run() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return time.perf_counter() - started

    collecting = gc.isenabled()
    gc.disable()  # a collection that falls in one sample and not the other is noise
    try:
        return run_with_deadline(run, SAMPLE_DEADLINE_S)
    except DeadlineExceeded:
        pytest.fail(f"{calls} call(s) took over {SAMPLE_DEADLINE_S} s: far from linear")
    finally:
        if collecting:
            gc.enable()


def assert_linear(read: Callable[[str], object], short: str, long: str,
                  most: float = 40.0) -> None:
    """`read(long)` takes under `most` times as long as `read(short)`; `long` should be 10 to
    16 times `short`'s length, so linear work gives about that ratio and quadratic work over
    a hundred."""
    long_s = seconds_per_call(lambda: read(long))
    short_s = seconds_per_call(lambda: read(short), sample_s=max(SAMPLE_S, long_s))
    ratio = long_s / short_s
    assert ratio < most, (
        f"{len(long):,} characters took {ratio:.0f} times as long as {len(short):,} "
        f"({long_s * 1000:.2f} ms against {short_s * 1000:.3f} ms): not linear")
