"""Fixtures for the inbox tests: a migrated database, a Maildir and attachment store in tmp,
and two open jobs to apply to."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from hireops.config import get_settings
from hireops.models import Application, Attachment, Candidate, Email, Job
from hireops.services.jobs import JobForm, create_job
from tests.fakes.dovecot import dovecot  # noqa: F401  (a pytest fixture, used by name)

BACKEND = "Senior Backend Engineer"
ANALYST = "Data Analyst"


@pytest.fixture
def inbox_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    """DATA_DIR and INBOX_MAILDIR under tmp_path (attachments never land in the project)."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    monkeypatch.setenv("INBOX_MAILDIR", str(tmp_path / "maildir"))
    # The local engines: no network, deterministic results.
    monkeypatch.setenv("CLASSIFIER_ENGINE", "local")
    monkeypatch.setenv("RESUME_SCORER_ENGINE", "local")
    get_settings.cache_clear()
    return data_dir


@pytest.fixture
def maildir_path(inbox_env: Path, tmp_path: Path) -> Path:
    return tmp_path / "maildir"


@pytest.fixture
def maildir(maildir_path: Path) -> mailbox.Maildir:
    """An empty Maildir at INBOX_MAILDIR."""
    return mailbox.Maildir(maildir_path, create=True)


@pytest.fixture
def jobs(session: Session, inbox_env: Path) -> dict[str, Job]:
    """Two open jobs: a backend engineer and a data analyst."""
    backend = create_job(session=session, actor=None, form=JobForm(
        title=BACKEND, department="Engineering", location="Berlin", seniority="Senior",
        description="Build and run the APIs behind our hiring product.",
        must_have_skills=["Python", "PostgreSQL", "Docker", "REST APIs"],
        nice_to_have_skills=["Kubernetes", "AWS"],
        responsibilities=["Design REST APIs", "Run PostgreSQL in production"]))
    analyst = create_job(session=session, actor=None, form=JobForm(
        title=ANALYST, department="Finance", location="Remote",
        description="Turn sales data into dashboards and answers.",
        must_have_skills=["SQL", "Python", "Tableau", "Excel"],
        nice_to_have_skills=["Power BI", "Statistics"],
        responsibilities=["Build Tableau dashboards", "Write SQL reports"]))
    return {BACKEND: backend, ANALYST: analyst}


def count(session: Session, model) -> int:
    """Rows of `model`, read fresh (other sessions may have written)."""
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


def counts(session: Session) -> dict[str, int]:
    return {"emails": count(session, Email), "attachments": count(session, Attachment),
            "candidates": count(session, Candidate), "applications": count(session, Application)}


def deliver(box: mailbox.Maildir, *messages: bytes) -> list[str]:
    """Drop each message into the Maildir's new/ folder, as a delivery agent would."""
    return [box.add(raw) for raw in messages]


def listing(path: Path) -> list[tuple[str, int]]:
    """Every file under `path` with its size, sorted: a Maildir as a mail client sees it."""
    return sorted((str(p.relative_to(path)), p.stat().st_size)
                  for p in path.rglob("*") if p.is_file())


@pytest.fixture
def fresh_session(database_url: str) -> Iterator[Session]:
    """A second session, for reading what a pass committed."""
    from hireops import db

    with Session(db.get_engine(), expire_on_commit=False) as other:
        yield other
