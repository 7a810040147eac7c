"""Reading applications for the candidate list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job
from hireops.services.dashboard import STAGE_LABELS


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    candidate: str
    email: str
    job: str
    stage: str
    resume_score: str
    recommendation: str
    applied: str


def list_applications(*, session: Session, limit: int = 500) -> list[ApplicationRow]:
    """Applications, best resume score first, with candidate and job names in one query."""
    rows = session.exec(
        select(Application, Candidate, Job)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(Job, Job.id == Application.job_id)
        .order_by(Application.resume_score.desc().nulls_last(), Application.id.desc())
        .limit(limit)
    ).all()
    return [
        ApplicationRow(
            id=app.id, candidate=cand.full_name or cand.email, email=cand.email, job=job.title,
            stage=STAGE_LABELS.get(app.stage, str(app.stage)),
            resume_score="" if app.resume_score is None else f"{app.resume_score:.0f}",
            recommendation=app.resume_result.get("match", {}).get("recommendation", ""),
            applied=app.created_at.strftime("%d %b %Y"),
        )
        for app, cand, job in rows
    ]
