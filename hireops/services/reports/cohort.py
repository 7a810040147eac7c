"""The one read of a report's cohort: the applications a report covers, counted and grouped in
the database, so a filter change over 50,000 applications moves a few hundred rows, not 50,000
applications and their 100,000 stage moves.

`read_days` makes a fixed number of grouped queries whatever the size of the cohort, each
also grouped by the day of the application (`CohortDays`); `CohortDays.narrowed` sums the
days of a date range into the `Cohort` every figure in `services/reports/figures.py` is a pure function
of. Days are the company's calendar days, in its time zone (`company_days.py`), and so are a
date range's bounds; lengths of time are grouped per hundredth of a day (under 15 minutes),
finer than any chart shows.

`cached_cohort` keeps in this process, with the database's data version (the row count, newest
ids and edit times that any change to a report's inputs moves, and the newest of each audit
event a report reads: `data_version`; an event no report reads, such as a setting saved or a
privacy export, leaves it), the days of each job read (or of all jobs) and the last cohorts
narrowed from them, per time zone (the company's may change in Settings while the data does
not). A new date range is then summed in memory, never read again, and
reopening the page or going back to a filter costs one small query until something changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple, TypeVar

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select
from sqlmodel import Session, select

from hireops.models import AppSetting, Application, Candidate, Decision, Event, Job, Stage
from hireops.services.decisions.rule import (
    CONFIRMED_ACTION, NEEDS_HR_ACTION, DecisionThresholds, thresholds_for_job,
)
from hireops.services.candidates.stages import CUSTOM_STAGE_PREFIX, STAGE_CHANGED, is_custom_stage
from hireops.services.jobs.job_stages import (
    DEFAULT_STAGES_SETTING, STAGES_CHANGED, default_label, job_stages, stages_of_jobs,
)
from hireops.services.privacy.blind_screening import REVEAL_ACTION
from hireops.services.platform.clock import day_bounds
from hireops.services.reports.company_days import CompanyDays, company_days, zone_name
from hireops.services.reports.versioned_cache import VersionedCache

# The forward path of the funnel; "rejected" and "withdrawn" leave it and are counted apart.
Result = TypeVar("Result")
FUNNEL_STAGES = [stage for stage in Stage if stage not in (Stage.rejected, Stage.withdrawn)]
_DAY_DECIMALS = 2
# Cohorts kept per process: a few filters of a few reports pages.
CACHED_COHORTS = 32
# Jobs (or all jobs) whose days are kept per process: at 50,000 applications the days of all
# jobs are some 60,000 small rows.
CACHED_DAYS = 8
# The audit events a report reads, or that record a change to its inputs no edit time shows
# (the data version reads the newest of each). A stage move also edits its application, but
# the stage history is read from these events (the demo and imports write them as they were).
REPORT_EVENT_ACTIONS = (
    STAGE_CHANGED,
    # A decision's status changed in place: time to decision counts only decided ones.
    NEEDS_HR_ACTION, CONFIRMED_ACTION,
    # A job's own stage names.
    STAGES_CHANGED,
    # Who blind screening hides in the top candidates (`identity_revealed_at`).
    REVEAL_ACTION,
    # Applications and answers moved to another candidate (`merge_candidates`); names and
    # stage history scrubbed, or a person's rows deleted (`privacy/rights.py`).
    "candidate.merged", "candidate.anonymised", "candidate.erased",
)
_cohorts = VersionedCache(CACHED_COHORTS)
_days = VersionedCache(CACHED_DAYS)
_results = VersionedCache(CACHED_COHORTS)


@dataclass(frozen=True)
class ReportFilter:
    """Which applications a report covers."""

    # One job, or None for every job.
    job_id: int | None = None
    # First and last day of the application date, inclusive; None leaves that end open.
    date_from: date | None = None
    date_to: date | None = None
    # The zone whose calendar days these are and the report counts in ("Europe/Paris"); None
    # for the company's, resolved when the report is read (`in_zone`).
    zone: str | None = None

    def in_zone(self) -> ReportFilter:
        """This filter with its zone named: the company's when none was given."""
        return replace(self, zone=zone_name(self.zone))


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
    # Applications per day ("2025-03-03") and per source.
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
    # (day, advance | hold | reject | overridden) -> decisions made that day.
    decisions_per_day: dict[tuple[str, str], int] = field(default_factory=dict)
    # Each application's first decision by the rule: (candidate id, outcome).
    first_automatic: list[tuple[int, str]] = field(default_factory=list)
    # The thresholds of every job in the cohort, and of the job filtered on.
    thresholds: dict[int, DecisionThresholds] = field(default_factory=dict)
    # Days from application to the move into Hired, for those hired -> how many.
    hire_days: dict[float, int] = field(default_factory=dict)
    # The stages the cohort's jobs added that have stays, key -> name, in the jobs' flow
    # order ("Technical interview"; every name when jobs name one differently).
    own_stages: dict[str, str] = field(default_factory=dict)
    # Stage key -> its name: the report's job's names, or the company default's for every
    # job ({} for a range with no application: the built-in names).
    stage_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CohortDays:
    """A report's grouped rows, each also keyed by the day of its applications ("2025-03-03"
    first in every row), so that any range of days sums into a `Cohort` without a new read."""

    # The applications read: one job or all, in a range of days or all of them, and the zone
    # of those days.
    report: ReportFilter
    # (day, source, job id, applications).
    applications: list[tuple[str, str | None, int, int]] = field(default_factory=list)
    # (day, furthest funnel position, applications).
    furthest: list[tuple[str, int, int]] = field(default_factory=list)
    # (day, score, applications).
    resume_scores: list[tuple[str, float, int]] = field(default_factory=list)
    interview_scores: list[tuple[str, float, int]] = field(default_factory=list)
    # (day, job id, resume score, interview score, applications).
    score_pairs: list[tuple[str, int, float, float, int]] = field(default_factory=list)
    # (day, stage left, length in days to the hundredth, stays, their exact total of days).
    stays: list[tuple[str, str, float, int, float]] = field(default_factory=list)
    # (day, days to the first decision that no longer waits for HR, applications).
    waits: list[tuple[str, float, int]] = field(default_factory=list)
    # (day, the day of the decisions, advance | hold | reject | overridden, decisions).
    decisions: list[tuple[str, str, str, int]] = field(default_factory=list)
    # (day, candidate id, outcome of the application's first decision by the rule).
    first_automatic: list[tuple[str, int, str]] = field(default_factory=list)
    # (day, days from application to hire, hires).
    hire_days: list[tuple[str, float, int]] = field(default_factory=list)
    # The thresholds of every job read, and of the job filtered on.
    thresholds: dict[int, DecisionThresholds] = field(default_factory=dict)
    # Each job's own stages, (key, name) in its flow order; read only when a stay was spent in
    # one.
    own_stages: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # Stage key -> its name, as `Cohort.stage_names`.
    stage_names: dict[str, str] = field(default_factory=dict)

    def narrowed(self, date_from: date | None = None, date_to: date | None = None) -> Cohort:
        """The cohort of the applications received from `date_from` to `date_to` (inclusive;
        None leaves that end as read)."""
        first = date_from.isoformat() if date_from else ""
        last = date_to.isoformat() if date_to else "9999"

        def within(rows):
            return [row[1:] for row in rows if first <= row[0] <= last]

        per_day: Counter[str] = Counter()
        sources: Counter[str] = Counter()
        job_ids: set[int] = {self.report.job_id} - {None}
        for day, source, job_id, count in (row for row in self.applications
                                           if first <= row[0] <= last):
            per_day[day] += count
            sources[source or "unknown"] += count
            job_ids.add(job_id)
        thresholds = {job_id: self.thresholds[job_id] for job_id in job_ids
                      if job_id in self.thresholds}
        if not per_day:
            return Cohort(thresholds=thresholds, stage_names=self.stage_names)
        stays: dict[str, dict[float, int]] = {}
        totals: Counter[str] = Counter()
        for stage, length, count, total in within(self.stays):
            lengths = stays.setdefault(stage, {})
            lengths[length] = lengths.get(length, 0) + count
            totals[stage] += total
        pairs: Counter[tuple[int, float, float]] = Counter()
        for job_id, resume, interview, count in within(self.score_pairs):
            pairs[job_id, resume, interview] += count
        return Cohort(
            applications=sum(per_day.values()), per_day=dict(per_day), sources=dict(sources),
            furthest={FUNNEL_STAGES[index].value: count
                      for index, count in _summed(within(self.furthest)).items()},
            resume_scores=_summed(within(self.resume_scores)),
            interview_scores=_summed(within(self.interview_scores)),
            score_pairs=[ScorePair(*key, count) for key, count in pairs.items()],
            stays={stage: StageStays(lengths, totals[stage]) for stage, lengths in stays.items()},
            waits=_summed(within(self.waits)),
            decisions_per_day=_summed((tuple(row[:2]), row[2])
                                      for row in within(self.decisions)),
            first_automatic=within(self.first_automatic), thresholds=thresholds,
            hire_days=_summed(within(self.hire_days)),
            own_stages=self._own_stage_names(job_ids, set(stays)),
            stage_names=self.stage_names)

    def _own_stage_names(self, job_ids: set[int], stayed_in: set[str]) -> dict[str, str]:
        """The jobs' own stages that have stays, named as the jobs in range name them."""
        names: dict[str, dict[str, None]] = {}
        for job_id in sorted(job_ids):
            for key, name in self.own_stages.get(job_id, []):
                if key in stayed_in:
                    names.setdefault(key, {})[name] = None
        # A stage since removed from its job still has its stays: named from its key.
        for key in sorted(stayed_in - set(names)):
            if is_custom_stage(key):
                names[key] = {default_label(key): None}
        return {key: " / ".join(named) for key, named in names.items()}


