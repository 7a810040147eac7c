"""Ingest speed: N application mails, local engine, fresh SQLite database. Prints
`ingest_messages_per_s=X`, `peak_rss_mb=Y` (the largest sum of the resident memory of the app
process and the processes it starts, during the pass), `peak_pss_mb=Z` (the same with shared
pages counted once; see benchmarks/process_memory.py) and the peak of each kind of process.

Synthetic mode: 1-3 page PDF and DOCX resumes built here.

    .venv/bin/python benchmarks/ingest.py --n 1000

Real-mail mode: one mail around each PDF or DOCX resume under DIR (cycled when --n is larger);
it also prints p50/p99 of the analysis time per message (resume text, classification, matching,
scoring) and the five slowest messages with their file.

    .venv/bin/python benchmarks/ingest.py --resumes benchmarks/data/resumes

The real resumes are not part of the repository: they are real people's CVs, with names and
phone numbers. The figures in README.md use the first 240 PDFs and 60 DOCX files of the public
collection github.com/arefinnomi/curriculum_vitae_data (Open Database License); this fetches
exactly those files (about 30 MB, each checked against benchmarks/data/real_resumes.sha256):

    .venv/bin/python benchmarks/get_real_resumes.py

(benchmarks/data/resumes/ is git-ignored.) Without --resumes the synthetic mode runs.

Building the corpus is not timed, nor measured: it runs in a process of its own. The timed part is
one full pass (fetch from the Maildir, store, extract, classify, dedupe, match, score) as
`python -m hireops ingest` runs it, with the settings of the environment (INBOX_WORKER_PROCESSES,
EXTRACTION_MAX_MEMORY_MB, ...).
"""

from __future__ import annotations

import argparse
import mailbox
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Light imports only: every worker process the pass spawns imports this script again.
from benchmarks.process_memory import TreeMemorySampler  # noqa: E402
from benchmarks.real_mail import (  # noqa: E402
    build_real_corpus,
    percentile,
    read_timings,
    resume_files,
    time_each_analysis,
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
    from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_lines, resume_pdf

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


def cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=None,
                        help="messages (default: 200, or one per file with --resumes)")
    parser.add_argument("--resumes", type=Path, default=None,
                        help="a folder of real PDF and DOCX resumes (real-mail mode)")
    args = parser.parse_args()
    files = resume_files(args.resumes) if args.resumes else []
    if args.resumes and not files:
        sys.exit(f"no .pdf or .docx files under {args.resumes}; the real-mail corpus is fetched "
                 "by: .venv/bin/python benchmarks/get_real_resumes.py")
    n = args.n or len(files) or 200

    workdir = Path(tempfile.mkdtemp(prefix="hireops-ingest-"))
    try:
        run(workdir, n, files)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(workdir: Path, n: int, files: list[Path]) -> None:
    os.environ.update(DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}",
                      SECRET_KEY_FILE=str(workdir / "secret"), DATA_DIR=str(workdir / "data"),
                      INBOX_MAILDIR=str(workdir / "maildir"), HIREOPS_ENV_FILE=os.devnull)
    # The mails, the schema and the demo jobs are made in a process of their own, so this one
    # starts the pass as `python -m hireops ingest` would: without what building them left.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as setup:
        file_names = setup.submit(prepare, workdir, n, files).result()
    if files:
        time_each_analysis(workdir / "timings.tsv")

    from hireops.services.inbox.ingest import run_ingest_pass
    from hireops.services.mail.sources import MaildirSource
    from hireops.services.candidates.resume_text.reader_process import stop_helpers

    cpu_before = cpu_seconds()
    started = time.perf_counter()
    with TreeMemorySampler() as memory:
        summary = run_ingest_pass(source=MaildirSource(workdir / "maildir"))
    elapsed = time.perf_counter() - started
    stop_helpers()  # so their CPU time is counted with the finished child processes'
    cpu = cpu_seconds() - cpu_before
    print(f"messages={summary.new}")
    print(f"failed={len(summary.failed)}")
    print(f"applications_created={summary.applications_created}")
    print(f"ingest_seconds={elapsed:.2f}")
    print(f"ingest_messages_per_s={summary.new / elapsed:.1f}")
    print(f"peak_rss_mb={memory.peak_rss_mb:.0f}")
    print(f"peak_pss_mb={memory.peak_pss_mb:.0f}")
    for name, peak in sorted(memory.processes.values(), key=lambda item: -item[1]):
        print(f"process_peak_rss_mb={peak:.0f} process={name}")
    # CPU time of the app process and its worker processes during the pass: on a machine shared
    # with other work, messages per CPU-second says more than the wall clock.
    print(f"ingest_cpu_seconds={cpu:.2f}")
    print(f"ingest_messages_per_cpu_s={summary.new / cpu:.1f}")
    if files:
        print_message_times(workdir / "timings.tsv", file_names)


def prepare(workdir: Path, n: int, files: list[Path]) -> dict[str, str]:
    """The application mails in the Maildir, the schema and the demo's four open jobs to match
    against; returns Message-ID -> resume file (real-mail mode)."""
    from hireops.db import session_scope
    from hireops.services.demo.seed import seed_demo
    from hireops.services.text.gazetteer_file import ensure_city_file
    from hireops.services.text.language.model_files import ensure_model_folder
    from hireops.services.platform.migrations import upgrade_database

    file_names: dict[str, str] = {}
    if files:
        file_names = build_real_corpus(workdir / "maildir", files, n)
    else:
        build_corpus(workdir / "maildir", n)
    upgrade_database()
    ensure_city_file()  # as `python -m hireops migrate` builds them at setup
    ensure_model_folder()
    with session_scope() as session:
        seed_demo(session=session)
    return file_names


def print_message_times(timings_file: Path, file_names: dict[str, str]) -> None:
    """p50/p99 and the five slowest messages, by their resume file."""
    from sqlmodel import select

    from hireops.db import session_scope
    from hireops.models import Email

    timings = read_timings(timings_file)
    with session_scope() as session:
        message_ids = dict(session.exec(select(Email.id, Email.message_id)).all())
    seconds = list(timings.values())
    print(f"messages_timed={len(seconds)}")
    print(f"message_p50_s={percentile(seconds, 0.5):.3f}")
    print(f"message_p99_s={percentile(seconds, 0.99):.3f}")
    print(f"message_max_s={max(seconds):.3f}")
    slowest = sorted(timings.items(), key=lambda item: item[1], reverse=True)[:5]
    for email_id, spent in slowest:
        name = file_names.get(message_ids.get(email_id, ""), "(a demo mail)")
        print(f"slow_message={spent:.3f}s email_id={email_id} file={name}")


if __name__ == "__main__":
    main()
