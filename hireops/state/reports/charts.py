"""Plotly figures for the reports page, built from the plain figures of services.reports, and
the funnel's bars (the one chart on the first screen, drawn by the page itself).

Pure functions of their input (no database, no reflex), so the state can rebuild them after a
filter change. Each chart downloads as PNG from its own modebar button (`PLOT_CONFIG`).

Each figure is plotly's JSON as a plain dict, what the browser's plotly draws, never a
`go.Figure`: building and validating nine `go.Figure`s and writing them out through plotly's
JSON encoder took some 150 ms of every report at 50,000 applications, and a default
`go.Figure()` in the state carried plotly's whole template (7 kB) into the page script of every
page, nine times. `tests/reports` checks that every figure is valid for plotly.

Figures carry no template of their own: the page gives every chart `CHART_TEMPLATE`, the part
of plotly's default template a bar chart reads.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.io

from hireops.services.reports.figures import (
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
SCORE_BIN, SCORE_BINS = 5, 20
NOT_ENOUGH_DATA = "Not enough data yet"
# Where applications came from, in words (other sources are tidied from their code).
SOURCE_LABELS = {"email": "Email", "email:maildir": "Email (mail folder)",
                 "email:imap": "Email (mailbox)", "demo": "Demo data", "api": "API",
                 "upload": "Upload", "manual": "Added by hand", "careers": "Careers page",
                 "referral": "Referral"}
# The part of plotly's default light template that bar charts on 2-D axes read (the
# rest is colour scales, 3-D scenes, maps and polar axes: 90 % of its bytes).
_TEMPLATE_LAYOUT = ("autotypenumbers", "colorway", "font", "hovermode", "hoverlabel",
                    "paper_bgcolor", "plot_bgcolor", "xaxis", "yaxis", "shapedefaults",
                    "annotationdefaults", "title")
_TEMPLATE_TRACES = ("bar",)
_FONT = dict(family="Inter, system-ui, sans-serif", size=12, color="#3a3f4b")
_GRID = "#eef0f3"
_HEIGHT = 300
_MARGIN = dict(l=48, r=16, t=48, b=40)
# Pixels from the chart's top to its title's.
_TITLE_TOP = 14
# The height of one row of legend, or of a subtitle, in the top margin.
_LEGEND_ROW = 22


def chart_template() -> dict:
    """Plotly's default template cut to what the reports' charts use: they look as with the
    whole template, and each chart's script is 18 kB smaller (the whole light and dark ones)."""
    full = plotly.io.templates["plotly"].to_plotly_json()
    return {"layout": {key: value for key, value in full["layout"].items()
                       if key in _TEMPLATE_LAYOUT},
            "data": {key: value for key, value in full["data"].items()
                     if key in _TEMPLATE_TRACES}}


