"""PDFium and the pypdf fallback read the same words from generated PDFs, and report the same
failures: standard, Type 3 and embedded TrueType fonts, two columns, encryption, broken files,
scans and fonts without a Unicode map."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from hireops.services.candidates.resume_text import ExtractionLimits, extract_text
from hireops.services.candidates.resume_text import pdf as pdf_module
from hireops.services.candidates.resume_text import pdfium_text
from hireops.services.candidates.resume_text.pdfium_text import PdfiumFailed
from tests.fakes import hostile_files as hostile

LIMITS = ExtractionLimits()
_WORD = re.compile(r"\w+")
SKILLS_LINE = "Python, FastAPI, PostgreSQL, Kubernetes, Terraform and AWS since 2019"


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _read(payload: bytes, monkeypatch, *, pdfium: bool, refused_unread: bool = False):
    """extract_text with PDFium, or with PDFium failing so pypdf reads the file."""
    calls: list[int] = []
    real = pdfium_text.read_pages_with_pdfium

    def counting(payload, limits):
        calls.append(1)
        return real(payload, limits)

    def failing(payload, limits):
        calls.append(1)
        raise PdfiumFailed("disabled by the test")

    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "read_pages_with_pdfium", counting if pdfium else failing)
        result = extract_text("cv.pdf", "application/pdf", payload, LIMITS)
    assert calls != [] or refused_unread, "the PDF was not read through read_pages_with_pdfium"
    return result


def _assert_same_words(payload: bytes, monkeypatch, *expected: str) -> str:
    by_pdfium = _read(payload, monkeypatch, pdfium=True)
    by_pypdf = _read(payload, monkeypatch, pdfium=False)
    assert (by_pdfium.status, by_pypdf.status) == ("ok", "ok"), (by_pdfium, by_pypdf)
    assert by_pdfium.pages == by_pypdf.pages
    assert _words(by_pdfium.text) == _words(by_pypdf.text)
    for snippet in expected:
        assert snippet in by_pdfium.text and snippet in by_pypdf.text
    return by_pdfium.text


def _assert_same_failure(payload: bytes, monkeypatch, reason: str, **read) -> None:
    by_pdfium = _read(payload, monkeypatch, pdfium=True, **read)
    by_pypdf = _read(payload, monkeypatch, pdfium=False, **read)
    for result in (by_pdfium, by_pypdf):
        assert (result.status, result.text) == ("failed", "")
        assert reason in result.reason, result.reason
    assert by_pdfium.reason == by_pypdf.reason


def _matplotlib_pdf(fonttype: int, columns: int = 1) -> bytes:
    """A one-page resume drawn by matplotlib: Type 3 (fonttype 3) or embedded TrueType (42)
    DejaVu fonts, in one column or two side by side."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": fonttype}):
        figure = Figure(figsize=(8.5, 11))
        left = ["Jane Q. Doe", "Senior Backend Engineer", SKILLS_LINE, "Acme GmbH, Berlin"]
        right = ["Education", "M.Sc. Computer Science", "TU M\u00fcnchen 2017", "German, English"]
        column_text = [left, right] if columns == 2 else [left + right]
        for column, lines in enumerate(column_text):
            for row, line in enumerate(lines):
                figure.text(0.05 + 0.5 * column, 0.95 - 0.04 * row, line,
                            fontsize=8 if columns == 2 else 11)
        out = io.BytesIO()
        figure.savefig(out, format="pdf")
    return out.getvalue()


def _two_column_type1_pdf() -> bytes:
    """Two columns of Helvetica text on the same baselines, as resume templates lay them out."""
    left = ["Experience", "Acme GmbH 2019-2024", "Payments platform lead"]
    right = ["Skills", "Python Kubernetes", "Terraform PostgreSQL"]
    ops = [b"BT /F1 11 Tf"]
    for row, (one, two) in enumerate(zip(left, right)):
        y = 740 - 16 * row
        ops.append(b"1 0 0 1 72 %d Tm " % y + hostile._pdf_string(one) + b" Tj")
        ops.append(b"1 0 0 1 330 %d Tm " % y + hostile._pdf_string(two) + b" Tj")
    ops.append(b"ET")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return hostile._pdf_with_pages([b"\n".join(ops)], b"<< /Font << /F1 3 0 R >> >>", [font])


