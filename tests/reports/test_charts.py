"""The plotly figures carry the report's numbers and the thresholds as lines."""

from __future__ import annotations

from hireops.components import charts
from hireops.services import reports
from hireops.services.reports import ReportFilter

from .fixtures import build_history


def test_figures_from_the_fixture(session):
    ids = build_history(session)
    job_a = ReportFilter(job_id=ids["job_a"])
    funnel = charts.funnel_figure(reports.funnel(session=session, report=job_a))
    assert list(funnel.data[0].x) == [5, 4, 4, 2, 2, 1, 1, 0, 0]
    assert funnel.data[0].text[1] == "4 · 80%"
    dist = reports.score_distributions(session=session, report=job_a)
    resume = charts.score_figure(dist, "resume")
    assert [shape.x0 for shape in resume.layout.shapes] == [80]
    assert [shape.x0 for shape in charts.score_figure(dist, "final").layout.shapes] == [50]
    decisions = charts.dated_figure(reports.decisions_over_time(session=session, report=job_a),
                                    "Decisions per day", stacked=True)
    assert [trace.name for trace in decisions.data] == ["advance", "hold", "reject",
                                                        "overridden"]
    assert decisions.layout.barmode == "stack"


def test_png_download_config():
    config = charts.plot_config("funnel")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "funnel", "scale": 2}
