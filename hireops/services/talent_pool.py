"""The talent pool: a candidate who applied but fits no open job is kept as an application to
no job (job_id None), so the tracker and its exports show them, with how near they came to
the nearest open jobs. One such application per candidate (a unique index, revision 0015).
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Application, Job, JobStatus, utcnow
from hireops.services.audit import PendingEvents
from hireops.services.candidates import application_created_event
from hireops.services.matching import PreparedJob, nearest_jobs, prepare_jobs

TALENT_POOL_LABEL = "Talent pool"
NEAREST_JOBS = 3


def open_jobs_prepared(*, session: Session) -> tuple[PreparedJob, ...]:
    """The open jobs, read for matching (once per batch)."""
    return prepare_jobs(session.exec(select(Job).where(Job.status == JobStatus.open)).all())


def keep_in_talent_pool(*, session: Session, candidate_id: int, resume_text: str,
                        prepared: tuple[PreparedJob, ...], source: str,
                        source_email_id: int | None, actor_label: str,
                        events: PendingEvents) -> tuple[Application, bool]:
    """The candidate's talent-pool application, created if missing, with their fit to the
    nearest open jobs brought up to date; True if new. Flushes; the audit event goes to
    `events` (the caller writes them)."""
    application = _pool_application(session, candidate_id)
    created = application is None
    if created:
        application = Application(candidate_id=candidate_id, job_id=None, source=source,
                                  source_email_id=source_email_id)
        try:
            with session.begin_nested():  # another worker may add it at the same moment
                session.add(application)
                session.flush()
        except IntegrityError:
            application, created = _pool_application(session, candidate_id), False
            if application is None:
                raise
    nearest = nearest_jobs(resume_text=resume_text, prepared=prepared, limit=NEAREST_JOBS)
    application.resume_result = {"talent_pool": {"nearest_jobs": [
        {"job_id": match.job_id, "title": match.title, "score": round(match.score * 100),
         "reason": match.reason} for match in nearest]}}
    application.last_activity_at = application.updated_at = utcnow()
    session.add(application)
    session.flush()
    if created:
        events.add(entity=application, **application_created_event(application, actor_label))
    events.add(entity=application, action="application.talent_pool", actor_label=actor_label,
               entity_type="application", note="Fits no open job: kept in the talent pool",
               after={"nearest_jobs": describe_nearest(application.resume_result)})
    return application, created


def describe_nearest(resume_result: dict | None) -> str:
    """"Data Analyst 34, Product Designer 12": the nearest jobs and the fit (0-100)."""
    pool = (resume_result or {}).get("talent_pool") or {}
    return ", ".join(f"{item.get('title', '?')} {item.get('score', 0)}"
                     for item in pool.get("nearest_jobs") or [])


def _pool_application(session: Session, candidate_id: int) -> Application | None:
    return session.exec(select(Application).where(Application.candidate_id == candidate_id,
                                                  Application.job_id.is_(None))).first()
