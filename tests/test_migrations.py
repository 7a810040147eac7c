"""Alembic migrations: up, down and up again; the result matches the models exactly.

Runs on SQLite always, and on the PostgreSQL test server (in a throw-away schema) when it is up.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from hireops import models  # noqa: F401  (registers the tables)
from hireops.db import make_engine
from hireops.services.platform.migrations import (
    alembic_config,
    downgrade_database,
    include_object_for,
    upgrade_database,
)


def _schema_diff(connection: sa.Connection) -> list:
    context = MigrationContext.configure(connection, opts={
        "compare_type": True, "include_object": include_object_for(connection.dialect.name)})
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


def _head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


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


TRIGRAM_INDEXES = {"ix_jobs_title_trgm": ("jobs", "title"),
                   "ix_candidates_full_name_trgm": ("candidates", "full_name"),
                   "ix_candidates_email_trgm": ("candidates", "email")}


def _trigram_indexes(connection: sa.Connection) -> dict[str, str]:
    """Name and definition of each GIN trigram index in the current schema."""
    return dict(connection.execute(sa.text(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND indexdef LIKE '%USING gin (% %gin_trgm_ops)%'")).all())


@pytest.mark.postgres
def test_postgres_search_gets_trigram_indexes_and_loses_them_on_downgrade(
        postgres_schema_engine):
    engine, _schema = postgres_schema_engine
    with engine.connect() as connection:
        _alembic(connection, "upgrade", "head")
        indexes = _trigram_indexes(connection)
        assert set(indexes) == set(TRIGRAM_INDEXES)
        for name, (table, column) in TRIGRAM_INDEXES.items():
            assert f".{table} USING gin ({column} " in indexes[name], indexes[name]
            assert indexes[name].endswith("WITH (fastupdate=off)"), indexes[name]

        _alembic(connection, "downgrade", "0010")
        assert _trigram_indexes(connection) == {}
        # The extension stays for whatever else uses it.
        assert connection.execute(sa.text(
            "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == 1

        _alembic(connection, "upgrade", "head")
        assert set(_trigram_indexes(connection)) == set(TRIGRAM_INDEXES)


@pytest.fixture
def unprivileged_url(postgres_database_url: str) -> Iterator[str]:
    """A fresh database as a role that owns its schema `app` but may not create extensions
    (no CREATE on the database), as a hosted database's application role often is."""
    url = sa.engine.make_url(postgres_database_url)
    role = f"hireops_app_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
            connection.execute(sa.text(f'CREATE SCHEMA app AUTHORIZATION "{role}"'))
        yield url.set(username=role, query={"options": "-csearch_path=app"}).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as connection:
            # A role that owns objects cannot be dropped; the database goes after this.
            connection.execute(sa.text("DROP SCHEMA IF EXISTS app CASCADE"))
            connection.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.mark.postgres
def test_postgres_without_rights_to_pg_trgm_migrates_without_trigram_indexes(
        unprivileged_url, caplog):
    engine = sa.create_engine(unprivileged_url)
    try:
        with engine.connect() as connection, caplog.at_level(logging.WARNING):
            _alembic(connection, "upgrade", "head")
            assert "pg_trgm could not be created" in caplog.text
            assert "permission denied" in caplog.text
            assert connection.execute(sa.text(
                "SELECT version_num FROM alembic_version")).scalar() == _head_revision()
            assert _trigram_indexes(connection) == {}
            assert "applications" in _app_tables(connection)
            # Down again with no indexes to drop.
            _alembic(connection, "downgrade", "0010")
    finally:
        engine.dispose()


def _stages_round_trip(connection: sa.Connection, upgrade, downgrade) -> None:
    """Revision 0022 down: applications in stages the older schema does not know go back to
    Shortlisted; up again: the per-job stages, offers and attachments are there, empty."""
    upgrade("head")
    job = models.Job(title="J")
    connection.execute(sa.insert(models.Job.__table__).values(
        id=1, **{c: getattr(job, c) for c in models.Job.__table__.columns.keys() if c != "id"}))
    for number, stage in enumerate(["custom_tech_interview", "hired", "screened"], start=1):
        candidate = models.Candidate(full_name=f"C{number}")
        connection.execute(sa.insert(models.Candidate.__table__).values(
            id=number, **{c: getattr(candidate, c)
                          for c in models.Candidate.__table__.columns.keys() if c != "id"}))
        application = models.Application(candidate_id=number, job_id=1, stage=stage)
        connection.execute(sa.insert(models.Application.__table__).values(
            id=number, **{c: getattr(application, c)
                          for c in models.Application.__table__.columns.keys() if c != "id"}))
    connection.commit()
    downgrade("0021")
    stages = dict(connection.execute(sa.text("SELECT id, stage FROM applications")).all())
    assert stages == {1: "shortlisted", 2: "shortlisted", 3: "screened"}
    assert "job_stages" not in _app_tables(connection)
    upgrade("head")
    assert {"job_stages", "offers", "outbox_attachments"} <= _app_tables(connection)


def test_sqlite_stage_keys_unknown_before_0022_go_back_to_shortlisted(tmp_path):
    url = f"sqlite:///{tmp_path / 'stages.db'}"
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            _stages_round_trip(
                connection, lambda rev: upgrade_database(url, rev),
                lambda rev: downgrade_database(url, rev))
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_stage_keys_unknown_before_0022_go_back_to_shortlisted(postgres_schema_engine):
    engine, _schema = postgres_schema_engine
    with engine.connect() as connection:
        _stages_round_trip(connection, lambda rev: _alembic(connection, "upgrade", rev),
                           lambda rev: _alembic(connection, "downgrade", rev))
