"""Backup and restore: an empty SQLite or PostgreSQL database gets back every row and file."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from hireops.config import PROJECT_ROOT, get_settings
from hireops.db import make_engine
from hireops.models import InterviewLink
from hireops.services.operations.backup import BackupError, restore_backup, write_backup
from hireops.services.demo.seed import seed_demo
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.interviews.builtin_interviewer import submit_answer
from hireops.services.interviews.links import generate_link
from hireops.services.mail.sources import MaildirSource
from tests.interviews.room_steps import start_typed_interview
from tests.postgres import POSTGRES_URL

# Every character str.splitlines() ends a line at, CR LF as a pair too. JSON escapes the ASCII
# ones itself; U+0085, U+2028 and U+2029 it writes raw unless told to escape them, and any mail
# can carry them.
LINE_BREAKS = "\n|\r\n|\r|\x0b|\x0c|\x1c|\x1d|\x1e|\x85|\u2028|\u2029"


def _rows(engine: sa.Engine) -> dict[str, list[dict]]:
    with engine.connect() as connection:
        return {table.name: [dict(row) for row in connection.execute(
                    table.select().order_by(*table.primary_key.columns)).mappings()]
                for table in SQLModel.metadata.sorted_tables}


@pytest.fixture
def filled(database_url, tmp_path, monkeypatch) -> sa.Engine:
    """Demo jobs, mail ingested with attachments, and an interview under way."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_demo(session=session)
        session.commit()
    run_ingest_pass(source=MaildirSource(get_settings().inbox_maildir))
    with Session(engine) as session:
        link = generate_link(session=session, application_id=1, actor=None,
                             override_reason="backup test").link
        start_typed_interview(session, link)
        submit_answer(session=session, link=link, text="Six years of Python services.")
        session.commit()
    yield engine
    engine.dispose()


def _kind(column: sa.Column):
    """The column's storage type (str columns are SQLModel AutoStrings wrapping a String)."""
    return getattr(column.type, "impl", column.type)


def _made_up_value(connection: sa.Connection, column: sa.Column):
    """A value any column of its type takes; a foreign key points at an existing row."""
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        return connection.execute(sa.select(sa.func.min(target))).scalar_one()
    kind = _kind(column)
    if isinstance(kind, sa.LargeBinary):
        # Every byte value, line breaks and NUL included (an attached file).
        return bytes(range(256)) + LINE_BREAKS.encode("utf-8")
    if isinstance(kind, sa.String):
        return LINE_BREAKS[:kind.length or None]
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    if isinstance(kind, sa.JSON):
        return {}
    if isinstance(kind, sa.Boolean):
        return True
    return 0.5 if isinstance(kind, sa.Float) else 7


def _break_every_text_column(engine: sa.Engine) -> None:
    """Give every table a row, then put every line break into each of its text and JSON
    values."""
    with engine.begin() as connection:
        for table in SQLModel.metadata.sorted_tables:  # referenced tables come first
            if not connection.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                connection.execute(table.insert().values({
                    c.name: _made_up_value(connection, c) for c in table.columns
                    if not (c.primary_key and isinstance(_kind(c), sa.Integer))}))
            texts = [c for c in table.columns if isinstance(_kind(c), sa.String)]
            if texts:  # a link table (booking_interviewers) has no text to break
                connection.execute(table.update().values({
                    c.name: sa.func.substr(sa.literal(LINE_BREAKS, sa.Text) + c, 1,
                                           _kind(c).length or 1_000_000) for c in texts}))
            keys = list(table.primary_key.columns)
            for column in (c for c in table.columns if isinstance(_kind(c), sa.JSON)):
                for row in connection.execute(sa.select(*keys, column)).all():
                    connection.execute(table.update().where(
                        *(key == row[i] for i, key in enumerate(keys))).values(
                        {column.name: {LINE_BREAKS: [LINE_BREAKS, row[-1]]}}))


def _restore_into(url: str, backup: Path, data_dir: Path, monkeypatch) -> sa.Engine:
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    engine = make_engine(url)
    restore_backup(database_url=url, engine=engine, backup=backup)
    return engine


def test_backup_restores_into_an_empty_sqlite_database(filled, tmp_path, monkeypatch):
    summary = write_backup(engine=filled, out=tmp_path / "backup")
    before = _rows(filled)
    assert summary.rows["applications"] >= 4 and summary.rows["interview_turns"] == 4
    assert summary.files >= 1
    files_before = sorted(p.relative_to(tmp_path / "data").as_posix()
                          for p in (tmp_path / "data").rglob("*") if p.is_file()
                          and "attachments" in p.parts)

    target = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = _restore_into(target, tmp_path / "backup", tmp_path / "data2", monkeypatch)
    assert _rows(restored) == before
    files_after = sorted(p.relative_to(tmp_path / "data2").as_posix()
                         for p in (tmp_path / "data2").rglob("*") if p.is_file())
    assert files_after == files_before
    # The restored database keeps working: new rows get fresh ids.
    with Session(restored) as session:
        link = generate_link(session=session, application_id=2, actor=None,
                             override_reason="after restore").link
        session.commit()
        assert link.id == max(row["id"] for row in before["interview_links"]) + 1
    restored.dispose()


