"""DOCX text via python-docx, after the zip has been checked for bombs and lies.

The text comes from walking the XML rather than `Document.paragraphs`, because resume
templates keep much of their content where that property does not look: table cells, content
controls (w:sdt) and text boxes (w:txbxContent).
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from hireops.services.resume_text.limits import ExtractionLimits, UnreadableFile, format_size
from hireops.services.resume_text.pdf import short_error

_CHUNK = 1024 * 1024
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN, _TXBX = qn("w:noBreakHyphen"), qn("w:txbxContent")
# Block-level wrappers whose children are paragraphs and tables (content controls mostly).
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# AlternateContent carries the same drawing twice (Choice and Fallback); read only the Choice.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Nesting deeper than this (tables in text boxes in tables...) is not a resume.
_MAX_DEPTH = 12


def read_docx(payload: bytes, limits: ExtractionLimits) -> str:
    """Return the text of body, tables, text boxes, headers and footers, or raise UnreadableFile."""
    check_docx_zip(payload, limits)
    try:
        document = docx.Document(io.BytesIO(payload))
        lines: list[str] = []
        headers, footers = _header_footer_elements(document)
        for element in headers:
            _blocks(element, lines, 0)
        _blocks(document.element.body, lines, 0)
        for element in footers:
            _blocks(element, lines, 0)
    except Exception as exc:  # python-docx and lxml raise many types on malformed parts
        raise UnreadableFile(f"corrupt DOCX: {short_error(exc)}") from exc
    return "\n".join(lines)


def check_docx_zip(payload: bytes, limits: ExtractionLimits) -> None:
    """Refuse zip bombs, floods and non-Word zips before python-docx inflates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        members = archive.infolist()
    except Exception as exc:
        raise UnreadableFile(f"corrupt DOCX: not a valid zip file ({short_error(exc)})") from exc
    if len(members) > limits.max_zip_entries:
        raise UnreadableFile(f"DOCX has {len(members):,} zip entries, above the "
                             f"{limits.max_zip_entries:,} limit (zip bomb?)")
    if "word/document.xml" not in {member.filename for member in members}:
        raise UnreadableFile("not a Word document: the zip has no word/document.xml")
    declared = sum(member.file_size for member in members)
    if declared > limits.max_docx_uncompressed:
        raise UnreadableFile(f"DOCX expands to {format_size(declared)} (zip bomb?)")
    if declared > limits.max_zip_ratio * max(len(payload), 1):
        raise UnreadableFile(f"DOCX expands {declared / max(len(payload), 1):.0f}x, above the "
                             f"{limits.max_zip_ratio:g}x limit (zip bomb?)")
    for member in members:
        if member.flag_bits & 0x1:
            raise UnreadableFile("DOCX is encrypted (password protected); ask for an open copy")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFile("corrupt DOCX: unexpected zip compression method")
    _inflate_all(archive, members)


def _inflate_all(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Inflate every member in bounded chunks so a member lying about its size fails its CRC.

    python-docx reads members whole, and zipfile inflates a whole read in one call of up to 1 GB
    before it trims to the declared size; a checked archive can't make it do that.
    """
    try:
        for member in members:
            with archive.open(member) as stream:
                while stream.read(_CHUNK):
                    pass
    except Exception as exc:
        raise UnreadableFile(f"corrupt DOCX: {short_error(exc)}") from exc


def _header_footer_elements(document) -> tuple[list, list]:
    """Root elements of every header and footer part, in part-name order."""
    headers, footers = {}, {}
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        part = rel.target_part
        target = headers if rel.reltype == RT.HEADER else footers
        target[str(part.partname)] = part.element
    return ([headers[name] for name in sorted(headers)],
            [footers[name] for name in sorted(footers)])


def _blocks(container, lines: list[str], depth: int) -> None:
    """Append one line per paragraph and per table row of `container`, in document order."""
    if depth > _MAX_DEPTH:
        return
    for child in container:
        tag = child.tag
        if tag == _P:
            boxes: list = []
            lines.append(_paragraph_text(child, boxes))
            for box in boxes:
                _blocks(box, lines, depth + 1)
        elif tag == _TBL:
            _table(child, lines, depth)
        elif tag in _CONTAINERS:
            _blocks(child, lines, depth + 1)


def _table(table, lines: list[str], depth: int) -> None:
    """Each row as 'cell | cell'; merged cells repeat their text, so repeats are dropped."""
    for row in table.iterchildren(_TR):
        cells: list[str] = []
        for cell in row.iterchildren(_TC):
            cell_lines: list[str] = []
            _blocks(cell, cell_lines, depth + 1)
            text = " ".join(line.strip() for line in cell_lines if line.strip())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))


def _paragraph_text(paragraph, boxes: list) -> str:
    """The paragraph's own text; text boxes inside it are collected into `boxes`."""
    parts: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if tag == _T:
            parts.append(element.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _TXBX:
            boxes.append(element)
        elif tag != _FALLBACK and len(element):
            stack.append(iter(element))
    return "".join(parts)
