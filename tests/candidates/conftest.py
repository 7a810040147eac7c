"""The recruiter the candidate and job tests act as (tests/jobs/conftest.py takes it from here)."""

from __future__ import annotations

import pytest

from hireops.models import User
from tests.factories import make_user


@pytest.fixture
def actor(session) -> User:
    """The recruiter who creates jobs and rescores applications."""
    user = make_user(session, email="rec@example.com")
    session.commit()
    return user
