"""A migrated database with the inbox, attachment store and local engines in tmp, a recruiter,
and the blind-screened candidate of `scenario`."""

from __future__ import annotations

from pathlib import Path

import pytest

from hireops.config import get_settings
from hireops.models import Role, User
from hireops.services.platform.auth import create_user
from tests.privacy.blind.scenario import BlindCase, build_blind_case


@pytest.fixture
def pipeline_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    """DATA_DIR and the Maildir under tmp_path; local engines, analysis in this process."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INBOX_MAILDIR", str(tmp_path / "maildir"))
    monkeypatch.setenv("CLASSIFIER_ENGINE", "local")
    monkeypatch.setenv("RESUME_SCORER_ENGINE", "local")
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "0")
    get_settings.cache_clear()
    return tmp_path / "maildir"


@pytest.fixture
def recruiter(session, pipeline_env) -> User:
    user = create_user(session=session, email="rec@example.com", password="correct horse 1",
                       role=Role.recruiter)
    session.commit()
    return user


@pytest.fixture
def case(session, pipeline_env, recruiter) -> BlindCase:
    return build_blind_case(session, pipeline_env, recruiter)
