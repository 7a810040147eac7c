"""The one way the app calls an AI agent: pick the configured engine, run it, record an AICall.

Every call leaves an `ai_calls` row, successful or not, with engine, model or agent id, prompt
version, input hash, tokens, cost, latency and attempts. A failure is committed and raised as
`AICallFailed`; nothing here ever substitutes a made-up result.

Each call commits the caller's session (the row must survive whatever the caller does next),
so call these with no half-done changes pending, and never inside a transaction you may undo.
`execute_agent` + `record_run` split a call in two for batch work: run the engine anywhere
(a worker process), record the row later inside the caller's own transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlmodel import Session

from hireops.config import Settings, get_settings
from hireops.models import AICall
from hireops.services.ai.engine import AGENTS, AgentName, AIEngine, AIEngineError, EngineReply
from hireops.services.ai.local.engine import LocalEngine
from hireops.services.ai.mistral_engine import MistralEngine
from hireops.services.ai.schemas import (
    EmailClassification,
    EmailInput,
    InterviewEvaluation,
    InterviewInput,
    JobDraft,
    JobInput,
    ResumeScore,
)

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)

# Mistral list prices in USD per million tokens (input, output), matched by the longest
# model-name prefix so dated names ("mistral-small-2506") find their family. Prices change:
# override or extend with MISTRAL_PRICES_USD_PER_MTOK. An unknown model costs 0 and is logged.
PRICES_USD_PER_MTOK: dict[str, tuple[float, float]] = {
    "mistral-large": (2.0, 6.0),
    "mistral-medium": (0.4, 2.0),
    "mistral-small": (0.1, 0.3),
    "magistral-medium": (2.0, 5.0),
    "magistral-small": (0.5, 1.5),
    "ministral-8b": (0.1, 0.1),
    "ministral-3b": (0.04, 0.04),
    "open-mistral-nemo": (0.15, 0.15),
    "codestral": (0.3, 0.9),
}


@dataclass(frozen=True)
class AgentResult(Generic[T]):
    """A validated agent result and the `ai_calls` row that records how it was made."""

    result: T
    call: AICall


class AICallFailed(Exception):
    """An agent produced no valid result; `call_id` points at the failed `ai_calls` row."""

    def __init__(self, message: str, *, agent: str, call_id: int | None) -> None:
        super().__init__(message)
        self.agent = agent
        self.call_id = call_id


def get_engine(agent: AgentName, settings: Settings | None = None) -> AIEngine:
    """The engine configured for `agent` (local rules, or Mistral with its agent id/model)."""
    if agent not in AGENTS:
        raise ValueError(f"unknown agent {agent!r}")
    settings = settings or get_settings()
    engine_name, _, _ = settings.agent_settings(agent)
    if engine_name == "local":
        return LocalEngine()
    return MistralEngine.for_agent(agent, settings)


def classify_email(
    *, session: Session, email: EmailInput, subject_type: str = "email",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[EmailClassification]:
    """Classify one inbound email (application / general / unknown)."""
    return _run_agent(
        session=session, agent="classifier", payload=email.model_dump(),
        invoke=lambda engine: engine.classify_email(email),
        subject=(subject_type, subject_id), settings=settings,
    )


def score_resume(
    *, session: Session, job: JobInput, resume_text: str, subject_type: str = "application",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[ResumeScore]:
    """Score one resume against one job, with evidence, gaps and screening questions."""
    return _run_agent(
        session=session, agent="resume_scorer",
        payload={"job": job.model_dump(), "resume_text": resume_text},
        invoke=lambda engine: engine.score_resume(job, resume_text),
        subject=(subject_type, subject_id), settings=settings,
    )


def evaluate_interview(
    *, session: Session, interview: InterviewInput, subject_type: str = "application",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[InterviewEvaluation]:
    """Evaluate one interview transcript for HR."""
    return _run_agent(
        session=session, agent="interview_evaluator", payload=interview.model_dump(),
        invoke=lambda engine: engine.evaluate_interview(interview),
        subject=(subject_type, subject_id), settings=settings,
    )


def generate_job(
    *, session: Session, title: str, subject_type: str = "job",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[JobDraft]:
    """Draft a job posting from a title."""
    return _run_agent(
        session=session, agent="job_generator", payload={"title": title},
        invoke=lambda engine: engine.generate_job(title),
        subject=(subject_type, subject_id), settings=settings,
    )


def input_hash(agent: AgentName, payload: dict[str, Any]) -> str:
    """SHA-256 of the agent name and its canonical JSON input (spots repeated calls)."""
    canonical = json.dumps({"agent": agent, "input": payload}, sort_keys=True,
                           ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def estimate_cost_usd(model: str, input_tokens: int, output_tokens: int,
                      settings: Settings | None = None) -> float:
    """Cost of one call from the price table; 0 for local or unpriced models."""
    settings = settings or get_settings()
    prices = {**PRICES_USD_PER_MTOK, **settings.mistral_prices_usd_per_mtok}
    matches = [prefix for prefix in prices if model.startswith(prefix)]
    if not matches:
        if input_tokens or output_tokens:
            log.warning("no price known for model %r; recording cost 0", model)
        return 0.0
    price_in, price_out = prices[max(matches, key=len)]
    return round((input_tokens * price_in + output_tokens * price_out) / 1_000_000, 8)


# --- one recorded call --------------------------------------------------------------------

def _run_agent(
    *, session: Session, agent: AgentName, payload: dict[str, Any],
    invoke: Callable[[AIEngine], EngineReply[T]], subject: tuple[str, int | None],
    settings: Settings | None,
) -> AgentResult[T]:
    # The row is committed on success too: tokens were spent whatever the caller does next.
    run = execute_agent(agent=agent, payload=payload, invoke=invoke, settings=settings)
    call = record_run(session=session, run=run, subject=subject)
    session.commit()
    session.refresh(call)
    if run.failed:
        log.warning("AI call %s (%s/%s) failed: %s", call.id, agent, call.engine, call.error)
        raise AICallFailed(call.error, agent=agent, call_id=call.id)
    return AgentResult(result=run.result, call=call)


@dataclass
class AgentRun(Generic[T]):
    """One engine call made away from the database (picklable, so a worker process can make
    it); `record_run` turns it into its `ai_calls` row."""

    agent: AgentName
    result: T | None
    call_fields: dict[str, Any]

    @property
    def failed(self) -> bool:
        return self.result is None


def execute_agent(
    *, agent: AgentName, payload: dict[str, Any], invoke: Callable[[AIEngine], EngineReply[T]],
    settings: Settings | None = None,
) -> AgentRun[T]:
    """Run `agent` on the configured engine and describe the call; never raises for an engine
    failure (the run says it failed, with the error)."""
    settings = settings or get_settings()
    engine = get_engine(agent, settings)
    call = _new_call(agent, engine, payload, ("", None))
    started = time.perf_counter()
    result = None
    try:
        reply = invoke(engine)
    except Exception as exc:  # every failure must leave a visible record
        _fill_failure(call, exc, settings)
    else:
        _fill_success(call, reply, settings)
        result = reply.result
    finally:
        engine.close()
    call.latency_ms = _elapsed_ms(started)
    fields = call.model_dump(exclude={"id", "subject_type", "subject_id"})
    return AgentRun(agent=agent, result=result, call_fields=fields)


def record_run(*, session: Session, run: AgentRun, subject: tuple[str, int | None]) -> AICall:
    """Add the `ai_calls` row of `run` to the session (the caller commits)."""
    call = AICall(**run.call_fields, subject_type=subject[0], subject_id=subject[1])
    session.add(call)
    if run.failed:
        session.flush()  # the id goes into the failure message shown to people
    return call


def _new_call(agent: AgentName, engine: AIEngine, payload: dict[str, Any],
              subject: tuple[str, int | None]) -> AICall:
    agent_id = getattr(engine, "agent_id", "")
    return AICall(
        agent=agent,
        engine=engine.name,
        # With an agent id the model is chosen on Mistral's side; the reply names it.
        model="" if agent_id else getattr(engine, "model", ""),
        agent_id=agent_id,
        prompt_version=engine.prompt_version(agent),
        input_hash=input_hash(agent, payload),
        subject_type=subject[0],
        subject_id=subject[1],
    )


def _fill_success(call: AICall, reply: EngineReply, settings: Settings) -> None:
    call.status = "ok"
    call.model = reply.model or call.model
    call.attempts = reply.attempts
    call.input_tokens = reply.input_tokens
    call.output_tokens = reply.output_tokens
    call.cost_usd = estimate_cost_usd(call.model, reply.input_tokens, reply.output_tokens,
                                      settings)


def _fill_failure(call: AICall, exc: Exception, settings: Settings) -> None:
    call.status = "failed"
    call.error = str(exc) if isinstance(exc, AIEngineError) else f"{type(exc).__name__}: {exc}"
    call.attempts = getattr(exc, "attempts", 1)
    # An invalid reply still used tokens (see InvalidOutputError); they cost money.
    call.model = getattr(exc, "model", "") or call.model
    call.input_tokens = getattr(exc, "input_tokens", 0)
    call.output_tokens = getattr(exc, "output_tokens", 0)
    call.cost_usd = estimate_cost_usd(call.model, call.input_tokens, call.output_tokens,
                                      settings)


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
