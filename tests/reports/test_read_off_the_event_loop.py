"""The reports page reads its cohort in a worker thread: after any change to the data that read
takes over a second at 50,000 applications, and on the server's one event loop every other page
and interview room would wait for it."""

from __future__ import annotations

import asyncio
import threading

from hireops.services.reports.figures import Cohort
from hireops.state.reports import figures as reports_state


def test_the_read_leaves_the_event_loop_free(monkeypatch):
    other_ran = threading.Event()

    def slow_read(report, characteristic):
        # Returns only once another task on the loop has run: on the loop it never could.
        assert other_ran.wait(timeout=20), "the event loop waited for the report's read"
        return reports_state._ReportRead(Cohort(), [], {}, {"total": 0, "open": 0})

    monkeypatch.setattr(reports_state, "_read_report", slow_read)
    monkeypatch.setattr(reports_state, "flag_count_rows", lambda counts: [])

    async def page_and_someone_else():
        state = reports_state.ReportsState()
        read = asyncio.create_task(state._compute_numbers())
        await asyncio.sleep(0.05)
        other_ran.set()  # another person's event, served meanwhile
        inputs = await read
        return state, inputs

    state, inputs = asyncio.run(page_and_someone_else())
    assert inputs is not None and state.applications == 0 and state.error == ""


def test_the_ai_usage_read_leaves_the_event_loop_free(monkeypatch):
    """The AI usage page sums every call in its range: in a worker thread too."""
    from hireops.services.reports.ai_usage import AIUsage
    from hireops.state.reports import ai_usage as usage_state

    other_ran = threading.Event()

    def slow_read(date_from, date_to):
        assert other_ran.wait(timeout=20), "the event loop waited for the usage read"
        return {"mistral-small": (1.0, 2.0)}, AIUsage([], [])

    monkeypatch.setattr(usage_state, "_read_usage", slow_read)

    async def page_and_someone_else():
        state = usage_state.AIUsageState()
        read = asyncio.create_task(state._refresh(reload_prices=True))
        await asyncio.sleep(0.05)
        other_ran.set()  # another person's event, served meanwhile
        await read
        return state

    state = asyncio.run(page_and_someone_else())
    assert [(row.prefix, row.input_price) for row in state.prices] == [("mistral-small", "1")]
    assert state.totals == [] and state.daily == []
