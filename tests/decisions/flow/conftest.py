"""Factories for an evaluated application, a fixed clock and an HR user."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from hireops.models import Application, Evaluation, User
from tests import factories
from tests.factories import make_candidate, make_job, make_user

# A Wednesday; its Thursday 10:00 in Paris is the candidate's preferred slot below.
NOW = datetime(2030, 3, 13, 9, 0, tzinfo=timezone.utc)
PREFERRED = "Thursday at 10am"


@pytest.fixture
def hr(session) -> User:
    user = make_user(session, full_name="Hannah Reyes")
    session.commit()
    return user


@pytest.fixture
def make_application(session):
    """An application with scores and an ok evaluation that names a preferred slot."""

    def make(resume: float = 85, interview: float = 70, *, name: str = "Ada Lovelace",
             email: str = "ada@example.com", slot_text: str = PREFERRED,
             **job_fields) -> Application:
        application = factories.make_application(
            session, job=make_job(session, **job_fields),
            candidate=make_candidate(session, full_name=name, email=email),
            resume_score=resume, interview_score=interview)
        session.add(Evaluation(application_id=application.id, status="ok", score=interview,
                               strengths=["Clear about trade-offs"],
                               concerns=["Little Kubernetes"], summary="Solid backend answers.",
                               preferred_slot_text=slot_text))
        session.commit()
        return application

    return make
