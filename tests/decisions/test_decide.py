"""The decision rule at and around every threshold, per-job weights, pending, invalid weights,
and stored decisions: recorded, overridden, audited, with auto-reject off and on."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Application, Decision, Event, Job, Role, User
from hireops.services.decisions.rule import (
    ApplicationNotFound,
    DecisionNotReady,
    DecisionThresholds,
    InvalidScore,
    InvalidThresholds,
    decide,
    get_current_decision,
    override_decision,
    record_decision,
    thresholds_for_job,
)
from tests.factories import make_user
from tests.factories import make_application, make_job

DEFAULT = DecisionThresholds()
EVEN = DecisionThresholds(resume_weight=0.5, interview_weight=0.5)


@pytest.mark.parametrize(("resume", "interview", "thresholds", "decision", "final"), [
    # Resume minimum 80.
    (79.9, 90, DEFAULT, "hold", 86.0),
    (80, 90, DEFAULT, "advance", 86.0),
    (80.1, 90, DEFAULT, "advance", 86.0),
    # Interview minimum 75.
    (90, 74.9, DEFAULT, "hold", 80.9),
    (90, 75, DEFAULT, "advance", 81.0),
    (90, 75.1, DEFAULT, "advance", 81.1),
    # Reject below a final of 50: 0.4 * 40 + 0.6 * 56.5 = 49.9; 0.4 * 40 + 0.6 * 56.66.. = 50.0.
    (40, 56.5, DEFAULT, "reject", 49.9),
    (40, 56.7, DEFAULT, "hold", 50.0),
    (50, 50, DEFAULT, "hold", 50.0),
    (49.9, 49.9, DEFAULT, "reject", 49.9),
    # Rounded before comparing: 49.96 shows as 50.0, so it is no reject.
    (49.96, 49.96, DEFAULT, "hold", 50.0),
    # Both minimums met wins over everything else; extremes.
    (100, 100, DEFAULT, "advance", 100.0),
    (0, 0, DEFAULT, "reject", 0.0),
    # Per-job weights 0.5/0.5.
    (80, 75, EVEN, "advance", 77.5),
    (30, 69.8, EVEN, "reject", 49.9),
    (30, 70, EVEN, "hold", 50.0),
    (79.9, 100, EVEN, "hold", 90.0),
])
def test_decision_table(resume, interview, thresholds, decision, final):
    outcome = decide(resume_score=resume, interview_score=interview, thresholds=thresholds)
    assert (outcome.decision, outcome.final_score) == (decision, final)
    assert outcome.version == "decision-v1"
    assert outcome.reasons


def test_reasons_read_like_hr_writes_them():
    advance = decide(resume_score=82, interview_score=78, thresholds=DEFAULT)
    assert advance.reasons[0] == "Resume 82 ≥ 80 and interview 78 ≥ 75"
    assert advance.reasons[1] == "Final 79.6 = 0.4 × resume 82 + 0.6 × interview 78"
    hold = decide(resume_score=79.9, interview_score=74.9, thresholds=DEFAULT)
    assert hold.reasons[:2] == ["Resume 79.9 < 80", "Interview 74.9 < 75"]
    reject = decide(resume_score=40, interview_score=56.5, thresholds=DEFAULT)
    assert reject.reasons[0] == "Final 49.9 < 50 (reject below)"


def test_custom_thresholds_are_used():
    strict = DecisionThresholds(resume_min=90, interview_min=85, reject_below=70)
    assert decide(resume_score=85, interview_score=90, thresholds=strict).decision == "hold"
    assert decide(resume_score=60, interview_score=70, thresholds=strict).decision == "reject"


@pytest.mark.parametrize(("resume", "interview", "reasons"), [
    (85, None, ["No interview score yet"]),
    (None, 80, ["No resume score yet"]),
    (None, None, ["No resume score yet", "No interview score yet"]),
])
def test_missing_score_is_pending(resume, interview, reasons):
    outcome = decide(resume_score=resume, interview_score=interview, thresholds=DEFAULT)
    assert (outcome.decision, outcome.final_score, outcome.reasons) == ("pending", None, reasons)


@pytest.mark.parametrize(("resume_weight", "interview_weight"), [
    (0.6, 0.6), (0.5, 0.4), (1.2, -0.2), (float("nan"), 0.5)])
def test_weights_must_sum_to_one(resume_weight, interview_weight):
    with pytest.raises(InvalidThresholds, match="weight"):
        DecisionThresholds(resume_weight=resume_weight, interview_weight=interview_weight)


def test_weights_tolerate_float_noise_and_thresholds_stay_in_range():
    DecisionThresholds(resume_weight=0.7, interview_weight=0.1 + 0.2)
    with pytest.raises(InvalidThresholds, match="reject_below"):
        DecisionThresholds(reject_below=120)


@pytest.mark.parametrize("score", [-1, 100.1, float("nan"), True])
def test_scores_outside_0_to_100_are_refused(score):
    with pytest.raises(InvalidScore):
        decide(resume_score=score, interview_score=80, thresholds=DEFAULT)


def test_thresholds_for_job_reads_its_columns():
    job = Job(title="Nurse", resume_min=70, interview_min=65, reject_below=40,
              resume_weight=0.5, interview_weight=0.5)
    assert thresholds_for_job(job) == DecisionThresholds(70, 65, 40, 0.5, 0.5)
    assert thresholds_for_job(Job(title="Defaults")) == DEFAULT


# Stored decisions.

@pytest.fixture
def hr(session) -> User:
    user = make_user(session, full_name="Hana Ruiz", role=Role.viewer)
    session.commit()
    return user


def _application(session, resume, interview, **job_fields) -> Application:
    application = make_application(session, job=make_job(session, **job_fields),
                                   resume_score=resume, interview_score=interview)
    session.commit()
    return application


def _events(session, application_id) -> list[Event]:
    return session.exec(select(Event).where(Event.entity_type == "application",
                                            Event.entity_id == application_id)
                        .order_by(Event.id)).all()


def test_record_stores_inputs_thresholds_and_version(session):
    application = _application(session, 82, 78, resume_weight=0.5, interview_weight=0.5)
    decision = record_decision(session=session, application_id=application.id)
    assert (decision.outcome, decision.final_score, decision.rule_version) == (
        "advance", 80.0, "decision-v1")
    assert (decision.resume_score, decision.interview_score) == (82, 78)
    assert decision.inputs["thresholds"] == {"resume_min": 80.0, "interview_min": 75.0,
                                             "reject_below": 50.0, "resume_weight": 0.5,
                                             "interview_weight": 0.5,
                                             "scorecard_weight": 0.0}
    assert decision.inputs["reasons"][0] == "Resume 82 ≥ 80 and interview 78 ≥ 75"
    # Advancing without a person needs the job's auto_advance.
    assert decision.status == "pending_hr" and not decision.is_override
    session.refresh(application)
    assert (application.final_score, application.decision) == (80.0, "advance")
    [event] = _events(session, application.id)
    assert event.action == "decision.recorded" and event.actor_label == "system"
    assert event.before == {"decision": "", "final_score": None}
    assert event.after["decision"] == "advance" and event.after["decision_status"] == "pending_hr"


def test_reject_waits_for_hr_unless_the_job_auto_rejects(session, hr):
    manual = _application(session, 30, 40)
    decision = record_decision(session=session, application_id=manual.id, actor=hr)
    assert (decision.outcome, decision.status) == ("reject", "pending_hr")
    assert decision.decided_by_id == hr.id

    automatic = _application(session, 30, 40, auto_reject=True)
    decision = record_decision(session=session, application_id=automatic.id)
    assert (decision.outcome, decision.status) == ("reject", "confirmed")


def test_hold_always_waits_and_auto_advance_confirms(session):
    hold = _application(session, 79.9, 90, auto_reject=True, auto_advance=True)
    assert record_decision(session=session, application_id=hold.id).status == "pending_hr"
    advance = _application(session, 80, 75, auto_advance=True)
    assert record_decision(session=session, application_id=advance.id).status == "confirmed"


def test_pending_application_stores_nothing(session):
    application = _application(session, 85, None)
    with pytest.raises(DecisionNotReady, match="No interview score yet"):
        record_decision(session=session, application_id=application.id)
    assert session.exec(select(Decision)).all() == []
    assert _events(session, application.id) == []
    with pytest.raises(ApplicationNotFound):
        record_decision(session=session, application_id=9999)


def test_override_is_audited_with_before_after_and_reason(session, hr):
    application = _application(session, 30, 40)
    computed = record_decision(session=session, application_id=application.id)
    override = override_decision(session=session, application_id=application.id,
                                 decision="hold", reason="  Strong referral, second interview ",
                                 actor=hr)
    assert (override.outcome, override.status, override.is_override) == (
        "hold", "overridden", True)
    assert override.reason == "Strong referral, second interview"
    assert override.decided_by_id == hr.id
    assert override.inputs == {"replaces_decision_id": computed.id,
                               "computed_outcome": "reject"}
    assert override.final_score == computed.final_score == 36.0
    assert get_current_decision(session=session, application_id=application.id).id == override.id
    session.refresh(application)
    assert application.decision == "hold"
    recorded, overridden = _events(session, application.id)
    assert recorded.action == "decision.recorded"
    assert overridden.action == "decision.overridden"
    assert (overridden.actor_user_id, overridden.actor_label) == (hr.id, "hr@example.com")
    assert overridden.before == {"decision": "reject", "final_score": 36.0,
                                 "decision_status": "pending_hr"}
    assert overridden.after == {"decision": "hold", "final_score": 36.0,
                                "decision_status": "overridden", "decision_id": override.id}
    assert overridden.note == "Strong referral, second interview"


@pytest.mark.parametrize(("decision", "reason", "message"), [
    ("hold", "   ", "reason"), ("maybe", "why not", "advance, hold, reject")])
def test_override_needs_a_reason_and_a_known_decision(session, hr, decision, reason, message):
    application = _application(session, 30, 40)
    with pytest.raises(ValueError, match=message):
        override_decision(session=session, application_id=application.id, decision=decision,
                          reason=reason, actor=hr)
    assert session.exec(select(Decision)).all() == []
