"""The reports and AI usage pages download their tables from export routes: each CSV button is
a link whose address carries the filter its table's rows are for, built by the page's state
from the filter it read (no file travels through the websocket)."""

from __future__ import annotations

import asyncio
from datetime import date

import reflex as rx

from hireops import routes
from hireops.models import AICall
from hireops.services.reports.ai_usage import usage_query
from hireops.services.reports.figures import Cohort, ReportFilter
from hireops.services.reports.report_tables import report_query
from hireops.state.reports import figures as reports_state

from .fixtures import at


def _walk(component: rx.Component):
    yield component
    for child in component.children:
        yield from _walk(child)


def _links(page: rx.Component) -> dict[str, str]:
    """Each download button's id and the address its link's script builds."""
    found = {}
    for component in _walk(page):
        name = str(component.id).strip('"') if component.id is not None else ""
        if name.startswith("download-"):
            props = component.children[0].render()["props"]
            assert "download:true" in props and "reloadDocument:true" in props
            found[name] = next(prop for prop in props if prop.startswith("to:"))
    return found


def test_the_reports_csv_buttons_are_links_to_their_tables():
    from hireops.pages.reports.figures import reports as reports_page

    links = _links(reports_page())
    assert set(links) == {"download-funnel", "download-top", "download-impact"}
    for element, table in (("download-funnel", "funnel"), ("download-top", "top-candidates"),
                           ("download-impact", "adverse-impact")):
        assert f'"{routes.report_table(table)}?"' in links[element]
        assert links[element].endswith("table_query_rx_state_)")


def test_the_ai_usage_csv_button_is_a_link_with_the_range():
    from hireops.pages.reports.ai_usage import ai_usage

    links = _links(ai_usage())
    assert list(links) == ["download-ai-usage"]
    assert f'"{routes.EXPORT_AI_USAGE}?"' in links["download-ai-usage"]
    assert links["download-ai-usage"].endswith("daily_query_rx_state_)")


def test_the_tables_address_follows_the_filter_they_were_read_for(monkeypatch):
    asked: list[tuple[ReportFilter, str]] = []

    def read(report, characteristic):
        asked.append((report, characteristic))
        return reports_state._ReportRead(Cohort(), [], {}, {"total": 0, "open": 0})

    monkeypatch.setattr(reports_state, "_read_report", read)
    monkeypatch.setattr(reports_state, "flag_count_rows", lambda counts: [])
    state = reports_state.ReportsState()
    state.job_id, state.date_from, state.characteristic = "7", "2025-03-03", "gender"
    asyncio.run(state._compute_numbers())
    assert asked == [(ReportFilter(job_id=7, date_from=date(2025, 3, 3)), "gender")]
    assert state.table_query == report_query(*asked[0]) == \
        "job_id=7&date_from=2025-03-03&characteristic=gender"
    # A wrong range reads nothing: the tables, and so their address, stay as they were.
    state.date_to = "2025-03-01"
    asyncio.run(state._compute_numbers())
    assert state.error and len(asked) == 1
    assert state.table_query == "job_id=7&date_from=2025-03-03&characteristic=gender"


def test_the_ai_usage_address_follows_the_range_of_the_daily_table(session):
    from hireops.state.reports.ai_usage import AIUsageState

    session.add(AICall(agent="classifier", engine="local", latency_ms=5, created_at=at(1, 10)))
    session.commit()
    state = AIUsageState()
    asyncio.run(state._refresh())
    assert state.daily_query == "" and len(state.daily) == 1
    state.date_from, state.date_to = "2025-03-03", "2025-03-04"
    asyncio.run(state._refresh())
    assert state.daily_query == usage_query(date(2025, 3, 3), date(2025, 3, 4)) == \
        "date_from=2025-03-03&date_to=2025-03-04"
