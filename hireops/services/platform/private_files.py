"""Files only the account running HireOps may read: the database, attachments, backups and
Reflex's saved tab states hold candidates' data and sign-in secrets."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# Group and others get nothing on anything the process creates from then on.
OWNER_ONLY_UMASK = 0o077


def restrict_new_files() -> None:
    """Make every file and folder this process creates owner-only, including those written by
    libraries we do not control (SQLite's journal files, Reflex's `.states/`)."""
    os.umask(OWNER_ONLY_UMASK)


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) owner-only; an existing folder is narrowed too."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        # exist_ok: another process may create it between the check and here.
        folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
        folder.chmod(PRIVATE_DIR_MODE)
    path.chmod(PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file at `path` unless one exists (then narrow its mode)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass
    path.chmod(PRIVATE_FILE_MODE)


def write_private_bytes(path: Path, payload: bytes) -> None:
    """Write `payload` to a new owner-only file (replacing any file at `path`)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
    path.chmod(PRIVATE_FILE_MODE)


def make_tree_private(root: Path) -> None:
    """Narrow `root` and everything below it to owner-only (folders 0700, files 0600)."""
    if not root.exists():
        return
    root.chmod(PRIVATE_DIR_MODE)
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)
