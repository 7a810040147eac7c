"""The one read of a report's cohort: the applications a report covers, counted and grouped in
the database, so a filter change over 50,000 applications moves a few hundred rows, not 50,000
applications and their 100,000 stage moves.

`read_cohort` makes a fixed number of grouped queries whatever the size of the cohort; the
figures in `services/reports/figures.py` are pure functions of the `Cohort` it returns. Times are
grouped per UTC day and per hundredth of a day (under 15 minutes), finer than any chart shows.

`cached_cohort` keeps the last cohorts read in this process with the database's data version
(the row counts and newest ids and edit times that any change to a report's inputs moves: every
stage move, decision and answer is an audit event), so reopening the page or going back to a
filter costs one small query until something changes.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Event, Job, Stage
from hireops.services.decisions.rule import DecisionThresholds, thresholds_for_job
from hireops.services.candidates.stages import CUSTOM_STAGE_PREFIX, STAGE_CHANGED

# The forward path of the funnel; "rejected" and "withdrawn" leave it and are counted apart.
FUNNEL_STAGES = [stage for stage in Stage if stage not in (Stage.rejected, Stage.withdrawn)]
_DAY_DECIMALS = 2
# Cohorts kept per process: a few filters of a few reports pages.
CACHED_COHORTS = 32
_cache: OrderedDict[tuple, tuple[tuple, Cohort]] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class ReportFilter:
    """Which applications a report covers."""

    # One job, or None for every job.
    job_id: int | None = None
    # First and last day of the application date, inclusive; None leaves that end open.
    date_from: date | None = None
    date_to: date | None = None


class ScorePair(NamedTuple):
    """Applications of one job with the same resume and interview scores."""

    job_id: int
    resume: float
    interview: float
    count: int


class StageStays(NamedTuple):
    """Completed stays in one stage: how many per length in days, and their exact total."""

    per_length: dict[float, int]
    total_days: float


@dataclass(frozen=True)
class Cohort:
    """What every figure of one report is computed from."""

    applications: int = 0
    # Applications per UTC day ("2025-03-03") and per source.
    per_day: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    # How many applications got furthest to each forward stage (by the stage history).
    furthest: dict[str, int] = field(default_factory=dict)
    # Score -> how many applications have it.
    resume_scores: dict[float, int] = field(default_factory=dict)
    interview_scores: dict[float, int] = field(default_factory=dict)
    # Applications with both scores, for the final score each job's rule gives them.
    score_pairs: list[ScorePair] = field(default_factory=list)
    # Stage -> the stays completed in it.
    stays: dict[str, StageStays] = field(default_factory=dict)
    # Days from application to the first decision that no longer waits for HR -> how many.
    waits: dict[float, int] = field(default_factory=dict)
    # (UTC day, advance | hold | reject | overridden) -> decisions made that day.
    decisions_per_day: dict[tuple[str, str], int] = field(default_factory=dict)
    # Each application's first decision by the rule: (candidate id, outcome).
    first_automatic: list[tuple[int, str]] = field(default_factory=list)
    # The thresholds of every job in the cohort, and of the job filtered on.
    thresholds: dict[int, DecisionThresholds] = field(default_factory=dict)
    # Days from application to the move into Hired, for those hired -> how many.
    hire_days: dict[float, int] = field(default_factory=dict)


def read_cohort(*, session: Session, report: ReportFilter) -> Cohort:
    """The report's cohort, grouped in the database: one query for an empty range, eleven
    otherwise, whatever the number of applications."""
    dialect = session.get_bind().dialect.name
    run = session.connection().execute
    day = _utc_day(Application.created_at, dialect)
    per_day: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    job_ids: set[int] = {report.job_id} - {None}
    for day_, source, job_id, count in run(filtered(
            select(day, Application.source, Application.job_id, sa.func.count()), report)
            .group_by(day, Application.source, Application.job_id)):
        per_day[day_] += count
        sources[source or "unknown"] += count
        job_ids.add(job_id)
    if not per_day:
        return Cohort(thresholds=_thresholds(run, job_ids))
    return Cohort(
        applications=sum(per_day.values()), per_day=dict(per_day), sources=dict(sources),
        furthest=_furthest(run, report, dialect), resume_scores=_scores(run, report, "resume"),
        interview_scores=_scores(run, report, "interview"),
        score_pairs=[ScorePair(*row) for row in run(filtered(
            select(Application.job_id, Application.resume_score, Application.interview_score,
                   sa.func.count()), report)
            .where(Application.resume_score.is_not(None),
                   Application.interview_score.is_not(None))
            .group_by(Application.job_id, Application.resume_score,
                      Application.interview_score))],
        stays=_stays(run, report, dialect), waits=_waits(run, report, dialect),
        decisions_per_day=_decisions_per_day(run, report, dialect),
        first_automatic=_first_automatic(run, report), thresholds=_thresholds(run, job_ids),
        hire_days=_hire_days(run, report, dialect))


def cached_cohort(*, session: Session, report: ReportFilter) -> Cohort:
    """`read_cohort`, from this process's cache while the data has not changed."""
    version = data_version(session=session)
    key = (str(session.get_bind().url), report)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == version:
            _cache.move_to_end(key)
            return hit[1]
    cohort = read_cohort(session=session, report=report)
    with _cache_lock:
        _cache[key] = (version, cohort)
        _cache.move_to_end(key)
        while len(_cache) > CACHED_COHORTS:
            _cache.popitem(last=False)
    return cohort


