"""Flags on AI output, their counts, and re-running or replacing a flagged evaluation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.models import AIFlag, Application, Decision, Email, Evaluation, Event, utcnow
from hireops.services.decisions.ai_flags import (
    FlagRefused,
    flag_count_rows,
    flag_counts,
    flag_output,
    flag_rows,
    flags_for_application,
    rerun_evaluation,
    set_human_score,
)


def _flag(session, recruiter, target_type, target_id, reason="unfair", note="Penalised accent"):
    return flag_output(session=session, target_type=target_type, target_id=target_id,
                       reason=reason, note=note, actor=recruiter)


def test_flag_is_kept_with_its_output_and_audited(session, recruiter, interviewed):
    made = interviewed()
    flag = _flag(session, recruiter, "evaluation", made.evaluation.id)
    assert (flag.application_id, flag.reason, flag.resolution) == (made.application.id,
                                                                   "unfair", "")
    event = session.exec(select(Event).where(Event.action == "output.flagged")).one()
    assert (event.entity_type, event.entity_id) == ("application", made.application.id)
    assert event.actor_user_id == recruiter.id and "Penalised accent" in event.note
    rows = flag_rows(session=session,
                     flags=flags_for_application(session=session,
                                                 application_id=made.application.id))
    assert [(r.reason_label, r.note, r.by) for r in rows] == [
        ("unfair", "Penalised accent", "Rita Recruiter")]


def test_every_output_type_can_be_flagged(session, recruiter, interviewed):
    made = interviewed()
    email = Email(message_key="k1", category="general", subject="Hello")
    session.add(email)
    session.commit()
    _flag(session, recruiter, "resume_score", made.application.id, "wrong", "Missed 5 years")
    _flag(session, recruiter, "question", made.question.id, "made_up", "Not on the resume")
    classification = _flag(session, recruiter, "classification", email.id, "wrong", "An applicant")
    assert classification.application_id is None
    assert len(flags_for_application(session=session, application_id=made.application.id)) == 2


@pytest.mark.parametrize("target_type, reason, note, problem", [
    ("evaluation", "unfair", "   ", "Write a note"),
    ("evaluation", "rude", "note", "wrong, unfair or made up"),
    ("salary", "wrong", "note", "Unknown output type"),
    ("evaluation", "wrong", "x" * 2001, "longer than"),
])
def test_a_flag_needs_a_known_type_reason_and_note(session, recruiter, interviewed,
                                                   target_type, reason, note, problem):
    made = interviewed()
    with pytest.raises(FlagRefused, match=problem):
        _flag(session, recruiter, target_type, made.evaluation.id, reason, note)
    assert session.exec(select(AIFlag)).all() == []


def test_a_flag_needs_an_existing_ai_output(session, recruiter, interviewed):
    made = interviewed(resume_score=None)
    with pytest.raises(FlagRefused, match="no resume score"):
        _flag(session, recruiter, "resume_score", made.application.id)
    with pytest.raises(FlagRefused, match="Only the interviewer"):
        _flag(session, recruiter, "question", made.answer.id)
    with pytest.raises(FlagRefused, match="does not exist"):
        _flag(session, recruiter, "evaluation", 9999)
    with pytest.raises(FlagRefused, match="no classification"):
        _flag(session, recruiter, "classification", 9999)


def test_counts_by_type_and_reason(session, recruiter, interviewed):
    made = interviewed()
    _flag(session, recruiter, "evaluation", made.evaluation.id, "unfair")
    _flag(session, recruiter, "evaluation", made.evaluation.id, "wrong")
    _flag(session, recruiter, "question", made.question.id, "unfair")
    counts = flag_counts(session=session)
    assert counts["total"] == 3 and counts["open"] == 3
    assert counts["by_target"] == {"resume_score": 0, "evaluation": 2, "question": 1,
                                   "classification": 0}
    assert counts["by_reason"] == {"wrong": 1, "unfair": 2, "made_up": 0}
    assert counts["by_target_and_reason"]["evaluation"] == {"wrong": 1, "unfair": 1,
                                                            "made_up": 0}
    assert flag_counts(session=session, since=utcnow() + timedelta(minutes=1))["total"] == 0
    rows = {row.output: row for row in flag_count_rows(counts)}
    assert (rows["Interview evaluation"].unfair, rows["Interview evaluation"].total) == (1, 2)


def test_rerun_supersedes_and_queues_exactly_one(session, recruiter, interviewed):
    made = interviewed()
    flag = _flag(session, recruiter, "evaluation", made.evaluation.id)
    queued = rerun_evaluation(session=session, evaluation_id=made.evaluation.id, actor=recruiter)
    session.refresh(made.evaluation)
    session.refresh(flag)
    assert made.evaluation.status == "superseded"
    assert (queued.status, queued.link_id, queued.application_id, queued.source) == (
        "queued", made.evaluation.link_id, made.application.id, "engine")
    assert flag.resolution == "re-run" and flag.resolved_at is not None
    with pytest.raises(FlagRefused):
        rerun_evaluation(session=session, evaluation_id=made.evaluation.id, actor=recruiter)
    with pytest.raises(FlagRefused, match="already being evaluated"):
        rerun_evaluation(session=session, evaluation_id=queued.id, actor=recruiter)
    assert len(session.exec(select(Evaluation).where(Evaluation.status == "queued")).all()) == 1
    assert session.exec(select(Event).where(
        Event.action == "evaluation.rerun_requested")).one().actor_user_id == recruiter.id


def test_queued_rerun_is_run_by_the_evaluation_queue(session, recruiter, interviewed):
    from hireops.services.interviews.evaluation_queue import run_queued_evaluations

    made = interviewed()
    queued = rerun_evaluation(session=session, evaluation_id=made.evaluation.id, actor=recruiter)
    assert run_queued_evaluations(session=session) == 1
    session.refresh(queued)
    assert queued.status in ("ok", "failed")


def test_human_score_replaces_the_evaluation_and_decides(session, recruiter, interviewed):
    made = interviewed(score=40.0)
    flag = _flag(session, recruiter, "evaluation", made.evaluation.id)
    human = set_human_score(session=session, evaluation_id=made.evaluation.id, score="82",
                            note="Strong answers the engine misread", actor=recruiter)
    session.refresh(made.evaluation)
    session.refresh(flag)
    application = session.get(Application, made.application.id)
    session.refresh(application)
    assert made.evaluation.status == "superseded"
    assert (human.source, human.status, human.score, human.summary) == (
        "human", "ok", 82.0, "Strong answers the engine misread")
    assert application.interview_score == 82.0
    assert flag.resolution == "human score 82"
    decision = session.exec(select(Decision).where(
        Decision.application_id == application.id)).one()
    # 0.4 x 86 + 0.6 x 82 = 83.6, both minimums met.
    assert (decision.interview_score, decision.final_score, decision.outcome) == (
        82.0, 83.6, "advance")
    assert decision.decided_by_id == recruiter.id
    with pytest.raises(FlagRefused, match="not AI output"):
        _flag(session, recruiter, "evaluation", human.id)


def test_human_score_without_resume_score_still_saves(session, recruiter, interviewed):
    made = interviewed(resume_score=None)
    set_human_score(session=session, evaluation_id=made.evaluation.id, score=55, note="Checked",
                    actor=recruiter)
    assert session.get(Application, made.application.id).interview_score == 55
    assert session.exec(select(Decision)).all() == []


def test_human_score_supersedes_a_queued_rerun(session, recruiter, interviewed):
    made = interviewed()
    queued = rerun_evaluation(session=session, evaluation_id=made.evaluation.id, actor=recruiter)
    set_human_score(session=session, evaluation_id=queued.id, score=60, note="Mine",
                    actor=recruiter)
    session.refresh(queued)
    assert queued.status == "superseded"


@pytest.mark.parametrize("score", [-1, 100.5, "abc", "", float("nan")])
def test_human_score_must_be_0_to_100_with_a_note(session, recruiter, interviewed, score):
    made = interviewed()
    with pytest.raises(FlagRefused, match="0 to 100"):
        set_human_score(session=session, evaluation_id=made.evaluation.id, score=score,
                        note="why", actor=recruiter)
    with pytest.raises(FlagRefused, match="Write why"):
        set_human_score(session=session, evaluation_id=made.evaluation.id, score=50, note=" ",
                        actor=recruiter)
    session.refresh(made.evaluation)
    assert made.evaluation.status == "ok"
