"""The figures of the reports page, computed from the database as plain data.

Every figure describes one cohort: the applications received in a date range (inclusive, by the
company's calendar date of `Application.created_at`, in its time zone), for one job or all.
Charts over time plot each event on its own date (a decision on the day it was made, in the
company's zone too) but only for that cohort, so the numbers on one page always add up. Final
scores and verdicts come from `decisions.decide` with each job's own thresholds, the same rule
the tracker and the emails use.

The page reads the cohort once per filter change (`report_cohort.cached_cohort`: grouped in the
database by application day, once per job and data version, then summed for the date range in
memory) and every figure is a pure function of that `Cohort`; the top-candidates table is one
more query, ranked by the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import Select
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, Stage
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids
from hireops.services.platform.labels import STAGE_LABELS
from hireops.services.decisions.rule import DecisionThresholds, decide, final_score
from hireops.services.candidates.equal_opportunities import PREFER_NOT_TO_SAY

# The cohort's read, for the page and the tests to reach through this module.
from hireops.services.reports.cohort import (
    FUNNEL_STAGES,
    REPORT_EVENT_ACTIONS,  # noqa: F401
    Cohort,
    ReportFilter,
    cached,
    cached_cohort,  # noqa: F401
    cohort_calendar,
    data_version,  # noqa: F401
    data_version_query,  # noqa: F401
    cohort_candidate_ids,  # noqa: F401
    cohort_ids,  # noqa: F401
    filtered,
    read_cohort,  # noqa: F401
    rounded,
)

FOUR_FIFTHS = 0.8
DECISION_KINDS = ("advance", "hold", "reject", "overridden")


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


def funnel(cohort: Cohort) -> list[FunnelStep]:
    """How many applications reached each stage and the conversion from the stage before."""
    steps, previous, total = [], None, None
    for index, stage in enumerate(FUNNEL_STAGES):
        reached = sum(cohort.furthest.get(later.value, 0) for later in FUNNEL_STAGES[index:])
        total = reached if total is None else total
        steps.append(FunnelStep(stage.value, _stage_name(cohort, stage), reached,
                                _pct(reached, previous), _pct(reached, total)))
        previous = reached
    return steps


def score_distributions(cohort: Cohort) -> ScoreDistributions:
    """Resume, interview and final scores of the cohort, with the thresholds to draw."""
    finals: dict[float, int] = {}
    for pair in cohort.score_pairs:
        final = final_score(resume_score=pair.resume, interview_score=pair.interview,
                            thresholds=cohort.thresholds[pair.job_id])
        finals[final] = finals.get(final, 0) + pair.count
    all_thresholds = set(cohort.thresholds.values())
    return ScoreDistributions(
        resume=_spread(cohort.resume_scores), interview=_spread(cohort.interview_scores),
        final=_spread(finals),
        thresholds=all_thresholds.pop() if len(all_thresholds) == 1 else None)


def top_candidates(*, session: Session, report: ReportFilter, cohort: Cohort,
                   limit: int = 10) -> list[TopCandidate]:
    """The best applications by final score, then resume score, then the oldest; ranked by the
    database over the whole cohort, then checked by the decision rule for the few shown."""
    final = _final_in_database()
    # A few spare rows: the database rounds halves away from zero, Python to even.
    rows = session.connection().execute(filtered(
        select(Application.id, Application.candidate_id, Application.job_id,
               Application.resume_score, Application.interview_score, Job.title)
        .join(Job, Job.id == Application.job_id), report)
        .order_by(final.desc().nulls_last(), Application.resume_score.desc().nulls_last(),
                  Application.id)
        .limit(limit * 2)).all()
    return _checked_top(session, rows, cohort, limit)


def cached_top_candidates(*, session: Session, report: ReportFilter, cohort: Cohort,
                          limit: int = 10, version: tuple | None = None) -> list[TopCandidate]:
    """`top_candidates` for the page: the best applications of each application day are read
    once per job while the data is unchanged (`cached`), and the range's best are picked from
    them in memory (the best of a range are among the best of its days); the table of each
    range is kept too, so reopening the page reads nothing (names move the data version by
    the candidate's edit time, blind screening's reveals by their audit event). Days are the report's zone's (the
    company's unless named), kept per zone."""
    report = report.in_zone()

    def pick() -> list[TopCandidate]:
        every_day = ReportFilter(job_id=report.job_id, zone=report.zone)
        per_day = cached(session=session, key=("best per day", every_day, limit * 2),
                         compute=lambda: _best_per_day(session, every_day, limit * 2),
                         version=version)
        first = report.date_from.isoformat() if report.date_from else ""
        last = report.date_to.isoformat() if report.date_to else "9999"
        rows = sorted((row for row in per_day if first <= row.day <= last), key=_database_rank)
        return _checked_top(session, rows[:limit * 2], cohort, limit)

    return cached(session=session, key=("top candidates", report, limit), compute=pick,
                  version=version)


def _final_in_database():
    """The final score as the database ranks by it (its rounding, not the decision rule's)."""
    return rounded(Job.resume_weight * Application.resume_score
                   + Job.interview_weight * Application.interview_score)


def _best_per_day(session: Session, every_day: ReportFilter, per_day: int) -> list:
    """The `per_day` best applications of each application day (of `every_day`'s job, or
    of all, in its zone), ranked as `top_candidates` ranks them (the database's final score,
    then resume score, then the oldest)."""
    calendar = cohort_calendar(session=session, report=every_day)
    if calendar is None:
        return []
    final = _final_in_database()
    day = calendar.day_of(Application.created_at)
    rank = sa.func.row_number().over(partition_by=day, order_by=(
        final.desc().nulls_last(), Application.resume_score.desc().nulls_last(),
        Application.id))
    ranked = filtered(
        select(Application.id, Application.candidate_id, Application.job_id,
               Application.resume_score, Application.interview_score, Job.title,
               day.label("day"), final.label("rank_final"), rank.label("n"))
        .join(Job, Job.id == Application.job_id), every_day).subquery()
    return session.connection().execute(select(ranked).where(ranked.c.n <= per_day)).all()


def _database_rank(row) -> tuple:
    """The database's order of `top_candidates` (final and resume scores descending, missing
    ones last, then the oldest), in Python."""
    return (row.rank_final is None, -(row.rank_final or 0), row.resume_score is None,
            -(row.resume_score or 0), row.id)


def _checked_top(session: Session, rows, cohort: Cohort, limit: int) -> list[TopCandidate]:
    """The ranked rows checked by the decision rule with each job's thresholds, best first."""
    ranked = []
    for row in rows:
        outcome = decide(resume_score=row.resume_score, interview_score=row.interview_score,
                         thresholds=cohort.thresholds[row.job_id])
        ranked.append((row, outcome))
    ranked.sort(key=lambda item: (item[1].final_score is not None, item[1].final_score or 0,
                                  item[0].resume_score or 0, -item[0].id), reverse=True)
    ranked = ranked[:limit]
    names = _candidate_names(session, [row.candidate_id for row, _ in ranked])
    return [TopCandidate(row.id, names[row.candidate_id], row.title, row.resume_score,
                         row.interview_score, outcome.final_score, outcome.decision)
            for row, outcome in ranked]


def time_in_stage(cohort: Cohort) -> list[StageTime]:
    """How long applications stayed in each stage before moving on (from the stage history),
    the stages the jobs added among them, after Shortlisted, under the jobs' names."""
    built_in = [(stage.value, _stage_name(cohort, stage)) for stage in Stage]
    after = [key for key, _ in built_in].index(Stage.shortlisted.value) + 1
    stages = built_in[:after] + list(cohort.own_stages.items()) + built_in[after:]
    rows = []
    for key, label in stages:
        stays = cohort.stays.get(key)
        if stays is None:
            continue
        count = sum(stays.per_length.values())
        rows.append(StageTime(key, label, count, round(_median(stays.per_length), 2),
                              round(stays.total_days / count, 2)))
    return rows


def _stage_name(cohort: Cohort, stage: Stage) -> str:
    """A built-in stage as the report's job, or the company default, names it."""
    return cohort.stage_names.get(stage.value) or STAGE_LABELS[stage]


def time_to_decision(cohort: Cohort) -> TimeToDecision:
    """Days from application to the first decision that no longer waits for HR."""
    days = _spread(cohort.waits)
    return TimeToDecision(days, round(_median(cohort.waits), 2) if days else None)


def time_to_hire(cohort: Cohort) -> TimeToHire:
    """Days from application to the move into Hired, for the cohort's hires."""
    days = _spread(cohort.hire_days)
    return TimeToHire(days, round(_median(cohort.hire_days), 2) if days else None)


def applications_by_source(cohort: Cohort) -> dict[str, int]:
    """Applications per source (mail, upload, manual...), largest first."""
    return dict(sorted(cohort.sources.items(), key=lambda item: (-item[1], item[0])))


def applications_over_time(cohort: Cohort) -> DatedCounts:
    """Applications received per day."""
    days = sorted(cohort.per_day)
    return DatedCounts(days, {"applications": [cohort.per_day[day] for day in days]})


def decisions_over_time(cohort: Cohort) -> DatedCounts:
    """Decisions per day: the rule's advance, hold and reject, and people's overrides."""
    days = sorted({day for day, _ in cohort.decisions_per_day})
    return DatedCounts(days, {kind: [cohort.decisions_per_day.get((day, kind), 0)
                                     for day in days] for kind in DECISION_KINDS})


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
    counts: dict[str, list[int]] = {}
    for candidate_id, outcome in cohort.first_automatic:
        group = group_of.get(candidate_id)
        if group:
            tally = counts.setdefault(group, [0, 0])
            tally[0] += outcome == "advance"
            tally[1] += 1
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


def cached_self_reported_groups(*, session: Session, characteristic: str,
                                version: tuple | None = None) -> dict[int, str]:
    """`self_reported_groups` of every candidate, read once while the data is unchanged: the
    adverse-impact view looks up only its cohort's candidates (`automatic_pass_counts`)."""
    return cached(session=session, key=("self-reported groups", characteristic),
                  compute=lambda: self_reported_groups(
                      session=session, characteristic=characteristic,
                      candidate_ids=select(Candidate.id)), version=version)


def _candidate_names(session: Session, candidate_ids: list[int]) -> dict[int, str]:
    ids = set(candidate_ids)
    names = dict(session.exec(select(Candidate.id, Candidate.full_name)
                              .where(Candidate.id.in_(ids))).all()) if ids else {}
    # Blind screening keeps candidates anonymous here as on the tracker.
    hidden = hidden_candidate_ids(session=session, candidate_ids=list(ids))
    return {c: (anonymous_name(c) if c in hidden else names.get(c) or anonymous_name(c))
            for c in ids}


def _spread(counts: Mapping[float, int]) -> list[float]:
    """Each value as many times as it was counted, smallest first."""
    return [value for value in sorted(counts) for _ in range(counts[value])]


def _median(counts: Mapping[float, int]) -> float:
    """The median of values given with how often each occurs."""
    total = sum(counts.values())
    middle = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(counts):
        seen += counts[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return (found[0] + found[1]) / 2


def _pct(part: int, whole: int | None) -> float | None:
    return round(100 * part / whole, 1) if whole else None
