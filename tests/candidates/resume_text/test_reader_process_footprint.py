"""What each process loads to read resumes: the readers' libraries (pypdf, PDFium,
python-docx) live in the memory-capped helper process only, which loads them before its
budget is set and leaves out the settings' libraries; the process handing it files loads none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hireops.services.candidates.resume_text import ExtractionLimits, extract_text
from hireops.services.candidates.resume_text import reader_process
from tests.fakes import hostile_files as hostile

ROOT = Path(__file__).resolve().parents[3]
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
READER_LIBRARIES = ("pypdf", "pypdfium2", "docx", "lxml")

CALLER = f"""
import json, sys
from pathlib import Path
from hireops.services.candidates.resume_text import ExtractionLimits, extract_text
limits = ExtractionLimits(max_memory_mb=128)
pdf = extract_text("cv.pdf", "{PDF}", Path(sys.argv[1]).read_bytes(), limits)
docx = extract_text("cv.docx", "{DOCX}", Path(sys.argv[2]).read_bytes(), limits)
loaded = sorted(m for m in {READER_LIBRARIES!r} if m in sys.modules)
print(json.dumps([pdf.status, docx.status, loaded]))
"""


def test_the_process_handing_files_over_loads_no_reader_library(tmp_path):
    pdf, docx = tmp_path / "cv.pdf", tmp_path / "cv.docx"
    pdf.write_bytes(hostile.text_pdf())
    docx.write_bytes(hostile.resume_docx())
    out = subprocess.run([sys.executable, "-c", CALLER, str(pdf), str(docx)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["ok", "ok", []]


def test_the_helper_is_named_and_holds_the_readers_but_not_the_settings():
    limits = ExtractionLimits(max_memory_mb=96)
    assert extract_text("cv.pdf", PDF, hostile.text_pdf(), limits).status == "ok"
    helpers = list(reader_process._pools[96]._processes)
    assert helpers
    for pid in helpers:
        assert Path(f"/proc/{pid}/comm").read_text().strip() == "hireops-reader"
        mapped = Path(f"/proc/{pid}/maps").read_text()
        assert "pdfium" in mapped  # loaded before the budget was measured
        assert "pydantic_core" not in mapped  # the settings stay in the app process


def test_a_memory_bomb_still_fails_in_the_slimmer_helper():
    limits = ExtractionLimits(max_memory_mb=64, max_seconds=30)
    result = extract_text("cv.pdf", PDF, hostile.pdf_operator_bomb(), limits)
    assert (result.status, result.text) == ("failed", "")
    assert result.reason.startswith("resume needs more than 64 MB to read")
    assert extract_text("cv.pdf", PDF, hostile.text_pdf(), limits).status == "ok"
