"""The reports' eight plotly figures and the funnel's bars for a year of hiring the size of the speed benchmark's (50,000
applications, every stage reached, five-digit counts, a year of days), built by the page's own
chart functions: the layouts the small demo data never reaches (every stage name on the
time-in-stage axis, the widest bar labels on the funnel)."""

from __future__ import annotations

from datetime import date, timedelta

from hireops.models import Stage
from hireops.services.decisions.rule import DecisionThresholds
from hireops.services.platform.labels import STAGE_LABELS
from hireops.services.reports.cohort import FUNNEL_STAGES
from hireops.services.reports.figures import (
    DECISION_KINDS,
    DatedCounts,
    FunnelStep,
    ScoreDistributions,
    StageTime,
    TimeToDecision,
)
from hireops.state.reports import charts

# Applications that reached each funnel stage, as in the benchmark's history.
REACHED = (50044, 27511, 27511, 15120, 8305, 4475, 2462, 1334, 716)
DAYS = 365


def _funnel() -> list[FunnelStep]:
    steps, previous = [], None
    for stage, reached in zip(FUNNEL_STAGES, REACHED, strict=True):
        steps.append(FunnelStep(stage.value, STAGE_LABELS[stage], reached,
                                None if previous is None else round(100 * reached / previous, 1),
                                round(100 * reached / REACHED[0], 1)))
        previous = reached
    return steps


def _scores(low: int, high: int, each: int) -> list[float]:
    return [float(score) for score in range(low, high) for _ in range(each)]


def _days(first: date) -> list[str]:
    return [(first + timedelta(days=offset)).isoformat() for offset in range(DAYS)]


def full_history_figures() -> list[dict]:
    """The plotly figures in the page's order: resume, interview and final scores, time in
    stage, time to decision, sources, applications per day, decisions per day."""
    dist = ScoreDistributions(resume=_scores(20, 98, 350), interview=_scores(30, 95, 130),
                              final=_scores(25, 95, 120),
                              thresholds=DecisionThresholds(resume_min=70, interview_min=55,
                                                            reject_below=45))
    stays = [StageTime(stage.value, STAGE_LABELS[stage], 5000, 2.1 + index / 10, 2.6)
             for index, stage in enumerate(FUNNEL_STAGES) if stage != Stage.classified]
    waits = [float(day) for day in range(1, 40) for _ in range(max(1, 700 - abs(day - 12) * 40))]
    days = _days(date.today() - timedelta(days=DAYS))
    decisions = DatedCounts(days, {kind: [(day * 7 + index) % 13 for day in range(DAYS)]
                                   for index, kind in enumerate(DECISION_KINDS)})
    return [
        *(charts.score_figure(dist, which) for which in ("resume", "interview", "final")),
        charts.stage_time_figure(stays),
        charts.decision_time_figure(TimeToDecision(waits, 11.96)),
        charts.source_figure({"email:maildir": 24992, "upload": 8490, "api": 8350,
                              "careers": 8180, "email": 26, "demo": 6}),
        charts.dated_figure(DatedCounts(days, {"applications": [137] * DAYS}),
                            "Applications per day"),
        charts.dated_figure(decisions, "Decisions per day", stacked=True),
    ]


def full_history_funnel() -> list[dict]:
    """The funnel's bars (stage, count text, width) for the same year."""
    return [{"label": bar.label, "text": bar.text, "width": bar.width}
            for bar in charts.funnel_bars(_funnel())]