def read_cohort(*, session: Session, report: ReportFilter) -> Cohort:
    """The report's cohort, grouped in the database: one query for an empty range, thirteen
    otherwise (and one or two to name the stages jobs added, once a stay was spent in one),
    whatever the number of applications."""
    return read_days(session=session, report=report).narrowed()


def read_days(*, session: Session, report: ReportFilter) -> CohortDays:
    """The report's rows grouped by the company's day of the application (and by what each
    figure needs): one query for an empty range, thirteen otherwise (and one or two to name the
    stages jobs added, once a stay was spent in one), whatever the number of applications."""
    report = report.in_zone()
    run = session.connection().execute
    calendar = cohort_calendar(session=session, report=report)
    if calendar is None:
        return CohortDays(report, thresholds=_thresholds(run, {report.job_id} - {None}))
    day = calendar.day_of(Application.created_at)
    applications = [tuple(row) for row in run(filtered(
        select(day, Application.source, Application.job_id, sa.func.count()), report)
        .group_by(day, Application.source, Application.job_id))]
    job_ids = {report.job_id} - {None} | {row[2] for row in applications}
    stays = _stays(run, report, calendar)
    return CohortDays(
        report, applications, furthest=_furthest(run, report, calendar),
        resume_scores=_scores(run, report, "resume", calendar),
        interview_scores=_scores(run, report, "interview", calendar),
        score_pairs=[(day_, job_id, float(resume), float(interview), count)
                     for day_, job_id, resume, interview, count in run(filtered(
                         select(day, Application.job_id, Application.resume_score,
                                Application.interview_score, sa.func.count()), report)
                         .where(Application.resume_score.is_not(None),
                                Application.interview_score.is_not(None))
                         .group_by(day, Application.job_id, Application.resume_score,
                                   Application.interview_score))],
        stays=stays, waits=_waits(run, report, calendar),
        decisions=_decisions_per_day(run, report, calendar),
        first_automatic=_first_automatic(run, report, calendar),
        hire_days=_hire_days(run, report, calendar), thresholds=_thresholds(run, job_ids),
        own_stages=_own_stages(session, job_ids) if any(
            is_custom_stage(stage) for _, stage, *_ in stays) else {},
        # One job's report speaks its names; every job's, the company default's (Settings).
        stage_names={stage.key: stage.label
                     for stage in job_stages(session=session, job_id=report.job_id)})