def _standard_fonts_pdf() -> bytes:
    """One line in each of three standard Type 1 fonts."""
    lines = [(b"F1", "Jane Q. Doe, Times-Roman heading"), (b"F2", SKILLS_LINE),
             (b"F3", "Courier-Bold: kubectl apply -f deployment.yaml")]
    ops = [b"BT 14 TL 72 740 Td"]
    for font, line in lines:
        ops.append(b"/" + font + b" 11 Tf " + hostile._pdf_string(line) + b" Tj T*")
    ops.append(b"ET")
    fonts = [b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
             for name in (b"Times-Roman", b"Helvetica", b"Courier-Bold")]
    return hostile._pdf_with_pages([b"\n".join(ops)],
                                   b"<< /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >>", fonts)


def _font_without_unicode_map_pdf(first_code: int) -> bytes:
    """A subset-style CID font (Identity-H) with no ToUnicode map: its codes are glyph numbers,
    which both readers turn into control (first_code 1) or private-use (0xE000) characters."""
    codes = b"".join(b"%04X" % (first_code + (i * 7) % 28) for i in range(400))
    content = b"BT /F1 11 Tf 72 740 Td <" + codes + b"> Tj ET"
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Subset /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] >>")
    cid_font = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Subset /CIDSystemInfo "
                b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
    return hostile._pdf_with_pages([content], b"<< /Font << /F1 3 0 R >> >>", [font, cid_font])


def _glyph_numbers_as_letters_pdf(mapping: str) -> bytes:
    """The resume in a CID font with no ToUnicode map whose glyph numbers fall on printable
    characters, so both readers give letters and punctuation that read as nothing:
    "shifted" is the glyph order of a whole TrueType font ("Jane" -> "-DQH"), "subset" a
    font subset numbered in order of first use ("Jane" -> "!"#$")."""
    lines = [line for page in hostile.RESUME_PAGES for line in page]
    order: dict[str, int] = {}

    def code(char: str) -> int:
        if mapping == "shifted":
            return ord(char) - 29 if ord(char) > 32 else 3
        return order.setdefault(char, 33 + len(order))

    ops = [b"BT /F1 10 Tf 72 760 Td 12 TL"]
    ops += [b"<" + b"".join(b"%04X" % code(c) for c in line) + b"> Tj T*" for line in lines]
    ops.append(b"ET")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Subset /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] >>")
    cid_font = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Subset /CIDSystemInfo "
                b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
    return hostile._pdf_with_pages([b"\n".join(ops)], b"<< /Font << /F1 3 0 R >> >>",
                                   [font, cid_font])


def _wrong_xref_offsets_pdf() -> bytes:
    """The resume PDF with every cross-reference offset wrong: both readers rebuild it."""
    whole = hostile.text_pdf()
    xref_at = whole.rindex(b"xref\n")
    table = re.sub(rb"\d{10} 00000 n", b"0000000009 00000 n", whole[xref_at:])
    return whole[:xref_at] + table


# ---------------------------------------------------------------------------- agreement


def test_standard_fonts_read_the_same(monkeypatch):
    _assert_same_words(_standard_fonts_pdf(), monkeypatch, SKILLS_LINE, "kubectl apply")


def test_the_default_resume_reads_the_same_with_hyphenation_undone(monkeypatch):
    text = _assert_same_words(hostile.text_pdf(), monkeypatch, "Jane Q. Doe", "TU M\u00fcnchen")
    assert "event-driven engineering with Kafka" in text


@pytest.mark.parametrize("fonttype", [3, 42], ids=["type3", "truetype"])
def test_embedded_fonts_read_the_same(monkeypatch, fonttype):
    _assert_same_words(_matplotlib_pdf(fonttype), monkeypatch, SKILLS_LINE, "TU M\u00fcnchen")


@pytest.mark.parametrize("payload", [_two_column_type1_pdf, lambda: _matplotlib_pdf(42, 2)],
                         ids=["type1", "truetype"])
