"""DOCX text straight from the package's XML, after the zip has been checked for bombs and lies.

Only the parts that hold text are parsed: the main document and the headers and footers it
points to, found the way python-docx finds them (package relationships, content types,
relative targets). Opening the file with `docx.Document` parsed every part, mostly Word's style
sheets (often close to 1 MB of XML), and cost several times the reading itself.

The text comes from walking the XML rather than `Document.paragraphs`, because resume
templates keep much of their content where that property does not look: table cells, content
controls (w:sdt) and text boxes (w:txbxContent).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from hireops.services.candidates.resume_text.limits import (
    ExtractionLimits,
    UnreadableFile,
    format_size,
    raise_if_out_of_memory,
)
from hireops.services.candidates.resume_text.pdf import short_error

_CHUNK = 1024 * 1024
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN, _TXBX = qn("w:noBreakHyphen"), qn("w:txbxContent")
_DOCUMENT, _BODY = qn("w:document"), qn("w:body")
# Block-level wrappers whose children are paragraphs and tables (content controls mostly).
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# AlternateContent carries the same drawing twice (Choice and Fallback); read only the Choice.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Nesting deeper than this (tables in text boxes in tables...) is not a resume.
_MAX_DEPTH = 12
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_docx(payload: bytes, limits: ExtractionLimits) -> str:
    """Return the text of body, tables, text boxes, headers and footers, or raise UnreadableFile."""
    check_docx_zip(payload, limits)
    try:
        package = _Package(zipfile.ZipFile(io.BytesIO(payload)))
        body, headers, footers = package.text_parts()
        lines: list[str] = []
        for element in headers:
            _blocks(element, lines, 0)
        _blocks(body, lines, 0)
        for element in footers:
            _blocks(element, lines, 0)
    except UnreadableFile:
        raise
    except Exception as exc:  # zipfile and lxml raise many types on malformed parts
        raise_if_out_of_memory(exc)
        raise UnreadableFile(f"corrupt DOCX: {short_error(exc)}") from exc
    return "\n".join(lines)


class _Package:
    """The parts of an OPC package that hold a Word document's text, read the way python-docx
    reads them: relationship targets resolved against their source part, content types from
    `[Content_Types].xml` (overrides by part name, then defaults by extension, both
    case-insensitive)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        types = self._xml("/[Content_Types].xml")
        self.overrides = {o.get("PartName", "").lower(): o.get("ContentType")
                          for o in types.iterchildren(f"{_TYPES_NS}Override")}
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType")
                         for d in types.iterchildren(f"{_TYPES_NS}Default")}

    def text_parts(self) -> tuple[etree._Element, list, list]:
        """The document body, then the header and footer roots in part-name order."""
        main = self._main_document()
        document = self._xml(main)
        body = document.find(_BODY) if document.tag == _DOCUMENT else None
        if body is None:
            raise UnreadableFile("corrupt DOCX: the main document has no body")
        related = self._relationships(main)
        headers = sorted({name for reltype, name in related if reltype == RT.HEADER})
        footers = sorted({name for reltype, name in related if reltype == RT.FOOTER})
        return body, [self._xml(name) for name in headers], [self._xml(name) for name in footers]

    def _main_document(self) -> str:
        mains = [name for reltype, name in self._relationships("/")
                 if reltype == RT.OFFICE_DOCUMENT]
        if len(mains) != 1:
            raise UnreadableFile(f"corrupt DOCX: {len(mains)} main document parts")
        content_type = self._content_type(mains[0])
        # A macro document (.docm) or a template (.dotx): python-docx refused these too.
        if content_type != CT.WML_DOCUMENT_MAIN:
            raise UnreadableFile(f"corrupt DOCX: not a Word document (content type "
                                 f"{content_type!r})")
        return mains[0]

    def _relationships(self, source: str) -> list[tuple[str, str]]:
        """(type, target part name) of the internal relationships of `source` ("/" for the
        package); none when the part has no relationships item."""
        folder, name = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name[1:] not in self.archive.NameToInfo:
            return []
        return [(rel.get("Type"), posixpath.abspath(posixpath.join(folder, rel.get("Target"))))
                for rel in self._xml(rels_name).iterchildren(f"{_RELS_NS}Relationship")
                if rel.get("TargetMode", RTM.INTERNAL) != RTM.EXTERNAL]

    def _content_type(self, part_name: str) -> str | None:
        extension = posixpath.splitext(part_name)[1][1:].lower()
        return self.overrides.get(part_name.lower(), self.defaults.get(extension))

    def _xml(self, part_name: str) -> etree._Element:
        # A parser per part: lxml parsers must not be shared between threads, and analysis
        # runs in threads for remote engines. Same options as python-docx's parser.
        parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
        return etree.fromstring(_inflate(self.archive, part_name[1:]), parser)


def _inflate(archive: zipfile.ZipFile, member: str) -> bytes:
    """A member inflated in bounded chunks, so one that lies about its size fails its CRC.

    zipfile stops at the declared size (checked against the limits) and checks the CRC there;
    but a whole read (`archive.read`) inflates in one call of up to 1 GB before it trims.
    """
    chunks = []
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def check_docx_zip(payload: bytes, limits: ExtractionLimits) -> None:
    """Refuse zip bombs, floods and non-Word zips from the zip's directory, before any part is
    inflated (the parts read are inflated by `_inflate`, which holds them to these sizes)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        members = archive.infolist()
    except Exception as exc:
        raise_if_out_of_memory(exc)
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
