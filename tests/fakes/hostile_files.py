"""Attachments, good and hostile, built in memory without external tools.

Used by the resume-text tests and by the inbox tests that mail these files around. Every
builder returns the file's bytes; the expensive ones are cached, so call them freely.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from functools import lru_cache

import docx
from lxml import etree
from pypdf import PdfReader, PdfWriter

MB = 1024 * 1024

# A two-page resume; "engi-" / "neering" checks that line-end hyphenation is undone.
RESUME_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "Jane Q. Doe",
        "jane.doe@example.com | +1 555 0100 | Berlin",
        "",
        "Experience",
        "Senior Backend Engineer, Acme GmbH (2019 - 2024)",
        "Built Python and PostgreSQL services for payments; led a team of four.",
        "Moved the platform from cron jobs to event-driven engi-",
        "neering with Kafka and Kubernetes.",
    ),
    (
        "Education",
        "M.Sc. Computer Science, TU M\u00fcnchen (2017)",
        "",
        "Skills",
        "Python, FastAPI, SQLAlchemy, Docker, Terraform, AWS",
    ),
)
RESUME_DOCX_NAME = "Jane Q. Doe"


# ---------------------------------------------------------------------------- PDF


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), with ( ) and \\ escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble_pdf(objects: list[bytes]) -> bytes:
    """Number `objects` from 1 (object 1 must be the catalog) and write header, xref, trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref_at))
    return out.getvalue()


def _pdf_with_pages(page_contents: list[bytes], resources: bytes, extra: list[bytes]) -> bytes:
    """Catalog, page tree, one page per content stream; `extra` objects are numbered from 3."""
    first_page = 3 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(page_contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_contents),
        *extra,
    ]
    for i, content in enumerate(page_contents):
        content_ref = first_page + 2 * i + 1
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       + resources + b" /Contents %d 0 R >>" % content_ref)
        objects.append(_stream(b"", content))
    return _assemble_pdf(objects)


def text_pdf(pages: tuple[tuple[str, ...], ...] = RESUME_PAGES) -> bytes:
    """A real PDF with a Helvetica text layer, one line per string (the default: a resume)."""
    contents = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        contents.append(b"\n".join(ops))
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return _pdf_with_pages(contents, b"<< /Font << /F1 3 0 R >> >>", [font])


def many_pages_pdf(count: int) -> bytes:
    """A text PDF with `count` short pages."""
    return text_pdf(tuple((f"Page {n} of a very long resume",) for n in range(1, count + 1)))


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scanned' PDF: every page paints one grey image and has no text at all."""
    width, height = 120, 160
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(height) for x in range(width))
    image = _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
                    zlib.compress(pixels))
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    return _pdf_with_pages([content] * pages, b"<< /XObject << /Im1 3 0 R >> >>", [image])


def blank_pdf() -> bytes:
    """A PDF whose single page is empty: no text, no images."""
    return _pdf_with_pages([b""], b"<< >>", [])


