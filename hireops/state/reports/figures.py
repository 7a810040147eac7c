"""The reports page: filters (job, date range), the plotly figures and the tables (each
downloads as CSV from an export route, `api/export_routes.py`, narrowed by the same filter)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from hireops.state.reports import charts
from hireops.db import session_scope
from hireops.models import Job
from hireops.services.reports import figures as reports
from hireops.services.decisions.ai_flags import FlagCountRow, flag_count_rows, flag_counts
from hireops.services.platform.clock import day_bounds, day_placeholder, parse_day
from hireops.services.candidates.equal_opportunities import questions
from hireops.services.reports.figures import FunnelStep, ImpactRow, ReportFilter, TopCandidate
from hireops.services.reports.report_tables import (
    ReportRead, impact_rows, read_report, report_query,
)
from hireops.state.access import READ_ROLES, event_for
from hireops.state.auth import AuthState
from hireops.state.common_options import Option
from hireops.state.reports.date_range import DateRangeMixin

ALL_JOBS = "all"


class ReportsState(DateRangeMixin, AuthState):
    job_options: list[Option] = []
    job_id: str = ALL_JOBS
    # The self-reported characteristic the adverse-impact view compares: the key of one of the
    # configured equal-opportunities questions.
    characteristic: str = ""
    characteristic_options: list[Option] = []
    applications: int = 0
    shortlisted: int = 0
    # The card's title: Shortlisted as the report's job (or the company default) names it.
    shortlisted_label: str = "Shortlisted"
    median_days_to_decision: str = "–"
    # Median days from application to hire, and how many hires it is over.
    median_days_to_hire: str = "–"
    hires: int = 0
    funnel_rows: list[FunnelStep] = []
    top: list[TopCandidate] = []
    impact: list[ImpactRow] = []
    # The funnel's bars, drawn by the page (`state/reports/charts.py: funnel_bars`).
    funnel_bars: list[charts.FunnelBar] = []
    # Plotly's JSON of each other chart (`state/reports/charts.py`); empty until the first draw.
    resume_fig: dict = {}
    interview_fig: dict = {}
    final_fig: dict = {}
    stage_time_fig: dict = {}
    decision_time_fig: dict = {}
    source_fig: dict = {}
    applications_fig: dict = {}
    decisions_fig: dict = {}
    thresholds_note: str = ""
    # False until the first figures are in: the page shows a placeholder of each chart's size
    # until then, never a chart of an empty figure.
    figures_drawn: bool = False
    error: str = ""
    # HR's flags on AI output, by kind of output and reason.
    flag_rows: list[FlagCountRow] = []
    flags_total: int = 0
    flags_open: int = 0
    # The filter the tables on screen are for, as their CSVs' addresses take it: the page's
    # download links are `routes.report_table(...)` with it (built there, in a worker thread).
    table_query: str = ""

    @event_for(*READ_ROLES)
    async def load(self):
        """Numbers, tables and the nine figures in one update: the figures take the server a
        few milliseconds (plain dicts), and a second update cost the browser a second pass over
        the page. The numbers are still painted before any chart: each chart is drawn in a turn
        of its own after that (`assets/charts.jsx`)."""
        jobs, asked = await asyncio.to_thread(_menus)
        self.job_options = [Option(ALL_JOBS, "All jobs"),
                            *(Option(str(job_id), title) for job_id, title in jobs)]
        self.characteristic_options = [Option(q.key, q.label) for q in asked]
        self.date_hint = day_placeholder()
        if self.characteristic not in {q.key for q in asked}:
            self.characteristic = asked[0].key if asked else ""
        await self._compute()

    @event_for(*READ_ROLES)
    async def set_job_id(self, value: str):
        self.job_id = value
        await self._compute()

    @event_for(*READ_ROLES)
    async def set_characteristic(self, value: str):
        if value in {option.value for option in self.characteristic_options}:
            self.characteristic = value
        await self._compute()

    @event_for(*READ_ROLES)
    async def clear_filters(self):
        self.job_id, self.date_from, self.date_to = ALL_JOBS, "", ""
        await self._compute()

    def _filter(self) -> ReportFilter:
        job = int(self.job_id) if self.job_id.isdigit() else None
        return ReportFilter(job_id=job, date_from=_parse(self.date_from),
                            date_to=_parse(self.date_to))

    async def _range_changed(self) -> None:
        await self._compute()

    async def _compute(self) -> None:
        """Numbers, tables and figures in one update (after a filter change the charts redraw
        in place with the numbers)."""
        self._draw(await self._compute_numbers())

    async def _compute_numbers(self) -> "_FigureInputs | None":
        """The numbers and tables of the report; returns what the figures are drawn from
        (None when the filter is wrong and nothing changed)."""
        report = self._filter()
        if report.date_from and report.date_to and report.date_from > report.date_to:
            self.error = "The start date is after the end date."
            return None
        self.error = ""
        # Read in a worker thread: after any change to the data the cohort is read again (over
        # a second at 50,000 applications), time every other page and interview room would
        # otherwise wait on the server's event loop.
        read = await asyncio.to_thread(_read_report, report, self.characteristic)
        cohort, counts = read.cohort, read.counts
        self.top = read.top
        self.table_query = report_query(report, self.characteristic)
        self.applications = cohort.applications
        self.funnel_rows = reports.funnel(cohort)
        self.shortlisted = _reached(self.funnel_rows, "shortlisted")
        self.shortlisted_label = next((step.label for step in self.funnel_rows
                                       if step.stage == "shortlisted"), "Shortlisted")
        hire_time = reports.time_to_hire(cohort)
        dist = reports.score_distributions(cohort)
        stage_times = reports.time_in_stage(cohort)
        decision_time = reports.time_to_decision(cohort)
        sources = reports.applications_by_source(cohort)
        per_day = reports.applications_over_time(cohort)
        decisions = reports.decisions_over_time(cohort)
        self.impact = impact_rows(read.tables)
        self.flag_rows = flag_count_rows(counts)
        self.flags_total, self.flags_open = counts["total"], counts["open"]
        self.median_days_to_decision = ("–" if decision_time.median_days is None
                                        else f"{decision_time.median_days:g} d")
        self.hires = len(hire_time.days)
        self.median_days_to_hire = ("–" if hire_time.median_days is None
                                    else f"{hire_time.median_days:g} d")
        self.thresholds_note = ("" if dist.thresholds is not None else
                                "The jobs in this report use different thresholds: pick one "
                                "job to see its threshold lines.")
        return _FigureInputs(dist, stage_times, decision_time, sources, per_day, decisions)

    def _draw(self, inputs: "_FigureInputs | None") -> None:
        if inputs is None:
            self.figures_drawn = True
            return
        self.funnel_bars = charts.funnel_bars(self.funnel_rows)
        self.resume_fig = charts.score_figure(inputs.dist, "resume")
        self.interview_fig = charts.score_figure(inputs.dist, "interview")
        self.final_fig = charts.score_figure(inputs.dist, "final")
        self.stage_time_fig = charts.stage_time_figure(inputs.stage_times)
        self.decision_time_fig = charts.decision_time_figure(inputs.decision_time)
        self.source_fig = charts.source_figure(inputs.sources)
        self.applications_fig = charts.dated_figure(inputs.per_day, "Applications per day")
        self.decisions_fig = charts.dated_figure(inputs.decisions, "Decisions per day",
                                                 stacked=True)
        self.figures_drawn = True


@dataclass(frozen=True)
class _ReportRead:
    """What the report reads from the database for one filter."""

    cohort: reports.Cohort
    top: list[TopCandidate]
    groups: dict
    counts: dict

    @property
    def tables(self) -> ReportRead:
        return ReportRead(self.cohort, self.top, self.groups)


def _read_report(report: ReportFilter, characteristic: str) -> _ReportRead:
    """The report as its CSVs' route reads it too (`report_tables.read_report`: from the cache
    while the data is unchanged), and the flag counts."""
    with session_scope() as session:
        read = read_report(session=session, report=report, characteristic=characteristic)
        counts = flag_counts(session=session, since=_start_of(report.date_from))
    return _ReportRead(read.cohort, read.top, read.groups, counts)


def _menus() -> tuple[list, list]:
    """The jobs for the job menu and the equal-opportunities questions asked."""
    with session_scope() as session:
        return (session.exec(select(Job.id, Job.title).order_by(Job.title)).all(),
                questions(session=session))


@dataclass(frozen=True)
class _FigureInputs:
    """What the figures are drawn from, computed with the numbers."""

    dist: reports.ScoreDistributions
    stage_times: list[reports.StageTime]
    decision_time: reports.TimeToDecision
    sources: dict[str, int]
    per_day: reports.DatedCounts
    decisions: reports.DatedCounts


def _reached(steps: list[FunnelStep], stage: str) -> int:
    return next((step.reached for step in steps if step.stage == stage), 0)


def _parse(value: str) -> date | None:
    # Typed in the company's date style, day first or ISO (services.platform.clock).
    return parse_day(value)


def _start_of(day: date | None):
    return day_bounds(day)[0] if day else None
