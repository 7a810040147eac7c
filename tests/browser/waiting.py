"""Waiting in browser tests for what the app does in its own time (a background job, an upload)."""

from __future__ import annotations

import time


def wait_for(check, timeout_s: float, what: str = "the app"):
    """Call `check` every half second until it returns something true, and return that; fail
    after `timeout_s` seconds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")
