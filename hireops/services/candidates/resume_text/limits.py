"""Limits every extraction obeys, and the error a reader raises when a file is unreadable."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ExtractionLimits:
    """Bounds on what one attachment may cost; see `limits_from_settings`."""

    max_bytes: int = 10 * MB  # attachment size, checked before anything is parsed
    max_pdf_pages: int = 30  # page count, checked before any text is extracted
    max_docx_uncompressed: int = 50 * MB  # sum of the zip members' inflated sizes
    max_zip_ratio: float = 100.0  # inflated / compressed size of the whole zip
    max_zip_entries: int = 1000  # members in a DOCX zip
    max_seconds: float = 10.0  # wall clock per file; 0 means no deadline (runs inline)
    max_text_chars: int = 200_000  # longer text is cut and the cut is noted
    # Memory a reader may use beyond its helper process's start; 0 reads in this process,
    # unbounded (as for max_seconds, the default here; the setting's default bounds it).
    max_memory_mb: int = 0


def limits_from_settings() -> ExtractionLimits:
    """The limits configured in `Settings` (the `extraction_*` fields)."""
    # Imported here: the reader helper process needs the limits, not the settings' libraries.
    from hireops.config import get_settings  # noqa: PLC0415

    settings = get_settings()
    return ExtractionLimits(
        max_bytes=settings.extraction_max_bytes,
        max_pdf_pages=settings.extraction_max_pdf_pages,
        max_docx_uncompressed=settings.extraction_max_docx_uncompressed,
        max_zip_ratio=settings.extraction_max_zip_ratio,
        max_zip_entries=settings.extraction_max_zip_entries,
        max_seconds=settings.extraction_max_seconds,
        max_text_chars=settings.extraction_max_text_chars,
        max_memory_mb=settings.extraction_max_memory_mb,
    )


class UnreadableFile(Exception):
    """A reader gave up; `str(exc)` is the reason shown to HR, never stored as resume text."""

    def __init__(self, reason: str, *, pages: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.pages = pages


def raise_if_out_of_memory(exc: BaseException) -> None:
    """Raise MemoryError when `exc` is (or was caused by) one: running out of memory is the
    file's cost, not its shape, and must not be reported as a corrupt file. The reader's helper
    process turns it into "resume needs more than N MB to read"."""
    seen: BaseException | None = exc
    for _ in range(20):  # a chain is short; the bound only guards against a cycle
        if seen is None:
            return
        if isinstance(seen, MemoryError):
            raise MemoryError(str(seen)) from None
        seen = seen.__cause__ or seen.__context__


def format_size(size: int) -> str:
    """Bytes as HR reads them: '31.5 MB', '10 MB', '2.1 GB', '48 KB'."""
    for unit, scale in (("GB", 1024 * MB), ("MB", MB)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{max(1, round(size / 1024))} KB"
