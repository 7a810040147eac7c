"""Fixtures shared by the service tests."""

from __future__ import annotations

import pytest

from hireops.models import User


@pytest.fixture
def actor(session) -> User:
    """The recruiter who creates jobs and rescores applications."""
    user = User(email="rec@example.com", password_hash="-", role="recruiter")
    session.add(user)
    session.commit()
    return user
