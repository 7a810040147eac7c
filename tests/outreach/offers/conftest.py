"""Fixtures for stages and offers: the outbox's settings (mail to a temporary folder unless a
test uses the loopback SMTP server), a recruiter, and an application ready for an offer."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from hireops.models import Application, Stage, User
from tests.outreach.outbox.conftest import outbox_env, smtp_env  # noqa: F401  (fixtures)
from tests.fakes.smtp_server import smtp_server  # noqa: F401  (fixture)
from tests.factories import make_user
from tests.factories import make_application, make_candidate, make_job


@pytest.fixture
def recruiter(session: Session) -> User:
    user = make_user(session, email="sam@acme.test", full_name="Sam Recruiter")
    session.commit()
    return user


@pytest.fixture
def shortlisted(session: Session) -> Application:
    """Elena, shortlisted for a Berlin backend job."""
    application = make_application(
        session, job=make_job(session, title="Senior Backend Engineer", location="Berlin"),
        candidate=make_candidate(session, full_name="Elena Petrova", email="elena@example.test"),
        stage=Stage.shortlisted)
    session.commit()
    return application
