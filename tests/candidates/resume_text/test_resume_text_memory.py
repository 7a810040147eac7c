"""The memory a resume's reader may use is bounded: readers run in a helper process capped
with RLIMIT_AS, and a file that needs more fails with a recorded reason while the app process
stays as it was (a 1 MB PDF once cost pypdf 460 MB in the app process)."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from hireops.config import get_settings
from hireops.services.candidates.resume_text import ExtractionLimits, extract_text
from tests.fakes import hostile_files as hostile

PDF = "application/pdf"
CLEAR_REFS = Path("/proc/self/clear_refs")


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc/self/status")


@pytest.fixture
def memory_budget(monkeypatch) -> int:
    """A budget the operator set: 64 MB per file."""
    monkeypatch.setenv("EXTRACTION_MAX_MEMORY_MB", "64")
    get_settings.cache_clear()
    return 64


def test_a_pdf_that_needs_too_much_memory_fails_with_the_reason(memory_budget):
    bomb = hostile.pdf_operator_bomb()
    assert len(bomb) < 1024 * 1024
    try:
        CLEAR_REFS.write_text("5")  # restart this process's peak-memory count
        watched = True
    except OSError:
        watched = False
    before = _peak_rss_mb()

    result = extract_text("cv.pdf", PDF, bomb)

    assert (result.status, result.text) == ("failed", "")
    assert result.reason.startswith(f"resume needs more than {memory_budget} MB to read")
    if watched:  # the reading happened elsewhere: this process did not grow with it
        assert _peak_rss_mb() - before < 50


def test_ordinary_files_read_the_same_in_the_capped_helper(memory_budget):
    pdf = extract_text("cv.pdf", PDF, hostile.text_pdf())
    docx = extract_text("cv.docx", "application/vnd.openxmlformats-officedocument."
                        "wordprocessingml.document", hostile.resume_docx())
    locked = extract_text("cv.pdf", PDF, hostile.encrypted_pdf())

    assert pdf.status == "ok" and "Jane" in pdf.text and pdf.pages == 2
    assert docx.status == "ok" and hostile.RESUME_DOCX_NAME in docx.text
    assert locked.status == "failed" and "encrypted" in locked.reason
    # One bomb does not spoil the helper for the files after it.
    assert extract_text("cv.pdf", PDF, hostile.pdf_operator_bomb()).status == "failed"
    assert extract_text("cv.pdf", PDF, hostile.text_pdf()).text == pdf.text


def _read_in_a_worker(_: int) -> str:
    """What an analysis worker process does: read a resume through the capped helper."""
    return extract_text("cv.pdf", PDF, hostile.text_pdf(),
                        ExtractionLimits(max_memory_mb=256)).status


def test_a_worker_process_that_used_the_helper_still_exits():
    """An analysis worker ends through multiprocessing, which waits for its children: its own
    helper must be stopped first, or the worker (and the inbox pass) waits forever."""
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    assert list(pool.map(_read_in_a_worker, [1, 2])) == ["ok", "ok"]
    workers = list(pool._processes.values())
    stopping = threading.Thread(target=pool.shutdown, daemon=True)
    stopping.start()
    stopping.join(60)
    hung = stopping.is_alive()
    if hung:  # leave nothing behind: the worker and, through its exit, its helper
        for worker in workers:
            worker.kill()
    assert not hung, "the worker process did not exit"
