"""Applications ready for an interview: a job, a scored candidate, a recruiter."""

from __future__ import annotations

import pytest

from hireops.models import Application, InterviewLink, User
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.jobs.records import JobForm, create_job
from tests.factories import make_candidate, make_user


@pytest.fixture
def recruiter(session) -> User:
    user = make_user(session, email="rec@example.com")
    session.commit()
    return user


def resume_result(score: float) -> dict:
    return {
        "candidate_summary": {"name": "Ada Lovelace", "years_experience_est": 6,
                              "current_title": "Backend Engineer",
                              "key_strengths": ["Python", "PostgreSQL"]},
        "match": {"score": score, "confidence": 0.8, "recommendation": "shortlist",
                  "evidence": [{"skill": "Python", "resume_evidence": "Built Python APIs."}],
                  "gaps": ["Kubernetes"], "risks": []},
        "screening_questions": ["Tell me about a Python service you designed."],
    }


@pytest.fixture
def make_application(session, recruiter):
    """An application for a backend job with the given resume score (None: not scored)."""
    made = {"n": 0}

    def make(score: float | None = 86.0, *, name: str = "Ada Lovelace",
             custom_questions: list[str] | None = None, job=None) -> Application:
        made["n"] += 1
        job = job or create_job(session=session, actor=recruiter, form=JobForm(
            title="Backend Engineer", must_have_skills=["Python", "PostgreSQL", "REST APIs"],
            nice_to_have_skills=["Kubernetes"], responsibilities=["Build APIs"],
            custom_questions=custom_questions or []))
        candidate = make_candidate(session, full_name=name, email=f"cand{made['n']}@example.com")
        application = Application(candidate_id=candidate.id, job_id=job.id, resume_score=score,
                                  resume_result=resume_result(score) if score else {})
        session.add(application)
        session.commit()
        return application

    return make


@pytest.fixture
def mailed_link(session, make_application, recruiter):
    """A function that issues a link for a new application and mails it, as HR's invite does."""

    def mail() -> InterviewLink:
        link = generate_link(session=session, application_id=make_application(90).id,
                             actor=recruiter).link
        send_link(session=session, link_id=link.id, actor=recruiter)
        session.commit()
        return link

    return mail
