"""The Settings page's "Test" button: one tiny real call per agent on its configured engine."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hireops.config import Settings
from hireops.services.ai.calls import (
    AICallFailed,
    classify_email,
    evaluate_interview,
    generate_job,
    score_resume,
)
from hireops.services.ai.engine import AGENTS
from hireops.services.ai.schemas import EmailInput, InterviewInput, JobInput, TranscriptTurn

SUBJECT_TYPE = "settings_test"
_JOB = JobInput(title="Backend Engineer", must_have_skills=["Python", "SQL"])
_RESUME = "Backend engineer, 5 years of Python and PostgreSQL (SQL) at a payments company."


@dataclass(frozen=True)
class EngineCheck:
    """What the test call did: whether it worked and a sentence for the admin."""

    ok: bool
    message: str


def check_agent(*, session: Session, agent: str, settings: Settings) -> EngineCheck:
    """Run `agent` once on a small fixed input with `settings`; the call is recorded like any
    other (engine, tokens, cost) under subject type `settings_test`."""
    if agent not in AGENTS:
        return EngineCheck(False, f"Unknown agent '{agent}'.")
    # A cached answer would pass a check with a wrong key or a server that is down.
    settings = settings.model_copy(update={"ai_cache_enabled": False})
    common = {"session": session, "subject_type": SUBJECT_TYPE, "settings": settings}
    try:
        if agent == "classifier":
            reply = classify_email(email=EmailInput(
                subject="Application: Backend Engineer", from_address="ada@example.com",
                attachment_names=["cv.pdf"], body="Please find my CV attached."), **common)
        elif agent == "resume_scorer":
            reply = score_resume(job=_JOB, resume_text=_RESUME, **common)
        elif agent == "interview_evaluator":
            reply = evaluate_interview(interview=InterviewInput(job=_JOB, transcript=[
                TranscriptTurn(speaker="interviewer", text="Tell me about your Python work."),
                TranscriptTurn(speaker="candidate", text="I built payment APIs in Python.")]),
                **common)
        else:
            reply = generate_job(title="Backend Engineer", **common)
    except AICallFailed as failure:
        return EngineCheck(False, f"Failed: {failure}")
    call = reply.call
    target = call.agent_id and f"agent {call.agent_id}" or call.model or "built-in rules"
    return EngineCheck(True, f"OK: {call.engine} ({target}) answered in "
                             f"{call.latency_ms:.0f} ms, {call.input_tokens + call.output_tokens} "
                             "tokens.")
