"""The database file and attachments are created owner-only, whatever the process umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from hireops.config import get_settings
from hireops.db import make_engine
from hireops.services.platform.attachment_store import attachments_root, save_attachment


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The common default umask (files 0644, folders 0755), as a service is often started."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_new_sqlite_database_and_its_wal_files_are_owner_only(tmp_path, permissive_umask):
    path = tmp_path / "hireops.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE candidates (email TEXT)"))
        connection.execute(sa.text("INSERT INTO candidates VALUES ('ada@example.com')"))
        # Still open: the write-ahead log and its index exist now.
        siblings = sorted(p.name for p in tmp_path.iterdir())
        modes = {p.name: mode(p) for p in tmp_path.iterdir()}
    engine.dispose()
    assert "hireops.db-wal" in siblings
    assert modes == {name: 0o600 for name in siblings}


def test_an_existing_world_readable_database_is_narrowed(tmp_path, permissive_umask):
    path = tmp_path / "old.db"
    path.touch(mode=0o644)
    make_engine(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_attachments_are_owner_only_files_in_owner_only_folders(tmp_path, monkeypatch,
                                                                permissive_umask):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        _digest, relative = save_attachment(b"%PDF-1.4 Ada Lovelace, ada@example.com")
        stored = attachments_root() / relative
        assert mode(stored) == 0o600
        for folder in (tmp_path / "data", attachments_root(), stored.parent):
            assert mode(folder) == 0o700, folder
    finally:
        get_settings.cache_clear()
