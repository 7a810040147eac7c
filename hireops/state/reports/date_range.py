"""The "from ... to ..." days a report page is narrowed to, typed in the company's date style."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable

import reflex as rx

from hireops.state.access import READ_ROLES, event_for


# A state mixin: the reports page and the AI usage page each mix it in and say how to read
# their figures again (`_range_changed`).
class DateRangeMixin(rx.State, mixin=True):
    # Days as typed (07/12/2026 or 2026-12-07; services.platform.clock.parse_day reads them);
    # "" leaves that end open.
    date_from: str = ""
    date_to: str = ""
    # What an empty date box shows: the company's date style.
    date_hint: str = "DD/MM/YYYY"

    def _range_changed(self) -> Awaitable[None] | None:
        """Read the figures again (a page that reads them in a worker thread awaits it)."""
        raise NotImplementedError

    @event_for(*READ_ROLES)
    async def set_date_from(self, value: str):
        self.date_from = value[:32]
        await _done(self._range_changed())

    @event_for(*READ_ROLES)
    async def set_date_to(self, value: str):
        self.date_to = value[:32]
        await _done(self._range_changed())


async def _done(result: Awaitable[None] | None) -> None:
    if inspect.isawaitable(result):
        await result
