"""AI usage per agent, model and day; latency quantiles; the editable price table."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

import pytest
from sqlmodel import Session

from hireops.models import AICall, Event
from hireops.services.ai.calls import AgentRun, record_run
from hireops.services.ai.prices import (
    PRICES_USD_PER_MTOK,
    InvalidPriceTable,
    get_price_table,
    save_price_table,
)
from hireops.services.reports.ai_usage import (
    percentile, read_usage, usage_by_agent_model, usage_by_agent_model_day,
)
from tests.postgres import migrate_to_head

from .fixtures import at
from .test_single_read import counted, settings_read


def test_percentile_interpolates_between_ranks():
    values = [100, 200, 300, 400, 1000]
    assert percentile(values, 0.5) == 300
    # rank (5-1) x 0.95 = 3.8: 400 + 0.8 x (1000 - 400)
    assert percentile(values, 0.95) == pytest.approx(880)
    assert percentile([10, 20], 0.5) == 15
    assert percentile([7], 0.95) == 7
    assert percentile([], 0.5) is None


def _call(day, agent="resume_scorer", model="mistral-small-2506", status="ok", ms=100.0,
          tokens=(1000, 500), cost=0.0):
    return AICall(agent=agent, engine="mistral", model=model, status=status, latency_ms=ms,
                  input_tokens=tokens[0], output_tokens=tokens[1], cost_usd=cost,
                  created_at=at(day, 10))


def test_usage_per_agent_model_and_day(session):
    _usage_per_agent_model_and_day(session)


@pytest.mark.postgres
def test_the_same_usage_on_postgresql(postgres_schema_engine):
    """Summed and ranked in SQL: the same tables on PostgreSQL."""
    engine = migrate_to_head(postgres_schema_engine[0])
    with Session(engine, expire_on_commit=False) as session:
        _usage_per_agent_model_and_day(session)


def _usage_per_agent_model_and_day(session):
    session.add_all([
        _call(1, ms=100, cost=0.001), _call(1, ms=300, cost=0.001),
        _call(1, status="failed", ms=9000, tokens=(0, 0)),
        _call(2, ms=50, cost=0.002),
        _call(2, agent="classifier", model="", ms=5, tokens=(0, 0)),
    ])
    session.commit()
    prices = {"mistral-small": (1.0, 2.0)}  # 1000 x 1 + 500 x 2 = 2000 per million = 0.002
    rows = usage_by_agent_model_day(session=session, prices=prices)
    assert [(r.day, r.agent, r.model, r.calls, r.failures) for r in rows] == [
        ("4 Mar 2025", "resume_scorer", "mistral-small-2506", 1, 0),
        ("4 Mar 2025", "classifier", "mistral", 1, 0),
        ("3 Mar 2025", "resume_scorer", "mistral-small-2506", 3, 1)]
    assert rows[0].agent_label == "Resume scorer" and rows[1].agent_label == "Email sorter"
    day1 = rows[2]
    assert (day1.input_tokens, day1.output_tokens) == (2000, 1000)
    assert day1.recorded_cost == pytest.approx(0.002)
    assert day1.current_cost == pytest.approx(0.004)
    # the failed call's 9 s is left out of the latency
    assert (day1.median_ms, day1.p95_ms) == (200.0, 290.0)
    totals = usage_by_agent_model(session=session, prices=prices,
                                  date_from=date(2025, 3, 3), date_to=date(2025, 3, 3))
    assert [(r.agent, r.calls, r.failures) for r in totals] == [("resume_scorer", 3, 1)]


def test_the_latencies_are_every_calls_quantiles_and_the_read_a_few_queries(session):
    rng = random.Random(7)
    latencies = {day: [round(rng.uniform(10, 5000), 3) for _ in range(count)]
                 for day, count in ((1, 37), (2, 1), (3, 120))}
    session.add_all(_call(day, ms=ms) for day, values in latencies.items() for ms in values)
    session.add_all(_call(day, status="failed", ms=99999) for day in (1, 3))
    session.commit()
    settings_read()
    with counted(session.get_bind()) as statements:
        usage = read_usage(session=session, prices={"mistral": (0, 0)})
    # The span of the calls' times, the sums, the daily ranks, the ranks over the range.
    assert len(statements) == 4
    every = [ms for values in latencies.values() for ms in values]
    assert [(r.day, r.calls, r.failures, r.median_ms, r.p95_ms) for r in usage.daily] == [
        (day, len(values) + (day != "4 Mar 2025"), int(day != "4 Mar 2025"),
         round(percentile(values, 0.5), 1), round(percentile(values, 0.95), 1))
        for day, values in (("5 Mar 2025", latencies[3]), ("4 Mar 2025", latencies[2]),
                            ("3 Mar 2025", latencies[1]))]
    [total] = usage.totals
    assert (total.calls, total.failures) == (len(every) + 2, 2)
    assert (total.median_ms, total.p95_ms) == (round(percentile(every, 0.5), 1),
                                               round(percentile(every, 0.95), 1))


def test_a_call_counts_on_the_companys_day(session, company_zone):
    company_zone("Europe/Paris")
    # 23:30 UTC on 3 March is 00:30 on 4 March in Paris.
    session.add(_call(1, ms=10))
    session.add(AICall(agent="resume_scorer", engine="mistral", model="mistral-small-2506",
                       latency_ms=20, created_at=datetime(2025, 3, 3, 23, 30,
                                                          tzinfo=timezone.utc)))
    session.commit()
    rows = usage_by_agent_model_day(session=session, prices={})
    assert [(r.day, r.calls) for r in rows] == [("4 Mar 2025", 1), ("3 Mar 2025", 1)]
    assert [(r.day, r.calls) for r in usage_by_agent_model_day(
        session=session, prices={}, date_from=date(2025, 3, 4))] == [("4 Mar 2025", 1)]


def test_price_table_round_trip_is_audited_and_prices_new_calls(session, monkeypatch):
    assert get_price_table(session=session) == PRICES_USD_PER_MTOK
    saved = save_price_table(session=session, actor=None,
                             prices={" mistral-small ": ("1.5", 3), "custom": (0, 0)})
    assert saved == {"custom": (0.0, 0.0), "mistral-small": (1.5, 3.0)}
    assert get_price_table(session=session) == saved
    assert session.query(Event).filter(Event.action == "setting.changed").count() == 1
    run = AgentRun(agent="resume_scorer", result=object(), call_fields=dict(
        agent="resume_scorer", engine="mistral", model="mistral-small-2506",
        input_tokens=1_000_000, output_tokens=1_000_000, cost_usd=0.4))
    call = record_run(session=session, run=run, subject=("", None))
    assert call.cost_usd == pytest.approx(4.5)


@pytest.mark.parametrize("prices", [{"": (1, 1)}, {"x": (-1, 1)}, {"x": ("a", 1)},
                                    {"x": (float("nan"), 1)}, {"x": (1, 1), " x": (2, 2)}])
def test_price_table_rejects_bad_entries(session, prices):
    with pytest.raises(InvalidPriceTable):
        save_price_table(session=session, prices=prices, actor=None)
