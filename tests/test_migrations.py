"""Alembic migrations: up, down and up again; the result matches the models exactly.

Runs on SQLite always, and on the PostgreSQL test server (in a throw-away schema) when it is up.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from hireops import models  # noqa: F401  (registers the tables)
from hireops.db import make_engine
from hireops.services.migrations import alembic_config, downgrade_database, upgrade_database

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _schema_diff(connection: sa.Connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, SQLModel.metadata)


def _app_tables(connection: sa.Connection) -> set[str]:
    return set(sa.inspect(connection).get_table_names()) - {"alembic_version"}


def _duplicate_application(connection: sa.Connection) -> None:
    """Insert one candidate and job, then the same application twice."""
    connection.execute(sa.text(
        "INSERT INTO candidates (id, full_name, email, email_normalized, phone, "
        "phone_normalized, linkedin_url, github_url, location, current_title, resume_text, "
        "source, created_at, updated_at) VALUES (1, 'C', '', '', '', '', '', '', '', '', '', "
        "'manual', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
    job = models.Job(title="J")
    connection.execute(sa.insert(models.Job.__table__).values(
        id=1, **{c: getattr(job, c) for c in models.Job.__table__.columns.keys() if c != "id"}))
    application = {c: getattr(models.Application(candidate_id=1, job_id=1), c)
                   for c in models.Application.__table__.columns.keys() if c != "id"}
    insert = sa.insert(models.Application.__table__)
    connection.execute(insert.values(**application))
    with pytest.raises(sa.exc.IntegrityError, match="(?i)unique"):
        connection.execute(insert.values(**application))


def test_sqlite_upgrade_downgrade_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'migrations.db'}"
    engine = make_engine(url)
    try:
        upgrade_database(url)
        with engine.connect() as connection:
            assert "applications" in _app_tables(connection)
            assert _schema_diff(connection) == []

        downgrade_database(url)
        with engine.connect() as connection:
            assert _app_tables(connection) == set()

        upgrade_database(url)
        with engine.connect() as connection:
            assert _schema_diff(connection) == []
            assert _app_tables(connection) == set(SQLModel.metadata.tables)
            _duplicate_application(connection)
    finally:
        engine.dispose()


@pytest.fixture
def postgres_schema_engine() -> Iterator[tuple[sa.Engine, str]]:
    """An engine whose search_path is a fresh schema, dropped with everything in it afterwards."""
    admin = sa.create_engine(POSTGRES_URL)
    try:
        with admin.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as problem:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable: {problem.orig}")
    schema = f"test_migrations_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine = sa.create_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine, schema
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _alembic(connection: sa.Connection, action: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, action)(config, revision)
    connection.commit()


@pytest.mark.postgres
def test_postgres_upgrade_downgrade_upgrade(postgres_schema_engine):
    engine, schema = postgres_schema_engine
    with engine.connect() as connection:
        _alembic(connection, "upgrade", "head")
        # Everything went into the throw-away schema, including Alembic's own table.
        assert connection.execute(sa.text("SELECT current_schema()")).scalar() == schema
        assert "alembic_version" in sa.inspect(connection).get_table_names(schema=schema)
        assert "applications" in _app_tables(connection)
        assert _schema_diff(connection) == []

        _alembic(connection, "downgrade", "base")
        assert _app_tables(connection) == set()

        _alembic(connection, "upgrade", "head")
        assert _schema_diff(connection) == []
        assert _app_tables(connection) == set(SQLModel.metadata.tables)
        _duplicate_application(connection)
        connection.rollback()
