"""Database engine and sessions, shared by the app, the CLI and the scheduler.

Who commits a transaction: the outermost caller (see the rule in `hireops/services/__init__.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from hireops.config import get_settings
from hireops.services.platform.private_files import create_private_file


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the web process read while the scheduler writes; FKs are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Safe with WAL against a crashed process (only power loss can drop the last commits),
    # and it spares an fsync on every commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _create_sqlite_file_private(url: str) -> None:
    # SQLite would create the file with the process umask (often world-readable); created
    # owner-only first, it is opened as is, and SQLite gives its -wal and -shm files the
    # database file's mode.
    database = sa.engine.make_url(url).database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    if path.parent.is_dir():
        create_private_file(path)


def make_engine(url: str) -> sa.Engine:
    """Create an engine for `url` with the settings HireOps relies on."""
    if url.startswith("sqlite"):
        _create_sqlite_file_private(url)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


@lru_cache
def get_engine() -> sa.Engine:
    """The process-wide engine for the configured DATABASE_URL."""
    return make_engine(get_settings().database_url)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
