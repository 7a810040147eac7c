"""The shapes a fetched message takes on its way in (parsing is in `parsing.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class RawMessage:
    """One message as a source delivered it, before any parsing."""

    source: str  # "maildir" | "imap"
    folder: str  # Maildir path or IMAP folder name
    uid: str  # the source's own id (Maildir key or IMAP UID), for logs and resuming
    raw: bytes  # the RFC 5322 bytes

    @property
    def source_ref(self) -> str:
        """The string a source's `fetch(skip=...)` asks about for this message."""
        return source_ref(self.source, self.folder, self.uid)


def source_ref(source: str, folder: str, uid: str) -> str:
    """How a source names one message, e.g. "imap:INBOX:1712:42" or "maildir:/mail:1712.M1P2.h"."""
    return f"{source}:{folder}:{uid}"


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str
    content_type: str
    payload: bytes


@dataclass
class ParsedMessage:
    """What the pipeline needs from a message; parsing never fails, it notes problems instead."""

    message_key: str  # "mid:<Message-ID>" or "sha256:<hash of the raw bytes>"
    message_id: str
    from_address: str
    from_name: str
    to_address: str
    subject: str
    body_text: str  # plain text; HTML-only mail is converted
    received_at: datetime | None  # timezone-aware UTC, from the Date header when readable
    attachments: list[ParsedAttachment] = field(default_factory=list)
    # What the body text was read from: "text" (a plain part), "html" (converted), "" (none).
    body_format: str = ""
    # The normalised Message-ID this one answers, and the thread before it (newest last).
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    # Problems met while parsing (bad header encodings, undecodable parts), for the inbox page.
    parse_warnings: list[str] = field(default_factory=list)
