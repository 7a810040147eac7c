"""The PostgreSQL test server: throw-away schemas and databases, and a skip when it is down.

The fixtures in tests/conftest.py wrap these; a module that wants one database for all its
tests uses `throwaway_database` directly in a module-scoped fixture.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
POSTGRES_URL = f"{POSTGRES_SERVER}/test"


@contextmanager
def throwaway_schema(prefix: str) -> Iterator[tuple[sa.Engine, str]]:
    """An engine on the `test` database whose search_path is a fresh schema, and the schema's
    name; the schema is dropped with everything in it afterwards."""
    admin = _admin_engine()
    try:
        _share_pg_trgm(admin)
        schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with admin.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        engine = sa.create_engine(POSTGRES_URL,
                                  connect_args={"options": f"-csearch_path={schema}"})
        try:
            yield engine, schema
        finally:
            engine.dispose()
            with admin.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@contextmanager
def throwaway_database(prefix: str) -> Iterator[str]:
    """The URL of a fresh, empty database, dropped afterwards (connections and all)."""
    admin = _admin_engine(isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        try:
            yield f"{POSTGRES_SERVER}/{name}"
        finally:
            with admin.connect() as connection:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _admin_engine(**options) -> sa.Engine:
    """An engine on the `test` database, or a skipped test when the server does not answer."""
    admin = sa.create_engine(POSTGRES_URL, **options)
    try:
        with admin.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as problem:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable: {problem.orig}")
    return admin


def _share_pg_trgm(admin: sa.Engine) -> None:
    """Install pg_trgm once in the `test` database's public schema, where no test drops it.

    Otherwise the first migration to get there installs it inside its own throw-away schema,
    and dropping that schema takes every other schema's trigram indexes with it (test runs of
    several worktrees share this database).
    """
    try:
        with admin.begin() as connection:
            if connection.execute(sa.text(
                    "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar():
                connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except sa.exc.IntegrityError:
        pass  # another test run created it at the same moment


def migrate_to_head(engine: sa.Engine) -> sa.Engine:
    """Run the migrations up to head on `engine` (a throw-away schema's); returns it."""
    from alembic import command

    from hireops.services.platform.migrations import alembic_config

    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
    return engine
