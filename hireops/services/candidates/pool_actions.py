"""What HR can do with a candidate's talent-pool entry from the candidate page: the open jobs
to put the person forward for (`talent_pool.add_to_job` does it), and the stages the entry
itself can move to (`tracker.move_stage` moves it, a rejection with its reason)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import Application, Job, JobStatus
from hireops.services.candidates.stages import stage_value
from hireops.services.candidates.tracker_stages import pool_stages
from hireops.services.jobs.job_stages import JobStage, default_label, job_stages


@dataclass(frozen=True)
class PoolJobChoice:
    job_id: int
    title: str
    # "Data Analyst · fit 34", or the title alone when the fit was not measured.
    label: str


def pool_stage_choices(*, session: Session, current: str) -> list[JobStage]:
    """The stages a talent-pool entry may move to, named as the tracker names the pool's
    stages (the company default's names), the current one first when it is none of them (an
    entry moved before pool entries kept to these), so the menu always shows where the entry
    is."""
    choices = pool_stages(session=session)
    current = stage_value(current)
    if current not in {stage.key for stage in choices}:
        default = {stage.key: stage for stage in job_stages(session=session, job_id=None)}
        choices.insert(0, default.get(current)
                       or JobStage(current, default_label(current), 0, "custom"))
    return choices


def pool_job_choices(*, session: Session, candidate_id: int) -> list[PoolJobChoice]:
    """The open jobs the candidate has not applied to: the nearest first, with the fit the
    inbox measured when they joined the pool, then the others by title."""
    applied = select(Application.job_id).where(Application.candidate_id == candidate_id,
                                               Application.job_id.is_not(None))
    jobs = session.exec(select(Job.id, Job.title).where(Job.status == JobStatus.open,
                                                        Job.id.not_in(applied))
                        .order_by(Job.title, Job.id)).all()
    fits = _pool_fits(session, candidate_id)
    ranked = sorted(jobs, key=lambda job: -fits.get(job[0], -1))
    return [PoolJobChoice(job_id, title,
                          f"{title} · fit {fits[job_id]}" if job_id in fits else title)
            for job_id, title in ranked]


def _pool_fits(session: Session, candidate_id: int) -> dict[int, int]:
    """Job id -> the fit (0-100) stored on the candidate's pool entry, for its nearest jobs."""
    result = session.exec(select(Application.resume_result).where(
        Application.candidate_id == candidate_id, Application.job_id.is_(None))).first()
    nearest = ((result or {}).get("talent_pool") or {}).get("nearest_jobs") or []
    return {int(item["job_id"]): int(item.get("score", 0)) for item in nearest
            if str(item.get("job_id", "")).isdigit()}