def data_version(*, session: Session) -> tuple:
    """What changes whenever a report's inputs do: new or edited applications, audit events
    (every stage move, decision status and equal-opportunities answer writes one), decisions,
    and edited jobs (thresholds) or candidates. One query over indexed columns."""
    newest = [select(sa.func.count(Application.id)).scalar_subquery(),
              select(sa.func.max(Application.updated_at)).scalar_subquery(),
              select(sa.func.max(Event.id)).scalar_subquery(),
              select(sa.func.max(Decision.id)).scalar_subquery(),
              select(sa.func.max(Job.updated_at)).scalar_subquery(),
              select(sa.func.max(Candidate.updated_at)).scalar_subquery()]
    return tuple(session.connection().execute(select(*newest)).one())


def cohort_ids(report: ReportFilter) -> Select:
    """The ids of the applications the report covers, as a subquery (a cohort of 50,000 is
    past the databases' limit on bound parameters)."""
    return filtered(select(Application.id), report)


def cohort_candidate_ids(report: ReportFilter) -> Select:
    """The candidates of the report's applications, as a subquery."""
    return filtered(select(Application.candidate_id), report)


def filtered(query: Select, report: ReportFilter) -> Select:
    """`query` narrowed to the report's applications."""
    # The talent pool (applications to no job) is no job's funnel.
    query = query.where(Application.job_id.is_not(None))
    if report.job_id is not None:
        query = query.where(Application.job_id == report.job_id)
    if report.date_from is not None:
        query = query.where(Application.created_at >= _day_start(report.date_from))
    if report.date_to is not None:
        query = query.where(Application.created_at < _day_start(report.date_to + timedelta(1)))
    return query


def rounded(value: ColumnElement) -> ColumnElement:
    """`value` to one decimal, as the decision rule rounds (PostgreSQL rounds only numerics)."""
    return sa.func.round(sa.cast(value, sa.Numeric), 1)


def _furthest(run, report: ReportFilter, dialect: str) -> dict[str, int]:
    # The furthest stage each application has been in: now, or before or after any move.
    # One pass over the moves, grouped per application, then joined: twice as fast as a
    # union of the three.
    moves = (select(Event.entity_id.label("app"),
                    sa.func.max(_funnel_position(Event.before["stage"].as_string()))
                    .label("before"),
                    sa.func.max(_funnel_position(Event.after["stage"].as_string()))
                    .label("after"))
             # Every application's moves, narrowed by the join below: asking the index for
             # each of 50,000 ids costs four times as much as reading the moves once.
             .where(Event.action == STAGE_CHANGED, Event.entity_type == "application")
             .group_by(Event.entity_id).subquery())
    furthest = _greatest(dialect, sa.func.coalesce(_funnel_position(Application.stage), 0),
                         sa.func.coalesce(moves.c.before, 0),
                         sa.func.coalesce(moves.c.after, 0)).label("furthest")
    per_app = filtered(select(furthest).outerjoin(moves, moves.c.app == Application.id),
                       report).subquery()
    rows = run(select(per_app.c.furthest, sa.func.count()).group_by(per_app.c.furthest))
    return {FUNNEL_STAGES[index].value: count for index, count in rows}


def _funnel_position(stage: ColumnElement) -> ColumnElement:
    """Where a stored stage stands on the funnel; a job's own stages ("Technical interview")
    are steps of the shortlist; None off the funnel (rejected, withdrawn)."""
    order = {stage_.value: index for index, stage_ in enumerate(FUNNEL_STAGES)}
    return sa.case(order, value=stage, else_=sa.case(
        (stage.startswith(CUSTOM_STAGE_PREFIX, autoescape=True),
         order[Stage.shortlisted.value]), else_=None))


def _hire_days(run, report: ReportFilter, dialect: str) -> dict[float, int]:
    days = sa.func.round(sa.cast(_days_between(Application.hired_at, Application.created_at,
                                               dialect), sa.Numeric), _DAY_DECIMALS)
    return {float(length): count for length, count in run(
        filtered(select(days, sa.func.count()), report)
        .where(Application.hired_at.is_not(None), Application.stage == Stage.hired.value)
        .group_by(days))}


