"""Other users' event latency while wrong passwords arrive: one app (`reflex run --env prod
--backend-only`, SQLite), one "bystander" tab sending a cheap event (the sign-in page's
`open_page`) every 50 ms, and a few "guessing" tabs each sending wrong sign-ins back to back.
Prints the bystander's p50/p95 latency alone, then during the guessing, and how many sign-ins
were checked.

    .venv/bin/python benchmarks/sign_in_latency.py --guessers 4 --duration 11

On two shared, busy cores (load 10): alone p50 2 ms; during the guessing p50 22-52 ms, p95
81-245 ms with the check in a worker thread, against p50 3201 ms (4 bystander events in 11 s)
with the check on the event loop.

Every tab comes from 127.0.0.1 and each sign-in names a new email, so the throttles would
refuse most attempts before the password check; the benchmark raises their free attempts so
that every sign-in really runs argon2 (the cost being measured).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.app_process import AppProcess, start_app  # noqa: E402
from tests.app_server import app_env  # noqa: E402
from tests.fakes.reflex_socket import ReflexSocket  # noqa: E402

LOGIN_STATE = ("reflex___state____state.hireops___state___auth____auth_state"
               ".hireops___state___login____login_state")
BYSTANDER_EVERY_S = 0.05


async def _bystander(url: str, until: float) -> list[float]:
    tab = ReflexSocket(url, "/login")
    await tab.connect()
    latencies = []
    try:
        while time.monotonic() < until:
            latencies.append(await tab.send(f"{LOGIN_STATE}.open_page"))
            await asyncio.sleep(BYSTANDER_EVERY_S)
    finally:
        await tab.close()
    return latencies


async def _guesser(url: str, number: int, until: float) -> int:
    tab = ReflexSocket(url, "/login")
    await tab.connect()
    checked = 0
    try:
        while time.monotonic() < until:
            form = {"email": f"guess{number}.{checked}@example.com", "password": "wrong guess"}
            await tab.send(f"{LOGIN_STATE}.submit", form=form)
            checked += 1
    finally:
        await tab.close()
    return checked


async def _phase(url: str, guessers: int, duration: float) -> tuple[list[float], int]:
    until = time.monotonic() + duration
    results = await asyncio.gather(_bystander(url, until),
                                   *(_guesser(url, n, until) for n in range(guessers)))
    return results[0], sum(results[1:])


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50={statistics.median(ordered):.0f} ms p95={p95:.0f} ms events={len(ordered)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--guessers", type=int, default=4)
    parser.add_argument("--duration", type=float, default=11.0)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="hireops-sign-in-bench-"))
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}",
                  LOGIN_FREE_ATTEMPTS="1000000", LOGIN_CLIENT_FREE_ATTEMPTS="1000000")
    subprocess.run([sys.executable, "-m", "hireops", "migrate"], env=env, check=True,
                   capture_output=True, cwd=Path(__file__).resolve().parent.parent)
    app: AppProcess = start_app(env, workdir / "app.log", backend_only=True)
    try:
        asyncio.run(_phase(app.url, 1, 3.0))  # untimed: pools opened, handlers imported
        alone, _ = asyncio.run(_phase(app.url, 0, args.duration))
        print(f"bystander alone: {_summary(alone)}")
        during, checked = asyncio.run(_phase(app.url, args.guessers, args.duration))
        print(f"bystander during {checked} wrong sign-ins in {args.duration:.0f} s "
              f"({args.guessers} guessing tabs): {_summary(during)}")
    finally:
        app.stop()


if __name__ == "__main__":
    main()
