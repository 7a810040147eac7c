"""The integration API on a fresh database: a client, tokens of each scope, and some data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from hireops.api.app import build_api
from hireops.models import Application, Role, Stage
from hireops.services.platform.api_tokens import create_api_token
from hireops.services.platform.auth import create_user
from tests.factories import make_candidate, make_job


@dataclass(frozen=True)
class Seeded:
    job_id: int
    blind_job_id: int
    candidate_id: int
    blind_candidate_id: int
    application_id: int
    blind_application_id: int


@pytest.fixture
def client(database_url: str, tmp_path, monkeypatch) -> Iterator[TestClient]:
    """The API app; server errors come back as responses so their shape can be checked."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    with TestClient(build_api(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def admin(session):
    user = create_user(session=session, email="admin@example.com", password="correct horse 1",
                       role=Role.admin)
    session.commit()
    return user


@pytest.fixture
def read_token(session, admin) -> str:
    return create_api_token(session=session, name="BI export", scope="read", actor=admin)[1]


@pytest.fixture
def write_token(session, admin) -> str:
    return create_api_token(session=session, name="ATS sync", scope="write", actor=admin)[1]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def seeded(session) -> Seeded:
    """An open job and a blind-screening job, each with one scored application."""
    job = make_job(session, title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"])
    blind = make_job(session, title="Data Analyst", must_have_skills=["SQL"],
                     blind_screening=True)
    maya = make_candidate(session, full_name="Maya Chen", email="maya@example.com",
                          email_normalized="maya@example.com", phone="+44 20 7946 0321",
                          current_title="Backend developer")
    omar = make_candidate(session, full_name="Omar Haddad", email="omar@example.com",
                          email_normalized="omar@example.com",
                          linkedin_url="https://linkedin.com/in/o")
    first = Application(candidate_id=maya.id, job_id=job.id, stage=Stage.matched,
                        resume_score=86, final_score=80, decision="advance")
    second = Application(candidate_id=omar.id, job_id=blind.id, stage=Stage.new,
                         resume_score=55,
                         resume_result={"candidate_summary": {"name": "Omar Haddad"},
                                        "match": {"score": 55}})
    session.add_all([first, second])
    session.commit()
    return Seeded(job.id, blind.id, maya.id, omar.id, first.id, second.id)
