"""The AI usage page: usage per agent, model and day, and the price table admins edit."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

import reflex as rx

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.ai.prices import (
    InvalidPriceTable, PriceTable, get_price_table, save_price_table,
)
from hireops.services.reports.ai_usage import AIUsage, UsageRow, read_usage, usage_query
from hireops.services.platform.clock import day_placeholder, parse_day
from hireops.state.access import ADMIN_ROLES, READ_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.reports.date_range import DateRangeMixin


@dataclass(frozen=True)
class PriceRow:
    prefix: str
    # As typed in the table, checked when saved.
    input_price: str
    output_price: str


class AIUsageState(DateRangeMixin, AuthState):
    totals: list[UsageRow] = []
    daily: list[UsageRow] = []
    prices: list[PriceRow] = []
    price_error: str = ""
    can_edit_prices: bool = False
    # The date range the daily table is for, as its CSV's address takes it: the page's download
    # link is `routes.EXPORT_AI_USAGE` with it (the file is built there, in a worker thread).
    daily_query: str = ""

    @event_for(*READ_ROLES)
    async def load(self):
        self.can_edit_prices = current_actor().role == Role.admin
        self.date_hint = day_placeholder()
        await self._refresh(reload_prices=True)

    @event_for(*ADMIN_ROLES)
    def set_price_cell(self, index: int, column: str, value: str):
        if not 0 <= index < len(self.prices) or column not in ("prefix", "input", "output"):
            return
        row = self.prices[index]
        self.prices[index] = PriceRow(
            value if column == "prefix" else row.prefix,
            value if column == "input" else row.input_price,
            value if column == "output" else row.output_price)

    @event_for(*ADMIN_ROLES)
    def add_price_row(self):
        self.prices.append(PriceRow("", "0", "0"))

    @event_for(*ADMIN_ROLES)
    def remove_price_row(self, index: int):
        if 0 <= index < len(self.prices):
            self.prices.pop(index)

    @event_for(*ADMIN_ROLES)
    async def save_prices(self):
        table: dict[str, tuple[str, str]] = {}
        for row in self.prices:
            if row.prefix.strip() in table:
                self.price_error = f"The prefix {row.prefix.strip()!r} is listed twice."
                return
            table[row.prefix.strip()] = (row.input_price, row.output_price)
        try:
            with session_scope() as session:
                save_price_table(session=session, prices=table, actor=current_actor())
        except InvalidPriceTable as exc:
            self.price_error = str(exc)
            return
        self.price_error = ""
        await self._refresh(reload_prices=True)
        return rx.toast.success("Prices saved; new calls are priced with them.")

    async def _range_changed(self) -> None:
        await self._refresh()

    async def _refresh(self, reload_prices: bool = False) -> None:
        date_from, date_to = parse_day(self.date_from), parse_day(self.date_to)
        # Read in a worker thread: the server's one event loop serves every other page and
        # interview room meanwhile.
        table, usage = await asyncio.to_thread(_read_usage, date_from, date_to)
        self.totals, self.daily = usage.totals, usage.daily
        self.daily_query = usage_query(date_from, date_to)
        if reload_prices:
            self.prices = [PriceRow(prefix, f"{p_in:g}", f"{p_out:g}")
                           for prefix, (p_in, p_out) in table.items()]


def _read_usage(date_from: date | None,
                date_to: date | None) -> tuple[PriceTable, AIUsage]:
    """The price table and the usage tables priced with it."""
    with session_scope() as session:
        table = get_price_table(session=session)
        return table, read_usage(session=session, prices=table, date_from=date_from,
                                 date_to=date_to)
