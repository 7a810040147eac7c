"""Summaries of the ai_calls table: calls, failures, tokens, cost and latency per agent, model
and day.

The page's tables are summed, and their latencies ranked, in the database (`read_usage`): a
few rows per agent, model and day are read, whatever the number of calls.

Costs appear twice: as recorded when the call was made, and re-priced from today's price table
(`services.ai.prices`), so an edited table shows what the same usage costs now without
rewriting history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, case, func
from sqlmodel import Session, select

from hireops.models import AICall
from hireops.services.ai.prices import estimate_cost_usd
from hireops.services.candidates.export import table_csv
from hireops.services.platform.clock import day_bounds, format_day
from hireops.services.platform.labels import agent_label
from hireops.services.reports.company_days import CompanyDays, company_days

DAILY_CSV_HEADERS = ["Day", "Agent", "Model", "Calls", "Failures", "Input tokens",
                     "Output tokens", "Recorded cost USD", "Cost at current prices USD",
                     "Median ms", "p95 ms"]


@dataclass(frozen=True)
class AgentUsage:
    agent: str
    engine: str
    calls: int
    failures: int
    tokens: int
    cost: str
    avg_latency_ms: str


@dataclass(frozen=True)
class UsageRow:
    """Calls of one agent with one model on one day (or over the whole range for totals)."""

    agent: str
    # The model name, else the agent id, else the engine ("local" has no model).
    model: str
    # The company's day, "7 Dec 2026" (services.platform.clock), or "" for a total over days.
    day: str
    calls: int
    failures: int
    input_tokens: int
    output_tokens: int
    # USD as recorded at call time.
    recorded_cost: float
    # USD for the same tokens at the current price table.
    current_cost: float
    median_ms: float | None
    p95_ms: float | None
    # The agent in words, "Resume scorer".
    agent_label: str = ""


@dataclass(frozen=True)
class AIUsage:
    """The AI usage page's two tables."""

    # One row per agent and model over the range, by agent then model.
    totals: list[UsageRow]
    # One row per agent, model and day, newest day first.
    daily: list[UsageRow]


def summarize_ai_usage(*, session: Session) -> list[AgentUsage]:
    """One row per agent and engine."""
    rows = session.exec(
        select(AICall.agent, AICall.engine, func.count(),
               func.sum(case((AICall.status != "ok", 1), else_=0)),
               func.sum(AICall.input_tokens + AICall.output_tokens),
               func.sum(AICall.cost_usd), func.avg(AICall.latency_ms))
        .group_by(AICall.agent, AICall.engine).order_by(AICall.agent)
    ).all()
    return [
        AgentUsage(agent=agent, engine=engine, calls=calls, failures=int(failures or 0),
                   tokens=int(tokens or 0), cost=f"${cost or 0:.4f}",
                   avg_latency_ms=f"{latency or 0:.0f}")
        for agent, engine, calls, failures, tokens, cost, latency in rows
    ]


