"""Resume text extraction on real files and on the hostile corpus in tests.fakes.hostile_files."""

from __future__ import annotations

import random
import threading
import time
import tracemalloc

import pytest

from hireops.config import get_settings
from hireops.services.candidates.resume_text import (
    ExtractionLimits,
    detect_kind,
    extract_text,
    limits_from_settings,
    looks_like_resume_file,
    text_from_email_body,
)
from hireops.services.candidates.resume_text import extract as extract_module
from hireops.services.candidates.resume_text import readers as readers_module
from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline
from hireops.services.candidates.resume_text.latex import latex_to_text
from tests.fakes import hostile_files as hostile
from tests.parallel import off_the_main_thread

LIMITS = ExtractionLimits()
# Words that would mean an error message ended up where resume text belongs.
ERROR_WORDS = ("error", "exception", "traceback", "corrupt", "failed", "could not")


def assert_ok(result, *expected: str) -> str:
    assert result.status == "ok", result.reason
    for snippet in expected:
        assert snippet in result.text
    lowered = result.text.lower()
    assert not any(word in lowered for word in ERROR_WORDS)
    return result.text


def assert_failed(result, kind: str, *reason_parts: str) -> None:
    assert result.status == "failed"
    assert result.kind == kind
    assert result.text == ""
    for part in reason_parts:
        assert part in result.reason


# ---------------------------------------------------------------------------- PDF


def test_pdf_text_is_extracted_with_pages_and_paragraphs():
    result = extract_text("Jane_Doe_CV.pdf", "application/pdf", hostile.text_pdf(), LIMITS)
    text = assert_ok(result, "Jane Q. Doe", "jane.doe@example.com", "TU M\u00fcnchen",
                     "Python, FastAPI, SQLAlchemy")
    assert (result.kind, result.pages) == ("pdf", 2)
    assert "event-driven engineering with Kafka" in text  # "engi-\nneering" joined
    assert "engi-" not in text
    assert "\n\nEducation" in text  # the page break stays a paragraph break
    assert "  " not in text


def test_pdf_with_a_user_password_fails_as_encrypted():
    result = extract_text("cv.pdf", "application/pdf", hostile.encrypted_pdf("s3cret"), LIMITS)
    assert_failed(result, "pdf", "PDF is encrypted", "password")


def test_pdf_with_only_an_owner_password_is_read():
    result = extract_text("cv.pdf", "application/pdf", hostile.encrypted_pdf("", "owner"), LIMITS)
    assert_ok(result, "Jane Q. Doe", "Kubernetes")


def test_scanned_pdf_fails_with_no_text_layer():
    result = extract_text("scan.pdf", "application/pdf", hostile.image_only_pdf(), LIMITS)
    assert_failed(result, "pdf", "scanned PDF: no text layer (image-only pages)")
    assert result.pages == 2


def test_blank_pdf_fails_without_claiming_a_scan():
    result = extract_text("cv.pdf", "application/pdf", hostile.blank_pdf(), LIMITS)
    assert_failed(result, "pdf", "no text")
    assert "scanned" not in result.reason


@pytest.mark.parametrize("payload", [hostile.corrupt_pdf(), hostile.garbage_after_pdf_header()])
def test_corrupt_pdf_fails_with_pypdfs_message(payload):
    result = extract_text("cv.pdf", "application/pdf", payload, LIMITS)
    assert_failed(result, "pdf", "corrupt PDF: ")
    assert len(result.reason) < 160 and "\n" not in result.reason


def test_pdf_page_limit_is_checked_before_extracting(monkeypatch):
    calls = []
    monkeypatch.setattr("pypdf.PageObject.extract_text", lambda *a, **k: calls.append(1) or "")
    monkeypatch.setattr("pypdfium2.PdfTextPage.get_text_range",
                        lambda *a, **k: calls.append(1) or "")
    result = extract_text("cv.pdf", "application/pdf", hostile.many_pages_pdf(31), LIMITS)
    assert_failed(result, "pdf", "PDF has 31 pages, above the 30-page limit")
    assert result.pages == 31
    assert calls == []


def test_limits_come_from_settings(monkeypatch):
    monkeypatch.setenv("EXTRACTION_MAX_PDF_PAGES", "1")
    get_settings.cache_clear()
    assert limits_from_settings().max_pdf_pages == 1
    result = extract_text("cv.pdf", "application/pdf", hostile.text_pdf())
    assert_failed(result, "pdf", "2 pages, above the 1-page limit")


