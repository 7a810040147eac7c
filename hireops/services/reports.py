"""The figures of the reports page, computed from the database as plain data.

Every figure describes one cohort: the applications received in a date range (inclusive, by the
UTC date of `Application.created_at`), for one job or all. Charts over time plot each event on
its own date (a decision on the day it was made) but only for that cohort, so the numbers on
one page always add up. Final scores and verdicts come from `decisions.decide` with each job's
own thresholds, the same rule the tracker and the emails use.

The page reads the cohort once per filter change (`read_cohort`: the applications' columns,
their stage history, their decisions and the jobs' thresholds, four queries whatever the size)
and every figure is a pure function of that `Cohort`.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Select
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Event, Job, Stage
from hireops.services.blind_screening import anonymous_name, hidden_candidate_ids
from hireops.services.dashboard import STAGE_LABELS
from hireops.services.decisions import DecisionThresholds, decide, thresholds_for_job
from hireops.services.equal_opportunities import PREFER_NOT_TO_SAY
from hireops.services.stages import STAGE_CHANGED

# The forward path of the funnel; "rejected" leaves it and is counted apart.
FUNNEL_STAGES = [stage for stage in Stage if stage != Stage.rejected]
FOUR_FIFTHS = 0.8
DECISION_KINDS = ("advance", "hold", "reject", "overridden")


@dataclass(frozen=True)
class ReportFilter:
    """Which applications a report covers."""

    # One job, or None for every job.
    job_id: int | None = None
    # First and last day of the application date, inclusive; None leaves that end open.
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    # Applications that reached this stage (now or at any time, by the stage history).
    reached: int
    # reached / reached at the previous step, in percent; None for the first step or after 0.
    conversion_pct: float | None
    # reached / reached at the first step, in percent.
    of_total_pct: float | None


@dataclass(frozen=True)
class ScoreDistributions:
    resume: list[float]
    interview: list[float]
    final: list[float]
    # The job's thresholds, or the shared ones when every job in the report uses the same;
    # None when the jobs differ (a line would be wrong for some of them).
    thresholds: DecisionThresholds | None


@dataclass(frozen=True)
class TopCandidate:
    application_id: int
    candidate: str
    job: str
    resume_score: float | None
    interview_score: float | None
    final_score: float | None
    # What the decision rule says for these scores and the job's thresholds.
    verdict: str


@dataclass(frozen=True)
class StageTime:
    stage: str
    label: str
    # Completed stays in the stage, from the stage history.
    stays: int
    median_days: float
    mean_days: float


@dataclass(frozen=True)
class TimeToDecision:
    # Days from application to its first confirmed or overridden decision, one per application.
    days: list[float]
    median_days: float | None


@dataclass(frozen=True)
class DatedCounts:
    """Counts per day and per series, days ascending."""

    days: list[str]
    series: dict[str, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImpactRow:
    group: str
    passed: int
    total: int
    # passed / total, 0-1.
    rate: float
    # rate / the highest group rate, 0-1; None when every rate is 0.
    ratio: float | None
    # True when the ratio is under four fifths of the highest rate.
    flagged: bool


@dataclass(frozen=True)
class CohortApplication:
    """The columns of one application the figures need (no resume text or scorer result)."""

    id: int
    candidate_id: int
    job_id: int
    created_at: datetime
    stage: str
    source: str
    resume_score: float | None
    interview_score: float | None


@dataclass(frozen=True)
class StageMove:
    """One stage change of an application, from the stage history."""

    at: datetime
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CohortDecision:
    application_id: int
    outcome: str
    status: str
    is_override: bool
    created_at: datetime


@dataclass(frozen=True)
class Cohort:
    """Everything the figures of one report are computed from, read once per filter change."""

    # Oldest first.
    applications: list[CohortApplication]
    # Each application's stage moves, in order.
    history: dict[int, list[StageMove]]
    # Every decision on the cohort, oldest first.
    decisions: list[CohortDecision]
    # The thresholds of every job in the cohort, and of the job filtered on.
    thresholds: dict[int, DecisionThresholds]


def cohort_ids(report: ReportFilter) -> Select:
    """The ids of the applications the report covers, as a subquery (a cohort of 50,000 is
    past the databases' limit on bound parameters)."""
    return _filtered(select(Application.id), report)


def read_cohort(*, session: Session, report: ReportFilter) -> Cohort:
    """The applications the report covers with their stage history, decisions and thresholds:
    four queries whatever the number of applications."""
    rows = session.exec(_filtered(select(
        Application.id, Application.candidate_id, Application.job_id, Application.created_at,
        Application.stage, Application.source, Application.resume_score,
        Application.interview_score), report)
        .order_by(Application.created_at, Application.id)).all()
    applications = [CohortApplication(*row[:4], _value(row[4]), *row[5:]) for row in rows]
    if not applications:
        return Cohort([], {}, [], _thresholds(session, {report.job_id} - {None}))
    ids = cohort_ids(report)
    history: dict[int, list[StageMove]] = defaultdict(list)
    # The stages are read out of the JSON in SQL: decoding 100,000 whole dicts in Python
    # would cost more than the rest of the report.
    moves = session.exec(select(Event.entity_id, Event.at, Event.before["stage"].as_string(),
                                Event.after["stage"].as_string())
                         .where(Event.action == STAGE_CHANGED, Event.entity_type == "application",
                                Event.entity_id.in_(ids))
                         .order_by(Event.at, Event.id)).all()
    for application_id, at, before, after in moves:
        history[application_id].append(StageMove(at, before, after))
    decisions = [CohortDecision(app_id, _value(outcome), status, bool(override), at)
                 for app_id, outcome, status, override, at in session.exec(
                     select(Decision.application_id, Decision.outcome, Decision.status,
                            Decision.is_override, Decision.created_at)
                     .where(Decision.application_id.in_(ids))
                     .order_by(Decision.created_at, Decision.id)).all()]
    job_ids = {a.job_id for a in applications} | ({report.job_id} - {None})
    return Cohort(applications, dict(history), decisions, _thresholds(session, job_ids))


def funnel(cohort: Cohort) -> list[FunnelStep]:
    """How many applications reached each stage and the conversion from the stage before."""
    order = {stage.value: index for index, stage in enumerate(FUNNEL_STAGES)}
    reached_at = Counter()
    for application in cohort.applications:
        seen = {application.stage}
        for move in cohort.history.get(application.id, ()):
            seen.update((move.before, move.after))
        reached_at[max((order[s] for s in seen if s in order), default=0)] += 1
    steps, previous, total = [], None, None
    for index, stage in enumerate(FUNNEL_STAGES):
        reached = sum(count for furthest, count in reached_at.items() if furthest >= index)
        total = reached if total is None else total
        steps.append(FunnelStep(stage.value, STAGE_LABELS[stage], reached,
                                _pct(reached, previous), _pct(reached, total)))
        previous = reached
    return steps


def score_distributions(cohort: Cohort) -> ScoreDistributions:
    """Resume, interview and final scores of the cohort, with the thresholds to draw."""
    finals = [_final_score(a, cohort.thresholds) for a in cohort.applications]
    all_thresholds = set(cohort.thresholds.values())
    return ScoreDistributions(
        resume=[a.resume_score for a in cohort.applications if a.resume_score is not None],
        interview=[a.interview_score for a in cohort.applications
                   if a.interview_score is not None],
        final=[score for score in finals if score is not None],
        thresholds=all_thresholds.pop() if len(all_thresholds) == 1 else None)


def top_candidates(*, session: Session, cohort: Cohort, limit: int = 10) -> list[TopCandidate]:
    """The best applications by final score, then resume score; names are read for those
    few only."""
    ranked = []
    for application in cohort.applications:
        final = _final_score(application, cohort.thresholds)
        ranked.append(((final is not None, final or 0, application.resume_score or 0,
                        -application.id), application))
    ranked.sort(key=lambda item: item[0], reverse=True)
    best = [application for _, application in ranked[:limit]]
    names = _candidate_names(session, best)
    titles = _job_titles(session, {a.job_id for a in best})
    rows = []
    for application in best:
        outcome = _outcome(application, cohort.thresholds)
        rows.append(TopCandidate(
            application.id, names[application.id], titles[application.job_id],
            application.resume_score, application.interview_score, outcome.final_score,
            outcome.decision))
    return rows


def time_in_stage(cohort: Cohort) -> list[StageTime]:
    """How long applications stayed in each stage before moving on (from the stage history)."""
    stays: dict[str, list[float]] = defaultdict(list)
    for application in cohort.applications:
        entered = application.created_at
        for move in cohort.history.get(application.id, ()):
            if move.before:
                stays[move.before].append(_days(move.at - entered))
            entered = move.at
    return [StageTime(stage.value, STAGE_LABELS[stage], len(stays[stage.value]),
                      round(statistics.median(stays[stage.value]), 2),
                      round(statistics.fmean(stays[stage.value]), 2))
            for stage in Stage if stays.get(stage.value)]


def time_to_decision(cohort: Cohort) -> TimeToDecision:
    """Days from application to the first decision that no longer waits for HR."""
    applied = {a.id: a.created_at for a in cohort.applications}
    firsts: dict[int, datetime] = {}
    for decision in cohort.decisions:
        if decision.status != "pending_hr" and decision.application_id not in firsts:
            firsts[decision.application_id] = decision.created_at
    days = [_days(at - applied[app_id]) for app_id, at in sorted(firsts.items())]
    return TimeToDecision(days, round(statistics.median(days), 2) if days else None)


def applications_by_source(cohort: Cohort) -> dict[str, int]:
    """Applications per source (mail, upload, manual...), largest first."""
    counts = Counter(a.source or "unknown" for a in cohort.applications)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def applications_over_time(cohort: Cohort) -> DatedCounts:
    """Applications received per day."""
    return _dated({"applications": [a.created_at for a in cohort.applications]})


def decisions_over_time(cohort: Cohort) -> DatedCounts:
    """Decisions per day: the rule's advance, hold and reject, and people's overrides."""
    dates: dict[str, list[datetime]] = {kind: [] for kind in DECISION_KINDS}
    for decision in cohort.decisions:
        kind = "overridden" if decision.is_override else decision.outcome
        dates[kind].append(decision.created_at)
    return _dated(dates)


def adverse_impact(groups: Mapping[str, tuple[int, int]]) -> list[ImpactRow]:
    """Pass rates per group, each compared with the highest; under four fifths is flagged."""
    rates = {group: passed / total for group, (passed, total) in groups.items() if total > 0}
    best = max(rates.values(), default=0)
    rows = []
    for group, (passed, total) in groups.items():
        if total <= 0:
            continue
        ratio = rates[group] / best if best > 0 else None
        rows.append(ImpactRow(group, passed, total, round(rates[group], 4),
                              None if ratio is None else round(ratio, 4),
                              ratio is not None and ratio < FOUR_FIFTHS))
    return sorted(rows, key=lambda row: (-row.rate, row.group))


def automatic_pass_counts(cohort: Cohort,
                          group_of: Mapping[int, str]) -> dict[str, tuple[int, int]]:
    """(advanced, decided) per group, counting each application's first decision by the rule
    (overrides are people's decisions, not the automatic ones being audited)."""
    candidate_of = {a.id: a.candidate_id for a in cohort.applications}
    first: dict[int, CohortDecision] = {}
    for decision in cohort.decisions:
        if not decision.is_override:
            first.setdefault(decision.application_id, decision)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for app_id, decision in first.items():
        group = group_of.get(candidate_of[app_id])
        if group:
            counts[group][0] += decision.outcome == "advance"
            counts[group][1] += 1
    return {group: (passed, total) for group, (passed, total) in sorted(counts.items())}


def self_reported_groups(*, session: Session, characteristic: str,
                         candidate_ids: list[int] | Select) -> dict[int, str]:
    """Each candidate's own answer for `characteristic` (see services/equal_opportunities);
    "Prefer not to say" and unanswered are no group, so they are left out of the comparison.
    `candidate_ids` may be a subquery (`cohort_candidate_ids`)."""
    if not characteristic or (isinstance(candidate_ids, list) and not candidate_ids):
        return {}
    # The one answer is read out of the JSON in SQL, for the candidates who gave one.
    answer = Candidate.self_reported[characteristic].as_string()
    rows = session.exec(select(Candidate.id, answer)
                        .where(Candidate.id.in_(candidate_ids), answer.is_not(None)))
    return {candidate_id: str(value) for candidate_id, value in rows
            if value and value != PREFER_NOT_TO_SAY}


def cohort_candidate_ids(report: ReportFilter) -> Select:
    """The candidates of the report's applications, as a subquery."""
    return _filtered(select(Application.candidate_id), report)


def _filtered(query: Select, report: ReportFilter) -> Select:
    # The talent pool (applications to no job) is no job's funnel.
    query = query.where(Application.job_id.is_not(None))
    if report.job_id is not None:
        query = query.where(Application.job_id == report.job_id)
    if report.date_from is not None:
        query = query.where(Application.created_at >= _day_start(report.date_from))
    if report.date_to is not None:
        query = query.where(Application.created_at < _day_start(report.date_to + timedelta(1)))
    return query


def _final_score(application: CohortApplication,
                 thresholds: dict[int, DecisionThresholds]) -> float | None:
    if application.resume_score is None or application.interview_score is None:
        return None
    return _outcome(application, thresholds).final_score


def _outcome(application: CohortApplication, thresholds: dict[int, DecisionThresholds]):
    return decide(resume_score=application.resume_score,
                  interview_score=application.interview_score,
                  thresholds=thresholds[application.job_id])


def _thresholds(session: Session, job_ids: set[int]) -> dict[int, DecisionThresholds]:
    if not job_ids:
        return {}
    return {job.id: thresholds_for_job(job)
            for job in session.exec(select(Job).where(Job.id.in_(job_ids))).all()}


def _job_titles(session: Session, job_ids: set[int]) -> dict[int, str]:
    if not job_ids:
        return {}
    return dict(session.exec(select(Job.id, Job.title).where(Job.id.in_(job_ids))).all())


def _candidate_names(session: Session, applications: list[CohortApplication]) -> dict[int, str]:
    ids = {a.candidate_id for a in applications}
    names = dict(session.exec(select(Candidate.id, Candidate.full_name)
                              .where(Candidate.id.in_(ids))).all()) if ids else {}
    # Blind screening keeps candidates anonymous here as on the tracker.
    hidden = hidden_candidate_ids(session=session, candidate_ids=list(ids))
    return {a.id: (anonymous_name(a.candidate_id) if a.candidate_id in hidden
                   else names.get(a.candidate_id) or anonymous_name(a.candidate_id))
            for a in applications}


def _dated(dates: dict[str, list[datetime]]) -> DatedCounts:
    per_day = {name: Counter(at.date().isoformat() for at in values)
               for name, values in dates.items()}
    days = sorted({day for counts in per_day.values() for day in counts})
    return DatedCounts(days, {name: [counts.get(day, 0) for day in days]
                              for name, counts in per_day.items()})


def _value(outcome) -> str:
    return getattr(outcome, "value", outcome)


def _pct(part: int, whole: int | None) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)
