"""Plain text in whatever encoding it came: BOM, UTF-8, Western cp1252, a detected charset."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from hireops.services.candidates.resume_text.limits import ExtractionLimits, UnreadableFile

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 64 * 1024
# More NUL bytes than this (once UTF-16/32 is ruled out) means binary data.
_MAX_NUL_SHARE = 0.01
# More control characters than this in the decoded text means binary data.
_MAX_CONTROL_SHARE = 0.05
_NOT_TEXT = "binary data, not text"
# Western text has far fewer accented than plain letters (French, the most accented, ~5%).
_MAX_ACCENTED_SHARE = 0.3


def read_plain_text(payload: bytes, limits: ExtractionLimits) -> str:
    """The decoded text, or UnreadableFile when the bytes are not text."""
    text = decode_text(payload)
    sample = text[:_SAMPLE]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise UnreadableFile(_NOT_TEXT)
    return text


def decode_text(payload: bytes) -> str:
    """Decode bytes of unknown encoding; raises UnreadableFile for binary data."""
    for bom, encoding in _BOMS:
        if payload.startswith(bom):
            return payload[len(bom):].decode(encoding, errors="replace")
    sample = payload[:_SAMPLE]
    if b"\x00" in sample:
        text = _utf16_without_bom(payload, sample)
        if text is not None:
            return text
        if sample.count(0) > _MAX_NUL_SHARE * len(sample):
            raise UnreadableFile(_NOT_TEXT)
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _western_text(payload)
    if western is not None:
        return western
    best = from_bytes(payload).best()
    if best is not None:
        return str(best)
    return payload.decode("latin-1")  # never fails: every byte is a character


def _western_text(payload: bytes) -> str | None:
    """cp1252 (a superset of Latin-1's printable range) when the text reads as Western.

    Tried before charset_normalizer, which on short resumes often picks a neighbour (cp1250
    turns "è" into "č"). Accepted only when accented letters are a minority of the
    letters, as in every Western language; Cyrillic or Greek code pages read as cp1252 are
    almost all accented letters and go on to detection.
    """
    try:
        text = payload.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = accented = 0
    for char in text[:_SAMPLE]:
        if char.isalpha():
            letters += 1
            accented += char > "\x7f"
    return text if letters and accented < _MAX_ACCENTED_SHARE * letters else None


def _utf16_without_bom(payload: bytes, sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte; try the matching byte order."""
    half = max(len(sample) // 2, 1)
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif even > 0.3 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return payload[: len(payload) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
