""""Find in talent pool": past candidates ranked against a job they did not apply to, and
added to it in bulk (scored, audited, source "Talent pool")."""

from __future__ import annotations

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Event
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.candidates.talent_pool import FROM_POOL_SOURCE, add_to_job, find_in_talent_pool
from tests.sample_resumes import MATCHING_BACKEND_RESUME, MATCHING_NURSE_RESUME
from tests.factories import make_candidate


def _job(session: Session, title: str, skills: list[str], blind: bool = False):
    return create_job(session=session, actor=None, form=JobForm(
        title=title, must_have_skills=skills, blind_screening=blind))


def _candidate(session: Session, name: str, resume: str) -> Candidate:
    candidate = make_candidate(session, full_name=name, resume_text=resume,
                               email=f"{name.split()[0].lower()}@example.com")
    session.commit()
    return candidate


def test_ranks_past_candidates_and_adds_them_scored(session: Session, actor):
    backend = _job(session, "Backend Engineer", ["Python", "PostgreSQL", "Docker"])
    nurse_job = _job(session, "Staff Nurse", ["Patient care", "Medication administration"])
    tom = _candidate(session, "Tom Baker", MATCHING_BACKEND_RESUME)
    sarah = _candidate(session, "Sarah Lee", MATCHING_NURSE_RESUME)
    already = _candidate(session, "Ada Applied", MATCHING_BACKEND_RESUME + " again")
    session.add(Application(candidate_id=already.id, job_id=backend.id))
    session.commit()

    ranked = find_in_talent_pool(session=session, job_id=backend.id)
    assert [match.candidate_id for match in ranked] == [tom.id, sarah.id]
    assert ranked[0].fit > ranked[1].fit and "Python" in ranked[0].reason

    assert add_to_job(session=session, job_id=backend.id, candidate_ids=[tom.id, tom.id],
                      actor=actor) == 1
    application = session.exec(select(Application).where(
        Application.candidate_id == tom.id, Application.job_id == backend.id)).one()
    assert application.source == FROM_POOL_SOURCE and application.resume_score is not None
    assert session.exec(select(Event).where(Event.action == "application.created",
                                            Event.entity_id == application.id)).one()
    assert add_to_job(session=session, job_id=backend.id, candidate_ids=[tom.id],
                      actor=actor) == 0
    assert [m.candidate_id for m in find_in_talent_pool(session=session, job_id=backend.id)] \
        == [sarah.id]
    assert find_in_talent_pool(session=session, job_id=nurse_job.id)[0].candidate_id == sarah.id


def test_blind_job_shows_aliases(session: Session):
    job = _job(session, "Backend Engineer", ["Python"], blind=True)
    tom = _candidate(session, "Tom Baker", MATCHING_BACKEND_RESUME)
    [match] = find_in_talent_pool(session=session, job_id=job.id)
    assert match.name == f"Candidate #{tom.id}"


def test_a_person_hidden_by_another_blind_job_stays_hidden(session: Session):
    """One rule for a person (services/blind_screening): applied to a blind job, Tom is an
    alias in the talent pool of an open job too, until HR reveals him."""
    open_job = _job(session, "Backend Engineer", ["Python"])
    blind_job = _job(session, "Secret Platform Role", ["Go"], blind=True)
    tom = _candidate(session, "Tom Baker", MATCHING_BACKEND_RESUME)
    session.add(Application(candidate_id=tom.id, job_id=blind_job.id))
    session.commit()
    [match] = find_in_talent_pool(session=session, job_id=open_job.id)
    assert match.name == f"Candidate #{tom.id}"
