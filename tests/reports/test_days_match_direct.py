"""The page's cohort (read grouped by application day once per job, then summed for the date
range in memory) gives every figure exactly as a direct computation does: one application at a
time, in Python, from the rows themselves, on a seeded history of a few hundred applications,
on SQLite and on PostgreSQL. Days are the company's, here a zone eight or seven hours behind
UTC, through a year of its DST changes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from benchmarks.report_history import fill_history
from hireops import db
from hireops.models import Application, Candidate, Decision, Event, Job, Stage
from hireops.services.reports import figures as reports
from hireops.services.decisions.rule import thresholds_for_job
from hireops.services.platform.clock import local_day
from hireops.services.reports.cohort import Cohort, ScorePair, StageStays
from hireops.services.reports.figures import FUNNEL_STAGES, ReportFilter
from hireops.services.candidates.stages import CUSTOM_STAGE_PREFIX, STAGE_CHANGED

FIGURES = (reports.funnel, reports.score_distributions, reports.time_in_stage,
           reports.time_to_decision, reports.applications_by_source,
           reports.applications_over_time, reports.decisions_over_time, reports.time_to_hire)
TODAY = datetime.now(timezone.utc).date()


@pytest.fixture
def session(any_database_url: str):
    """A session on a fresh database, SQLite then PostgreSQL."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        yield session


@pytest.fixture
def history(session, company_zone) -> list[int]:
    company_zone("America/Los_Angeles")
    fill_history(400, seed=5)
    return [job_id for job_id in session.exec(select(Job.id).order_by(Job.id))]


def _filters(job_ids: list[int]) -> list[ReportFilter]:
    return [
        ReportFilter(),
        ReportFilter(date_to=TODAY - timedelta(days=30)),
        ReportFilter(date_from=TODAY - timedelta(days=200), date_to=TODAY - timedelta(days=90)),
        ReportFilter(date_from=TODAY - timedelta(days=60)),
        ReportFilter(job_id=job_ids[0]),
        ReportFilter(job_id=job_ids[1], date_from=TODAY - timedelta(days=120)),
        ReportFilter(date_from=TODAY + timedelta(days=1)),  # nothing in it
    ]


def test_the_page_cohort_gives_the_figures_of_the_direct_computation(session, history):
    for report in _filters(history):
        page = reports.cached_cohort(session=session, report=report)
        direct = _direct_cohort(session, report)
        for figure in FIGURES:
            assert figure(page) == figure(direct), (report, figure.__name__)
        assert sorted(page.first_automatic) == sorted(direct.first_automatic)
        assert page.thresholds == direct.thresholds, report


def test_a_date_range_summed_from_the_days_equals_a_read_of_that_range(session, history):
    for report in _filters(history):
        read = reports.read_cohort(session=session, report=report)
        page = reports.cached_cohort(session=session, report=report)
        for figure in FIGURES:
            assert figure(page) == figure(read), (report, figure.__name__)
        assert reports.cached_top_candidates(session=session, report=report, cohort=page) == \
            reports.top_candidates(session=session, report=report, cohort=read), report


def test_the_groups_read_once_give_the_adverse_impact_of_the_cohort_alone(session, history):
    candidates = session.exec(select(Candidate).order_by(Candidate.id)).all()
    for index, candidate in enumerate(candidates):
        candidate.self_reported = {"gender": ["Woman", "Man", "Prefer not to say"][index % 3]}
    session.commit()
    for report in _filters(history):
        cohort = reports.read_cohort(session=session, report=report)
        alone = reports.self_reported_groups(
            session=session, characteristic="gender",
            candidate_ids=reports.cohort_candidate_ids(report))
        every = reports.cached_self_reported_groups(session=session, characteristic="gender")
        impact = reports.adverse_impact(reports.automatic_pass_counts(cohort, every))
        assert impact == reports.adverse_impact(reports.automatic_pass_counts(cohort, alone))
        assert impact or not cohort.first_automatic, report


def _day(moment: datetime) -> str:
    return local_day(moment).isoformat()


