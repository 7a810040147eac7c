"""A backup holds every candidate and credential row: it is written owner-only, and so are the
attachments it restores."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hireops.config import get_settings
from hireops.db import make_engine
from hireops.services.platform.attachment_store import attachments_root, save_attachment
from hireops.services.operations.backup import restore_backup, write_backup


def _modes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for p in [root, *root.rglob("*")]}


@pytest.fixture(autouse=True)
def permissive_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_backup_and_restored_files_are_owner_only(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    save_attachment(b"resume of Ada Lovelace")
    engine = make_engine(database_url)
    write_backup(engine=engine, out=tmp_path / "backup")
    engine.dispose()

    modes = _modes(tmp_path / "backup")
    assert "manifest.json" in modes and any(name.startswith("files/") for name in modes)
    assert {name: m for name, m in modes.items()
            if m != (0o700 if (tmp_path / "backup" / name).is_dir() else 0o600)} == {}

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "restored-data"))
    get_settings.cache_clear()
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = make_engine(target)
    restore_backup(database_url=target, engine=restored, backup=tmp_path / "backup")
    restored.dispose()
    root = attachments_root()
    assert {name: m for name, m in _modes(root).items()
            if m != (0o700 if (root / name).is_dir() else 0o600)} == {}
    assert stat.S_IMODE((tmp_path / "restored.db").stat().st_mode) == 0o600
    get_settings.cache_clear()
