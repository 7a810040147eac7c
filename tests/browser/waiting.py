"""Waiting for what a running app does in its own time (a background job, an upload, a
scheduler taking over): the browser tests and the scale-out test wait through this."""

from __future__ import annotations

import time


def wait_for(check, timeout_s: float, what: str = "the app", every_s: float = 0.5):
    """Call `check` every `every_s` seconds until it returns something true, and return that;
    fail after `timeout_s` seconds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every_s)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
