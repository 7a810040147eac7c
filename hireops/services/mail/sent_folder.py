"""The local outbox folder (a Maildir the Maildir sender writes to when no SMTP server is set):
removing the copies of messages sent to a person whose data is erased."""

from __future__ import annotations

from collections.abc import Iterable
from email.parser import BytesHeaderParser
from pathlib import Path

from hireops.services.mail.sender import outbox_message_id_start

# Our own messages put Message-ID within the first few headers (`build_mime`); reading this much
# of each file finds it without reading attachments.
HEADER_BYTES = 16 * 1024


def remove_sent_copies(folder: Path, *, idempotency_keys: Iterable[str]) -> int:
    """Delete the copies of these outbox messages from `folder`; how many files went."""
    starts = tuple({outbox_message_id_start(key) for key in idempotency_keys})
    removed = 0
    if not starts:
        return removed
    for part in ("new", "cur"):
        area = Path(folder) / part
        if not area.is_dir():
            continue
        for path in area.iterdir():
            if path.is_file() and _message_id(path).startswith(starts):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _message_id(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError:  # removed meanwhile, or unreadable: not ours to judge
        return ""
    return str(BytesHeaderParser().parsebytes(head).get("Message-ID", "")).strip()
