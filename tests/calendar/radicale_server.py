"""A real CalDAV server for the tests: Radicale on loopback, its storage in a temporary folder,
no authentication (any user name is that user's own collection)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.app_server import free_port

START_TIMEOUT_S = 30


@contextmanager
def radicale(folder: Path) -> Iterator[str]:
    """Radicale serving `folder`; yields its root address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={folder}",
         f"--server-hosts=127.0.0.1:{port}", "--auth-type=none", "--logging-level=warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Radicale exited: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Radicale did not start in time.")
