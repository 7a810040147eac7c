"""Backups that restore anywhere: every table as JSON lines plus the attachment files.

The format is the same for SQLite and PostgreSQL (a SQLite backup restores into PostgreSQL and
back), each file carries its SHA-256 in the manifest, and a restore only goes into an empty
database migrated to the backup's schema revision, so it never mixes two histories.
Stored credentials stay encrypted: restoring them needs the same secret key.

Table files are JSON lines in plain ASCII (every other character escaped), so no line splitter
can cut a row in two: mail carries U+2028, U+2029 and U+0085, which JSON leaves raw by default
and `str.splitlines` treats as line ends. Restore splits only at "\n", so backups written before
the escaping restore too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

from hireops import models  # noqa: F401  (registers every table on the metadata)
from hireops.services.platform.attachment_store import attachments_root
from hireops.services.platform.migrations import upgrade_database
from hireops.services.platform.private_files import make_tree_private, private_dir

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup cannot be written or restored; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    revision: str
    rows: dict[str, int]
    files: int


def _tables() -> list[sa.Table]:
    return list(SQLModel.metadata.sorted_tables)


def _revision(connection: sa.Connection) -> str:
    try:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    except sa.exc.SQLAlchemyError as problem:
        raise BackupError("The database has no migration revision; run `migrate` first.") \
            from problem


def _jsonable(value):
    # Binary columns (an offer letter sent with a mail) as base64 text; `_decoder` reverses it.
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_line(row) -> str:
    """One row as a line of ASCII: the only line end in it is its last character."""
    return json.dumps({key: _jsonable(value) for key, value in row.items()},
                      ensure_ascii=True) + "\n"


def _read_rows(path: Path) -> list[dict]:
    """The rows of one table file; a line ends only at "\n", whatever else the text holds."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="\n") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(*, engine: sa.Engine, out: Path) -> BackupSummary:
    """Write every table and attachment file into `out` (which must be new or empty)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out} is not empty; choose a new folder for the backup.")
    # Owner-only from the start, so no one else can read it while it is being written.
    private_dir(out / "tables")
    rows: dict[str, int] = {}
    checksums: dict[str, str] = {}
    # One read transaction: the tables are a consistent snapshot of one moment.
    with engine.connect() as connection, connection.begin():
        revision = _revision(connection)
        for table in _tables():
            target = out / "tables" / f"{table.name}.jsonl"
            count = 0
            with target.open("w", encoding="utf-8", newline="\n") as handle:
                ordered = table.select().order_by(*table.primary_key.columns)
                for row in connection.execute(ordered).mappings():
                    handle.write(_json_line(row))
                    count += 1
            rows[table.name] = count
            checksums[f"tables/{table.name}.jsonl"] = _sha256(target)
    files = _copy_tree(attachments_root(), out / "files")
    checksums.update({f"files/{name}": digest for name, digest in files.items()})
    manifest = {"format": FORMAT_VERSION, "revision": revision,
                "created_at": datetime.now(timezone.utc).isoformat(), "rows": rows,
                "sha256": checksums}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    # A backup holds every candidate and credential row: owner-only, whatever the umask.
    make_tree_private(out)
    return BackupSummary(out, revision, rows, len(files))


def _copy_tree(source: Path, target: Path) -> dict[str, str]:
    copied: dict[str, str] = {}
    if not source.exists():
        return copied
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        if path.suffix == ".tmp":
            continue  # a write in progress, not an attachment
        relative = path.relative_to(source).as_posix()
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        copied[relative] = _sha256(destination)
    return copied


def _read_manifest(backup: Path) -> dict:
    try:
        manifest = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise BackupError(f"{backup} has no readable {MANIFEST}; is it a HireOps backup?") \
            from problem
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not supported.")
    for name, expected in manifest.get("sha256", {}).items():
        path = backup / name
        if not path.is_file() or _sha256(path) != expected:
            raise BackupError(f"{name} is missing or damaged (checksum mismatch); nothing was "
                              "restored.")
    return manifest


def _decoder(table: sa.Table):
    times = {c.name for c in table.columns
             if isinstance(getattr(c.type, "impl", c.type), sa.DateTime)}
    binary = {c.name for c in table.columns if isinstance(c.type, sa.LargeBinary)}

    def decode_value(key: str, value):
        if key in times and value:
            return datetime.fromisoformat(value)
        if key in binary and isinstance(value, str):
            return base64.b64decode(value, validate=True)
        return value

    def decode(row: dict) -> dict:
        return {key: decode_value(key, value) for key, value in row.items()}

    return decode


def _assert_empty(connection: sa.Connection) -> None:
    for table in _tables():
        if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
            raise BackupError(f"The target database is not empty (table {table.name} has rows); "
                              "restore only into an empty database.")


def restore_backup(*, database_url: str, engine: sa.Engine, backup: Path) -> BackupSummary:
    """Restore `backup` into the empty database at `database_url`, rows and files."""
    backup = Path(backup)
    manifest = _read_manifest(backup)
    upgrade_database(database_url, revision=manifest["revision"])
    rows: dict[str, int] = {}
    with engine.begin() as connection:
        _assert_empty(connection)
        for table in _tables():
            decode = _decoder(table)
            batch = [decode(row) for row in
                     _read_rows(backup / "tables" / f"{table.name}.jsonl")]
            for start in range(0, len(batch), 500):
                connection.execute(table.insert(), batch[start:start + 500])
            rows[table.name] = len(batch)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)
    files = _copy_tree(backup / "files", attachments_root())
    make_tree_private(attachments_root())
    return BackupSummary(backup, manifest["revision"], rows, len(files))


def _reset_sequences(connection: sa.Connection) -> None:
    """Explicit ids were inserted: move each serial sequence past the highest one."""
    for table in _tables():
        for column in table.primary_key.columns:
            if not isinstance(column.type, sa.Integer):
                continue
            sequence = connection.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                          {"t": table.name, "c": column.name}).scalar()
            if sequence:
                connection.execute(sa.text(
                    f"SELECT setval('{sequence}', COALESCE((SELECT MAX({column.name}) FROM "
                    f"{table.name}), 0) + 1, false)"))
