"""A "Test connection" button's state: one remote check at a time, its outcome in words and in
a tone the page colours (green: worked, red: failed, gray: nothing to test)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import reflex as rx

# What a check returns: the sentence the admin reads, and its tone.
CheckOutcome = tuple[str, str]


class ConnectionTestMixin(rx.State, mixin=True):
    """For a state whose background handler calls `await self._run_test(check)`."""

    # True while the check runs: the button spins and a second press does nothing.
    testing: bool = False
    test_message: str = ""
    # green (worked) | red (failed) | gray (nothing to test)
    test_tone: str = "gray"

    async def _run_test(self, check: Callable[[], CheckOutcome]) -> None:
        """Run `check()` in a worker thread (a remote call is slow) unless one runs already,
        then show its outcome."""
        async with self:
            if self.testing:
                return
            self.testing, self.test_message = True, ""
        message, tone = await asyncio.to_thread(check)
        async with self:
            self.testing, self.test_message, self.test_tone = False, message, tone
