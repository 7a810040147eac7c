"""The figures of the reports page, computed from the database as plain data.

Every figure describes one cohort: the applications received in a date range (inclusive, by the
UTC date of `Application.created_at`), for one job or all. Charts over time plot each event on
its own date (a decision on the day it was made) but only for that cohort, so the numbers on
one page always add up. Final scores and verdicts come from `decisions.decide` with each job's
own thresholds, the same rule the tracker and the emails use.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Event, Job, Stage
from hireops.services.blind_screening import anonymous_name, hidden_candidate_ids
from hireops.services.dashboard import STAGE_LABELS
from hireops.services.decisions import DecisionThresholds, decide, thresholds_for_job
from hireops.services.equal_opportunities import PREFER_NOT_TO_SAY
from hireops.services.stages import STAGE_CHANGED, is_custom_stage, stage_value

# The forward path of the funnel; "rejected" and "withdrawn" leave it and are counted apart.
FUNNEL_STAGES = [stage for stage in Stage if stage not in (Stage.rejected, Stage.withdrawn)]
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
class TimeToHire:
    # Days from application to hire, one per application hired (by `Application.hired_at`).
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


def load_cohort(*, session: Session, report: ReportFilter) -> list[Application]:
    """The applications the report covers, oldest first."""
    # The talent pool (applications to no job) is no job's funnel.
    query = (select(Application).where(Application.job_id.is_not(None))
             .order_by(Application.created_at, Application.id))
    if report.job_id is not None:
        query = query.where(Application.job_id == report.job_id)
    if report.date_from is not None:
        query = query.where(Application.created_at >= _day_start(report.date_from))
    if report.date_to is not None:
        query = query.where(Application.created_at < _day_start(report.date_to + timedelta(1)))
    return list(session.exec(query).all())


def stage_history(*, session: Session, application_ids: list[int]) -> dict[int, list[Event]]:
    """The stage-change events of each application, in order."""
    history: dict[int, list[Event]] = defaultdict(list)
    if not application_ids:
        return history
    events = session.exec(select(Event).where(Event.action == STAGE_CHANGED,
                                              Event.entity_type == "application",
                                              Event.entity_id.in_(application_ids))
                          .order_by(Event.at, Event.id)).all()
    for event in events:
        history[event.entity_id].append(event)
    return history


def funnel(*, session: Session, report: ReportFilter) -> list[FunnelStep]:
    """How many applications reached each stage and the conversion from the stage before."""
    cohort = load_cohort(session=session, report=report)
    history = stage_history(session=session, application_ids=[a.id for a in cohort])
    order = {stage.value: index for index, stage in enumerate(FUNNEL_STAGES)}
    furthest = []
    for application in cohort:
        seen = {stage_value(application.stage)}
        for event in history.get(application.id, []):
            seen.update({event.before.get("stage"), event.after.get("stage")})
        # A job's own stages ("Technical interview") are steps of the shortlist.
        seen = {Stage.shortlisted.value if is_custom_stage(s or "") else s for s in seen}
        furthest.append(max(order[s] for s in seen if s in order) if seen & order.keys() else 0)
    steps, previous, total = [], None, None
    for index, stage in enumerate(FUNNEL_STAGES):
        reached = sum(1 for f in furthest if f >= index)
        total = reached if total is None else total
        steps.append(FunnelStep(stage.value, STAGE_LABELS[stage], reached,
                                _pct(reached, previous), _pct(reached, total)))
        previous = reached
    return steps


def score_distributions(*, session: Session, report: ReportFilter) -> ScoreDistributions:
    """Resume, interview and final scores of the cohort, with the thresholds to draw."""
    cohort = load_cohort(session=session, report=report)
    jobs = _jobs(session, {a.job_id for a in cohort} | ({report.job_id} - {None}))
    finals = [_outcome(a, jobs).final_score for a in cohort]
    all_thresholds = {thresholds_for_job(job) for job in jobs.values()}
    return ScoreDistributions(
        resume=[a.resume_score for a in cohort if a.resume_score is not None],
        interview=[a.interview_score for a in cohort if a.interview_score is not None],
        final=[score for score in finals if score is not None],
        thresholds=all_thresholds.pop() if len(all_thresholds) == 1 else None)


def top_candidates(*, session: Session, report: ReportFilter,
                   limit: int = 10) -> list[TopCandidate]:
    """The best applications by final score, then resume score."""
    cohort = load_cohort(session=session, report=report)
    jobs = _jobs(session, {a.job_id for a in cohort})
    names = _candidate_names(session, cohort)
    rows = []
    for application in cohort:
        outcome = _outcome(application, jobs)
        rows.append(TopCandidate(
            application.id, names[application.id], jobs[application.job_id].title,
            application.resume_score, application.interview_score, outcome.final_score,
            outcome.decision))
    rows.sort(key=lambda r: (r.final_score is not None, r.final_score or 0,
                             r.resume_score or 0, -r.application_id), reverse=True)
    return rows[:limit]


def time_in_stage(*, session: Session, report: ReportFilter) -> list[StageTime]:
    """How long applications stayed in each stage before moving on (from the stage history)."""
    cohort = load_cohort(session=session, report=report)
    history = stage_history(session=session, application_ids=[a.id for a in cohort])
    stays: dict[str, list[float]] = defaultdict(list)
    for application in cohort:
        entered = application.created_at
        for event in history.get(application.id, []):
            stage = event.before.get("stage")
            if stage:
                stays[stage].append(_days(event.at - entered))
            entered = event.at
    return [StageTime(stage.value, STAGE_LABELS[stage], len(stays[stage.value]),
                      round(statistics.median(stays[stage.value]), 2),
                      round(statistics.fmean(stays[stage.value]), 2))
            for stage in Stage if stays.get(stage.value)]


def time_to_decision(*, session: Session, report: ReportFilter) -> TimeToDecision:
    """Days from application to the first decision that no longer waits for HR."""
    cohort = {a.id: a for a in load_cohort(session=session, report=report)}
    firsts: dict[int, datetime] = {}
    for decision in _decisions(session, list(cohort)):
        if decision.status != "pending_hr" and decision.application_id not in firsts:
            firsts[decision.application_id] = decision.created_at
    days = [_days(at - cohort[app_id].created_at) for app_id, at in sorted(firsts.items())]
    return TimeToDecision(days, round(statistics.median(days), 2) if days else None)


def time_to_hire(*, session: Session, report: ReportFilter) -> TimeToHire:
    """Days from application to the move into Hired, for the cohort's hires."""
    days = [_days(a.hired_at - a.created_at)
            for a in load_cohort(session=session, report=report)
            if a.hired_at is not None and a.stage == Stage.hired.value]
    return TimeToHire(days, round(statistics.median(days), 2) if days else None)


