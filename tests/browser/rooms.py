"""A candidate invited to the interview room, for the room's browser tests."""

from __future__ import annotations

from sqlmodel import Session

from hireops.services.interviews.links import generate_link
from hireops.services.interviews.recordings import set_job_recording
from hireops.services.jobs.records import JobForm, create_job
from tests.factories import make_application, make_candidate

ROOM_SKILLS = ("Python", "PostgreSQL", "REST APIs")
# A screened resume, so the room has a gap to ask about.
SCREENED = {"match": {"score": 88, "gaps": ["Kubernetes"]}}


def invite_to_room(session: Session, *, name: str, email: str, title: str,
                   skills: tuple[str, ...] = ROOM_SKILLS, resume_result: dict | None = None,
                   recording: bool = False, **candidate_fields) -> tuple[str, int, int]:
    """A job, a candidate applied to it with a resume score of 88, and their interview link,
    committed; returns (the room's address, the link's id, the candidate's id)."""
    job = create_job(session=session, actor=None,
                     form=JobForm(title=title, must_have_skills=list(skills)))
    if recording:
        set_job_recording(session=session, job_id=job.id, enabled=True, actor=None)
    candidate = make_candidate(session, full_name=name, email=email, **candidate_fields)
    application = make_application(session, job=job, candidate=candidate, resume_score=88.0,
                                   resume_result=SCREENED if resume_result is None
                                   else resume_result)
    issued = generate_link(session=session, application_id=application.id, actor=None)
    session.commit()
    return issued.url, issued.link.id, candidate.id