def cached_cohort(*, session: Session, report: ReportFilter,
                  version: tuple | None = None) -> Cohort:
    """`read_cohort`, from this process's cache while the data has not changed: the days of
    the report's job (or of all jobs) are read once, and each date range is summed from them.
    `version` is the `data_version` when the caller just read it. The days kept are those of
    the report's zone (the company's unless named): a new zone is read anew."""
    version = version or data_version(session=session)
    url = str(session.get_bind().url)
    report = report.in_zone()

    def narrowed() -> Cohort:
        days = _cached_days(session, url, replace(report, date_from=None, date_to=None),
                            version)
        return days.narrowed(report.date_from, report.date_to)

    return _cohorts.get_or_compute((url, report), version, narrowed)


def cached(*, session: Session, key: tuple, compute: Callable[[], Result],
           version: tuple | None = None) -> Result:
    """`compute()`, from this process's cache while the data has not changed (for what the
    page reads besides the cohort: the best applications per day, the self-reported groups)."""
    version = version or data_version(session=session)
    return _results.get_or_compute((str(session.get_bind().url), *key), version, compute)


def _cached_days(session: Session, url: str, every_day: ReportFilter,
                 version: tuple) -> CohortDays:
    """The days of `every_day`'s job (or of all jobs) in its zone, from the cache."""
    return _days.get_or_compute((url, every_day), version,
                                lambda: read_days(session=session, report=every_day))


