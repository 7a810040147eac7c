"""Rescoring: find resume scores made for an older job or prompt version and score them again."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, select

from hireops.config import Settings
from hireops.models import Application, Candidate, Job, Stage, User, utcnow
from hireops.services.ai.calls import (
    AgentResult,
    AgentRun,
    cached_run,
    execute_agent,
    get_engine,
    record_run,
    resume_scoring,
)
from hireops.services.ai.engine import AIEngine
from hireops.services.platform.audit import record_event
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.jobs.scoring import RESUME_AGENT, blind_resume, job_input
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.candidates.stages import advance_stage



@dataclass(frozen=True)
class RescoreOutcome:
    """What happened to one application."""

    application_id: int
    # rescored | failed | skipped (no resume text to score)
    status: str
    before: float | None = None
    after: float | None = None
    reason: str = ""


@dataclass
class RescoreSummary:
    """The result of rescoring one job."""

    total: int = 0
    rescored: int = 0
    # (application id, why) for every application left with its old score.
    failed: list[tuple[int, str]] = field(default_factory=list)


def current_prompt_version() -> str:
    """The prompt version the configured resume scorer would use now."""
    engine = get_engine(RESUME_AGENT)
    try:
        return engine.prompt_version(RESUME_AGENT)
    finally:
        engine.close()


def stale_applications(*, session: Session, job_id: int,
                       prompt_version: str | None = None) -> list[int]:
    """Ids of scored applications for `job_id` made for an older job or prompt version, or
    flagged stale by an edit."""
    job = get_job_or_raise(session=session, job_id=job_id)
    prompt_version = prompt_version if prompt_version is not None else current_prompt_version()
    query = select(Application.id).where(
        Application.job_id == job_id,
        Application.resume_score.is_not(None),
        or_(Application.resume_stale.is_(True),
            Application.resume_job_version.is_(None),
            Application.resume_job_version != job.version,
            Application.resume_prompt_version != prompt_version),
    ).order_by(Application.id)
    return list(session.exec(query).all())


def rescore_application(*, session: Session, application_id: int,
                        actor: User | None = None) -> RescoreOutcome:
    """Score one application again from its candidate's resume; a failed AI call keeps the old
    score (the call itself is recorded as failed). Commits."""
    work = _prepare(session, application_id)
    if isinstance(work, RescoreOutcome):
        return work
    settings = current_settings()
    run = (cached_run(session=session, agent=RESUME_AGENT, payload=work.payload,
                      settings=settings)
           or execute_agent(agent=RESUME_AGENT, payload=work.payload, invoke=work.invoke,
                            settings=settings))
    return _apply(session, work, run, actor)


def rescore_job(*, session: Session, job_id: int, only_stale: bool = False,
                actor: User | None = None,
                progress: Callable[[int, int], None] | None = None) -> RescoreSummary:
    """Rescore every application of a job (or only the stale ones), one commit each, so one
    failure never undoes the others; `progress(done, total)` after each.

    Remote engine calls run in threads, at most `ai_max_concurrency` at once (they wait on the
    network); cache lookups and every database write stay here, in the caller's session.
    """
    get_job_or_raise(session=session, job_id=job_id)
    if only_stale:
        ids = stale_applications(session=session, job_id=job_id)
    else:
        ids = list(session.exec(select(Application.id).where(Application.job_id == job_id)
                                .order_by(Application.id)).all())
    summary = RescoreSummary(total=len(ids))
    if progress:
        progress(0, len(ids))
    settings = current_settings()
    remote = settings.agent_settings(RESUME_AGENT)[0] != "local"
    # The local engine is CPU-bound Python: threads would only take turns.
    pool = ThreadPoolExecutor(max_workers=max(1, settings.ai_max_concurrency)) if remote else None
    try:
        started = [_start(session, application_id, settings, pool) for application_id in ids]
        for done, (application_id, begun) in enumerate(zip(ids, started), start=1):
            outcome = _finish(session, application_id, begun, settings, actor)
            if outcome.status == "rescored":
                summary.rescored += 1
            else:
                summary.failed.append((application_id, outcome.reason))
            if progress:
                progress(done, len(ids))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


@dataclass
class _Rescore:
    """One application ready to score: what is sent, and the engine call that sends it."""

    application_id: int
    before: float | None
    blind: bool
    payload: dict[str, Any]
    invoke: Callable[[AIEngine], Any]


# What `_start` leaves for `_finish`: the work and its run (cached, running, or to run here),
# an outcome already known (skipped), or the exception preparing it raised.
_Begun = tuple[_Rescore, AgentRun | Future | None] | RescoreOutcome | Exception


def _start(session: Session, application_id: int, settings: Settings,
           pool: ThreadPoolExecutor | None) -> _Begun:
    try:
        work = _prepare(session, application_id)
        if isinstance(work, RescoreOutcome):
            return work
        run = cached_run(session=session, agent=RESUME_AGENT, payload=work.payload,
                         settings=settings)
    except Exception as problem:  # reported on that application when its turn comes
        session.rollback()
        return problem
    if run is None and pool is not None:
        run = pool.submit(execute_agent, agent=RESUME_AGENT, payload=work.payload,
                          invoke=work.invoke, settings=settings)
    return work, run


def _finish(session: Session, application_id: int, begun: _Begun, settings: Settings,
            actor: User | None) -> RescoreOutcome:
    if isinstance(begun, RescoreOutcome):
        return begun
    try:
        if isinstance(begun, Exception):
            raise begun
        work, run = begun
        if isinstance(run, Future):
            run = run.result()
        elif run is None:
            run = execute_agent(agent=RESUME_AGENT, payload=work.payload, invoke=work.invoke,
                                settings=settings)
        return _apply(session, work, run, actor)
    except Exception as problem:  # one broken record must not stop the rest
        session.rollback()
        return RescoreOutcome(application_id, "failed", reason=str(problem))


def _prepare(session: Session, application_id: int) -> _Rescore | RescoreOutcome:
    application = session.get(Application, application_id)
    if application is None:
        raise LookupError(f"Application {application_id} does not exist.")
    job = session.get(Job, application.job_id)
    candidate = session.get(Candidate, application.candidate_id)
    before = application.resume_score
    resume = (candidate.resume_text or "").strip()
    if not resume:
        return RescoreOutcome(application_id, "skipped", before, before, "no resume text")
    if job.blind_screening:
        resume = blind_resume(resume, name=candidate.full_name)
    payload, invoke = resume_scoring(job_input(job), resume)
    return _Rescore(application_id, before, job.blind_screening, payload, invoke)


def _apply(session: Session, work: _Rescore, run: AgentRun,
           actor: User | None) -> RescoreOutcome:
    """Record the call and, when it succeeded, the new score and its audit event; commits."""
    call = record_run(session=session, run=run, subject=("application", work.application_id))
    if run.failed:
        session.commit()
        return RescoreOutcome(work.application_id, "failed", work.before, work.before, call.error)
    application = session.get(Application, work.application_id)
    job = session.get(Job, application.job_id)
    _store_score(application, job, AgentResult(result=run.result, call=call))
    session.add(application)
    record_event(session=session, action="application.rescored", actor=actor,
                 entity_type="application", entity_id=application.id,
                 before={"resume_score": work.before},
                 after={"resume_score": application.resume_score,
                        "job_version": job.version,
                        "prompt_version": application.resume_prompt_version},
                 note="blind (redacted resume)" if work.blind else "")
    # A first score that failed at intake can succeed here days later: a real stay in "new".
    advance_stage(session=session, application=application, stage=Stage.matched, actor=actor,
                  reason="resume scored")
    session.commit()
    return RescoreOutcome(work.application_id, "rescored", work.before,
                          application.resume_score)


def _store_score(application: Application, job: Job, run) -> None:
    application.resume_score = run.result.match.score
    application.resume_result = run.result.model_dump()
    application.resume_job_version = job.version
    application.resume_prompt_version = run.call.prompt_version
    application.resume_stale = False
    application.updated_at = utcnow()
