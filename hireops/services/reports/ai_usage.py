"""Summaries of the ai_calls table: calls, failures, tokens, cost and latency per agent, model
and day.

Costs appear twice: as recorded when the call was made, and re-priced from today's price table
(`services.ai.prices`), so an edited table shows what the same usage costs now without
rewriting history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from sqlalchemy import case, func
from sqlmodel import Session, select

from hireops.models import AICall
from hireops.services.ai.prices import estimate_cost_usd
from hireops.services.candidates.export import table_csv
from hireops.services.platform.clock import day_bounds, format_day, local_day
from hireops.services.platform.labels import agent_label

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


def usage_by_agent_model_day(*, session: Session, prices: Mapping[str, tuple[float, float]],
                             date_from: date | None = None,
                             date_to: date | None = None) -> list[UsageRow]:
    """One row per agent, model and day (the company's day), newest day first."""
    groups: dict[tuple[str, str, str], list[AICall]] = defaultdict(list)
    for call in _calls(session, date_from, date_to):
        groups[(call.agent, _model(call), local_day(call.created_at))].append(call)
    newest_first = sorted(groups.items(), key=lambda item: (item[0][2], item[0][0], item[0][1]),
                          reverse=True)
    return [_row(agent, model, format_day(day), calls, prices)
            for (agent, model, day), calls in newest_first]


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


def usage_by_agent_model(*, session: Session, prices: Mapping[str, tuple[float, float]],
                         date_from: date | None = None,
                         date_to: date | None = None) -> list[UsageRow]:
    """One row per agent and model over the whole range."""
    groups: dict[tuple[str, str], list[AICall]] = defaultdict(list)
    for call in _calls(session, date_from, date_to):
        groups[(call.agent, _model(call))].append(call)
    return sorted((_row(agent, model, "", calls, prices)
                   for (agent, model), calls in groups.items()),
                  key=lambda r: (r.agent, r.model))


def _row(agent: str, model: str, day: str, calls: list[AICall],
         prices: Mapping[str, tuple[float, float]]) -> UsageRow:
    # A failed call's latency is mostly timeouts and retries: it would distort the typical wait.
    latencies = [c.latency_ms for c in calls if c.status == "ok"]
    median, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    return UsageRow(
        agent=agent, agent_label=agent_label(agent), model=model, day=day, calls=len(calls),
        failures=sum(c.status != "ok" for c in calls),
        input_tokens=sum(c.input_tokens for c in calls),
        output_tokens=sum(c.output_tokens for c in calls),
        recorded_cost=round(sum(c.cost_usd for c in calls), 6),
        current_cost=round(sum(estimate_cost_usd(c.model, c.input_tokens, c.output_tokens,
                                                 prices=prices) for c in calls), 6),
        median_ms=None if median is None else round(median, 1),
        p95_ms=None if p95 is None else round(p95, 1))


def _model(call: AICall) -> str:
    return call.model or call.agent_id or call.engine


def _calls(session: Session, date_from: date | None, date_to: date | None) -> list[AICall]:
    query = select(AICall)
    if date_from is not None:
        query = query.where(AICall.created_at >= day_bounds(date_from)[0])
    if date_to is not None:
        query = query.where(AICall.created_at < day_bounds(date_to)[1])
    return list(session.exec(query).all())