def cohort_calendar(*, session: Session, report: ReportFilter) -> CompanyDays | None:
    """How the database reads the company's day (the report's zone's) of the report's times:
    SQLite from the span of its applications' times (PostgreSQL needs none); None when it has
    no application."""
    # The first and the last by the index on the time: min() and max() with a condition
    # would read every row.
    times = filtered(select(Application.created_at), report).limit(1)
    first, last = session.connection().execute(select(
        times.order_by(Application.created_at).scalar_subquery(),
        times.order_by(Application.created_at.desc()).scalar_subquery())).one()
    if first is None:
        return None
    return company_days(session.get_bind().dialect.name, report.zone, first, last)


def data_version(*, session: Session) -> tuple:
    """What changes whenever a report's inputs do: new, edited or erased applications,
    decisions, jobs (thresholds, titles, blind screening) and candidates (names,
    equal-opportunities answers), the company default's stage names, and the newest of each
    audit event that a report reads or that records a change to its inputs without an edit
    time (`REPORT_EVENT_ACTIONS`). Any other event (a setting saved, an export, a mail sent, a
    sign-in) leaves it, and the cached reports, as they were."""
    return tuple(session.connection().execute(data_version_query()).one())


def data_version_query() -> Select:
    """`data_version`'s one query, over indexed columns: each newest event is one step down
    the index on (action, id) (revision 0034)."""
    return select(
        # The newest id, not the row count (which reads every row): ids are never given twice
        # (revision 0033) and applications are deleted only by an erasure, audited below.
        select(sa.func.max(Application.id)).scalar_subquery(),
        select(sa.func.max(Application.updated_at)).scalar_subquery(),
        select(sa.func.max(Decision.id)).scalar_subquery(),
        select(sa.func.max(Job.updated_at)).scalar_subquery(),
        select(sa.func.max(Candidate.updated_at)).scalar_subquery(),
        select(AppSetting.updated_at)
        .where(AppSetting.key == DEFAULT_STAGES_SETTING).scalar_subquery(),
        # One subquery per action: max(id) over several actions reads every event of them
        # (some 100,000 stage moves at 50,000 applications).
        *(select(Event.id).where(Event.action == action).order_by(Event.id.desc()).limit(1)
          .scalar_subquery() for action in REPORT_EVENT_ACTIONS))


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
    # The bounds are the midnights of the report's zone (the company's unless named).
    if report.date_from is not None:
        query = query.where(Application.created_at >= day_bounds(report.date_from,
                                                                 report.zone)[0])
    if report.date_to is not None:
        query = query.where(Application.created_at < day_bounds(report.date_to,
                                                                report.zone)[1])
    return query


