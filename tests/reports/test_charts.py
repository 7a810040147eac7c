"""The funnel's bars and the plotly figures carry the report's numbers, the figures the
thresholds as lines. The state sends
each figure as plotly's JSON; each is read back here through `go.Figure`, which refuses a
property plotly does not know."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

from hireops.state.reports import charts
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import (
    DatedCounts,
    ReportFilter,
    ScoreDistributions,
    StageTime,
    TimeToDecision,
)

from .cohorts import read_cohort
from .fixtures import DAY1, build_history


def test_figures_from_the_fixture(session):
    ids = build_history(session)
    job_a = ReportFilter(job_id=ids["job_a"])
    funnel = charts.funnel_bars(reports.funnel(read_cohort(session, job_a)))
    assert [bar.text for bar in funnel] == ["5", "4 · 80%", "4 · 100%", "2 · 50%", "2 · 100%",
                                            "1 · 50%", "1 · 100%", "0 · 0%", "0"]
    # Each bar's width is its count against the first stage's; an empty stage has no bar, a
    # small one at least a sliver.
    assert [bar.width for bar in funnel][:4] == ["max(2px, 100.00%)", "max(2px, 80.00%)",
                                                 "max(2px, 80.00%)", "max(2px, 40.00%)"]
    assert funnel[-1].width == "0px" and funnel[1].hint == "Classified: 4"
    dist = reports.score_distributions(read_cohort(session, job_a))
    resume = go.Figure(charts.score_figure(dist, "resume"))
    assert [shape.x0 for shape in resume.layout.shapes] == [80]
    final = go.Figure(charts.score_figure(dist, "final"))
    assert [shape.x0 for shape in final.layout.shapes] == [50]
    decisions = go.Figure(charts.dated_figure(
        reports.decisions_over_time(read_cohort(session, job_a)), "Decisions per day",
        stacked=True))
    assert [trace.name for trace in decisions.data] == ["advance", "hold", "reject",
                                                        "overridden"]
    assert decisions.layout.barmode == "stack"


def test_png_download_config():
    config = charts.plot_config("funnel")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "funnel", "scale": 2}


def _texts(figure) -> list[str]:
    return [annotation.text for annotation in figure.layout.annotations]


def test_charts_without_data_say_so_instead_of_an_empty_frame(session):
    build_history(session)
    cohort = read_cohort(session, ReportFilter(date_from=DAY1.replace(year=2030)))
    dist = reports.score_distributions(cohort)
    assert all(bar.width == "0px" for bar in charts.funnel_bars(reports.funnel(cohort)))
    empty = [charts.score_figure(dist, "resume"),
             charts.stage_time_figure(reports.time_in_stage(cohort)),
             charts.decision_time_figure(reports.time_to_decision(cohort)),
             charts.source_figure(reports.applications_by_source(cohort)),
             charts.dated_figure(reports.applications_over_time(cohort), "Applications")]
    for figure in map(go.Figure, empty):
        assert _texts(figure) == [charts.NOT_ENOUGH_DATA]
        assert figure.data == () and figure.layout.xaxis.visible is False
        assert figure.layout.yaxis.visible is False
    with_data = go.Figure(charts.score_figure(reports.score_distributions(
        read_cohort(session, ReportFilter())), "resume"))
    assert charts.NOT_ENOUGH_DATA not in _texts(with_data)


def test_a_lone_short_wait_keeps_the_days_axis_from_zero():
    # One decision a quarter of an hour after the application: plotly alone would draw an axis
    # from -0.4 to 0.4 days.
    figure = go.Figure(charts.decision_time_figure(TimeToDecision([0.01], 0.01)))
    assert list(figure.layout.xaxis.range) == [0, 1.0]
    stays = go.Figure(charts.stage_time_figure([StageTime("new", "New", 1, 0.01, 0.01)]))
    assert list(stays.layout.yaxis.range) == [0, 1.0]
    assert list(figure.data[0].y) == [1] and figure.layout.yaxis.dtick == 1


def test_scores_are_sent_as_twenty_bins_not_one_point_per_application():
    many = ScoreDistributions(resume=[float(i % 101) for i in range(50_000)], interview=[],
                              final=[], thresholds=None)
    figure = go.Figure(charts.score_figure(many, "resume"))
    assert len(figure.data[0].x) == 20 and sum(figure.data[0].y) == 50_000
    assert charts.score_bins([0, 4.9, 5, 99.9, 100])[1][:2] == [2, 1]
    assert charts.score_bins([0, 4.9, 5, 99.9, 100])[1][-1] == 2


def test_one_day_of_applications_is_not_a_bar_across_the_chart():
    one_day = go.Figure(charts.dated_figure(DatedCounts(["2025-03-05"], {"applications": [4]}),
                                            "Per day"))
    first, last = one_day.layout.xaxis.range
    assert (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days >= 7