@pytest.mark.postgres
def test_backup_restores_into_an_empty_postgres_schema(filled, tmp_path, monkeypatch,
                                                        postgres_schema_engine):
    _engine, schema = postgres_schema_engine
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    write_backup(engine=filled, out=tmp_path / "backup")
    restored = _restore_into(url, tmp_path / "backup", tmp_path / "data2", monkeypatch)
    assert _rows(restored) == _rows(filled)
    with Session(restored) as session:  # sequences moved past the restored ids
        link = generate_link(session=session, application_id=2, actor=None,
                             override_reason="after restore").link
        session.commit()
        assert link.id == session.get(InterviewLink, link.id).id > 1
    restored.dispose()


@pytest.mark.parametrize("target", ["sqlite", pytest.param("postgres",
                                                             marks=pytest.mark.postgres)])
def test_every_line_break_in_every_text_column_survives_a_round_trip(
        filled, tmp_path, monkeypatch, request, target):
    _break_every_text_column(filled)
    before = _rows(filled)
    assert all(before.values())  # every table has rows
    assert LINE_BREAKS in before["emails"][0]["body_text"]
    summary = write_backup(engine=filled, out=tmp_path / "backup")
    if target == "sqlite":
        url = f"sqlite:///{tmp_path / 'restored.db'}"
    else:
        _engine, schema = request.getfixturevalue("postgres_schema_engine")
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    restored = _restore_into(url, tmp_path / "backup", tmp_path / "data2", monkeypatch)
    assert _rows(restored) == before
    restored.dispose()
    # Any other reader splits the files right too: one row per line, whatever splits lines.
    for table, count in summary.rows.items():
        text = (tmp_path / "backup" / "tables" / f"{table}.jsonl").read_text(encoding="utf-8")
        assert len(text.splitlines()) == text.count("\n") == count


def test_a_backup_with_raw_line_separators_still_restores(filled, tmp_path, monkeypatch):
    """Backups written before the escaping hold U+2028 and friends raw: they restore too."""
    _break_every_text_column(filled)
    before = _rows(filled)
    write_backup(engine=filled, out=tmp_path / "backup")
    manifest_path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for path in (tmp_path / "backup" / "tables").glob("*.jsonl"):
        rows = [json.loads(line) for line in path.read_text(encoding="ascii").split("\n")
                if line]
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                        encoding="utf-8")
        manifest["sha256"][f"tables/{path.name}"] = hashlib.sha256(
            path.read_bytes()).hexdigest()
    assert "\u2028" in (tmp_path / "backup" / "tables" / "emails.jsonl").read_text()
    manifest_path.write_text(json.dumps(manifest))
    restored = _restore_into(f"sqlite:///{tmp_path / 'restored.db'}", tmp_path / "backup",
                             tmp_path / "data2", monkeypatch)
    assert _rows(restored) == before
    restored.dispose()


def test_restore_refuses_a_used_database_and_a_damaged_backup(filled, tmp_path, monkeypatch,
                                                                database_url):
    write_backup(engine=filled, out=tmp_path / "backup")
    with pytest.raises(BackupError, match="not empty"):
        write_backup(engine=filled, out=tmp_path / "backup")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(database_url=database_url, engine=filled, backup=tmp_path / "backup")

    table = tmp_path / "backup" / "tables" / "candidates.jsonl"
    table.write_text(table.read_text().replace("Maya", "Mara"))
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    with pytest.raises(BackupError, match="candidates.jsonl is missing or damaged"):
        restore_backup(database_url=empty, engine=make_engine(empty), backup=tmp_path / "backup")


def test_cli_backup_and_restore(filled, tmp_path, database_url):
    env = {"PATH": "/usr/bin:/bin", "HIREOPS_ENV_FILE": "/dev/null",
           "SECRET_KEY_FILE": str(tmp_path / "secret"), "DATA_DIR": str(tmp_path / "data"),
           "DATABASE_URL": database_url}
    out = subprocess.run([sys.executable, "-m", "hireops", "backup", "--out",
                          str(tmp_path / "cli")], env=env, cwd=PROJECT_ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "backup written to" in out and "rows in" in out
    manifest = json.loads((tmp_path / "cli" / "manifest.json").read_text())
    target = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run([sys.executable, "-m", "hireops", "restore", "--from",
                           str(tmp_path / "cli")], env={**env, "DATABASE_URL": target,
                                                         "DATA_DIR": str(tmp_path / "d3")},
                          cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"restored {sum(manifest['rows'].values())} rows" in done.stdout
    again = subprocess.run([sys.executable, "-m", "hireops", "restore", "--from",
                            str(tmp_path / "cli")], env={**env, "DATABASE_URL": target},
                           cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert again.returncode == 2 and "not empty" in again.stderr
