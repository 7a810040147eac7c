"""The one way the app calls an AI agent: pick the configured engine, run it, record an AICall.

Every call leaves an `ai_calls` row, successful or not, with engine, model or agent id, prompt
version, input hash, tokens, cost, latency and attempts. A failure is committed and raised as
`AICallFailed`; nothing here ever substitutes a made-up result.

Each call commits the caller's session (the row must survive whatever the caller does next),
so call these with no half-done changes pending, and never inside a transaction you may undo.
`execute_agent` + `record_run` split a call in two for batch work: run the engine anywhere
(a worker process), record the row later inside the caller's own transaction (`insert_runs`
records many in one statement).

Remote results are cached (`ai_result_cache`, setting `ai_cache_enabled`): `cached_run` looks
a call up in the caller's session before any engine runs, and recording a successful remote run
stores its result. A hit still leaves an `ai_calls` row (`cached`, no tokens, no cost), so
usage counts stay honest. Local results are not cached: computing them is as fast as a lookup.
Failures are never cached.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from hireops.config import Settings
from hireops.models import AICacheEntry, AICall, utcnow
from hireops.services.ai.engine import AGENTS, AgentName, AIEngine, AIEngineError, EngineReply
from hireops.services.ai.local.engine import LocalEngine
from hireops.services.ai.prices import (  # noqa: F401  (PRICES_USD_PER_MTOK: re-exported)
    PRICES_USD_PER_MTOK,
    estimate_cost_usd,
    get_price_table,
)
from hireops.services.ai import schemas
from hireops.services.platform.runtime_settings import current_settings

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
# What each agent returns, to validate a cached result again before it is reused.
RESULT_TYPES: dict[str, type[BaseModel]] = {
    "classifier": schemas.EmailClassification,
    "resume_scorer": schemas.ResumeScore,
    "interview_evaluator": schemas.InterviewEvaluation,
    "job_generator": schemas.JobDraft,
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
    settings = settings or current_settings()
    engine_name, _, _ = settings.agent_settings(agent)
    if engine_name == "local":
        return LocalEngine()
    # Imported here: the mistralai SDK and its HTTP client (about 10 MB) load only in processes
    # that call Mistral, not in every analysis worker of the offline engine.
    from hireops.services.ai.mistral_engine import MistralEngine  # noqa: PLC0415

    return MistralEngine.for_agent(agent, settings)


def classify_email(
    *, session: Session, email: schemas.EmailInput, subject_type: str = "email",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[schemas.EmailClassification]:
    """Classify one inbound email (application / general / unknown)."""
    return _run_agent(
        session=session, agent="classifier", payload=email.model_dump(),
        invoke=lambda engine: engine.classify_email(email),
        subject=(subject_type, subject_id), settings=settings,
    )


def score_resume(
    *, session: Session, job: schemas.JobInput, resume_text: str, subject_type: str = "application",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[schemas.ResumeScore]:
    """Score one resume against one job, with evidence, gaps and screening questions."""
    payload, invoke = resume_scoring(job, resume_text)
    return _run_agent(session=session, agent="resume_scorer", payload=payload, invoke=invoke,
                      subject=(subject_type, subject_id), settings=settings)


def resume_scoring(job: schemas.JobInput, resume_text: str) -> tuple[
        dict[str, Any], Callable[[AIEngine], EngineReply[schemas.ResumeScore]]]:
    """The payload (what is hashed and cached) and engine call of one resume scoring, for
    batches that run `execute_agent` themselves."""
    payload = {"job": job.model_dump(), "resume_text": resume_text}
    return payload, lambda engine: engine.score_resume(job, resume_text)


def evaluate_interview(
    *, session: Session, interview: schemas.InterviewInput, subject_type: str = "application",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[schemas.InterviewEvaluation]:
    """Evaluate one interview transcript for HR."""
    return _run_agent(
        session=session, agent="interview_evaluator", payload=interview.model_dump(),
        invoke=lambda engine: engine.evaluate_interview(interview),
        subject=(subject_type, subject_id), settings=settings,
    )


def generate_job(
    *, session: Session, title: str, subject_type: str = "job",
    subject_id: int | None = None, settings: Settings | None = None,
) -> AgentResult[schemas.JobDraft]:
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


# --- one recorded call --------------------------------------------------------------------

def _run_agent(
    *, session: Session, agent: AgentName, payload: dict[str, Any],
    invoke: Callable[[AIEngine], EngineReply[T]], subject: tuple[str, int | None],
    settings: Settings | None,
) -> AgentResult[T]:
    # The row is committed on success too: tokens were spent whatever the caller does next.
    run = (cached_run(session=session, agent=agent, payload=payload, settings=settings)
           or execute_agent(agent=agent, payload=payload, invoke=invoke, settings=settings))
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
    # Where recording stores a successful result for reuse; None when it must not be cached.
    cache_key: str | None = None

    @property
    def failed(self) -> bool:
        return self.result is None


def execute_agent(
    *, agent: AgentName, payload: dict[str, Any], invoke: Callable[[AIEngine], EngineReply[T]],
    settings: Settings | None = None,
) -> AgentRun[T]:
    """Run `agent` on the configured engine and describe the call; never raises for an engine
    failure (the run says it failed, with the error)."""
    settings = settings or current_settings()
    engine = get_engine(agent, settings)
    call = _new_call(agent, engine, payload)
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
    _log_call(call)
    return AgentRun(agent=agent, result=result, call_fields=dict(vars(call)),
                    cache_key=_cache_key(agent, engine, payload, settings))


def _log_call(call: SimpleNamespace) -> None:
    """One line per engine call: who answered, how fast, at what size; never its input or
    output (a resume, an interview). Local calls log at DEBUG: a mail batch makes hundreds."""
    context = {"agent": call.agent, "engine": call.engine, "model": call.model or call.agent_id,
               "latency_ms": round(call.latency_ms), "attempts": call.attempts,
               "input_tokens": call.input_tokens, "output_tokens": call.output_tokens}
    if call.status != "ok":
        log.warning("AI call failed: %s", call.error, extra=context)
    else:
        log.log(logging.DEBUG if call.engine == "local" else logging.INFO, "AI call done",
                extra=context)


def cached_run(
    *, session: Session, agent: AgentName, payload: dict[str, Any],
    settings: Settings | None = None,
) -> AgentRun | None:
    """The run of an earlier successful call with the same engine, model, prompt version and
    input, as a `cached` run with no tokens; None on a miss or when caching is off."""
    settings = settings or current_settings()
    started = time.perf_counter()
    engine = get_engine(agent, settings)
    try:
        key = _cache_key(agent, engine, payload, settings)
        entry = session.get(AICacheEntry, key) if key else None
        if entry is None:
            return None
        try:
            result = RESULT_TYPES[agent].model_validate(entry.result)
        except ValueError:  # stored by an older schema under the same prompt version
            log.warning("ignoring cached %s result %s: no longer valid", agent, key[:12])
            return None
        call = _new_call(agent, engine, payload)
    finally:
        engine.close()
    call.model = entry.model or call.model
    call.cached = True
    call.attempts = 0
    call.latency_ms = _elapsed_ms(started)
    return AgentRun(agent=agent, result=result, call_fields=dict(vars(call)))


def record_run(*, session: Session, run: AgentRun, subject: tuple[str, int | None]) -> AICall:
    """Add the `ai_calls` row of `run` to the session (the caller commits)."""
    call = AICall(**run.call_fields, subject_type=subject[0], subject_id=subject[1])
    # Priced here, where the database is at hand: an admin may have edited the price table.
    call.cost_usd = estimate_cost_usd(call.model, call.input_tokens, call.output_tokens,
                                      prices=get_price_table(session=session))
    session.add(call)
    if run.failed:
        session.flush()  # the id goes into the failure message shown to people
    _remember(session, [run])
    return call


def insert_runs(*, session: Session,
                runs: list[tuple[AgentRun, tuple[str, int | None]]]) -> list[int]:
    """Insert the `ai_calls` rows of many (run, subject) pairs in one statement and return their
    ids, in order (the caller commits)."""
    if not runs:
        return []
    prices = get_price_table(session=session)
    rows = [{**run.call_fields, "subject_type": subject[0], "subject_id": subject[1],
             "cost_usd": _cost(run.call_fields, prices)} for run, subject in runs]
    statement = insert(AICall).returning(AICall.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, rows))
    _remember(session, [run for run, _ in runs])
    return ids


def _cache_key(agent: AgentName, engine: AIEngine, payload: dict[str, Any],
               settings: Settings) -> str | None:
    if not settings.ai_cache_enabled or engine.name == "local":
        return None
    parts = [agent, engine.name, getattr(engine, "model", ""), getattr(engine, "agent_id", ""),
             engine.prompt_version(agent), input_hash(agent, payload)]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def _remember(session: Session, runs: list[AgentRun]) -> None:
    """Store the results of successful remote runs; a key already there is kept (another
    worker may have stored the same answer meanwhile)."""
    rows = {run.cache_key: {"key": run.cache_key, "agent": run.agent,
                            "model": run.call_fields.get("model") or "",
                            "result": run.result.model_dump(mode="json"),
                            "created_at": utcnow()}
            for run in runs if run.cache_key and not run.failed}
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(AICacheEntry).on_conflict_do_nothing(index_elements=["key"])
    session.execute(statement, list(rows.values()))


# What a run records of its call: the `ai_calls` columns but the row's id and subject, with the
# table's defaults (a default factory, such as the creation time, is called per call).
_RUN_COLUMNS = [(name, field.default, field.default_factory)
                for name, field in AICall.model_fields.items()
                if name not in ("id", "subject_type", "subject_id")]


def _new_call(agent: AgentName, engine: AIEngine, payload: dict[str, Any]) -> SimpleNamespace:
    """The call's columns, filled in as it runs. A plain namespace, not an `AICall`: building
    the ORM row (its instrumentation and defaults) cost a tenth of a local engine's analysis
    of a message; the row is built where it is recorded."""
    call = SimpleNamespace(**{name: factory() if factory else default
                              for name, default, factory in _RUN_COLUMNS})
    agent_id = getattr(engine, "agent_id", "")
    call.agent = agent
    call.engine = engine.name
    # With an agent id the model is chosen on Mistral's side; the reply names it.
    call.model = "" if agent_id else getattr(engine, "model", "")
    call.agent_id = agent_id
    call.prompt_version = engine.prompt_version(agent)
    call.input_hash = input_hash(agent, payload)
    return call


def _fill_success(call: SimpleNamespace, reply: EngineReply, settings: Settings) -> None:
    call.status = "ok"
    call.model = reply.model or call.model
    call.attempts = reply.attempts
    call.input_tokens = reply.input_tokens
    call.output_tokens = reply.output_tokens
    call.cost_usd = estimate_cost_usd(call.model, reply.input_tokens, reply.output_tokens,
                                      settings)


def _fill_failure(call: SimpleNamespace, exc: Exception, settings: Settings) -> None:
    call.status = "failed"
    call.error = str(exc) if isinstance(exc, AIEngineError) else f"{type(exc).__name__}: {exc}"
    call.attempts = getattr(exc, "attempts", 1)
    # An invalid reply still used tokens (see InvalidOutputError); they cost money.
    call.model = getattr(exc, "model", "") or call.model
    call.input_tokens = getattr(exc, "input_tokens", 0)
    call.output_tokens = getattr(exc, "output_tokens", 0)
    call.cost_usd = estimate_cost_usd(call.model, call.input_tokens, call.output_tokens,
                                      settings)


def _cost(fields: dict[str, Any], prices) -> float:
    return estimate_cost_usd(fields.get("model") or "", fields.get("input_tokens") or 0,
                             fields.get("output_tokens") or 0, prices=prices)


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