def test_long_text_is_cut_and_the_cut_noted():
    limits = ExtractionLimits(max_text_chars=40)
    result = extract_text("cv.pdf", "application/pdf", hostile.text_pdf(), limits)
    assert result.status == "ok"
    assert len(result.text) <= 40 and result.text.startswith("Jane Q. Doe")
    assert "cut to the first 40 characters" in result.reason


# ---------------------------------------------------------------------------- size and time


def test_size_limit_is_checked_first(monkeypatch):
    monkeypatch.setattr(extract_module, "_parse", lambda *a: pytest.fail("parsed a 30 MB file"))
    result = extract_text("cv.pdf", "application/pdf", hostile.oversized_attachment(30), LIMITS)
    assert_failed(result, "pdf", "file is 30 MB, above the 10 MB limit")


def test_empty_file_fails():
    assert_failed(extract_text("cv.pdf", "application/pdf", b"", LIMITS), "pdf", "file is empty")


def _spin(payload, limits):
    """A reader stuck in a pure-Python loop, as a pathological PDF can make pypdf."""
    while True:
        time.sleep(0.001)


def _parser_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "resume-text-parser"]


def test_a_stuck_parser_times_out_and_its_thread_is_stopped(monkeypatch):
    monkeypatch.setitem(readers_module.READERS, "txt", _spin)
    started = time.perf_counter()
    result = extract_text("cv.txt", "text/plain", b"Jane Doe", ExtractionLimits(max_seconds=0.2))
    assert time.perf_counter() - started < 1.0
    assert_failed(result, "txt", "took longer than 0.2 s")
    deadline = time.monotonic() + 2
    while _parser_threads() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _parser_threads() == []


def test_run_with_deadline_returns_values_and_reraises_errors():
    assert run_with_deadline(lambda: 42, 1.0) == 42
    assert run_with_deadline(lambda: 42, 0) == 42  # no deadline: inline
    with pytest.raises(ZeroDivisionError):
        run_with_deadline(lambda: 1 / 0, 1.0)
    with pytest.raises(DeadlineExceeded):
        run_with_deadline(lambda: time.sleep(0.3), 0.05)


def test_a_crashing_reader_becomes_a_failure_not_an_exception(monkeypatch):
    def explode(payload, limits):
        raise RuntimeError("secret internals")

    monkeypatch.setitem(readers_module.READERS, "txt", explode)
    result = extract_text("cv.txt", "text/plain", b"Jane Doe", LIMITS)
    assert_failed(result, "txt", "could not read the file (RuntimeError)")
    assert "secret internals" not in result.reason


# ---------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_table_and_header_are_extracted():
    result = extract_text("cv.docx", "", hostile.resume_docx(), LIMITS)
    text = assert_ok(result, "Jane Q. Doe", "Senior Backend Engineer, Acme GmbH",
                     "Built Python and PostgreSQL services", "Languages | Python, Go",
                     "Cloud | AWS, Kubernetes", "Curriculum Vitae - confidential")
    assert result.kind == "docx"
    assert text.index("Experience") < text.index("Languages")  # document order kept


def test_docx_content_controls_and_text_boxes_are_read_once():
    text = assert_ok(extract_text("cv.docx", "", hostile.template_docx(), LIMITS),
                     "Template Person", "Summary kept in a content control",
                     "Inserted final sentence")
    assert text.count("Certified Kubernetes Administrator") == 1  # not again from the fallback
    assert "Deleted draft sentence" not in text