def applications_by_source(*, session: Session, report: ReportFilter) -> dict[str, int]:
    """Applications per source (mail, upload, manual...), largest first."""
    counts = Counter(a.source or "unknown" for a in load_cohort(session=session, report=report))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def applications_over_time(*, session: Session, report: ReportFilter) -> DatedCounts:
    """Applications received per day."""
    cohort = load_cohort(session=session, report=report)
    return _dated({"applications": [a.created_at for a in cohort]})


def decisions_over_time(*, session: Session, report: ReportFilter) -> DatedCounts:
    """Decisions per day: the rule's advance, hold and reject, and people's overrides."""
    cohort = load_cohort(session=session, report=report)
    dates: dict[str, list[datetime]] = {kind: [] for kind in DECISION_KINDS}
    for decision in _decisions(session, [a.id for a in cohort]):
        kind = "overridden" if decision.is_override else _value(decision.outcome)
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


def automatic_pass_counts(*, session: Session, report: ReportFilter,
                          group_of: Mapping[int, str]) -> dict[str, tuple[int, int]]:
    """(advanced, decided) per group, counting each application's first decision by the rule
    (overrides are people's decisions, not the automatic ones being audited)."""
    cohort = {a.id: a for a in load_cohort(session=session, report=report)}
    first: dict[int, Decision] = {}
    for decision in _decisions(session, list(cohort)):
        if not decision.is_override:
            first.setdefault(decision.application_id, decision)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for app_id, decision in first.items():
        group = group_of.get(cohort[app_id].candidate_id)
        if group:
            counts[group][0] += _value(decision.outcome) == "advance"
            counts[group][1] += 1
    return {group: (passed, total) for group, (passed, total) in sorted(counts.items())}


def self_reported_groups(*, session: Session, characteristic: str,
                         candidate_ids: list[int]) -> dict[int, str]:
    """Each candidate's own answer for `characteristic` (see services/equal_opportunities);
    "Prefer not to say" and unanswered are no group, so they are left out of the comparison."""
    if not characteristic or not candidate_ids:
        return {}
    rows = session.exec(select(Candidate.id, Candidate.self_reported)
                        .where(Candidate.id.in_(candidate_ids)))
    groups = {}
    for candidate_id, answers in rows:
        answer = answers.get(characteristic) if isinstance(answers, dict) else None
        if answer and answer != PREFER_NOT_TO_SAY:
            groups[candidate_id] = str(answer)
    return groups


def _outcome(application: Application, jobs: dict[int, Job]):
    return decide(resume_score=application.resume_score,
                  interview_score=application.interview_score,
                  thresholds=thresholds_for_job(jobs[application.job_id]))


def _jobs(session: Session, job_ids: set[int]) -> dict[int, Job]:
    if not job_ids:
        return {}
    return {job.id: job for job in session.exec(select(Job).where(Job.id.in_(job_ids))).all()}


def _candidate_names(session: Session, cohort: list[Application]) -> dict[int, str]:
    ids = {a.candidate_id for a in cohort}
    names = dict(session.exec(select(Candidate.id, Candidate.full_name)
                              .where(Candidate.id.in_(ids))).all()) if ids else {}
    # Blind screening keeps candidates anonymous here as on the tracker.
    hidden = hidden_candidate_ids(session=session, candidate_ids=list(ids))
    return {a.id: (anonymous_name(a.candidate_id) if a.candidate_id in hidden
                   else names.get(a.candidate_id) or anonymous_name(a.candidate_id))
            for a in cohort}


def _decisions(session: Session, application_ids: list[int]) -> list[Decision]:
    if not application_ids:
        return []
    return list(session.exec(select(Decision)
                             .where(Decision.application_id.in_(application_ids))
                             .order_by(Decision.created_at, Decision.id)).all())


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