def plot_config(filename: str) -> dict:
    """Plotly's config: a PNG download named after the chart, no plotly logo."""
    return {"displaylogo": False, "responsive": True,
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


@dataclass(frozen=True)
class FunnelBar:
    """One stage of the funnel as the page draws it (`pages/reports/funnel.py`)."""

    label: str
    # "27511 · 55%": how many reached the stage, and the share of the stage above.
    text: str
    # The bar's CSS width: its count against the largest stage's, never under 2 px.
    width: str
    # What a pointer over the bar says ("Screened: 8305").
    hint: str


def funnel_bars(steps: list[FunnelStep]) -> list[FunnelBar]:
    """Applications reaching each stage, with the conversion from the stage before, as bars
    the page draws itself: the funnel is on the first screen, and drawn with plotly it waited
    for plotly's 1.2 MB to run and for plotly's first chart (0.3-0.5 s of the page's cold load
    between them); as plain boxes it is drawn with the numbers."""
    widest = max((s.reached for s in steps), default=0)
    return [FunnelBar(label=s.label,
                      text=f"{s.reached}" + ("" if s.conversion_pct is None
                                             else f" · {s.conversion_pct:g}%"),
                      width=f"max(2px, {100 * s.reached / widest:.2f}%)" if s.reached
                      else "0px",
                      hint=f"{s.label}: {s.reached}")
            for s in steps]


def score_figure(dist: ScoreDistributions, which: str) -> dict:
    """Resume, interview or final scores in bins of 5 points, with the thresholds as lines.
    The bins are counted here: 50,000 raw scores would be sent to every browser otherwise."""
    values = {"resume": dist.resume, "interview": dist.interview, "final": dist.final}[which]
    starts, counts = score_bins(values)
    trace = dict(type="bar", x=[start + SCORE_BIN / 2 for start in starts], y=counts,
                 width=SCORE_BIN * 0.9, marker=dict(color=ACCENT), opacity=0.85,
                 customdata=[f"{s:g}-{s + SCORE_BIN:g}" for s in starts],
                 hovertemplate="%{customdata}: %{y}<extra></extra>")
    t = dist.thresholds
    lines = []
    if t is not None and values:
        lines = {"resume": [(t.resume_min, "advance from", "#30a46c")],
                 "interview": [(t.interview_min, "advance from", "#30a46c")],
                 "final": [(t.reject_below, "reject below", "#e5484d")]}[which]
    layout = _vlines([(value, f"{label} {value:g}", color) for value, label, color in lines],
                     above=True)
    layout.update(xaxis=dict(range=[0, 100], title=dict(text="score")),
                  yaxis=dict(title=dict(text="applications")))
    title = {"resume": "Resume scores", "interview": "Interview scores",
             "final": "Final scores"}[which]
    return _figure([trace], layout, f"{title} ({len(values)})", counts)


def score_bins(values: list[float]) -> tuple[list[float], list[int]]:
    """The start of each 5-point bin from 0 to 100 and how many scores fall in it (100 goes in
    the last bin)."""
    # Scores repeat (a few hundred distinct values among 50,000): each distinct one is binned
    # once.
    counts: Counter[int] = Counter()
    for value, count in Counter(values).items():
        counts[min(int(value // SCORE_BIN), SCORE_BINS - 1)] += count
    return ([index * SCORE_BIN for index in range(SCORE_BINS)],
            [counts.get(index, 0) for index in range(SCORE_BINS)])


def stage_time_figure(rows: list[StageTime]) -> dict:
    """Median and mean days spent in each stage."""
    labels = [r.label for r in rows]
    traces = [
        dict(type="bar", name="median", x=labels, y=[r.median_days for r in rows],
             marker=dict(color=ACCENT)),
        dict(type="bar", name="mean", x=labels, y=[r.mean_days for r in rows],
             marker=dict(color="#a8b8f0")),
    ]
    layout = dict(yaxis=dict(title=dict(text="days"), range=_days_range(
        [r.mean_days for r in rows] + [r.median_days for r in rows])))
    return _figure(traces, layout, "Days in each stage before moving on", counted=False)


def decision_time_figure(result: TimeToDecision) -> dict:
    """How long applications waited for a decision that no longer needs HR, per whole day."""
    per_day = Counter(int(days) for days in result.days)
    last = max(per_day, default=-1)
    counts = [per_day.get(day, 0) for day in range(last + 1)]
    trace = dict(type="bar", x=[day + 0.5 for day in range(last + 1)], y=counts, width=0.9,
                 marker=dict(color=ACCENT), customdata=list(range(last + 1)),
                 hovertemplate="%{customdata} to %{customdata}+1 days: %{y}<extra></extra>")
    median = [] if result.median_days is None else [
        (result.median_days, f"median {result.median_days:g} d", "#3a3f4b")]
    layout = _vlines(median, above=False)
    layout.update(xaxis=dict(title=dict(text="days from application"),
                             range=_days_range(result.days)),
                  yaxis=dict(title=dict(text="applications")))
    return _figure([trace], layout, "Time to decision", counts)


def source_figure(counts: dict[str, int]) -> dict:
    trace = dict(type="bar", x=list(counts.values()), y=[source_label(s) for s in counts],
                 orientation="h", marker=dict(color=ACCENT), text=list(counts.values()))
    return _figure([trace], dict(yaxis=dict(autorange="reversed")), "Applications by source",
                   list(counts.values()))


def dated_figure(dated: DatedCounts, title: str, stacked: bool = False) -> dict:
    """Counts per day, one trace per series (stacked bars for decisions)."""
    # One bar per day, a day wide, whatever the number of days shown.
    traces = [dict(type="bar", name=name, x=dated.days, y=counts, width=DAY_MS * 0.8,
                   marker=dict(color=DECISION_COLORS.get(name, ACCENT)))
              for name, counts in dated.series.items()]
    xaxis = dict(type="date", tickformat="%d %b", range=_week_at_least(dated.days))
    if 0 < len(dated.days) < 8:
        xaxis["dtick"] = DAY_MS
    per_day = [sum(day) for day in zip(*dated.series.values())] if stacked else \
        [count for counts in dated.series.values() for count in counts]
    layout = dict(barmode="stack" if stacked else "group", xaxis=xaxis)
    return _figure(traces, layout, title, per_day if dated.days else [])


def _week_at_least(days: list[str]) -> list[str] | None:
    """A date axis a week wide or more: one day alone would be a bar across the whole chart."""
    if not days:
        return None
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    spare = max(0, 7 - (last - first).days) / 2
    return [(first - timedelta(days=spare + 0.5)).isoformat(),
            (last + timedelta(days=spare + 0.5)).isoformat()]


def source_label(source: str) -> str:
    """A source as words ("email:maildir" is "Email (mail folder)")."""
    return SOURCE_LABELS.get(source, source.replace("_", " ").replace(":", " · ").capitalize())


def _days_range(days: list[float]) -> list[float]:
    # Whole days from 0: a lone 0.01-day value must not make an axis from -0.4 to 0.4 days.
    return [0, max(1.0, max(days, default=0) * 1.15)]


def _vlines(lines: list[tuple[float, str, str]], *, above: bool) -> dict:
    """Dashed vertical lines across the plot, each labelled (what plotly's `add_vline` draws:
    the label above the plot, or inside at its top right)."""
    place = dict(y=1, yanchor="bottom", xanchor="center") if above else \
        dict(y=1, yanchor="top", xanchor="left")
    return dict(
        shapes=[dict(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain",
                     line=dict(dash="dash", color=color)) for x, _, color in lines],
        annotations=[dict(text=text, x=x, xref="x", yref="y domain", showarrow=False, **place)
                     for x, text, _ in lines]) if lines else {}


def _figure(traces: list[dict], layout: dict, title: str, counts: list[int] | None = None, *,
            counted: bool = True, subtitle: str = "") -> dict:
    """The common look; `counts` are the bar heights when they count applications (whole
    numbers on the axis); a chart with no data says so instead of drawing an empty frame.
    `layout` may set its own legend and margin."""
    xaxis, yaxis = layout.pop("xaxis", {}), layout.pop("yaxis", {})
    empty = all(len(trace.get("x") or ()) == 0 for trace in traces) or \
        (counts is not None and not any(counts))
    if empty:
        traces = []
        layout.update(shapes=[], annotations=[dict(
            text=NOT_ENOUGH_DATA, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
            font=dict(size=13, color="#8b8d98"))])
        xaxis["visible"] = yaxis["visible"] = False
    elif counted and max(counts or [0]) <= 10:
        # A few applications: whole numbers only (no 0.2 of an application).
        yaxis["dtick"] = 1
    if traces and traces[0].get("orientation") == "h":
        xaxis["rangemode"] = "tozero"
    else:
        yaxis["rangemode"] = "tozero"
    xaxis["gridcolor"] = yaxis["gridcolor"] = _GRID
    # The title at the same height in every chart, whatever its top margin holds.
    heading = dict(text=title, font=dict(size=14), x=0.01, y=1 - _TITLE_TOP / _HEIGHT,
                   yanchor="top")
    margin = layout.pop("margin", _MARGIN)
    if subtitle and not empty:
        heading["subtitle"] = dict(text=subtitle, font=dict(size=11, color="#8b8d98"))
        margin = dict(margin, t=margin["t"] + _LEGEND_ROW)
    # A legend goes above the plot, under the title: below it, it covered the axis labels,
    # which slant down whenever the chart is too narrow to write them flat (on a phone).
    # More than two entries wrap to a second row on a phone: room for it, so the legend never
    # covers the title.
    if len(traces) > 1 and "legend" not in layout:
        layout["legend"] = dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom")
        margin = dict(margin, t=margin["t"] + _LEGEND_ROW * (1 if len(traces) == 2 else 2))
    layout.update(title=heading, font=_FONT, height=_HEIGHT, margin=margin, paper_bgcolor="white",
                  plot_bgcolor="white", bargap=0.15, xaxis=xaxis, yaxis=yaxis)
    return {"data": traces, "layout": layout}
