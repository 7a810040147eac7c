"""One attachment in, its text or the reason there is none out; never raises, never invents."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from hireops.services.candidates.resume_text.cleanup import normalize_text
from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline
from hireops.services.candidates.resume_text.kinds import (
    detect_kind,
    extension,
    image_format,
    mime_type,
    unsupported_document,
)
from hireops.services.candidates.resume_text.limits import (
    ExtractionLimits,
    UnreadableFile,
    format_size,
    limits_from_settings,
)
from hireops.services.candidates.resume_text.reader_process import (
    MemoryBudgetExceeded,
    run_with_memory_budget,
)
from hireops.services.candidates.resume_text.readers import READERS

logger = logging.getLogger(__name__)

# Pictures smaller than this are logos and signature images, not scanned resumes.
SMALL_IMAGE_BYTES = 50 * 1024
_ASK = "ask for PDF or DOCX"
_UNSUPPORTED = {
    "doc": f"Word 97-2003 .doc is not supported; {_ASK}",
    "rtf": f"RTF is not supported; {_ASK}",
}


@dataclass(frozen=True)
class ExtractionResult:
    """What became of one attachment."""

    status: Literal["ok", "failed", "skipped"]  # skipped: not a resume-like file (.ics, a logo)
    text: str  # the extracted text; "" unless status == "ok", and never an error message
    reason: str  # why it failed or was skipped, for HR; for ok, a note such as a cut
    kind: str  # pdf | docx | txt | latex | doc | rtf | image | other
    pages: int | None = None  # PDF page count when known


def extract_text(
    filename: str, content_type: str, payload: bytes, limits: ExtractionLimits | None = None
) -> ExtractionResult:
    """Extract resume text from an attachment within `limits` (default: from settings)."""
    kind = "other"
    try:
        filename, content_type, payload = filename or "", content_type or "", bytes(payload or b"")
        kind = detect_kind(filename, content_type, payload)
        return _extract(filename, content_type, payload, kind, limits or limits_from_settings())
    except Exception as exc:  # a bug here must not stop the inbox; it is logged and shown
        logger.exception("resume text extraction crashed on %r", filename)
        return ExtractionResult("failed", "", f"could not read the file ({type(exc).__name__})",
                                kind)


def _extract(filename: str, content_type: str, payload: bytes, kind: str,
             limits: ExtractionLimits) -> ExtractionResult:
    size = len(payload)
    if kind == "other":
        reason = unsupported_document(filename, content_type, payload)
        if reason:
            return ExtractionResult("failed", "", reason, kind)
        described = _describe(filename, content_type)
        return ExtractionResult("skipped", "", f"not a resume file type ({described})", kind)
    if kind == "image" and size < SMALL_IMAGE_BYTES:
        return ExtractionResult("skipped", "", f"small image ({_image_name(filename, payload)}, "
                                f"{format_size(size)}), likely a logo or signature", kind)
    if size > limits.max_bytes:
        return ExtractionResult("failed", "", f"file is {format_size(size)}, above the "
                                f"{format_size(limits.max_bytes)} limit", kind)
    if size == 0:
        return ExtractionResult("failed", "", "file is empty", kind)
    if kind == "image":
        return ExtractionResult("failed", "", f"image file ({_image_name(filename, payload)}): "
                                f"pictures of resumes can't be read (no OCR); {_ASK}", kind)
    if kind in _UNSUPPORTED:
        return ExtractionResult("failed", "", _UNSUPPORTED[kind], kind)
    return _parse(kind, payload, limits)


def _parse(kind: str, payload: bytes, limits: ExtractionLimits) -> ExtractionResult:
    if limits.max_memory_mb <= 0:
        outcome = read_with_deadline(kind, payload, limits)
    else:
        try:
            outcome = run_with_memory_budget(read_with_deadline, kind, payload, limits,
                                             budget_mb=limits.max_memory_mb,
                                             seconds=limits.max_seconds)
        except MemoryBudgetExceeded:
            outcome = ("failed", f"resume needs more than {limits.max_memory_mb} MB to read "
                                 "(malformed or hostile file?)", None)
        except DeadlineExceeded:
            outcome = ("failed", _too_slow(limits), None)
    status, text_or_reason, pages = outcome
    if status == "failed":
        return ExtractionResult("failed", "", text_or_reason, kind, pages)
    text = text_or_reason
    if not text:
        return ExtractionResult("failed", "", "file contains no text", kind, pages)
    note = ""
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars].rstrip()
        note = f"text cut to the first {limits.max_text_chars:,} characters"
    return ExtractionResult("ok", text, note, kind, pages)


def read_with_deadline(kind: str, payload: bytes,
                       limits: ExtractionLimits) -> tuple[str, str, int | None]:
    """("ok", text, pages) or ("failed", reason, pages) for one file of a readable `kind`,
    within the time limit; runs here or in a memory-capped helper process."""
    reader = READERS[kind]

    def work() -> tuple[str, int | None]:
        raw, pages = reader(payload, limits)
        return normalize_text(raw), pages

    try:
        text, pages = run_with_deadline(work, limits.max_seconds)
    except UnreadableFile as exc:
        return "failed", exc.reason, exc.pages
    except DeadlineExceeded:
        return "failed", _too_slow(limits), None
    return "ok", text, pages


def _too_slow(limits: ExtractionLimits) -> str:
    return f"reading took longer than {limits.max_seconds:g} s (malformed or hostile file?)"


def _describe(filename: str, content_type: str) -> str:
    ext = extension(filename)
    mime = mime_type(content_type)
    return ", ".join(part for part in (f".{ext}" if ext else "", mime) if part) or "unknown"


def _image_name(filename: str, payload: bytes) -> str:
    return image_format(payload) or extension(filename).upper() or "image"
