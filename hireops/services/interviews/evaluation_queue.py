"""Evaluations queued by finished interviews, run by the configured interview evaluator.

A queued row is claimed with a conditional UPDATE, so two workers never evaluate one interview
twice; a failed call leaves the row `failed` with its reason, never an invented score.
Beside the engine's result, the stored `result` JSON carries measurements of the turns themselves
(`communication_signals`) and a protected-topic check of every question asked (`question_audit`);
neither changes the engine's score.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from hireops.models import (
    Application,
    Candidate,
    Evaluation,
    InterviewLink,
    InterviewTurn,
    Job,
    utcnow,
)
from hireops.services.ai.calls import AICallFailed, evaluate_interview
from hireops.services.ai.schemas import InterviewInput, PlannedQuestionInput, TranscriptTurn
from hireops.services.platform.audit import record_event
from hireops.services.decisions.flow import apply_after_evaluation
from hireops.services.jobs.scoring import job_input
from hireops.services.interviews.communication import communication_signals
from hireops.services.interviews.question_audit import audit_questions
from hireops.services.interviews.turns import list_turns
from hireops.services.text.language.supported import supported_language

log = logging.getLogger(__name__)


def interview_input(*, session: Session, link: InterviewLink) -> InterviewInput:
    """The transcript as stored on the server, with how long each answer took and the plan
    behind it."""
    application = session.get(Application, link.application_id)
    job = session.get(Job, application.job_id)
    transcript = []
    for turn in list_turns(session=session, link_id=link.id):
        seconds = None
        if turn.started_at and turn.ended_at:
            seconds = round((turn.ended_at - turn.started_at).total_seconds(), 1)
        transcript.append(TranscriptTurn(speaker=turn.speaker, text=turn.text, seconds=seconds,
                                         question_key=turn.question_key or ""))
    summary = (application.resume_result or {}).get("candidate_summary", {})
    strengths = ", ".join(summary.get("key_strengths", [])[:5])
    resume_summary = f"{summary.get('current_title', '')}; {strengths}".strip("; ")
    return InterviewInput(job=job_input(job), transcript=transcript,
                          resume_score=application.resume_score, resume_summary=resume_summary,
                          questions=planned_questions(link),
                          language=interview_language(session=session, link=link))


def interview_language(*, session: Session, link: InterviewLink) -> str:
    """The language the interview was held in: the built-in room's plan records it; a voice
    interview has no plan and is held in the candidate's language."""
    planned = (link.plan or {}).get("language")
    if planned:
        return supported_language(planned)
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    return supported_language(candidate.language if candidate else None)


def planned_questions(link: InterviewLink) -> list[PlannedQuestionInput]:
    """The built-in interviewer's plan as the evaluator reads it; [] for a voice interview."""
    return [PlannedQuestionInput(key=q["key"], text=q["text"],
                                 expected_points=list(q.get("expected_points") or []))
            for q in (link.plan or {}).get("questions", []) if q.get("key") and q.get("text")]


def turn_signals(turns: list[InterviewTurn]) -> dict:
    """Measurements of the stored turns, kept beside the engine's result (never in its score)."""
    return {
        "communication_signals": communication_signals(turns).model_dump(mode="json"),
        "question_audit": [audit.model_dump(mode="json") for audit in audit_questions(turns)],
    }


def _claim(session: Session, evaluation_id: int) -> bool:
    claimed = session.execute(update(Evaluation)
                              .where(Evaluation.id == evaluation_id,
                                     Evaluation.status == "queued")
                              .values(status="running", claimed_at=utcnow()))
    session.commit()
    return claimed.rowcount == 1


# A run takes well under a minute (an engine call with its retries); one "running" this long
# belongs to a process that died, and goes back to the queue.
STALE_RUN = timedelta(minutes=10)


def requeue_stale_runs(*, session: Session, now=None) -> int:
    """Put evaluations left running by a dead process back in the queue."""
    cutoff = (now or utcnow()) - STALE_RUN
    stale = session.execute(update(Evaluation)
                            .where(Evaluation.status == "running",
                                   (Evaluation.claimed_at.is_(None))
                                   | (Evaluation.claimed_at < cutoff))
                            .values(status="queued", claimed_at=None))
    session.commit()
    if stale.rowcount:
        log.warning("%s evaluation(s) left running by a stopped process were queued again",
                    stale.rowcount)
    return stale.rowcount


def run_evaluation(*, session: Session, evaluation_id: int) -> Evaluation | None:
    """Evaluate one queued interview; None when another worker has it."""
    if not _claim(session, evaluation_id):
        return None
    evaluation = session.get(Evaluation, evaluation_id)
    session.refresh(evaluation)
    link = session.get(InterviewLink, evaluation.link_id)
    try:
        outcome = evaluate_interview(session=session,
                                     interview=interview_input(session=session, link=link),
                                     subject_id=evaluation.application_id)
    except AICallFailed as failure:
        evaluation.status = "failed"
        evaluation.ai_call_id = failure.call_id
        evaluation.summary = f"The evaluation failed: {failure}"
        session.add(evaluation)
        session.commit()
        return evaluation
    result = outcome.result
    evaluation.status = "ok"
    evaluation.score = result.score
    evaluation.communication = result.communication_rating
    evaluation.technical_depth = result.technical_depth
    evaluation.problem_solving = result.problem_solving
    evaluation.cultural_fit = result.cultural_fit
    evaluation.strengths, evaluation.concerns = result.strengths, result.concerns
    # The room recorded the candidate's whole answer (date, time zone and all); an engine's
    # reading of it is only a fallback for transcripts that come without one (voice).
    evaluation.preferred_slot_text = link.preferred_slot_text or result.preferred_slot
    evaluation.email_draft, evaluation.summary = result.email_draft, result.summary
    evaluation.result = {**result.model_dump(mode="json"),
                         **turn_signals(list_turns(session=session, link_id=link.id))}
    evaluation.ai_call_id = outcome.call.id
    session.add(evaluation)
    application = session.get(Application, evaluation.application_id)
    application.interview_score = result.score
    application.updated_at = utcnow()
    session.add(application)
    record_event(session=session, action="interview.evaluated", actor_label="evaluator",
                 entity_type="application", entity_id=application.id,
                 after={"evaluation_id": evaluation.id, "score": result.score})
    session.commit()
    _apply_decision(session, application.id)
    return evaluation


def _apply_decision(session: Session, application_id: int) -> None:
    """The decision and what the job automates; a failure here never loses the evaluation."""
    try:
        apply_after_evaluation(session=session, application_id=application_id)
    except Exception:  # noqa: BLE001 - the evaluation is committed; HR can still decide
        session.rollback()
        log.exception("decision after the evaluation of application %s failed", application_id)


def run_queued_evaluations(*, session: Session, limit: int = 20,
                           link_id: int | None = None) -> int:
    """Run up to `limit` queued evaluations (only `link_id`'s when given); one failure does
    not stop the others."""
    requeue_stale_runs(session=session)
    statement = select(Evaluation.id).where(Evaluation.status == "queued")
    if link_id is not None:
        statement = statement.where(Evaluation.link_id == link_id)
    queued = session.exec(statement.order_by(Evaluation.id).limit(limit)).all()
    done = 0
    for evaluation_id in queued:
        try:
            done += run_evaluation(session=session, evaluation_id=evaluation_id) is not None
        except Exception:  # noqa: BLE001 - one broken interview must not block the queue
            session.rollback()
            log.exception("evaluation %s failed", evaluation_id)
    return done
