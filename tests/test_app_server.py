"""The apps tests start end with the run that started them, even a run killed outright (a CI
timeout, kill -9): none is left serving, holding its port and its database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from hireops.config import PROJECT_ROOT

# A stand-in for a test run: it starts a long process in a group of its own, as start_app starts
# `reflex run`, guards it as start_app does, prints its group and waits to be killed.
RUN = """
import subprocess, sys, time
from tests.app_server import guard_process_group
app = subprocess.Popen(["sleep", "600"], start_new_session=True)
guard_process_group(app.pid)
print(app.pid, flush=True)
time.sleep(600)
"""


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_gone(group: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _group_alive(group):
            return True
        time.sleep(0.05)
    return False


def test_an_app_ends_when_the_run_that_started_it_is_killed():
    run = subprocess.Popen([sys.executable, "-c", RUN], cwd=PROJECT_ROOT,
                           stdout=subprocess.PIPE, text=True)
    group = int(run.stdout.readline())
    try:
        time.sleep(0.5)
        assert _group_alive(group), "the app should serve while its run goes on"
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert _wait_gone(group, 15), "the app outlived the run that started it"
    finally:
        if _group_alive(group):
            os.killpg(group, signal.SIGKILL)