def rounded(value: ColumnElement) -> ColumnElement:
    """`value` to one decimal, as the decision rule rounds (PostgreSQL rounds only numerics)."""
    return sa.func.round(sa.cast(value, sa.Numeric), 1)


def _furthest(run, report: ReportFilter,
              calendar: CompanyDays) -> list[tuple[str, int, int]]:
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
    furthest = _greatest(calendar.dialect,
                         sa.func.coalesce(_funnel_position(Application.stage), 0),
                         sa.func.coalesce(moves.c.before, 0),
                         sa.func.coalesce(moves.c.after, 0)).label("furthest")
    per_app = filtered(select(calendar.day_of(Application.created_at).label("day"), furthest)
                       .outerjoin(moves, moves.c.app == Application.id), report).subquery()
    return [tuple(row) for row in run(
        select(per_app.c.day, per_app.c.furthest, sa.func.count())
        .group_by(per_app.c.day, per_app.c.furthest))]


def _funnel_position(stage: ColumnElement) -> ColumnElement:
    """Where a stored stage stands on the funnel; a job's own stages ("Technical interview")
    are steps of the shortlist; None off the funnel (rejected, withdrawn)."""
    order = {stage_.value: index for index, stage_ in enumerate(FUNNEL_STAGES)}
    return sa.case(order, value=stage, else_=sa.case(
        (stage.startswith(CUSTOM_STAGE_PREFIX, autoescape=True),
         order[Stage.shortlisted.value]), else_=None))


def _hire_days(run, report: ReportFilter,
               calendar: CompanyDays) -> list[tuple[str, float, int]]:
    day = calendar.day_of(Application.created_at)
    days = sa.func.round(sa.cast(_days_between(Application.hired_at, Application.created_at,
                                               calendar.dialect), sa.Numeric), _DAY_DECIMALS)
    return [(day_, float(length), count) for day_, length, count in run(
        filtered(select(day, days, sa.func.count()), report)
        .where(Application.hired_at.is_not(None), Application.stage == Stage.hired.value)
        .group_by(day, days))]


def _scores(run, report: ReportFilter, which: str,
            calendar: CompanyDays) -> list[tuple[str, float, int]]:
    column = {"resume": Application.resume_score, "interview": Application.interview_score}[which]
    day = calendar.day_of(Application.created_at)
    return [(day_, float(score), count) for day_, score, count in run(
        filtered(select(day, column, sa.func.count()), report)
        .where(column.is_not(None)).group_by(day, column))]


def _stays(run, report: ReportFilter,
           calendar: CompanyDays) -> list[tuple[str, str, float, int, float]]:
    # Each move ends a stay in the stage it left, which began at the move before (or at the
    # application).
    entered = sa.func.coalesce(
        sa.func.lag(Event.at).over(partition_by=Event.entity_id, order_by=(Event.at, Event.id)),
        Application.created_at)
    moves = filtered(select(calendar.day_of(Application.created_at).label("day"),
                            Event.before["stage"].as_string().label("stage"),
                            _days_between(Event.at, entered, calendar.dialect).label("days"))
                     .join(Application, Application.id == Event.entity_id), report).where(
        Event.action == STAGE_CHANGED, Event.entity_type == "application").subquery()
    length = sa.func.round(sa.cast(moves.c.days, sa.Numeric), _DAY_DECIMALS)
    return [(day, stage, float(days), count, float(total)) for day, stage, days, count, total
            in run(select(moves.c.day, moves.c.stage, length, sa.func.count(),
                          sa.func.sum(moves.c.days))
                   .where(moves.c.stage.is_not(None))
                   .group_by(moves.c.day, moves.c.stage, length))]


