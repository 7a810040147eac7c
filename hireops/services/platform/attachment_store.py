"""Attachment files on disk, named by their SHA-256 so the same file is kept once."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from hireops.config import get_settings
from hireops.models import Attachment
from hireops.services.platform.private_files import private_dir, write_private_bytes


def attachments_root() -> Path:
    """The folder holding attachment files."""
    return get_settings().data_dir / "attachments"


def save_attachment(payload: bytes) -> tuple[str, str]:
    """Store `payload` (once) and return (sha256, path relative to the attachments root)."""
    digest = hashlib.sha256(payload).hexdigest()
    relative = f"{digest[:2]}/{digest}"
    path = attachments_root() / relative
    if not path.exists():
        # Resumes are personal data: owner-only folders and files.
        private_dir(path.parent)
        # Write then rename: a crash never leaves a half-written file under the final name.
        # The temporary name is unique per call: two threads of one process (the scheduler and
        # "Sync now") saving the same file must not share it.
        temporary = path.with_suffix(f".{os.getpid()}.{uuid.uuid4().hex}.tmp")
        write_private_bytes(temporary, payload)
        os.replace(temporary, path)
    return digest, relative


def attachment_row(*, filename: str, content_type: str, payload: bytes,
                   email_id: int | None = None) -> Attachment:
    """The record of a received file, its bytes stored; a file over the store limit is
    recorded as failed, with the reason, and not kept."""
    row = Attachment(email_id=email_id, filename=(filename or "attachment")[:255],
                     content_type=content_type[:120], size_bytes=len(payload))
    limit = get_settings().attachment_max_store_bytes
    if len(payload) > limit:
        row.extraction_status = "failed"
        row.extraction_error = (f"File is {len(payload) / 2**20:.1f} MB, above the "
                                f"{limit / 2**20:.0f} MB limit; it was not kept.")
        return row
    row.sha256, row.storage_path = save_attachment(payload)
    return row


def attachment_path(relative: str) -> Path:
    """Where an attachment's bytes are on disk (FileNotFoundError if they are gone)."""
    root = attachments_root().resolve()
    path = (root / relative).resolve()
    # Paths come from the database; refuse anything that would leave the store.
    if root not in path.parents or not path.is_file():
        raise FileNotFoundError(relative)
    return path


def read_attachment(relative: str) -> bytes:
    """The stored bytes of an attachment (FileNotFoundError if it is gone)."""
    return attachment_path(relative).read_bytes()
