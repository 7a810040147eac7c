"""The headers of a file HR downloads: its name said safely, and kept out of every cache.

A name can come from a stranger (an attachment's name is whatever the sender's mail says), so
it is sent as RFC 6266 asks: `filename*` carries it exactly, percent-encoded UTF-8 (RFC 5987),
and `filename` an ASCII stand-in for old clients. Neither can hold a quote, a backslash or a
line break, so nothing in the name ends the parameter or starts a header of its own.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from hireops.services.platform.file_names import safe_file_name

# What a quoted ASCII stand-in keeps: printable ASCII but the quote and backslash (which would
# end or escape the quoted string) and ";" and "%" (which lenient parsers read as syntax).
_ASCII_KEPT = re.compile(r"[^\x20-\x7e]|[\"\\;%]")
# A media type as "type/subtype" and nothing more; anything else is sent as plain bytes.
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}")
BYTES = "application/octet-stream"


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """`disposition` with `filename` as both RFC 6266 parameters."""
    name = safe_file_name(filename)
    plain = _ASCII_KEPT.sub("_", name)
    return f"{disposition}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_headers(filename: str, disposition: str = "attachment") -> dict[str, str]:
    """A personal file's headers: its name, no shared or on-disk cache, no type sniffing."""
    return {"Content-Disposition": content_disposition(filename, disposition),
            "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def media_type(stored: str) -> str:
    """The stored content type when it is one (a sender wrote it), else plain bytes."""
    kind = stored.strip().lower()
    return kind if _MEDIA_TYPE.fullmatch(kind) else BYTES
