"""Fixtures shared by the settings tests."""

from __future__ import annotations

import pytest

from hireops.models import Role, User
from hireops.services.platform.auth import create_user


@pytest.fixture
def admin(session) -> User:
    """The admin who edits the settings."""
    user = create_user(session=session, email="admin@example.com",
                       password="long-enough-password", role=Role.admin)
    session.commit()
    return user
