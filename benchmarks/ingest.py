"""Ingest speed: N application mails with 1-3 page PDF and DOCX resumes, local engine, fresh
SQLite database. Prints `ingest_messages_per_s=X` and `peak_rss_mb=Y` (the largest sum of the
resident memory of the app process and its worker processes during the pass).

    .venv/bin/python benchmarks/ingest.py --n 1000

Building the corpus is not timed; the timed part is one full pass (fetch from the Maildir,
store, extract, classify, dedupe, match, score) as `python -m hireops ingest` runs it.
"""

from __future__ import annotations

import argparse
import mailbox
import os
import shutil
import threading
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.mail_factory import (  # noqa: E402
    DOCX,
    PDF,
    build_email,
    resume_docx,
    resume_lines,
    resume_pdf,
)

FIRST = ["Maya", "Daniel", "Priya", "Lucas", "Sofia", "James", "Elena", "Tomas", "Amara", "Kenji",
         "Fatima", "Oliver", "Chloe", "Mateo", "Aisha", "Noah", "Ingrid", "Ravi", "Zoe", "Hugo"]
LAST = ["Chen", "Okafor", "Raman", "Martin", "Alvarez", "Whitfield", "Petrova", "Novak", "Diallo",
        "Sato", "Haddad", "Brown", "Lefevre", "Garcia", "Khan", "Meyer", "Larsen", "Iyer", "Kim"]
ROLES = [
    ("Senior Backend Engineer", ["Python", "FastAPI", "PostgreSQL", "Docker", "Kubernetes",
                                 "REST APIs", "Redis", "AWS"]),
    ("Data Analyst", ["SQL", "Python", "pandas", "Tableau", "Excel", "statistics", "Power BI"]),
    ("Product Designer", ["Figma", "user research", "prototyping", "design systems",
                          "usability testing"]),
    ("Account Executive", ["Salesforce", "HubSpot", "negotiation", "pipeline management",
                           "B2B SaaS"]),
]


def build_corpus(maildir: Path, n: int) -> None:
    box = mailbox.Maildir(maildir, create=True)
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
        email = f"applicant{i}@example.com"
        role, skills = ROLES[i % len(ROLES)]
        lines = resume_lines(i, name, email, role, skills)
        if i % 2:
            attachment = (f"CV_{i}.docx", DOCX, resume_docx(lines))
        else:
            attachment = (f"CV_{i}.pdf", PDF, resume_pdf(lines))
        box.add(build_email(sender=email, sender_name=name, subject=f"Application: {role}",
                            body=f"Hello,\n\nI am applying for the {role} role. My resume is "
                                 f"attached.\n\n{name}", attachments=[attachment],
                            message_id=f"<bench-{i}@example.com>"))


class RssSampler:
    """Samples, every 50 ms, the resident memory of this process plus all its child processes
    (the analysis workers) and keeps the largest sum: the pass's real peak, not the corpus
    building's."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            pids = [os.getpid(), *_children(os.getpid())]
            self.peak_mb = max(self.peak_mb, sum(_rss_kb(pid) for pid in pids) / 1024)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(child) for child in text.split()]
    return kids + [grandchild for kid in kids for grandchild in _children(kid)]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hireops-ingest-"))
    try:
        run(workdir, args.n)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(workdir: Path, n: int) -> None:
    os.environ.update(DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}",
                      SECRET_KEY_FILE=str(workdir / "secret"), DATA_DIR=str(workdir / "data"),
                      INBOX_MAILDIR=str(workdir / "maildir"), HIREOPS_ENV_FILE=os.devnull)
    build_corpus(workdir / "maildir", n)

    from hireops.db import session_scope
    from hireops.services.demo import seed_demo
    from hireops.services.ingest import run_ingest_pass
    from hireops.services.mail.sources import MaildirSource
    from hireops.services.migrations import upgrade_database

    upgrade_database()
    with session_scope() as session:
        seed_demo(session=session)  # the demo's four open jobs to match against
    sampler = RssSampler()
    started = time.perf_counter()
    with sampler:
        summary = run_ingest_pass(source=MaildirSource(workdir / "maildir"))
    elapsed = time.perf_counter() - started
    print(f"messages={summary.new}")
    print(f"failed={len(summary.failed)}")
    print(f"applications_created={summary.applications_created}")
    print(f"ingest_seconds={elapsed:.2f}")
    print(f"ingest_messages_per_s={summary.new / elapsed:.1f}")
    print(f"peak_rss_mb={sampler.peak_mb:.0f}")


if __name__ == "__main__":
    main()
