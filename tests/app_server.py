"""The real app as a subprocess (`reflex run --env prod`), as the browser tests, the scale-out
test and the benchmarks start it: its environment, a free port, starting it and waiting until
it serves."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from hireops.config import PROJECT_ROOT


# Where the apps the tests and benchmarks start build their pages, never the checkout's `.web`:
# an app serves its pages from its build folder as they are on disk, and a build writes its own
# backend's address into them, so a test app building in `.web` would take over the pages of an
# app `make run` serves from it. Git-ignored and kept between runs, as `.web` is, so a rebuild
# reuses its installed packages.
WEB_BUILDS = PROJECT_ROOT / ".web-builds"
TEST_WEB_DIR = WEB_BUILDS / "tests"
BENCH_WEB_DIR = WEB_BUILDS / "benchmarks"


def app_env(workdir: Path, database_url: str, *, web_dir: Path = TEST_WEB_DIR,
            **extra: str) -> dict[str, str]:
    """The environment of an app on `database_url` that keeps its secret key, maildir, data and
    saved states under `workdir` and builds its pages in `web_dir`; `extra` adds variables or
    overrides these."""
    return {
        # Without pytest's marker variable: Reflex relaxes some start-up checks under pytest,
        # and the app must start exactly as `make run` starts it.
        **{k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"},
        "DATABASE_URL": database_url,
        "SECRET_KEY_FILE": str(workdir / "secret"),
        "HIREOPS_ENV_FILE": os.devnull,
        "INBOX_MAILDIR": str(workdir / "maildir"),
        "DATA_DIR": str(workdir / "data"),
        # No inbox poller: the callers ingest or press Sync now themselves (the poller has its
        # own tests).
        "INBOX_POLL_SECONDS": "0",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "0",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_WEB_WORKDIR": str(web_dir),
        # Every `reflex run` empties its states folder as it starts: not the checkout's.
        "REFLEX_STATES_WORKDIR": str(workdir / "states"),
        "PATH": f"{PROJECT_ROOT / '.tools' / 'bin'}:{os.environ.get('PATH', '')}",
        **extra,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, log: Path, timeout_s: float) -> None:
    """Return once `url`/ping answers; raise with the end of `log` if the app exits first or
    does not answer within `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited early:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url + "/ping", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"the app did not start in {timeout_s} s:\n{log.read_text()[-4000:]}")


# Started beside each app, in a session of its own: it reads its input until that closes, which
# happens when the process that started the app ends, however it ends (a test run killed by a
# signal or a CI timeout included), and then ends the app's process group. Stopped first when
# the app is stopped normally, so it never signals a group that is gone.
_GUARD = """
import os, signal, sys, time
group = int(sys.argv[1])
for quiet in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(quiet, signal.SIG_IGN)
sys.stdin.buffer.read()
try:
    os.killpg(group, signal.SIGTERM)
    for _ in range(100):
        time.sleep(0.1)
        os.killpg(group, 0)
    os.killpg(group, signal.SIGKILL)
except ProcessLookupError:
    pass
"""


def guard_process_group(group: int) -> subprocess.Popen:
    """A process that ends the process group `group` once this process has ended."""
    return subprocess.Popen([sys.executable, "-c", _GUARD, str(group)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


@dataclass
class AppProcess:
    # The app's address, e.g. http://127.0.0.1:38211.
    url: str
    # The environment it runs with (database, secret key file, maildir).
    env: dict[str, str]
    # The `reflex run` process, leader of its own process group.
    process: subprocess.Popen
    # Where its output goes.
    log: Path
    # Ends the app's process group if this process dies before stopping it.
    guard: subprocess.Popen | None = None

    def stop(self) -> None:
        """End the app's whole process group (reflex, its workers and the frontend build)."""
        self._dismiss_guard()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """End the app's whole process group at once (SIGKILL), as a crash would."""
        self._dismiss_guard()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=20)

    def _dismiss_guard(self) -> None:
        if self.guard is not None:
            self.guard.kill()
            self.guard.wait()
            self.guard.stdin.close()
            self.guard = None


def start_app(env: dict[str, str], log: Path, backend_only: bool = False,
              timeout_s: float = 600, cwd: Path = PROJECT_ROOT) -> AppProcess:
    """`reflex run --env prod --single-port` (or `--backend-only`, which builds no pages) from
    the checkout `cwd` on a free port, returned once /ping answers."""
    port = free_port()
    reflex = str(Path(sys.executable).parent / "reflex")
    mode = "--backend-only" if backend_only else "--single-port"
    with log.open("w") as out:
        process = subprocess.Popen(
            [reflex, "run", "--env", "prod", mode, "--backend-port", str(port)],
            cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
    app = AppProcess(url=f"http://127.0.0.1:{port}", env=env, process=process, log=log,
                     guard=guard_process_group(process.pid))
    try:
        wait_until_serving(app.url, process, log, timeout_s)
    except BaseException:
        app.stop()
        raise
    return app