def test_docx_zip_bomb_is_refused_before_inflating():
    bomb = hostile.docx_zip_bomb()
    # Memory, not time, shows nothing was inflated (a timing fails on a busy machine).
    tracemalloc.start()
    try:
        result = extract_text("cv.docx", "", bomb, LIMITS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert_failed(result, "docx", "DOCX expands to 400 MB (zip bomb?)")


def test_docx_bomb_within_size_but_over_ratio_is_refused():
    limits = ExtractionLimits(max_docx_uncompressed=1024 * 1024 * 1024)
    result = extract_text("cv.docx", "", hostile.docx_zip_bomb(), limits)
    assert_failed(result, "docx", "above the 100x limit (zip bomb?)")


def test_docx_lying_about_its_sizes_fails_its_check():
    result = extract_text("cv.docx", "", hostile.docx_lying_sizes(), LIMITS)
    assert_failed(result, "docx", "corrupt DOCX", "CRC")


def test_docx_with_thousands_of_entries_is_refused():
    result = extract_text("cv.docx", "", hostile.docx_many_entries(5000), LIMITS)
    assert_failed(result, "docx", "5,001 zip entries, above the 1,000 limit")


def test_zip_named_docx_without_a_document_fails():
    result = extract_text("cv.docx", "", hostile.zip_without_document(), LIMITS)
    assert_failed(result, "docx", "no word/document.xml")


def test_truncated_docx_fails_as_corrupt():
    result = extract_text("cv.docx", "", hostile.resume_docx()[:3000], LIMITS)
    assert_failed(result, "docx", "corrupt DOCX")


# ---------------------------------------------------------------------------- text encodings


@pytest.mark.parametrize(
    "payload",
    [
        hostile.latin1_text(),
        hostile.cp1252_text(),
        hostile.utf16_text(bom=True),
        hostile.utf16_text(bom=False),
        hostile.utf8_bom_text(),
        hostile.LATIN1_RESUME.encode("utf-32"),
    ],
    ids=["latin-1", "cp1252", "utf-16-bom", "utf-16-no-bom", "utf-8-bom", "utf-32"],
)
def test_text_in_any_encoding_is_decoded(payload):
    result = extract_text("cv.txt", "text/plain", payload, LIMITS)
    text = assert_ok(result, "Jos\u00e9 M\u00fcller", "Z\u00fcrich", "Gr\u00fcn & S\u00f6hne",
                     "\u00c9l\u00e8ve")
    assert result.kind == "txt"
    assert "\ufeff" not in text and "\x00" not in text


def test_cp1252_punctuation_survives():
    text = assert_ok(extract_text("cv.txt", "", hostile.cp1252_text(), LIMITS))
    assert "(2018\u20132023)" in text and "\u201cteam player\u201d" in text


def test_cyrillic_code_page_is_detected():
    # charset_normalizer needs a few lines; a one-line cp1251 text can come out as CJK.
    resume = (
        "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432\n"
        "\u041e\u043f\u044b\u0442 \u0440\u0430\u0431\u043e\u0442\u044b\n"
        "\u0420\u0430\u0437\u0440\u0430\u0431\u043e\u0442\u0447\u0438\u043a Python "
        "\u0432 \u043a\u043e\u043c\u043f\u0430\u043d\u0438\u0438 "
        "\u042f\u043d\u0434\u0435\u043a\u0441, 2018-2023\n"
        "\u041d\u0430\u0432\u044b\u043a\u0438: Python, Django, PostgreSQL"
    )
    assert_ok(extract_text("cv.txt", "", resume.encode("cp1251"), LIMITS), resume)


def test_binary_garbage_named_txt_fails():
    result = extract_text("cv.txt", "text/plain", hostile.binary_garbage(), LIMITS)
    assert_failed(result, "txt", "binary data, not text")


# ---------------------------------------------------------------------------- LaTeX


def test_latex_resume_becomes_readable_text():
    result = extract_text("cv.tex", "application/x-tex", hostile.latex_resume(), LIMITS)
    text = assert_ok(result)
    assert result.kind == "latex"
    lines = text.splitlines()
    assert lines[0] == "Ada Lovelace"  # from \name{Ada}{Lovelace} in the preamble
    for line in ("Experience", "Analyst 1842\u20131843",
                 "- Wrote the first algorithm for the Analytical Engine at Babbage & Co.",
                 "- Improved accuracy by 50% using Bernoulli numbers", "Links",
                 "See my portfolio or https://example.org.",
                 "Jos\u00e9 \u00dcbel, Caf\u00e9 na\u00efve \u2014 tested", "Python Expert"):
        assert line in lines
    for leftover in ("\\", "{", "}", "usepackage", "geometry", "must not appear", "example.com/ada",
                     "itemize", "tabular", "$"):
        assert leftover not in text


def test_latex_converter_survives_hostile_nesting():
    deep = "\\section{" * 5000 + "x" + "}" * 10
    assert "x" in latex_to_text(deep)
    assert latex_to_text("\\textbf{unclosed \\href{a}{b") .strip() == "unclosed b"
    assert latex_to_text("\\\\\\") == "\n"


# ---------------------------------------------------------------------------- unsupported, skipped


@pytest.mark.parametrize(
    ("filename", "payload", "kind", "reason"),
    [
        ("cv.doc", hostile.doc_file(), "doc",
         "Word 97-2003 .doc is not supported; ask for PDF or DOCX"),
        ("cv.rtf", hostile.rtf_file(), "rtf", "RTF is not supported; ask for PDF or DOCX"),
        ("cv.odt", hostile.odt_file(), "other",
         "OpenDocument .odt is not supported; ask for PDF or DOCX"),
        ("scan.png", hostile.scanned_resume_png(), "image", "no OCR"),
    ],
)
def test_unsupported_documents_fail_telling_hr_what_to_ask_for(filename, payload, kind, reason):
    result = extract_text(filename, "application/octet-stream", payload, LIMITS)
    assert_failed(result, kind, reason)


@pytest.mark.parametrize(
    ("filename", "content_type", "payload", "kind", "reason"),
    [
        ("logo.png", "image/png", hostile.png_image(), "image", "likely a logo or signature"),
        ("image001.jpg", "image/jpeg", hostile.jpeg_header_only(), "image", "JPEG"),
        ("invite.ics", "text/calendar", hostile.ics_invite(), "other", "not a resume file type"),
        ("smime.p7s", "application/pkcs7-signature", b"0\x82\x05", "other", ".p7s"),
    ],
)
def test_non_resume_attachments_are_skipped(filename, content_type, payload, kind, reason):
    result = extract_text(filename, content_type, payload, LIMITS)
    assert (result.status, result.kind, result.text) == ("skipped", kind, "")
    assert reason in result.reason


# ---------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("filename", "content_type", "payload", "kind"),
    [
        ("cv.txt", "text/plain", hostile.text_pdf(), "pdf"),  # magic bytes beat the name
        ("cv.pdf", "application/pdf", hostile.doc_file(), "doc"),
        ("attachment", "application/octet-stream", hostile.resume_docx(), "docx"),
        ("cv.zip", "application/zip", hostile.zip_without_document(), "other"),
        ("cv", "", hostile.latex_resume(), "latex"),
        ("CV.TEX", "", b"Plain words", "latex"),
        ("notes.md", "", b"# Jane", "txt"),
        ("noname", "text/plain; charset=utf-8", b"Jane", "txt"),
        ("noname", "Application/PDF", b"", "pdf"),
        ("photo.heic", "", b"", "image"),
        ("noname", "image/webp", b"", "image"),
        ("budget.xls", "", hostile.doc_file(), "other"),
        ("data.bin", "application/octet-stream", b"\x01\x02", "other"),
    ],
)
def test_detect_kind(filename, content_type, payload, kind):
    assert detect_kind(filename, content_type, payload) == kind