def _scores(run, report: ReportFilter, which: str) -> dict[float, int]:
    column = {"resume": Application.resume_score, "interview": Application.interview_score}[which]
    return {float(score): count for score, count in run(
        filtered(select(column, sa.func.count()), report)
        .where(column.is_not(None)).group_by(column).order_by(column))}


def _stays(run, report: ReportFilter, dialect: str) -> dict[str, StageStays]:
    # Each move ends a stay in the stage it left, which began at the move before (or at the
    # application).
    entered = sa.func.coalesce(
        sa.func.lag(Event.at).over(partition_by=Event.entity_id, order_by=(Event.at, Event.id)),
        Application.created_at)
    moves = filtered(select(Event.before["stage"].as_string().label("stage"),
                            _days_between(Event.at, entered, dialect).label("days"))
                     .join(Application, Application.id == Event.entity_id), report).where(
        Event.action == STAGE_CHANGED, Event.entity_type == "application").subquery()
    length = sa.func.round(sa.cast(moves.c.days, sa.Numeric), _DAY_DECIMALS)
    per_length: dict[str, dict[float, int]] = {}
    totals: Counter[str] = Counter()
    for stage, days, count, total in run(
            select(moves.c.stage, length, sa.func.count(), sa.func.sum(moves.c.days))
            .where(moves.c.stage.is_not(None)).group_by(moves.c.stage, length)):
        per_length.setdefault(stage, {})[float(days)] = count
        totals[stage] += float(total)
    return {stage: StageStays(lengths, totals[stage]) for stage, lengths in per_length.items()}


def _waits(run, report: ReportFilter, dialect: str) -> dict[float, int]:
    first = (select(Decision.application_id, sa.func.min(Decision.created_at).label("at"))
             .where(Decision.status != "pending_hr",
                    Decision.application_id.in_(cohort_ids(report)))
             .group_by(Decision.application_id).subquery())
    wait = sa.func.round(sa.cast(_days_between(first.c.at, Application.created_at, dialect),
                                 sa.Numeric), _DAY_DECIMALS)
    return {float(days): count for days, count in run(
        select(wait, sa.func.count()).join(first, first.c.application_id == Application.id)
        .group_by(wait))}


def _decisions_per_day(run, report: ReportFilter, dialect: str) -> dict[tuple[str, str], int]:
    day = _utc_day(Decision.created_at, dialect)
    kind = sa.case((Decision.is_override.is_(True), "overridden"), else_=Decision.outcome)
    return {(day_, kind_): count for day_, kind_, count in run(
        select(day, kind, sa.func.count())
        .where(Decision.application_id.in_(cohort_ids(report))).group_by(day, kind))}


def _first_automatic(run, report: ReportFilter) -> list[tuple[int, str]]:
    # Overrides are people's decisions, not the automatic ones an adverse-impact view audits.
    rank = sa.func.row_number().over(partition_by=Decision.application_id,
                                     order_by=(Decision.created_at, Decision.id))
    ranked = filtered(select(Application.candidate_id, Decision.outcome, rank.label("n"))
                      .join(Application, Application.id == Decision.application_id), report
                      ).where(Decision.is_override.is_(False)).subquery()
    return [(candidate_id, outcome) for candidate_id, outcome, _ in
            run(select(ranked).where(ranked.c.n == 1))]


def _thresholds(run, job_ids: set[int]) -> dict[int, DecisionThresholds]:
    if not job_ids:
        return {}
    jobs = run(select(Job.id, Job.resume_min, Job.interview_min, Job.reject_below,
                      Job.resume_weight, Job.interview_weight, Job.scorecard_weight)
               .where(Job.id.in_(job_ids)))
    return {row.id: thresholds_for_job(row) for row in jobs}


def _utc_day(column: ColumnElement, dialect: str) -> ColumnElement:
    """The UTC date of a stored time as "YYYY-MM-DD"."""
    if dialect == "postgresql":
        return sa.func.to_char(sa.func.timezone("UTC", column), "YYYY-MM-DD")
    # SQLite keeps UTC times as "YYYY-MM-DD HH:MM:SS.ffffff".
    return sa.func.substr(column, 1, 10)


def _greatest(dialect: str, *values: ColumnElement) -> ColumnElement:
    """The largest of a few values in one row (SQLite's many-argument max)."""
    return sa.func.greatest(*values) if dialect == "postgresql" else sa.func.max(*values)


def _days_between(later: ColumnElement, earlier: ColumnElement, dialect: str) -> ColumnElement:
    if dialect == "postgresql":
        return sa.extract("epoch", later - earlier) / 86400.0
    return sa.func.julianday(later) - sa.func.julianday(earlier)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)
