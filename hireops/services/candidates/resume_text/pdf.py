"""PDF text: PDFium reads it, pypdf vets encryption and takes over when PDFium fails; encryption,
page limit, scanned pages and unreadable fonts are reported, never guessed at."""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from hireops.services.candidates.resume_text.limits import (
    ExtractionLimits,
    UnreadableFile,
    raise_if_out_of_memory,
)
from hireops.services.candidates.resume_text.pdfium_text import (
    PageTexts,
    PdfiumFailed,
    page_count_error,
    read_pages_with_pdfium,
)

# Below this many characters a PDF counts as having no text layer.
MIN_TEXT_CHARS = 20
# Share of private-use, unassigned or control characters above which the text is font garbage.
MAX_GARBAGE_SHARE = 0.3
_PRINTABLE_ASCII = dict.fromkeys(range(0x20, 0x7F))
# Glyph numbers that land on printable characters ("-DQH" for "Jane", a font's glyph order)
# look like text; their words do not: in real resumes at least 92 % of the Latin words of three
# letters or more hold a vowel (300 resumes; SQL, AWS and HTML do not), in such text 40-75 %.
MIN_VOWEL_WORD_SHARE = 0.8
MIN_WORDS_TO_JUDGE = 30
# Glyph numbers of a font subset (numbered in order of first use) land on punctuation and
# digits: letters are under 25 % of the visible characters, never under 63 % in those resumes.
MIN_LETTER_SHARE = 0.4
MIN_CHARS_TO_JUDGE = 200
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{3,}")
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")
# What pdfminer-based exporters leave for a glyph they cannot map: "(cid:72)".
_CID_GLYPH = re.compile(r"\(cid:\d{1,6}\)")
MAX_CID_SHARE = 0.2
_UNMAPPED_FONTS = "PDF text is unreadable (fonts without a Unicode map); ask for another export"


def short_error(exc: BaseException) -> str:
    """First line of an exception message, at most 120 characters; the class name if empty."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    return (message[:117] + "...") if len(message) > 120 else (message or type(exc).__name__)


def read_pdf(payload: bytes, limits: ExtractionLimits) -> tuple[str, int]:
    """Return (text, page count), or raise UnreadableFile with the reason.

    pypdf opens the file first: it tells encrypted files apart and its message names what is
    broken. PDFium reads the text; when PDFium cannot, pypdf (which repairs more files) does.
    """
    reader, pypdf_error = _open_with_pypdf(payload)
    try:
        pages = read_pages_with_pdfium(payload, limits)
    except PdfiumFailed as exc:
        if reader is None:
            raise UnreadableFile(f"corrupt PDF: {pypdf_error}") from exc
        pages = _read_pages_with_pypdf(reader, limits)
    text = "\n\n".join(pages.texts)
    _check_text_layer(text, pages.image_pages, pages.count)
    return text, pages.count


def _open_with_pypdf(payload: bytes) -> tuple[PdfReader | None, str]:
    """(reader, "") or (None, why pypdf could not open it); UnreadableFile for real passwords."""
    try:
        reader = PdfReader(io.BytesIO(payload))
        _unlock(reader)
        return reader, ""
    except UnreadableFile:
        raise
    except Exception as exc:  # pypdf raises many types on malformed input
        raise_if_out_of_memory(exc)
        return None, short_error(exc)


def _read_pages_with_pypdf(reader: PdfReader, limits: ExtractionLimits) -> PageTexts:
    try:
        pages = PageTexts(count=len(reader.pages))
    except Exception as exc:
        raise_if_out_of_memory(exc)
        raise UnreadableFile(f"corrupt PDF: {short_error(exc)}") from exc
    error = page_count_error(pages.count, limits)
    if error:
        raise error
    total = 0
    try:
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.texts.append(text)
            total += len(text)
            if len(text.strip()) < MIN_TEXT_CHARS and _has_images(page):
                pages.image_pages += 1
            if total > limits.max_text_chars:
                break  # enough; the caller cuts the text and says so
    except Exception as exc:
        raise_if_out_of_memory(exc)
        raise UnreadableFile(f"corrupt PDF: {short_error(exc)}", pages=pages.count) from exc
    return pages


def _unlock(reader: PdfReader) -> None:
    """Open owner-password-only PDFs (the empty user password); refuse real passwords."""
    if not reader.is_encrypted:
        return
    try:
        state = reader.decrypt("")
    except (DependencyError, NotImplementedError) as exc:
        raise UnreadableFile(f"PDF is encrypted with an unsupported method ({short_error(exc)})")
    if state == PasswordType.NOT_DECRYPTED:
        raise UnreadableFile(
            "PDF is encrypted (password protected); ask the candidate for an unprotected copy"
        )


def _has_images(page) -> bool:
    """Whether a page paints XObjects (scans are images, sometimes wrapped in forms)."""
    try:
        return _paints_xobjects(page)
    except Exception:  # a malformed resource dictionary is not worth failing the file for
        return False


def _paints_xobjects(page) -> bool:
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None:
        return False
    for ref in xobjects.get_object().values():
        if ref.get_object().get("/Subtype") in ("/Image", "/Form"):
            return True
    return False


def _check_text_layer(text: str, image_pages: int, page_count: int) -> None:
    stripped = "".join(text.split())
    if len(stripped) < MIN_TEXT_CHARS:
        if image_pages:
            raise UnreadableFile(
                "scanned PDF: no text layer (image-only pages); ask for a text PDF or DOCX",
                pages=page_count,
            )
        raise UnreadableFile("PDF has no text (blank pages)", pages=page_count)
    sample = stripped[:5000]
    # Printable ASCII is never garbage; dropping it first (in C) leaves few characters to look up.
    garbage = sum(
        1 for char in sample.translate(_PRINTABLE_ASCII)
        if char == "\ufffd" or unicodedata.category(char) in ("Co", "Cn", "Cc", "Cs")
    )
    if garbage > MAX_GARBAGE_SHARE * len(sample) or not reads_as_words(text[:20000]):
        raise UnreadableFile(_UNMAPPED_FONTS, pages=page_count)


def reads_as_words(text: str) -> bool:
    """False for text made of glyph numbers instead of characters: mostly punctuation and
    digits, Latin "words" that mostly hold no vowel, or mostly "(cid:NN)" placeholders."""
    visible = "".join(text.split())
    if len(visible) >= MIN_CHARS_TO_JUDGE and (
            sum(1 for char in visible if char.isalpha()) < MIN_LETTER_SHARE * len(visible)):
        return False
    cids = len(_CID_GLYPH.findall(text))
    if cids > MAX_CID_SHARE * max(len(text.split()), 1):
        return False
    words = _LATIN_WORD.findall(text)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    voiced = sum(1 for word in words if not _VOWELS.isdisjoint(word.lower()))
    return voiced >= MIN_VOWEL_WORD_SHARE * len(words)
