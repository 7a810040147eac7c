"""Rescoring: find resume scores made for an older job or prompt version and score them again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, Stage, User, utcnow
from hireops.services.ai.calls import AICallFailed, get_engine, score_resume
from hireops.services.audit import record_event
from hireops.services.inbox_processing import job_input
from hireops.services.jobs import get_job_or_raise
from hireops.services.redaction import redact_resume

RESUME_AGENT = "resume_scorer"


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
        resume = redact_resume(resume, names=(candidate.full_name,))
    try:
        run = score_resume(session=session, job=job_input(job), resume_text=resume,
                           subject_type="application", subject_id=application.id)
    except AICallFailed as failure:
        return RescoreOutcome(application_id, "failed", before, before, str(failure))
    _store_score(application, job, run)
    session.add(application)
    record_event(session=session, action="application.rescored", actor=actor,
                 entity_type="application", entity_id=application.id,
                 before={"resume_score": before},
                 after={"resume_score": application.resume_score,
                        "job_version": job.version,
                        "prompt_version": application.resume_prompt_version},
                 note="blind (redacted resume)" if job.blind_screening else "")
    session.commit()
    return RescoreOutcome(application_id, "rescored", before, application.resume_score)


def rescore_job(*, session: Session, job_id: int, only_stale: bool = False,
                actor: User | None = None,
                progress: Callable[[int, int], None] | None = None) -> RescoreSummary:
    """Rescore every application of a job (or only the stale ones), one commit each, so one
    failure never undoes the others; `progress(done, total)` after each."""
    get_job_or_raise(session=session, job_id=job_id)
    if only_stale:
        ids = stale_applications(session=session, job_id=job_id)
    else:
        ids = list(session.exec(select(Application.id).where(Application.job_id == job_id)
                                .order_by(Application.id)).all())
    summary = RescoreSummary(total=len(ids))
    if progress:
        progress(0, len(ids))
    for done, application_id in enumerate(ids, start=1):
        try:
            outcome = rescore_application(session=session, application_id=application_id,
                                          actor=actor)
        except Exception as problem:  # one broken record must not stop the rest
            session.rollback()
            outcome = RescoreOutcome(application_id, "failed", reason=str(problem))
        if outcome.status == "rescored":
            summary.rescored += 1
        else:
            summary.failed.append((application_id, outcome.reason))
        if progress:
            progress(done, len(ids))
    return summary


def _store_score(application: Application, job: Job, run) -> None:
    application.resume_score = run.result.match.score
    application.resume_result = run.result.model_dump()
    application.resume_job_version = job.version
    application.resume_prompt_version = run.call.prompt_version
    application.resume_stale = False
    if application.stage in (Stage.new, Stage.classified):
        application.stage = Stage.matched
    application.updated_at = utcnow()
