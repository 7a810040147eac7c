"""The file readers by kind, each imported when it reads its first file.

Its own module so that both the caller (extract) and the memory-capped helper process
(reader_process, which loads them up front) reach the readers without importing each other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from hireops.services.candidates.resume_text.limits import ExtractionLimits

Reader = Callable[[bytes, ExtractionLimits], tuple[str, int | None]]


def _loaded_on_first_file(module: str, function: str, *, pages: bool) -> Reader:
    """The reader `function` of `module`, imported when it reads its first file. The readers'
    libraries (pypdf, PDFium, python-docx: about 35 MB) are loaded where files are read, the
    memory-capped helper process, not in every process that only hands it files."""

    def read(payload: bytes, limits: ExtractionLimits) -> tuple[str, int | None]:
        reader = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        return reader(payload, limits) if pages else (reader(payload, limits), None)

    return read


# Each reader returns (raw text, page count or None) or raises UnreadableFile.
READERS: dict[str, Reader] = {
    "pdf": _loaded_on_first_file("pdf", "read_pdf", pages=True),
    "docx": _loaded_on_first_file("word", "read_docx", pages=False),
    "txt": _loaded_on_first_file("plain", "read_plain_text", pages=False),
    "latex": _loaded_on_first_file("latex", "read_latex", pages=False),
}
_READER_MODULES = ("pdf", "word", "plain", "latex")


def load_readers() -> None:
    """Import every reader's libraries now (the helper process does, before it measures the
    memory its budget comes on top of)."""
    for module in _READER_MODULES:
        importlib.import_module(f"{__package__}.{module}")