@pytest.mark.parametrize(
    ("filename", "content_type", "expected"),
    [
        ("Jane Doe CV.pdf", "application/pdf", True),
        ("resume.docx", "", True),
        ("cv.doc", "", True),
        ("cv.tex", "", True),
        ("cover letter.txt", "", True),
        ("cv.odt", "", True),
        ("noname", "application/pdf", True),
        ("resume_scan.jpg", "image/jpeg", True),
        ("image001.png", "image/png", False),
        ("invite.ics", "text/calendar", False),
        ("smime.p7s", "application/pkcs7-signature", False),
        ("budget.xlsx", "", False),
    ],
)
def test_looks_like_resume_file(filename, content_type, expected):
    assert looks_like_resume_file(filename, content_type) is expected


# ---------------------------------------------------------------------------- email body


def test_email_body_drops_quotes_attribution_and_signature():
    body = (
        "Hello,\r\n\r\n\r\n\r\nI would like to apply for the   Backend role.\r\n"
        "I have 6 years of Python.\r\n\r\n"
        "On Mon, 3 Jun 2024 at 10:00, HR Team <\r\njobs@example.com> wrote:\r\n"
        "> Thanks for your interest\r\n> Please send your CV\r\n\r\n"
        "Sent from my iPhone\r\n-- \r\nJane Doe\r\nSenior Engineer | +1 555 0100\r\n"
    )
    assert text_from_email_body(body) == (
        "Hello,\n\nI would like to apply for the Backend role.\nI have 6 years of Python."
    )


