"""Summaries of the ai_calls table: how often each agent ran, failed, took and cost."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func
from sqlmodel import Session, select

from hireops.models import AICall


@dataclass(frozen=True)
class AgentUsage:
    agent: str
    engine: str
    calls: int
    failures: int
    tokens: int
    cost: str
    avg_latency_ms: str


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
