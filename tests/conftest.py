"""Shared fixtures: a migrated SQLite database per test, settings isolated from the developer's,
and throw-away PostgreSQL schemas and databases (skipped when the server is down)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from hireops import db
from hireops.config import get_settings
from hireops.services.platform.migrations import upgrade_database
from tests.postgres import throwaway_database, throwaway_schema


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated through Alembic; each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade_database(f"sqlite:///{path}")
    return path


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test runs with its own secret key file and no developer `.env` values."""
    monkeypatch.setenv("HIREOPS_ENV_FILE", os.devnull)
    monkeypatch.setenv("SECRET_KEY_FILE", str(tmp_path / "secret"))
    monkeypatch.setenv("INBOX_MAILDIR", str(tmp_path / "maildir"))
    for name in ("MISTRAL_API_KEY", "MISTRAL_SERVER_URL", "HIREOPS_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def database_url(tmp_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh migrated SQLite database, also made the app's configured database."""
    path = tmp_path / "hireops.db"
    shutil.copy(migrated_template, path)
    yield from _as_app_database(f"sqlite:///{path}", monkeypatch)


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    """A session on the fresh database."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        yield session


@pytest.fixture
def postgres_schema_engine(request: pytest.FixtureRequest) -> Iterator[tuple[sa.Engine, str]]:
    """An engine whose search_path is a fresh, empty schema of the PostgreSQL `test` database,
    and the schema's name; dropped with everything in it afterwards."""
    with throwaway_schema(request.module.__name__.rsplit(".", 1)[-1]) as both:
        yield both


@pytest.fixture
def postgres_database_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    with throwaway_database("hireops_test") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path, migrated_template: Path,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh migrated database made the app's configured one, once on SQLite (a file, so
    several connections share it) and once on PostgreSQL: for checks that must hold on both,
    such as counters updated by many workers at once."""
    if request.param == "sqlite":
        yield request.getfixturevalue("database_url")
        return
    with throwaway_database("hireops_both") as url:
        upgrade_database(url)
        yield from _as_app_database(url, monkeypatch)


def _as_app_database(url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make `url` the app's configured database for one test, its engine disposed afterwards."""
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    yield url
    db.get_engine().dispose()
    db.get_engine.cache_clear()