def test_two_columns_read_the_same_words(monkeypatch, payload):
    _assert_same_words(payload(), monkeypatch, "Python")


def test_owner_password_only_reads_the_same(monkeypatch):
    _assert_same_words(hostile.encrypted_pdf("", "owner"), monkeypatch, "Jane Q. Doe")


def test_broken_cross_references_are_repaired_by_both(monkeypatch):
    _assert_same_words(_wrong_xref_offsets_pdf(), monkeypatch, "Jane Q. Doe", "Kubernetes")


# ---------------------------------------------------------------------------- same failures


def test_user_password_is_refused_before_either_reader(monkeypatch):
    _assert_same_failure(hostile.encrypted_pdf("s3cret"), monkeypatch, "PDF is encrypted",
                         refused_unread=True)


@pytest.mark.parametrize("payload", [hostile.corrupt_pdf, hostile.garbage_after_pdf_header],
                         ids=["cut-in-half", "noise"])
def test_corrupt_files_fail_with_pypdfs_message(monkeypatch, payload):
    _assert_same_failure(payload(), monkeypatch, "corrupt PDF: ")


def test_scanned_pages_are_reported_by_both(monkeypatch):
    _assert_same_failure(hostile.image_only_pdf(), monkeypatch, "scanned PDF: no text layer")


def test_blank_pages_are_not_called_a_scan_by_either(monkeypatch):
    _assert_same_failure(hostile.blank_pdf(), monkeypatch, "PDF has no text (blank pages)")


@pytest.mark.parametrize("first_code", [1, 0xE000], ids=["control", "private-use"])
def test_fonts_without_a_unicode_map_are_reported_by_both(monkeypatch, first_code):
    _assert_same_failure(_font_without_unicode_map_pdf(first_code), monkeypatch,
                         "fonts without a Unicode map")


@pytest.mark.parametrize("mapping", ["shifted", "subset"])
def test_glyph_numbers_read_as_letters_are_reported_by_both(monkeypatch, mapping):
    # Printable, so no share of control or private-use characters gives them away: the words
    # do (too few hold a vowel), and the resume is not scored as gibberish.
    _assert_same_failure(_glyph_numbers_as_letters_pdf(mapping), monkeypatch,
                         "fonts without a Unicode map")


def test_page_limit_is_checked_by_both_before_any_text(monkeypatch):
    _assert_same_failure(hostile.many_pages_pdf(31), monkeypatch, "31 pages, above the 30-page")


# ---------------------------------------------------------------------------- PDFium specifics


def test_a_pdfium_failure_mid_file_falls_back_to_pypdf(monkeypatch):
    def broken_page(document, index):
        raise PdfiumFailed("page 1: unreadable")

    monkeypatch.setattr(pdfium_text, "_read_page", broken_page)
    result = extract_text("cv.pdf", "application/pdf", hostile.text_pdf(), LIMITS)
    assert result.status == "ok" and "Jane Q. Doe" in result.text and result.pages == 2


def test_text_is_read_by_pdfium_not_pypdf(monkeypatch):
    monkeypatch.setattr("pypdf.PageObject.extract_text", lambda *a, **k: pytest.fail("pypdf"))
    result = extract_text("cv.pdf", "application/pdf", hostile.text_pdf(), LIMITS)
    assert result.status == "ok" and "Jane Q. Doe" in result.text


def test_threads_reading_pdfs_at_once_each_get_their_own_text():
    """Remote engines analyse mail in threads; PDFium is not thread-safe, so the reader
    serialises its calls. Each thread reads its own resume and must get exactly that text."""
    payloads = [hostile.text_pdf(((f"Applicant number {i}", SKILLS_LINE * 20),) * 3)
                for i in range(8)]
    expected = [extract_text("cv.pdf", "application/pdf", p, LIMITS).text for p in payloads]

    def read_many(index: int) -> list[str]:
        return [extract_text("cv.pdf", "application/pdf", payloads[index], LIMITS).text
                for _ in range(15)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(read_many, range(8)))
    for index, texts in enumerate(results):
        assert texts == [expected[index]] * 15
