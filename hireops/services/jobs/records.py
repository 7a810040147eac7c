"""Jobs: listing with counts, create, edit (new version), close, reopen, AI auto-fill."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field, field_validator, model_validator
from sqlalchemy import func
from sqlmodel import Session, select

from hireops.config import (
    DEFAULT_INTERVIEW_MIN, DEFAULT_REJECT_BELOW, DEFAULT_RESUME_MIN, DEFAULT_RESUME_WEIGHT,
)
from hireops.models import Application, Job, JobStatus, Stage, User, utcnow
from hireops.services.jobs.job_stages import copy_default_to_job
from hireops.services.platform.audit import changed_fields, record_event
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.platform.clock import format_day


class JobNotFound(LookupError):
    """No job with that id."""


class JobForm(BaseModel):
    """What a recruiter can set on a job; validated before anything is stored."""

    title: str = Field(min_length=2, max_length=200)
    department: str = Field(default="", max_length=120)
    location: str = Field(default="", max_length=160)
    seniority: str = Field(default="", max_length=60)
    employment_type: str = Field(default="Full-time", max_length=60)
    description: str = ""
    must_have_skills: list[str] = Field(default_factory=list)
    nice_to_have_skills: list[str] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    custom_questions: list[str] = Field(default_factory=list)
    knockout_requirements: list[str] = Field(default_factory=list)
    resume_min: float = Field(default=DEFAULT_RESUME_MIN, ge=0, le=100)
    interview_min: float = Field(default=DEFAULT_INTERVIEW_MIN, ge=0, le=100)
    reject_below: float = Field(default=DEFAULT_REJECT_BELOW, ge=0, le=100)
    resume_weight: float = Field(default=DEFAULT_RESUME_WEIGHT, ge=0, le=1)
    # Share of the interviewers' scorecards in the final score (0: not counted).
    scorecard_weight: float = Field(default=0.0, ge=0, le=1)
    blind_screening: bool = False
    generated_by: str = ""

    # Before the length limits, so a blank or padded title cannot pass `min_length`.
    @field_validator("title", "department", "location", "seniority", "employment_type",
                     mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("must_have_skills", "nice_to_have_skills", "responsibilities",
                     "qualifications", "custom_questions", "knockout_requirements")
    @classmethod
    def _clean_list(cls, values: list[str]) -> list[str]:
        seen: list[str] = []
        for value in (v.strip() for v in values):
            if value and value.lower() not in (s.lower() for s in seen):
                seen.append(value)
        return seen

    @model_validator(mode="after")
    def _thresholds_make_sense(self) -> JobForm:
        if self.reject_below > min(self.resume_min, self.interview_min):
            raise ValueError("'Reject below' must not be above the resume or interview minimum.")
        return self

    @property
    def interview_weight(self) -> float:
        return round(1.0 - self.resume_weight, 4)


@dataclass(frozen=True)
class JobRow:
    """A job as the list shows it."""

    id: int
    title: str
    department: str
    location: str
    status: str
    applications: int
    in_interview: int
    shortlisted: int
    stale_scores: int
    updated_at: str


_FORM_FIELDS = tuple(name for name in JobForm.model_fields)


def job_to_form(job: Job) -> JobForm:
    """The editable fields of `job`."""
    return JobForm.model_validate({name: getattr(job, name) for name in _FORM_FIELDS})


def get_job_or_raise(*, session: Session, job_id: int) -> Job:
    """The job with `job_id`, or JobNotFound."""
    job = session.get(Job, job_id)
    if job is None:
        raise JobNotFound(f"Job {job_id} does not exist.")
    return job


def list_jobs(*, session: Session, status: str | None = None, search: str = "") -> list[JobRow]:
    """Jobs newest first, with application counts from one grouped query."""
    query = select(Job).order_by(Job.status != JobStatus.open, Job.updated_at.desc())
    if status:
        query = query.where(Job.status == status)
    if search.strip():
        query = query.where(Job.title.ilike(f"%{search.strip()}%"))
    jobs = session.exec(query).all()
    counts = _application_counts(session, [job.id for job in jobs])
    return [
        JobRow(
            id=job.id, title=job.title, department=job.department, location=job.location,
            status=job.status.value if hasattr(job.status, "value") else str(job.status),
            updated_at=format_day(job.updated_at),
            **counts.get(job.id, _EMPTY_COUNTS),
        )
        for job in jobs
    ]


_EMPTY_COUNTS = {"applications": 0, "in_interview": 0, "shortlisted": 0, "stale_scores": 0}
_INTERVIEW_STAGES = (Stage.interview_link_sent, Stage.screening_scheduled, Stage.screened)


def _application_counts(session: Session, job_ids: list[int]) -> dict[int, dict[str, int]]:
    if not job_ids:
        return {}
    rows = session.exec(
        select(Application.job_id, Application.stage, Application.resume_stale, func.count())
        .where(Application.job_id.in_(job_ids))
        .group_by(Application.job_id, Application.stage, Application.resume_stale)
    ).all()
    counts: dict[int, dict[str, int]] = {}
    for job_id, stage, stale, count in rows:
        entry = counts.setdefault(job_id, dict(_EMPTY_COUNTS))
        entry["applications"] += count
        entry["in_interview"] += count if stage in _INTERVIEW_STAGES else 0
        entry["shortlisted"] += count if stage == Stage.shortlisted else 0
        entry["stale_scores"] += count if stale else 0
    return counts


# Form fields whose default for a new job comes from Settings (`job_<field>`).
DEFAULTED_FIELDS = ("resume_min", "interview_min", "reject_below", "resume_weight")


def job_defaults(*, session: Session) -> dict[str, float | bool]:
    """Thresholds, weight and automation for a new job, as set under Settings."""
    settings = current_settings(session=session)
    return {name: getattr(settings, f"job_{name}")
            for name in (*DEFAULTED_FIELDS, "auto_advance", "auto_reject")}


def new_job_form(*, session: Session, **fields) -> JobForm:
    """A form for a new job: `fields`, and the Settings defaults for the thresholds."""
    defaults = job_defaults(session=session)
    return JobForm(**{**{name: defaults[name] for name in DEFAULTED_FIELDS}, **fields})


def create_job(*, session: Session, form: JobForm, actor: User | None,
               actor_label: str | None = None) -> Job:
    """Create an open job from a validated form (`actor_label` names a non-user actor);
    thresholds the form does not set explicitly come from the Settings defaults."""
    defaults = job_defaults(session=session)
    values = form.model_dump()
    values.update({name: defaults[name] for name in DEFAULTED_FIELDS
                   if name not in form.model_fields_set})
    try:
        form = JobForm.model_validate(values)
    except ValueError:
        # The stored defaults clash with a threshold the caller set: keep the caller's form.
        values = form.model_dump()
    job = Job(**values, interview_weight=round(1.0 - values["resume_weight"], 4),
              auto_advance=defaults["auto_advance"], auto_reject=defaults["auto_reject"],
              created_by_id=actor.id if actor else None)
    session.add(job)
    session.flush()
    # Later edits of the company default leave this job's stages as they were.
    copy_default_to_job(session=session, job_id=job.id)
    record_event(session=session, action="job.created", actor=actor, actor_label=actor_label,
                 entity_type="job",
                 entity_id=job.id, after={"title": job.title, "status": job.status})
    session.commit()
    return job


def update_job(*, session: Session, job_id: int, form: JobForm, actor: User | None) -> Job:
    """Apply an edit; a real change bumps the version and marks existing scores stale."""
    job = get_job_or_raise(session=session, job_id=job_id)
    before = job_to_form(job).model_dump()
    after = form.model_dump()
    old, new = changed_fields(before, after)
    if not new:
        return job
    for name, value in after.items():
        setattr(job, name, value)
    job.interview_weight = form.interview_weight
    job.version += 1
    job.updated_at = utcnow()
    session.add(job)
    stale = _mark_scores_stale(session, job.id)
    record_event(session=session, action="job.updated", actor=actor, entity_type="job",
                 entity_id=job.id, before=old, after=new,
                 note=f"version {job.version}; {stale} score(s) marked stale")
    session.commit()
    return job


def _mark_scores_stale(session: Session, job_id: int) -> int:
    applications = session.exec(
        select(Application).where(Application.job_id == job_id,
                                  Application.resume_score.is_not(None))
    ).all()
    for application in applications:
        application.resume_stale = True
        session.add(application)
    return len(applications)


def set_job_status(*, session: Session, job_id: int, status: JobStatus, actor: User | None) -> Job:
    """Close or reopen a job (audited)."""
    job = get_job_or_raise(session=session, job_id=job_id)
    if job.status == status:
        return job
    before = job.status
    job.status = status
    job.closed_at = utcnow() if status == JobStatus.closed else None
    job.updated_at = utcnow()
    session.add(job)
    record_event(session=session, action=f"job.{'closed' if status == JobStatus.closed else 'reopened'}",
                 actor=actor, entity_type="job", entity_id=job.id,
                 before={"status": before}, after={"status": status})
    session.commit()
    return job