def _own_stages(session: Session, job_ids: set[int]) -> dict[int, list[tuple[str, str]]]:
    """Each job's own stages, (key, name) in flow order."""
    return {job_id: [(stage.key, stage.label) for stage in flow if is_custom_stage(stage.key)]
            for job_id, flow in stages_of_jobs(session=session, job_ids=job_ids).items()}


def _waits(run, report: ReportFilter, calendar: CompanyDays) -> list[tuple[str, float, int]]:
    first = (select(Decision.application_id, sa.func.min(Decision.created_at).label("at"))
             .where(Decision.status != "pending_hr",
                    Decision.application_id.in_(cohort_ids(report)))
             .group_by(Decision.application_id).subquery())
    day = calendar.day_of(Application.created_at)
    wait = sa.func.round(sa.cast(_days_between(first.c.at, Application.created_at,
                                               calendar.dialect), sa.Numeric), _DAY_DECIMALS)
    return [(day_, float(days), count) for day_, days, count in run(
        select(day, wait, sa.func.count()).join(first, first.c.application_id == Application.id)
        .group_by(day, wait))]


def _decisions_per_day(run, report: ReportFilter,
                       calendar: CompanyDays) -> list[tuple[str, str, str, int]]:
    applied = calendar.day_of(Application.created_at)
    day = calendar.day_of(Decision.created_at)
    kind = sa.case((Decision.is_override.is_(True), "overridden"), else_=Decision.outcome)
    return [tuple(row) for row in run(filtered(
        select(applied, day, kind, sa.func.count())
        .join(Application, Application.id == Decision.application_id), report)
        .group_by(applied, day, kind))]


def _first_automatic(run, report: ReportFilter,
                     calendar: CompanyDays) -> list[tuple[str, int, str]]:
    # Overrides are people's decisions, not the automatic ones an adverse-impact view audits.
    rank = sa.func.row_number().over(partition_by=Decision.application_id,
                                     order_by=(Decision.created_at, Decision.id))
    ranked = filtered(select(calendar.day_of(Application.created_at).label("day"),
                             Application.candidate_id, Decision.outcome, rank.label("n"))
                      .join(Application, Application.id == Decision.application_id), report
                      ).where(Decision.is_override.is_(False)).subquery()
    return [(day, candidate_id, outcome) for day, candidate_id, outcome, _ in
            run(select(ranked).where(ranked.c.n == 1))]


def _summed(rows) -> dict:
    """(key, count) rows summed per key."""
    sums: dict = {}
    for key, count in rows:
        sums[key] = sums.get(key, 0) + count
    return sums


def _thresholds(run, job_ids: set[int]) -> dict[int, DecisionThresholds]:
    if not job_ids:
        return {}
    jobs = run(select(Job.id, Job.resume_min, Job.interview_min, Job.reject_below,
                      Job.resume_weight, Job.interview_weight, Job.scorecard_weight)
               .where(Job.id.in_(job_ids)))
    return {row.id: thresholds_for_job(row) for row in jobs}


def _greatest(dialect: str, *values: ColumnElement) -> ColumnElement:
    """The largest of a few values in one row (SQLite's many-argument max)."""
    return sa.func.greatest(*values) if dialect == "postgresql" else sa.func.max(*values)


def _days_between(later: ColumnElement, earlier: ColumnElement, dialect: str) -> ColumnElement:
    if dialect == "postgresql":
        return sa.extract("epoch", later - earlier) / 86400.0
    return sa.func.julianday(later) - sa.func.julianday(earlier)