def _days(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 86400


def _position(stage: str | None) -> int | None:
    order = {stage_.value: index for index, stage_ in enumerate(FUNNEL_STAGES)}
    if stage in order:
        return order[stage]
    if stage and stage.startswith(CUSTOM_STAGE_PREFIX):
        return order[Stage.shortlisted.value]
    return None


def _count(counts: dict, key) -> None:
    counts[key] = counts.get(key, 0) + 1


def _direct_cohort(session: Session, report: ReportFilter) -> Cohort:
    """The cohort worked out one application at a time from its rows."""
    def covered(application: Application) -> bool:
        day = local_day(application.created_at)
        return (application.job_id is not None
                and report.job_id in (None, application.job_id)
                and (report.date_from is None or day >= report.date_from)
                and (report.date_to is None or day <= report.date_to))

    applications = [a for a in session.exec(select(Application)) if covered(a)]
    jobs = {job.id: job for job in session.exec(select(Job))}
    job_ids = {a.job_id for a in applications} | ({report.job_id} - {None})
    thresholds = {job_id: thresholds_for_job(jobs[job_id]) for job_id in job_ids}
    if not applications:
        return Cohort(thresholds=thresholds)
    moves: dict[int, list[Event]] = {}
    for event in session.exec(select(Event).where(Event.action == STAGE_CHANGED,
                                                  Event.entity_type == "application")):
        moves.setdefault(event.entity_id, []).append(event)
    decided: dict[int, list[Decision]] = {}
    for decision in session.exec(select(Decision)):
        decided.setdefault(decision.application_id, []).append(decision)

    per_day, sources, furthest, resume, interview = {}, {}, {}, {}, {}
    pairs, stays, totals, waits, per_decision_day, first, hires = [], {}, {}, {}, {}, [], {}
    for a in applications:
        _count(per_day, _day(a.created_at))
        _count(sources, a.source or "unknown")
        history = sorted(moves.get(a.id, []), key=lambda event: (event.at, event.id))
        positions = [_position(a.stage)] + [_position(e.before.get("stage")) for e in history] \
            + [_position(e.after.get("stage")) for e in history]
        _count(furthest, FUNNEL_STAGES[max(p or 0 for p in positions)].value)
        if a.resume_score is not None:
            _count(resume, a.resume_score)
        if a.interview_score is not None:
            _count(interview, a.interview_score)
        if a.resume_score is not None and a.interview_score is not None:
            pairs.append(ScorePair(a.job_id, a.resume_score, a.interview_score, 1))
        entered = a.created_at
        for event in history:
            stage = event.before.get("stage")
            if stage is not None:
                _count(stays.setdefault(stage, {}), round(_days(event.at, entered), 2))
                totals[stage] = totals.get(stage, 0) + _days(event.at, entered)
            entered = event.at
        decisions = sorted(decided.get(a.id, []), key=lambda d: (d.created_at, d.id))
        confirmed = [d.created_at for d in decisions if d.status != "pending_hr"]
        if confirmed:
            _count(waits, round(_days(min(confirmed), a.created_at), 2))
        for d in decisions:
            _count(per_decision_day, (_day(d.created_at),
                                      "overridden" if d.is_override else str(d.outcome)))
        automatic = [d for d in decisions if not d.is_override]
        if automatic:
            first.append((a.candidate_id, str(automatic[0].outcome)))
        if a.hired_at is not None and a.stage == Stage.hired.value:
            _count(hires, round(_days(a.hired_at, a.created_at), 2))
    return Cohort(
        applications=len(applications), per_day=per_day, sources=sources, furthest=furthest,
        resume_scores=resume, interview_scores=interview, score_pairs=pairs,
        stays={stage: StageStays(lengths, totals[stage]) for stage, lengths in stays.items()},
        waits=waits, decisions_per_day=per_decision_day, first_automatic=first,
        thresholds=thresholds, hire_days=hires)


def test_the_direct_computation_sees_the_seeded_history(session, history):
    # The comparison above is only worth something if the history has every kind of figure.
    direct = _direct_cohort(session, ReportFilter())
    assert direct.applications == 400 and len(direct.stays) >= 5
    assert direct.waits and direct.decisions_per_day and direct.first_automatic
