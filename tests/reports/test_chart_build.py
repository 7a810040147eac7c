"""The reports page draws with plotly's finance build: every trace type its figures use is in
that build (a trace type outside it would draw nothing), the page asks for the build as it
opens, not once its data has arrived, and draws each chart near the screen or when idle."""

from __future__ import annotations

import plotly.graph_objects as go
import reflex as rx

from hireops.components.charts import (
    PLOTLY_BUILD,
    PLOTLY_BUILD_TRACES,
    DrawWhenSeen,
    _PlotlyPreload,
)
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import ReportFilter
from hireops.state.reports import charts

from .cohorts import read_cohort
from .fixtures import build_history


def test_every_report_figure_uses_trace_types_of_the_build(session):
    build_history(session)
    cohort = read_cohort(session, ReportFilter())
    dist = reports.score_distributions(cohort)
    figures = [
        charts.funnel_figure(reports.funnel(cohort)),
        *(charts.score_figure(dist, which) for which in ("resume", "interview", "final")),
        charts.stage_time_figure(reports.time_in_stage(cohort)),
        charts.decision_time_figure(reports.time_to_decision(cohort)),
        charts.source_figure(reports.applications_by_source(cohort)),
        charts.dated_figure(reports.applications_over_time(cohort), "Applications per day"),
        charts.dated_figure(reports.decisions_over_time(cohort), "Decisions", stacked=True),
    ]
    used = {trace.type for figure in map(go.Figure, figures) for trace in figure.data}
    assert used == {"bar", "funnel"}
    assert used <= PLOTLY_BUILD_TRACES


def _walk(component: rx.Component):
    yield component
    for child in component.children:
        yield from _walk(child)


def test_the_reports_page_preloads_the_build_its_charts_use():
    from hireops.pages.reports.figures import reports as reports_page

    tree = list(_walk(reports_page()))
    plots = [c for c in tree if "Plotly" in type(c).__name__ and not isinstance(c, _PlotlyPreload)]
    assert len(plots) == 9
    assert {type(c).__name__ for c in plots} == {"PlotlyFinance"}
    assert all(PLOTLY_BUILD in c.lib_dependencies[0] for c in plots)
    # Each chart is drawn near the screen or when the browser is idle, not all nine at once.
    waiting = [c for c in tree if isinstance(c, DrawWhenSeen)]
    assert len(waiting) == 9
    assert all(type(c.children[0]).__name__ == "PlotlyFinance" for c in waiting)
    preloads = [c for c in tree if isinstance(c, _PlotlyPreload)]
    assert len(preloads) == 1
    assert f"import('{PLOTLY_BUILD}')" in preloads[0].add_hooks()[0]


def test_the_charts_carry_a_small_template_and_the_state_no_figure_before_the_first_draw():
    # `rx.plotly`'s default is plotly's whole light and dark templates inlined in each chart
    # (18 kB of script nine times, in a bundle every recruiter page loads), and a default
    # `go.Figure()` in the state put plotly's template into every page's initial state.
    from hireops.pages.reports.figures import reports as reports_page
    from hireops.state.reports.figures import ReportsState

    plots = [c for c in _walk(reports_page()) if type(c).__name__ == "PlotlyFinance"]
    assert all(len(str(plot.template)) < 2_000 for plot in plots)
    assert '"bar"' in str(plots[0].template) and '"colorway"' in str(plots[0].template)
    initial = ReportsState().dict()[ReportsState.get_full_name()]
    figures = [name for name in initial if name.startswith(("funnel_fig", "decisions_fig"))]
    assert len(figures) == 2 and all(initial[name] == {} for name in figures)