def encrypted_pdf(user_password: str = "s3cret", owner_password: str | None = None) -> bytes:
    """The resume PDF encrypted with pypdf (AES-128); an empty user password opens it freely."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password, owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    """The resume PDF cut in half, as a broken upload or mail relay leaves it."""
    whole = text_pdf()
    return whole[: len(whole) // 2]


def pdf_operator_bomb(inflated_mb: int = 70) -> bytes:
    """A one-page PDF whose compressed content stream inflates to `inflated_mb` MB of text
    operators (about 1000:1), each of which pypdf turns into Python objects: a few hundred KB
    that cost pypdf hundreds of MB and many seconds before it gives up."""
    unit = b"BT /F1 11 Tf 72 700 Td (Experienced engineer) Tj ET\n"
    content = zlib.compress(unit * (inflated_mb * 1024 * 1024 // len(unit)), 9)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return _assemble_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        font,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        b"<< /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        _stream(b"/Filter /FlateDecode", content),
    ])


def garbage_after_pdf_header() -> bytes:
    """'%PDF-' and then noise: detected as a PDF, unreadable as one."""
    return b"%PDF-1.7\n" + random.Random(7).randbytes(4000)


# ---------------------------------------------------------------------------- DOCX / ZIP


def resume_docx() -> bytes:
    """A DOCX made by python-docx: heading, paragraphs, a skills table and a page header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Curriculum Vitae - confidential"
    document.add_heading(RESUME_DOCX_NAME, level=0)
    document.add_paragraph("jane.doe@example.com | +1 555 0100 | Berlin")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Senior Backend Engineer, Acme GmbH (2019 - 2024)")
    document.add_paragraph("Built Python and PostgreSQL services for payments.",
                           style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Python, Go"
    table.cell(1, 0).text = "Cloud"
    table.cell(1, 1).text = "AWS, Kubernetes"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_TEMPLATE_XML = """
<w:root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        xmlns:v="urn:schemas-microsoft-com:vml">
  <w:sdt><w:sdtPr/><w:sdtContent>
    <w:p><w:r><w:t>Summary kept in a content control</w:t></w:r></w:p>
  </w:sdtContent></w:sdt>
  <w:p>
    <w:r><w:t xml:space="preserve">Certifications: </w:t></w:r>
    <w:r><mc:AlternateContent>
      <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>
      </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
    </mc:AlternateContent></w:r>
  </w:p>
  <w:p>
    <w:del><w:r><w:delText>Deleted draft sentence</w:delText></w:r></w:del>
    <w:ins><w:r><w:t>Inserted final sentence</w:t></w:r></w:ins>
  </w:p>
</w:root>
"""


def template_docx() -> bytes:
    """A DOCX shaped like Word's resume templates: a content control, a text box (with its
    VML fallback copy) and a tracked change, none of which `Document.paragraphs` returns."""
    document = docx.Document()
    anchor = document.add_paragraph("Template Person")
    for element in reversed(list(etree.fromstring(_TEMPLATE_XML))):
        anchor._p.addnext(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """Write a zip by hand from (name, raw deflate data, crc, compressed size, declared size).

    zipfile would compress the data itself; writing the records directly lets a bomb be
    assembled from repeated compressed blocks, and lets a file lie about its sizes.
    """
    out = io.BytesIO()
    central = []
    for name, data, crc, compressed, declared in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, compressed,
                              declared, len(encoded), 0) + encoded + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                                   compressed, declared, len(encoded), 0, 0, 0, 0, 0, offset)
                       + encoded)
    directory_at = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                          len(directory), directory_at, 0))
    return out.getvalue()


