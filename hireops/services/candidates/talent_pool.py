"""The talent pool: a candidate who applied but fits no open job is kept as an application to
no job (job_id None), so the tracker and its exports show them, with how near they came to
the nearest open jobs. One such application per candidate (a unique index, revision 0015).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, JobStatus, Stage, User, utcnow
from hireops.services.platform.audit import PendingEvents
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids
from hireops.services.candidates.records import application_created_event, get_or_create_application
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.jobs.matching import PreparedJob, nearest_jobs, prepare_jobs
from hireops.services.jobs.rescoring import rescore_application

TALENT_POOL_LABEL = "Talent pool"
# The moves that mean something for an entry that follows no job's flow: kept (New), picked
# out for a coming role (Shortlisted), gone at their own wish (Withdrawn), or not kept
# (Rejected, with a reason). Interviews, offers and hires need a job: put the person forward
# for one first (`add_to_job`). `tracker.move_stage` holds every mover to it.
POOL_STAGES = (Stage.new, Stage.shortlisted, Stage.withdrawn, Stage.rejected)
NEAREST_JOBS = 3
# The source of an application HR made by adding a past candidate to a job.
FROM_POOL_SOURCE = "Talent pool"


@dataclass(frozen=True)
class PoolMatch:
    """A past candidate ranked against a job they have not applied to."""

    candidate_id: int
    # "Candidate #<id>" while the job screens blind.
    name: str
    # Resume fit to the job, 0-100 (the inbox matcher's similarity), and why.
    fit: int
    reason: str


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


def job_title_of(job: Job | None) -> str:
    """The title an application is shown under: its job's, or "Talent pool" for none."""
    return job.title if job is not None else TALENT_POOL_LABEL


def describe_nearest(resume_result: dict | None) -> str:
    """"Data Analyst (fit 34), Product Designer (fit 12)": the nearest jobs and the fit
    (0-100); the fit is named, so a title ending in a number still reads right."""
    pool = (resume_result or {}).get("talent_pool") or {}
    return ", ".join(f"{item.get('title', '?')} (fit {item.get('score', 0)})"
                     for item in pool.get("nearest_jobs") or [])


def _pool_application(session: Session, candidate_id: int) -> Application | None:
    return session.exec(select(Application).where(Application.candidate_id == candidate_id,
                                                  Application.job_id.is_(None))).first()


def find_in_talent_pool(*, session: Session, job_id: int, limit: int = 50) -> list[PoolMatch]:
    """Every past candidate with a resume who has not applied to the job, best fit first."""
    job = get_job_or_raise(session=session, job_id=job_id)
    prepared = prepare_jobs([job])
    applied = select(Application.candidate_id).where(Application.job_id == job_id)
    rows = session.exec(select(Candidate.id, Candidate.full_name, Candidate.email,
                               Candidate.resume_text)
                        .where(Candidate.merged_into_id.is_(None),
                               Candidate.anonymized_at.is_(None), Candidate.resume_text != "",
                               Candidate.id.not_in(applied))).all()
    # Blind screening's one rule for a person: hidden if any of their jobs screens blind.
    hidden = hidden_candidate_ids(session=session, candidate_ids=[row[0] for row in rows])
    found = []
    for candidate_id, name, email, resume_text in rows:
        [match] = nearest_jobs(resume_text=resume_text, prepared=prepared, limit=1)
        masked = job.blind_screening or candidate_id in hidden
        shown = anonymous_name(candidate_id) if masked else (name or email)
        found.append(PoolMatch(candidate_id, shown, round(match.score * 100), match.reason))
    found.sort(key=lambda match: (-match.fit, match.candidate_id))
    return found[:limit]


def add_to_job(*, session: Session, job_id: int, candidate_ids: list[int],
               actor: User | None) -> int:
    """Apply past candidates to the job (audited, source "Talent pool") and score them;
    returns how many applications were new."""
    get_job_or_raise(session=session, job_id=job_id)
    label = actor.email if actor is not None else "talent pool"
    created_ids = []
    for candidate_id in sorted(set(candidate_ids)):
        if session.get(Candidate, candidate_id) is None:
            continue
        application, created = get_or_create_application(
            session=session, candidate_id=candidate_id, job_id=job_id, source=FROM_POOL_SOURCE,
            actor_label=label)
        if created:
            created_ids.append(application.id)
    session.commit()
    for application_id in created_ids:
        rescore_application(session=session, application_id=application_id, actor=actor)
    return len(created_ids)


def add_applicants_to_job(*, session: Session, job_id: int, application_ids: list[int],
                          actor: User | None) -> int:
    """`add_to_job` for the people behind tracker rows (talent pool or other jobs' applicants):
    each person once, however many of their rows were picked; returns how many were new."""
    candidate_ids = session.exec(select(Application.candidate_id)
                                 .where(Application.id.in_(sorted(set(application_ids))))).all()
    return add_to_job(session=session, job_id=job_id, candidate_ids=list(candidate_ids),
                      actor=actor)
