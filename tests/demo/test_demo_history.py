"""The demo's six weeks of hiring, replayed through the real pipeline: every stage and every
page has something true to show, the scores are the local engine's own, and seeding twice
changes nothing."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from sqlmodel import Session, func, select

from hireops import db
from hireops.config import get_settings
from hireops.models import (
    AICall,
    AIFlag,
    Application,
    Candidate,
    Decision,
    Evaluation,
    Event,
    InterviewBooking,
    InterviewLink,
    InterviewTurn,
    Job,
    OutboxMessage,
    Stage,
)
from hireops.services.reports import figures as reports
from hireops.services.ai.local.engine import LocalEngine
from hireops.services.decisions.flow import decision_queue
from hireops.services.demo.seed import seed_demo
from hireops.services.interviews.evaluation_queue import interview_input
from hireops.services.reports.figures import ReportFilter

# Seeding must stay quick enough for `make run` (about 20 s on a busy two-core machine).
SEED_BUDGET_S = 60


@pytest.fixture
def demo(session, monkeypatch) -> tuple[Session, float]:
    monkeypatch.setenv("DEMO_MODE", "true")
    get_settings.cache_clear()
    started = time.perf_counter()
    summary = seed_demo(session=session, history=True)
    assert "40 new candidate(s)" in summary, summary
    return session, time.perf_counter() - started


def _count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_every_stage_has_candidates_over_six_weeks(demo):
    session, seconds = demo
    assert seconds < SEED_BUDGET_S
    stages = Counter(session.exec(select(Application.stage)).all())
    for stage in Stage:
        if stage != Stage.classified:  # a moment inside intake, never a resting place
            assert stages[stage.value] > 0, stage
    assert sum(stages.values()) == 40
    first, last = session.exec(select(func.min(Application.created_at),
                                      func.max(Application.created_at))).one()
    assert (last - first).days >= 40


def test_interviews_decisions_bookings_flags_and_answers(demo):
    session, _ = demo
    completed = session.exec(select(InterviewLink).where(InterviewLink.status == "completed"))
    completed = completed.all()
    assert len(completed) >= 15
    with_camera = [link for link in completed if link.face_summary.get("reports")]
    assert len(with_camera) == len(completed)
    assert any(link.integrity_flags for link in completed)  # a second face, for one
    assert all(_count(session, InterviewTurn, InterviewTurn.link_id == link.id) >= 10
               for link in completed)
    waiting = decision_queue(session=session)
    assert {card.decision for card in waiting} >= {"advance", "hold", "reject"}
    assert _count(session, InterviewBooking) >= 5
    assert _count(session, Decision, Decision.is_override.is_(True)) >= 1
    assert {flag.target_type for flag in session.exec(select(AIFlag))} == {
        "resume_score", "evaluation"}
    answered = session.exec(select(Candidate.self_reported)).all()
    assert sum(1 for answers in answered if answers) >= 15
    assert session.exec(select(Job).where(Job.blind_screening.is_(True))).first()
    assert _count(session, OutboxMessage) >= 20  # invitations, confirmations, rejections


def test_scores_are_the_local_engines_own(demo):
    session, _ = demo
    scored = session.exec(select(Application).where(Application.resume_score.is_not(None)))
    for application in scored:
        call = session.exec(select(AICall).where(
            AICall.agent == "resume_scorer", AICall.subject_id == application.id)).first() or \
            session.exec(select(AICall).where(
                AICall.agent == "resume_scorer", AICall.subject_type == "candidate",
                AICall.subject_id == application.candidate_id)).first()
        assert call is not None and call.engine == "local", application.id
    evaluations = session.exec(select(Evaluation).where(Evaluation.status == "ok")).all()
    assert evaluations
    engine = LocalEngine()
    for evaluation in evaluations[:3]:
        application = session.get(Application, evaluation.application_id)
        assert application.interview_score == evaluation.score
        link = session.get(InterviewLink, evaluation.link_id)
        again = engine.evaluate_interview(interview_input(session=session, link=link))
        assert again.result.score == evaluation.score  # the transcript gives this score


def test_every_report_figure_has_data(demo):
    session, _ = demo
    cohort = reports.read_cohort(session=session, report=ReportFilter())
    assert all(step.reached > 0 for step in reports.funnel(cohort))
    dist = reports.score_distributions(cohort)
    assert dist.resume and dist.interview and dist.final
    assert len(reports.time_in_stage(cohort)) >= 4
    assert reports.time_to_decision(cohort).median_days is not None
    assert len(reports.applications_by_source(cohort)) >= 2
    assert len(reports.applications_over_time(cohort).days) >= 20
    decided = reports.decisions_over_time(cohort).series
    assert all(sum(decided[kind]) > 0 for kind in reports.DECISION_KINDS)
    groups = reports.self_reported_groups(
        session=session, characteristic="gender",
        candidate_ids=reports.cohort_candidate_ids(ReportFilter()))
    assert len(reports.adverse_impact(reports.automatic_pass_counts(cohort, groups))) >= 2


def test_seeding_again_changes_nothing(demo):
    session, _ = demo
    tables = (Candidate, Application, Decision, Event, InterviewLink, AICall, OutboxMessage)
    before = [_count(session, table) for table in tables]
    summary = seed_demo(session=session, history=True)
    assert "0 new candidate(s)" in summary
    session.expire_all()
    assert [_count(session, table) for table in tables] == before
    db.get_engine().dispose()