def percentile(values: list[float], q: float) -> float | None:
    """The q-th quantile (0-1) by linear interpolation between ranks; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def daily_usage_csv(rows: list[UsageRow]) -> bytes:
    """The page's usage per agent, model and day as a spreadsheet-safe CSV (the export route,
    `api/export_routes.py`: it grows with days times models)."""
    return table_csv(DAILY_CSV_HEADERS, ([r.day, r.agent_label, r.model, r.calls, r.failures,
                                          r.input_tokens, r.output_tokens, r.recorded_cost,
                                          r.current_cost, r.median_ms, r.p95_ms] for r in rows))


def usage_query(date_from: date | None, date_to: date | None) -> str:
    """The page's date range as the usage export's address takes it: days in ISO form."""
    fields = (("date_from", date_from and date_from.isoformat()),
              ("date_to", date_to and date_to.isoformat()))
    return urlencode({name: value for name, value in fields if value})


def usage_by_agent_model_day(*, session: Session, prices: Mapping[str, tuple[float, float]],
                             date_from: date | None = None,
                             date_to: date | None = None) -> list[UsageRow]:
    """One row per agent, model and day (the company's day), newest day first."""
    return read_usage(session=session, prices=prices, date_from=date_from,
                      date_to=date_to).daily


def usage_by_agent_model(*, session: Session, prices: Mapping[str, tuple[float, float]],
                         date_from: date | None = None,
                         date_to: date | None = None) -> list[UsageRow]:
    """One row per agent and model over the whole range."""
    return read_usage(session=session, prices=prices, date_from=date_from,
                      date_to=date_to).totals


def read_usage(*, session: Session, prices: Mapping[str, tuple[float, float]],
               date_from: date | None = None, date_to: date | None = None) -> AIUsage:
    """The page's two tables, summed and ranked in the database: a few rows per agent, model
    and day leave it, never one per call (a busy team makes tens of thousands a month)."""
    calendar = _calendar(session, date_from, date_to)
    if calendar is None:
        return AIUsage([], [])
    day = calendar.day_of(AICall.created_at)
    sums = _sums(session, day, date_from, date_to)
    daily_latency = _latency_ranks(session, (day, AICall.agent, _MODEL), date_from, date_to)
    total_latency = _latency_ranks(session, (AICall.agent, _MODEL), date_from, date_to)
    per_day: dict[tuple[str, str, str], list[_Sums]] = defaultdict(list)
    per_model: dict[tuple[str, str], list[_Sums]] = defaultdict(list)
    for row in sums:
        per_day[row.day, row.agent, row.model_key].append(row)
        per_model[row.agent, row.model_key].append(row)
    daily = [_row(agent, key, format_day(date.fromisoformat(day_)), rows, prices,
                  daily_latency.get((day_, agent, key)))
             for (day_, agent, key), rows in sorted(per_day.items(), reverse=True)]
    totals = [_row(agent, key, "", rows, prices, total_latency.get((agent, key)))
              for (agent, key), rows in sorted(per_model.items())]
    return AIUsage(totals, daily)


class _Sums(NamedTuple):
    """The calls of one agent with one model name on one day, summed by the database."""

    day: str
    agent: str
    # What the tables call the model: the model name, else the agent id, else the engine.
    model_key: str
    # The model name the price table prices ("" for an agent or the local engine).
    model: str
    calls: int
    failures: int
    input_tokens: int
    output_tokens: int
    cost: float


# The model as the tables name it: the model name, else the agent id, else the engine ("local"
# has no model). Written without bound values: the same text in the select and the group by.
_NOTHING = sa.literal_column("''")
_MODEL = sa.func.coalesce(sa.func.nullif(AICall.model, _NOTHING),
                          sa.func.nullif(AICall.agent_id, _NOTHING), AICall.engine)
_QUANTILES = (0.5, 0.95)


def _in_range(query: Select, date_from: date | None, date_to: date | None) -> Select:
    if date_from is not None:
        query = query.where(AICall.created_at >= day_bounds(date_from)[0])
    if date_to is not None:
        query = query.where(AICall.created_at < day_bounds(date_to)[1])
    return query


def _calendar(session: Session, date_from: date | None,
              date_to: date | None) -> CompanyDays | None:
    """How the database reads the company's day of the calls' times (SQLite from their span);
    None when there is no call in the range."""
    # The first and the last by the index on the time, as the reports' cohort reads them.
    times = _in_range(select(AICall.created_at), date_from, date_to).limit(1)
    first, last = session.connection().execute(select(
        times.order_by(AICall.created_at).scalar_subquery(),
        times.order_by(AICall.created_at.desc()).scalar_subquery())).one()
    if first is None:
        return None
    return company_days(session.get_bind().dialect.name, None, first, last)


def _sums(session: Session, day: ColumnElement, date_from: date | None,
          date_to: date | None) -> list[_Sums]:
    failed = sa.case((AICall.status != "ok", 1), else_=0)
    query = _in_range(select(day, AICall.agent, _MODEL, AICall.model, sa.func.count(),
                             sa.func.sum(failed), sa.func.sum(AICall.input_tokens),
                             sa.func.sum(AICall.output_tokens), sa.func.sum(AICall.cost_usd))
                      .group_by(day, AICall.agent, _MODEL, AICall.model), date_from, date_to)
    return [_Sums(day_, agent, key, model, calls, int(failures or 0), int(tokens_in or 0),
                  int(tokens_out or 0), float(cost or 0))
            for day_, agent, key, model, calls, failures, tokens_in, tokens_out, cost
            in session.connection().execute(query)]


class _Ranked(NamedTuple):
    """One group's successful calls: how many, and the latencies read at some of their ranks
    in ascending order (rank from 0 -> ms)."""

    calls: int
    at_rank: dict[int, float]

    def quantile(self, q: float) -> float:
        """`percentile`, from the two ranks around the quantile."""
        position = (self.calls - 1) * q
        low = int(position)
        high = min(low + 1, self.calls - 1)
        return self.at_rank[low] + (self.at_rank[high] - self.at_rank[low]) * (position - low)


def _latency_ranks(session: Session, group: tuple[ColumnElement, ...], date_from: date | None,
                   date_to: date | None) -> dict[tuple, _Ranked]:
    """Per group, the successful calls' latencies at the ranks the median and p95 lie between,
    ranked by the database. A failed call's latency is mostly timeouts and retries: it would
    distort the typical wait."""
    ranked = _in_range(select(
        *(column.label(f"g{index}") for index, column in enumerate(group)),
        AICall.latency_ms.label("ms"),
        (sa.func.row_number().over(partition_by=group, order_by=AICall.latency_ms) - 1)
        .label("place"),
        sa.func.count().over(partition_by=group).label("calls"))
        .where(AICall.status == "ok"), date_from, date_to).subquery()
    # The ranks within 2 of each quantile's position, (calls - 1) x q: the two it lies
    # between, with room for the database's arithmetic to differ from Python's in the last
    # digit.
    near = [sa.and_(ranked.c.place > (ranked.c.calls - 1) * q - 2,
                    ranked.c.place < (ranked.c.calls - 1) * q + 2) for q in _QUANTILES]
    found: dict[tuple, _Ranked] = {}
    for row in session.connection().execute(select(ranked).where(sa.or_(*near))):
        key = tuple(row[:len(group)])
        found.setdefault(key, _Ranked(row.calls, {})).at_rank[row.place] = row.ms
    return found


def _row(agent: str, model: str, day: str, rows: list[_Sums],
         prices: Mapping[str, tuple[float, float]], latency: _Ranked | None) -> UsageRow:
    median, p95 = (latency.quantile(q) if latency else None for q in _QUANTILES)
    return UsageRow(
        agent=agent, agent_label=agent_label(agent), model=model, day=day,
        calls=sum(r.calls for r in rows), failures=sum(r.failures for r in rows),
        input_tokens=sum(r.input_tokens for r in rows),
        output_tokens=sum(r.output_tokens for r in rows),
        recorded_cost=round(sum(r.cost for r in rows), 6),
        # Prices are per token: the summed tokens of one model name cost what its calls do.
        current_cost=round(sum(estimate_cost_usd(r.model, r.input_tokens, r.output_tokens,
                                                 prices=prices) for r in rows), 6),
        median_ms=None if median is None else round(median, 1),
        p95_ms=None if p95 is None else round(p95, 1))
