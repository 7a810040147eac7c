"""Application mails around real resume files, and the analysis time of each message.

The per-message clock wraps the analysis of one message (resume text, classification, matching,
scoring) wherever it runs: in the ingest worker process or in the app process helping it. Each
run appends "email id, seconds" to the file named by BENCH_TIMINGS_FILE; worker processes are
spawned, so they find that variable and this module (by its import path) on their own.
"""

from __future__ import annotations

import mailbox
import os
import time
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES = {".pdf": PDF, ".docx": DOCX}
TIMINGS_VARIABLE = "BENCH_TIMINGS_FILE"
ROLES = ["Senior Backend Engineer", "Data Analyst", "Product Designer", "Account Executive"]


def resume_files(folder: Path) -> list[Path]:
    """The PDF and DOCX files under `folder`, in a stable order."""
    files = [path for path in folder.rglob("*") if path.suffix.lower() in CONTENT_TYPES]
    return sorted(files, key=lambda path: (str(path.parent), len(path.name), path.name))


def build_real_corpus(maildir: Path, files: list[Path], n: int) -> dict[str, str]:
    """`n` application mails, each carrying one of `files` (cycled); returns Message-ID ->
    the file's name relative to its folder, to name the slowest messages."""
    from tests.fakes.mail_factory import build_email

    box = mailbox.Maildir(maildir, create=True)
    names: dict[str, str] = {}
    for i in range(n):
        path = files[i % len(files)]
        role = ROLES[i % len(ROLES)]
        message_id = f"<real-{i}@example.com>"
        names[message_id] = f"{path.parent.name}/{path.name}"
        attachment = (f"CV_{i}{path.suffix.lower()}", CONTENT_TYPES[path.suffix.lower()],
                      path.read_bytes())
        box.add(build_email(sender=f"applicant{i}@example.com", subject=f"Application: {role}",
                            body=f"Hello,\n\nI am applying for the {role} role. My resume is "
                                 "attached.\n\nKind regards", attachments=[attachment],
                            message_id=message_id))
    return names


def time_each_analysis(timings_file: Path) -> None:
    """Route every message's analysis through `timed_analysis` (in this process and, by the
    environment, in the worker processes it spawns)."""
    global _original_analysis
    from hireops.services.inbox import analysis_runner

    if not hasattr(analysis_runner, "analyze_safely"):
        raise SystemExit("analysis_runner.analyze_safely is gone: time messages where it moved")
    os.environ[TIMINGS_VARIABLE] = str(timings_file)
    _original_analysis = analysis_runner.analyze_safely
    analysis_runner.analyze_safely = timed_analysis


# The product's analysis; set where it is swapped, looked up in a worker (never swapped there).
_original_analysis = None


def timed_analysis(work, open_jobs=None):
    """The product's analysis of one message, timed."""
    analyze = _original_analysis
    if analyze is None:
        from hireops.services.inbox.analysis_runner import analyze_safely as analyze
    started = time.perf_counter()
    result = analyze(work, open_jobs)
    seconds = time.perf_counter() - started
    with open(os.environ[TIMINGS_VARIABLE], "a", encoding="ascii") as out:
        out.write(f"{work.email_id}\t{seconds:.6f}\n")  # one short appended write: whole lines
    return result


def read_timings(timings_file: Path) -> dict[int, float]:
    """Email id -> analysis seconds."""
    timings: dict[int, float] = {}
    for line in timings_file.read_text(encoding="ascii").splitlines():
        email_id, seconds = line.split("\t")
        timings[int(email_id)] = float(seconds)
    return timings


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of `values` (share 0.5: the median)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]
