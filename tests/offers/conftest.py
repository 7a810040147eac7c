"""Fixtures for stages and offers: the outbox's settings (mail to a temporary folder unless a
test uses the loopback SMTP server), a recruiter, and an application ready for an offer."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from hireops.models import Application, Candidate, Job, Stage, User
from tests.outbox.conftest import outbox_env, smtp_env  # noqa: F401  (fixtures)
from tests.fakes.smtp_server import smtp_server  # noqa: F401  (fixture)
from tests.factories import make_user


@pytest.fixture
def recruiter(session: Session) -> User:
    user = make_user(session, email="sam@acme.test", full_name="Sam Recruiter")
    session.commit()
    return user


@pytest.fixture
def shortlisted(session: Session) -> Application:
    """Elena, shortlisted for a Berlin backend job."""
    job = Job(title="Senior Backend Engineer", location="Berlin")
    candidate = Candidate(full_name="Elena Petrova", email="elena@example.test")
    session.add_all([job, candidate])
    session.flush()
    application = Application(candidate_id=candidate.id, job_id=job.id, stage=Stage.shortlisted)
    session.add(application)
    session.commit()
    return application
