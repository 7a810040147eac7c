"""The reports page draws its charts with plotly's finance build, except the funnel on the first
screen, which it draws itself with the numbers: every trace type the plotly figures use is in
that build (a trace type outside it would draw nothing), the page's HTML fetches the build
without running it (beside the access check, so the prerendered page carries it) and the
charts draw with that copy, each in its turn, near the screen first or when the browser is
idle."""

from __future__ import annotations

import plotly.graph_objects as go
import reflex as rx

from hireops.components.charts import (
    CHARTS_MODULE,
    PLOTLY_BUILD,
    PLOTLY_BUILD_TRACES,
    DrawWhenSeen,
    PlotlyEarly,
    RenderWhenSeen,
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
        *(charts.score_figure(dist, which) for which in ("resume", "interview", "final")),
        charts.stage_time_figure(reports.time_in_stage(cohort)),
        charts.decision_time_figure(reports.time_to_decision(cohort)),
        charts.source_figure(reports.applications_by_source(cohort)),
        charts.dated_figure(reports.applications_over_time(cohort), "Applications per day"),
        charts.dated_figure(reports.decisions_over_time(cohort), "Decisions", stacked=True),
    ]
    used = {trace.type for figure in map(go.Figure, figures) for trace in figure.data}
    assert used == {"bar"}
    assert used <= PLOTLY_BUILD_TRACES


def _walk(component: rx.Component):
    yield component
    for child in component.children:
        yield from _walk(child)


def test_the_reports_page_loads_the_build_with_its_html_and_its_charts_draw_with_it():
    from hireops.pages.reports.figures import reports as reports_page

    page = reports_page()
    tree = list(_walk(page))
    plots = [c for c in tree if type(c).__name__ == "_EarlyPlotlyFinance"]
    assert len(plots) == 8
    assert all(PLOTLY_BUILD in c.lib_dependencies[0] for c in plots)
    # The charts take plotly from the script the page's <head> loads, not from an import()
    # of their own once they mount.
    dynamic = plots[0]._get_dynamic_imports()
    assert "plotlyComponent(" in dynamic and "import(" not in dynamic
    assert CHARTS_MODULE in plots[0]._get_imports()
    # That script is fetched (not run) from outside the access check: the page the server
    # prerenders, and so its <head>, is the page before anyone is signed in.
    early = [c for c in page.children if isinstance(c, PlotlyEarly)]
    assert len(early) == 1 and len([c for c in tree if isinstance(c, PlotlyEarly)]) == 1
    # Drawn once: plotly's own `responsive` follows the window, react-plotly's resize handler
    # (which redrew every chart at its own size just after its first draw) is off.
    assert all(str(c.use_resize_handler) == "false" for c in plots)
    assert charts.plot_config("funnel")["responsive"] is True
    # Each chart is drawn in its turn, near the screen or when the browser is idle.
    waiting = [c for c in tree if isinstance(c, DrawWhenSeen)]
    assert len(waiting) == 8
    assert all(type(c.children[0]).__name__ == "_EarlyPlotlyFinance" for c in waiting)


def test_only_what_is_in_sight_is_built_before_the_first_chart():
    """The filters, the numbers and the funnel (its chart and table) are built with the page,
    the funnel's chart without plotly; each section under them in a turn of its own among the
    charts', once the report is in."""
    from hireops.pages.reports.figures import BELOW_FIRST_SCREEN, reports as reports_page

    tree = list(_walk(reports_page()))
    later = [c for c in tree if isinstance(c, RenderWhenSeen)]
    assert len(later) == len(BELOW_FIRST_SCREEN) == 7
    in_later = {id(inner) for section in later for inner in _walk(section)}
    plots = [c for c in tree if type(c).__name__ == "_EarlyPlotlyFinance"]
    # Every plotly chart is under the funnel; the funnel is the page's own.
    assert plots and all(id(p) in in_later for p in plots)
    ids = {str(c.id) for c in tree if c.id is not None}
    built_later = {str(c.id) for c in tree if id(c) in in_later and c.id is not None}
    assert {"funnel-chart", "funnel-table", "report-applications", "report-job"} <= \
        ids - built_later
    assert {"top-table", "flag-counts", "download-top"} <= built_later
    # Each waits for the report: until then a box holds its place (the same height).
    assert all(str(c.height).strip('"').endswith("px") for c in later)


def test_the_charts_carry_a_small_template_and_the_state_no_figure_before_the_first_draw():
    # `rx.plotly`'s default is plotly's whole light and dark templates inlined in each chart
    # (18 kB of script nine times, in a bundle every recruiter page loads), and a default
    # `go.Figure()` in the state put plotly's template into every page's initial state.
    from hireops.pages.reports.figures import reports as reports_page
    from hireops.state.reports.figures import ReportsState

    plots = [c for c in _walk(reports_page()) if type(c).__name__ == "_EarlyPlotlyFinance"]
    assert all(len(str(plot.template)) < 2_000 for plot in plots)
    assert '"bar"' in str(plots[0].template) and '"colorway"' in str(plots[0].template)
    initial = ReportsState().dict()[ReportsState.get_full_name()]
    figures = [name for name in initial if name.startswith(("resume_fig", "decisions_fig"))]
    assert len(figures) == 2 and all(initial[name] == {} for name in figures)
    assert [value for name, value in initial.items() if name.startswith("funnel_bars")] == [[]]
