"""The local outbox folder (a Maildir the Maildir sender writes to when no SMTP server is set):
removing the copies of messages sent to a person whose data is erased."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from hireops.services.mail.sender import outbox_message_id_start

# Our own messages put Message-ID within the first few headers (`build_mime`); reading this much
# of each file finds it without reading attachments.
HEADER_BYTES = 16 * 1024
# The start of one of our Message-IDs in a header line (no repetition that can backtrack).
OUTBOX_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(<outbox\.[0-9a-f]{40}@)",
                               re.IGNORECASE | re.MULTILINE)


def remove_sent_copies(folder: Path, *, idempotency_keys: Iterable[str]) -> int:
    """Delete the copies of these outbox messages from `folder`; how many files went."""
    starts = {outbox_message_id_start(key).encode("ascii") for key in idempotency_keys}
    removed = 0
    if not starts:
        return removed
    for part in ("new", "cur"):
        area = Path(folder) / part
        if not area.is_dir():
            continue
        for path in area.iterdir():
            if _outbox_id_start(path) in starts:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _outbox_id_start(path: Path) -> bytes:
    """The Message-ID up to its domain when the file is one of our messages, else b""."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError:  # removed meanwhile, or not a file: not ours to judge
        return b""
    headers = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    found = OUTBOX_MESSAGE_ID.search(headers)
    return found.group(1) if found else b""
