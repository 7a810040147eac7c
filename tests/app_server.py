"""The real app as a subprocess (`reflex run --env prod`), as the browser tests, the scale-out
test and the benchmarks start it: its environment, a free port, and waiting until it serves."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from hireops.config import PROJECT_ROOT


def app_env(workdir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of an app on `database_url` that keeps its secret key, maildir and data
    under `workdir`; `extra` adds variables or overrides these."""
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