def test_email_body_stops_at_an_outlook_history():
    body = ("Please find my resume below.\nJane\n\n-----Original Message-----\n"
            "From: HR\nSent: Monday\nSubject: Job\n\nOld text")
    assert text_from_email_body(body) == "Please find my resume below.\nJane"


def test_email_body_stops_at_outlook_header_lines():
    body = "My CV is attached.\n\nFrom: HR <jobs@example.com>\nSent: Monday\nTo: Jane\n\nOld"
    assert text_from_email_body(body) == "My CV is attached."


def test_email_body_without_quotes_is_only_tidied():
    assert text_from_email_body("  Jane\tDoe  \n\n\n\nPython  ") == "Jane Doe\n\nPython"


# ---------------------------------------------------------------------------- never raises


def _random_payloads(rng: random.Random):
    prefixes = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"{\\rtf1", bytes.fromhex("D0CF11E0A1B11AE1"),
                b"\\documentclass{article}\\begin{document}", b"\xef\xbb\xbf", b"\xff\xfe",
                b"\x89PNG\r\n\x1a\n"]
    valid = [hostile.text_pdf(), hostile.resume_docx(), hostile.latex_resume()]
    for _ in range(150):
        yield rng.choice(prefixes) + rng.randbytes(rng.randrange(0, 3000))
    for _ in range(60):  # real files with a few bytes flipped or the tail cut off
        data = bytearray(rng.choice(valid))
        for _ in range(rng.randrange(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield bytes(data[: rng.randrange(len(data) // 2, len(data) + 1)])


def test_extract_text_never_raises_on_random_bytes():
    rng = random.Random(20240601)
    names = ["cv.pdf", "cv.docx", "cv.txt", "cv.tex", "cv.doc", "cv.rtf", "x.png", "noname", ""]
    types = ["", "application/pdf", "text/plain", "application/octet-stream", "image/png"]
    limits = ExtractionLimits(max_seconds=2)
    for payload in _random_payloads(rng):
        result = extract_text(rng.choice(names), rng.choice(types), payload, limits)
        assert result.status in ("ok", "failed", "skipped")
        if result.status == "ok":
            assert result.text
        else:
            assert result.text == "" and result.reason


def test_the_deadline_also_holds_off_the_main_thread(monkeypatch):
    """The main thread uses a SIGALRM timer; other threads use the helper thread. Both stop a
    stuck parser and both return normal results."""
    monkeypatch.setitem(readers_module.READERS, "txt", _spin)
    result = off_the_main_thread(lambda: extract_text("cv.txt", "text/plain", b"Jane Doe",
                                                      ExtractionLimits(max_seconds=0.2)),
                                 timeout_s=5)
    assert_failed(result, "txt", "took longer than 0.2 s")
    assert off_the_main_thread(lambda: run_with_deadline(lambda: 42, 1.0), timeout_s=5) == 42
    with pytest.raises(DeadlineExceeded):
        off_the_main_thread(lambda: run_with_deadline(lambda: time.sleep(0.3), 0.05), timeout_s=5)


def test_the_alarm_is_cleared_after_each_file():
    import signal

    assert run_with_deadline(lambda: 7, 5.0) == 7
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_cid_placeholders_are_unreadable_fonts_not_a_resume():
    # What pdfminer-based exporters leave for glyphs they cannot map, as the PDF's text layer.
    lines = tuple(" ".join(f"(cid:{36 + (i * 7 + j) % 40})" for j in range(9)) for i in range(30))
    result = extract_text("cv.pdf", "application/pdf", hostile.text_pdf((lines,)), LIMITS)
    assert result.status == "failed" and "fonts without a Unicode map" in result.reason


@pytest.mark.parametrize("text", [
    "Moved the platform from cron jobs to event-driven engineering with Kafka; SQL, AWS, GCP. " * 5,
    "Разработка сервисов на Python и PostgreSQL, руководство командой из пяти человек. " * 5,
    "负责后端服务开发，使用 Python 和 PostgreSQL，带领五人团队完成支付系统迁移。" * 8,
])
def test_real_text_in_any_script_reads_as_words(text):
    from hireops.services.candidates.resume_text.pdf import reads_as_words
    assert reads_as_words(text)