def _deflated(data: bytes) -> tuple[bytes, int, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return packed, zlib.crc32(data), len(packed), len(data)


@lru_cache
def docx_zip_bomb(expanded_mb: int = 400) -> bytes:
    """A ~400 KB '.docx' whose word/document.xml inflates to `expanded_mb` MB of zeros.

    The deflate stream is one fully flushed 1 MB block repeated, so building it costs a CRC pass
    over the zeros and no compression of hundreds of megabytes.
    """
    chunk = bytes(MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressor.compress(chunk)
    compressor.flush(zlib.Z_FULL_FLUSH)
    # After a full flush the compressor keeps no history, so this block is self-contained.
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    packed = block * expanded_mb + compressor.flush()
    crc = 0
    for _ in range(expanded_mb):
        crc = zlib.crc32(chunk, crc)
    return _raw_zip([
        ("[Content_Types].xml", *_deflated(_CONTENT_TYPES)),
        ("_rels/.rels", *_deflated(_ROOT_RELS)),
        ("word/document.xml", packed, crc, len(packed), expanded_mb * MB),
    ])


@lru_cache
def docx_lying_sizes() -> bytes:
    """A '.docx' whose document.xml claims 4 KB but inflates to 20 MB: only a real read sees it."""
    packed, crc, compressed, _ = _deflated(bytes(20 * MB))
    return _raw_zip([
        ("[Content_Types].xml", *_deflated(_CONTENT_TYPES)),
        ("_rels/.rels", *_deflated(_ROOT_RELS)),
        ("word/document.xml", packed, crc, compressed, 4096),
    ])


def docx_many_entries(count: int = 5000) -> bytes:
    """A '.docx' with thousands of tiny members (a central-directory flood)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for n in range(count):
            archive.writestr(f"word/media/x{n}.bin", b"")
    return out.getvalue()


def zip_without_document() -> bytes:
    """A zip named like a DOCX but holding something else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("notes.txt", "not a word document")
    return out.getvalue()


def odt_file() -> bytes:
    """An OpenDocument text file, enough to be recognised (mimetype member first, stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------------------- text and others


def oversized_attachment(mb: int = 30) -> bytes:
    """A `mb` MB file that starts like a PDF (the size check must come before any parsing)."""
    return b"%PDF-1.4\n" + bytes(mb * MB - 9)


LATIN1_RESUME = (
    "Jos\u00e9 M\u00fcller\nZ\u00fcrich, Schweiz\n\nErfahrung\n"
    "Softwareentwickler bei Gr\u00fcn & S\u00f6hne (2018\u20132023)\nPython, \u00c9l\u00e8ve\n"
)


def latin1_text() -> bytes:
    """A resume saved as ISO-8859-1 (no BOM; invalid UTF-8). The en dash is cp1252 only."""
    return LATIN1_RESUME.replace("\u2013", "-").encode("latin-1")


def cp1252_text() -> bytes:
    """The resume as Windows-1252, with its en dash and curly quotes."""
    return (LATIN1_RESUME + "\u201cteam player\u201d\n").encode("cp1252")


def utf16_text(bom: bool = True) -> bytes:
    """The resume in UTF-16 (little-endian), with or without a byte-order mark."""
    return LATIN1_RESUME.encode("utf-16" if bom else "utf-16-le")


def utf8_bom_text() -> bytes:
    """The resume in UTF-8 with a BOM, as Notepad writes it."""
    return LATIN1_RESUME.encode("utf-8-sig")


def binary_garbage(size: int = 4096) -> bytes:
    """Random bytes with plenty of NULs: nothing a text decoder should accept."""
    data = bytearray(random.Random(3).randbytes(size))
    data[::5] = bytes(len(data[::5]))
    return bytes(data)


LATEX_RESUME = r"""\documentclass[11pt]{article}
\usepackage[margin=1in]{geometry}
\usepackage{hyperref} % links
\newcommand{\role}[2]{\textbf{#1} \hfill #2}
\name{Ada}{Lovelace}
\begin{document}
% This comment must not appear in the text.
\section*{Experience}
\role{Analyst}{1842--1843}
\begin{itemize}
  \item Wrote the first algorithm for the \textit{Analytical Engine} at Babbage \& Co.
  \item[$\bullet$] Improved accuracy by 50\% using \emph{Bernoulli numbers}
\end{itemize}
\subsection{Links}
See \href{https://example.com/ada}{my portfolio} or \url{https://example.org}.\\
Jos\'e \"Ubel, Caf\'{e} na\"ive --- tested
\begin{tabular}{ll}
Python & Expert \\
\end{tabular}
\end{document}
"""


def latex_resume() -> bytes:
    """A LaTeX resume with comments, a preamble, lists, links and escapes."""
    return LATEX_RESUME.encode()


def doc_file() -> bytes:
    """A Word 97-2003 file: the OLE2 compound-document signature and a sector of zeros."""
    return bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + b"Jane Doe resume" + bytes(512)


def rtf_file() -> bytes:
    """A small RTF document."""
    return rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0\fs24 Jane Doe\par Python developer\par}"


def png_image(width: int = 16, height: int = 16, noisy: bool = False) -> bytes:
    """A valid RGB PNG; `noisy` fills it with random pixels so it does not compress."""
    rng = random.Random(5)
    rows = b"".join(
        b"\x00" + (rng.randbytes(width * 3) if noisy else bytes([200, 30, 30]) * width)
        for _ in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def scanned_resume_png() -> bytes:
    """A photo-sized PNG (~120 KB) as a candidate might send a phone scan."""
    return png_image(200, 200, noisy=True)


def jpeg_header_only() -> bytes:
    """The first bytes of a JPEG, enough for magic-byte detection."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100)


def ics_invite() -> bytes:
    """A calendar invite, which is never a resume."""
    return (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Interview\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n")
