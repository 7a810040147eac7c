"""The headers of a file HR downloads: its name said safely, and kept out of every cache; and
the answer that sends a file the server builds for one download from disk, in pieces.

A name can come from a stranger (an attachment's name is whatever the sender's mail says), so
it is sent as RFC 6266 asks: `filename*` carries it exactly, percent-encoded UTF-8 (RFC 5987),
and `filename` an ASCII stand-in for old clients. Neither can hold a quote, a backslash or a
line break, so nothing in the name ends the parameter or starts a header of its own.
"""

from __future__ import annotations

import re
import tempfile
from typing import BinaryIO
from urllib.parse import quote

from fastapi.responses import StreamingResponse

from hireops.services.platform.file_names import safe_file_name

# What a quoted ASCII stand-in keeps: printable ASCII but the quote and backslash (which would
# end or escape the quoted string) and ";" and "%" (which lenient parsers read as syntax).
_ASCII_KEPT = re.compile(r"[^\x20-\x7e]|[\"\\;%]")
# A media type as "type/subtype" and nothing more; anything else is sent as plain bytes.
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}")
BYTES = "application/octet-stream"
# A file built for one download (a privacy export) stays in memory up to this size, then moves
# to a temporary file on disk: a person's files can be hundreds of megabytes.
SPOOL_BYTES = 4 << 20
# How much of it each piece of the answer carries.
PIECE_BYTES = 1 << 20


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


def spooled_file() -> BinaryIO:
    """Where to build a file for one download: in memory while small, on disk past
    SPOOL_BYTES (`streamed_download` closes it, which deletes it)."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)


def streamed_download(file: BinaryIO, kind: str, filename: str) -> StreamingResponse:
    """`file`, built for this answer, sent from its start in pieces of PIECE_BYTES with the
    download headers; closed (and so deleted) once sent, or when the browser goes away."""
    file.seek(0)

    def pieces():
        try:
            while piece := file.read(PIECE_BYTES):
                yield piece
        finally:
            file.close()

    return StreamingResponse(pieces(), media_type=kind, headers=download_headers(filename))
