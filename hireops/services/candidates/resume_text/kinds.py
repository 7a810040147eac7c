"""What kind of file an attachment is: magic bytes first, then extension, then content type."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

RESUME_KINDS = frozenset({"pdf", "docx", "txt", "latex", "doc", "rtf"})

_EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx", "docm": "docx", "dotx": "docx",
    "txt": "txt", "text": "txt", "md": "txt", "markdown": "txt",
    "tex": "latex", "ltx": "latex", "latex": "latex",
    "doc": "doc", "dot": "doc",
    "rtf": "rtf",
    **dict.fromkeys(
        ("png", "jpg", "jpeg", "jfif", "gif", "heic", "heif", "webp", "tif", "tiff", "bmp"),
        "image",
    ),
}
_CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/richtext": "rtf",
    "text/plain": "txt",
    "text/markdown": "txt",
    "application/x-tex": "latex",
    "text/x-tex": "latex",
    "application/x-latex": "latex",
    "text/x-latex": "latex",
}
# Document formats a candidate might send that we cannot read: worth a visible failure.
UNSUPPORTED_DOCUMENTS = {
    "odt": "OpenDocument .odt is not supported; ask for PDF or DOCX",
    "pages": "Apple Pages is not supported; ask for PDF or DOCX",
}
_ODT_TYPE = "application/vnd.oasis.opendocument.text"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_OLE_NOT_WORD = frozenset({"xls", "xlt", "ppt", "pps", "pot", "msg", "msi"})
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")
_RESUME_NAME = re.compile(r"resume|r\u00e9sum\u00e9|\bcv\b|curriculum|lebenslauf", re.IGNORECASE)


def extension(filename: str) -> str:
    """Lower-case extension without the dot ('' if none)."""
    return PurePosixPath(filename.replace("\\", "/")).suffix.lower().lstrip(".")


def mime_type(content_type: str) -> str:
    """'Application/PDF; name=x.pdf' -> 'application/pdf'."""
    return content_type.split(";", 1)[0].strip().lower()


def image_format(payload: bytes) -> str | None:
    """'PNG', 'JPEG', ... when the bytes start like an image, else None."""
    head = payload[:16]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIC"
    return None


def _kind_from_magic(payload: bytes, ext: str) -> str | None:
    head = payload[:1024]
    if b"%PDF-" in head:  # the spec allows junk before the header within the first 1 KB
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        return "other" if ext in _OLE_NOT_WORD else "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _kind_of_zip(payload, ext)
    if image_format(head):
        return "image"
    if b"\\documentclass" in payload[:4096] or b"\\begin{document}" in payload[:4096]:
        return "latex"
    return None


def _kind_of_zip(payload: bytes, ext: str) -> str | None:
    """DOCX by its members; other zips (ODT, XLSX, archives) are 'other' unless named .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = set(archive.namelist())
    except Exception:  # a broken zip: let the extension decide, the reader will report it
        return None
    if "word/document.xml" in names:
        return "docx"
    return None if ext == "docx" else "other"


def detect_kind(filename: str, content_type: str, payload: bytes) -> str:
    """pdf | docx | txt | latex | doc | rtf | image | other."""
    ext = extension(filename or "")
    return (
        _kind_from_magic(payload, ext)
        or _EXTENSIONS.get(ext)
        or _CONTENT_TYPES.get(mime_type(content_type or ""))
        or ("image" if mime_type(content_type or "").startswith("image/") else "other")
    )


def unsupported_document(filename: str, content_type: str, payload: bytes) -> str | None:
    """Why an ODT or Pages file can't be read, or None for any other file."""
    ext = extension(filename or "")
    if ext in UNSUPPORTED_DOCUMENTS:
        return UNSUPPORTED_DOCUMENTS[ext]
    if mime_type(content_type or "") == _ODT_TYPE or _zip_mimetype(payload) == _ODT_TYPE:
        return UNSUPPORTED_DOCUMENTS["odt"]
    return None


def _zip_mimetype(payload: bytes) -> str:
    """The `mimetype` member OpenDocument files start with ('' when absent)."""
    if not payload.startswith(b"PK\x03\x04"):
        return ""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive, archive.open("mimetype") as member:
            return member.read(100).decode("ascii", "replace").strip()
    except Exception:
        return ""


def looks_like_resume_file(filename: str, content_type: str) -> bool:
    """Whether an attachment is worth extracting: documents, and images named like a CV."""
    ext = extension(filename or "")
    mime = mime_type(content_type or "")
    kind = _EXTENSIONS.get(ext) or _CONTENT_TYPES.get(mime)
    if kind is None and mime.startswith("image/"):
        kind = "image"
    if kind in RESUME_KINDS or ext in UNSUPPORTED_DOCUMENTS or mime == _ODT_TYPE:
        return True
    return kind == "image" and bool(_RESUME_NAME.search(filename or ""))
