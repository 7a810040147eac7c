"""Plotly figures for the reports page, built from the plain figures of services.reports.

Pure functions of their input (no database, no reflex), so the state can rebuild them after a
filter change. Each chart downloads as PNG from its own modebar button (`PLOT_CONFIG`).
"""

from __future__ import annotations

import plotly.graph_objects as go

from hireops.services.reports import (
    DatedCounts,
    FunnelStep,
    ScoreDistributions,
    StageTime,
    TimeToDecision,
)

ACCENT = "#3e63dd"
DECISION_COLORS = {"advance": "#30a46c", "hold": "#f5a524", "reject": "#e5484d",
                   "overridden": "#8e4ec6"}
DAY_MS = 86_400_000
_FONT = dict(family="Inter, system-ui, sans-serif", size=12, color="#3a3f4b")


def plot_config(filename: str) -> dict:
    """Plotly's config: a PNG download named after the chart, no plotly logo."""
    return {"displaylogo": False, "responsive": True,
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def funnel_figure(steps: list[FunnelStep]) -> go.Figure:
    """Applications reaching each stage, with the conversion from the stage before."""
    text = [f"{s.reached}" + ("" if s.conversion_pct is None else f" · {s.conversion_pct:g}%")
            for s in steps]
    figure = go.Figure(go.Funnel(y=[s.label for s in steps], x=[s.reached for s in steps],
                                 text=text, textinfo="text", marker_color=ACCENT,
                                 hovertemplate="%{y}: %{x}<extra></extra>"))
    return _layout(figure, "Applications reaching each stage (conversion from the stage above)")


def score_figure(dist: ScoreDistributions, which: str) -> go.Figure:
    """A histogram of resume, interview or final scores with the thresholds as lines."""
    values = {"resume": dist.resume, "interview": dist.interview, "final": dist.final}[which]
    figure = go.Figure(go.Histogram(x=values, xbins=dict(start=0, end=100, size=5),
                                    marker_color=ACCENT, opacity=0.85,
                                    hovertemplate="%{x}: %{y}<extra></extra>"))
    t = dist.thresholds
    lines = []
    if t is not None:
        lines = {"resume": [(t.resume_min, "advance from", "#30a46c")],
                 "interview": [(t.interview_min, "advance from", "#30a46c")],
                 "final": [(t.reject_below, "reject below", "#e5484d")]}[which]
    for value, label, color in lines:
        figure.add_vline(x=value, line_dash="dash", line_color=color,
                         annotation_text=f"{label} {value:g}", annotation_position="top")
    figure.update_xaxes(range=[0, 100], title_text="score")
    figure.update_yaxes(title_text="applications")
    title = {"resume": "Resume scores", "interview": "Interview scores",
             "final": "Final scores"}[which]
    return _layout(figure, f"{title} ({len(values)})")


def stage_time_figure(rows: list[StageTime]) -> go.Figure:
    """Median and mean days spent in each stage."""
    labels = [r.label for r in rows]
    figure = go.Figure([
        go.Bar(name="median", x=labels, y=[r.median_days for r in rows], marker_color=ACCENT),
        go.Bar(name="mean", x=labels, y=[r.mean_days for r in rows], marker_color="#a8b8f0"),
    ])
    figure.update_yaxes(title_text="days")
    return _layout(figure, "Days in each stage before moving on")


def decision_time_figure(result: TimeToDecision) -> go.Figure:
    """How long applications waited for a decision that no longer needs HR."""
    figure = go.Figure(go.Histogram(x=result.days, marker_color=ACCENT,
                                    hovertemplate="%{x} days: %{y}<extra></extra>"))
    if result.median_days is not None:
        figure.add_vline(x=result.median_days, line_dash="dash", line_color="#3a3f4b",
                         annotation_text=f"median {result.median_days:g} d")
    figure.update_xaxes(title_text="days from application")
    figure.update_yaxes(title_text="applications")
    return _layout(figure, "Time to decision")


def source_figure(counts: dict[str, int]) -> go.Figure:
    figure = go.Figure(go.Bar(x=list(counts.values()), y=list(counts), orientation="h",
                              marker_color=ACCENT, text=list(counts.values())))
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, "Applications by source")


def dated_figure(dated: DatedCounts, title: str, stacked: bool = False) -> go.Figure:
    """Counts per day, one trace per series (stacked bars for decisions)."""
    figure = go.Figure([
        go.Bar(name=name, x=dated.days, y=counts, marker_color=DECISION_COLORS.get(name, ACCENT))
        for name, counts in dated.series.items()])
    figure.update_layout(barmode="stack" if stacked else "group")
    # One bar per day, a day wide, whatever the number of days shown.
    figure.update_traces(width=DAY_MS * 0.8)
    figure.update_xaxes(type="date", tickformat="%d %b", dtick=DAY_MS if 0 < len(dated.days) < 8
                        else None)
    return _layout(figure, title)


def _layout(figure: go.Figure, title: str) -> go.Figure:
    counts = [value for trace in figure.data
              for value in (trace.y if trace.orientation != "h" and trace.type == "bar"
                            else trace.x if trace.type in ("bar", "funnel") else ()) or ()]
    empty = all(len(trace.x if trace.x is not None else ()) == 0 for trace in figure.data)
    if empty:
        figure.add_annotation(text="No data for these filters", showarrow=False,
                              xref="paper", yref="paper", x=0.5, y=0.5,
                              font=dict(size=13, color="#8b8d98"))
        figure.update_yaxes(showticklabels=False)
        if not figure.layout.shapes:
            figure.update_xaxes(showticklabels=False)
    else:
        if figure.data[0].type == "histogram":
            counts = [len(figure.data[0].x)]  # no bin holds more than all the values
        if max(counts, default=0) <= 10:
            # A few applications: whole numbers only (no 0.2 of an application).
            figure.update_yaxes(dtick=1)
    figure.update_yaxes(rangemode="tozero")
    figure.update_layout(
        title=dict(text=title, font=dict(size=14), x=0.01), font=_FONT, height=300,
        margin=dict(l=48, r=16, t=48, b=40), paper_bgcolor="white", plot_bgcolor="white",
        legend=dict(orientation="h", y=-0.2), bargap=0.15)
    figure.update_xaxes(gridcolor="#eef0f3")
    figure.update_yaxes(gridcolor="#eef0f3")
    return figure
