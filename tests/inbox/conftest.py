"""Fixtures for the inbox tests: a migrated database, a Maildir and attachment store in tmp,
and two open jobs to apply to."""

from __future__ import annotations

import json
import mailbox
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from hireops.config import PROJECT_ROOT, get_settings
from hireops.models import Application, Attachment, Candidate, Email, Job
from hireops.services.jobs.records import JobForm, create_job
from tests.fakes.dovecot import dovecot  # noqa: F401  (a pytest fixture, used by name)
from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_pdf

BACKEND = "Senior Backend Engineer"
ANALYST = "Data Analyst"


@pytest.fixture
def inbox_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    """DATA_DIR and INBOX_MAILDIR under tmp_path (attachments never land in the project)."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    monkeypatch.setenv("INBOX_MAILDIR", str(tmp_path / "maildir"))
    # The local engines: no network, deterministic results.
    monkeypatch.setenv("CLASSIFIER_ENGINE", "local")
    monkeypatch.setenv("RESUME_SCORER_ENGINE", "local")
    # Analysis in the test process, where monkeypatches apply.
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "0")
    get_settings.cache_clear()
    return data_dir


@pytest.fixture
def maildir_path(inbox_env: Path, tmp_path: Path) -> Path:
    return tmp_path / "maildir"


@pytest.fixture
def maildir(maildir_path: Path) -> mailbox.Maildir:
    """An empty Maildir at INBOX_MAILDIR."""
    return mailbox.Maildir(maildir_path, create=True)


def create_jobs(session: Session) -> dict[str, Job]:
    """Two open jobs: a backend engineer and a data analyst."""
    backend = create_job(session=session, actor=None, form=JobForm(
        title=BACKEND, department="Engineering", location="Berlin", seniority="Senior",
        description="Build and run the APIs behind our hiring product.",
        must_have_skills=["Python", "PostgreSQL", "Docker", "REST APIs"],
        nice_to_have_skills=["Kubernetes", "AWS"],
        responsibilities=["Design REST APIs", "Run PostgreSQL in production"]))
    analyst = create_job(session=session, actor=None, form=JobForm(
        title=ANALYST, department="Finance", location="Remote",
        description="Turn sales data into dashboards and answers.",
        must_have_skills=["SQL", "Python", "Tableau", "Excel"],
        nice_to_have_skills=["Power BI", "Statistics"],
        responsibilities=["Build Tableau dashboards", "Write SQL reports"]))
    return {BACKEND: backend, ANALYST: analyst}


@pytest.fixture
def jobs(session: Session, inbox_env: Path) -> dict[str, Job]:
    """The two open jobs in the test's database."""
    return create_jobs(session)


def count(session: Session, model) -> int:
    """Rows of `model`, read fresh (other sessions may have written)."""
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


def counts(session: Session) -> dict[str, int]:
    return {"emails": count(session, Email), "attachments": count(session, Attachment),
            "candidates": count(session, Candidate), "applications": count(session, Application)}


def deliver(box: mailbox.Maildir, *messages: bytes) -> list[str]:
    """Drop each message into the Maildir's new/ folder, as a delivery agent would."""
    return [box.add(raw) for raw in messages]


def listing(path: Path) -> list[tuple[str, int]]:
    """Every file under `path` with its size, sorted: a Maildir as a mail client sees it."""
    return sorted((str(p.relative_to(path)), p.stat().st_size)
                  for p in path.rglob("*") if p.is_file())


def cli_ingest(*args: str, **env_changes: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    """`python -m hireops ingest ...` as a subprocess on the test's database, secret key file,
    data dir and Maildir (all in os.environ, put there by the fixtures); returns the result and
    the JSON summary from the last stdout line ({} when there is none)."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("MISTRAL_", "HIREOPS_"))}
    for name in ("DATABASE_URL", "SECRET_KEY_FILE", "DATA_DIR", "INBOX_MAILDIR"):
        assert env.get(name), f"{name} is not set for the subprocess"
    env.update(HIREOPS_ENV_FILE=os.devnull, INBOX_WORKER_PROCESSES="0", **env_changes)
    result = subprocess.run([sys.executable, "-m", "hireops", "ingest", *args], cwd=PROJECT_ROOT,
                            env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=60)
    lines = result.stdout.strip().splitlines()
    return result, json.loads(lines[-1]) if lines else {}


# --- the mail an inbox gets ------------------------------------------------------------------

MAYA_CV = [
    "Maya Chen",
    "maya.chen@example.com | +49 151 2345 6789 | Berlin, Germany",
    "",
    "Summary",
    "Backend engineer with seven years of Python in payments.",
    "",
    "Experience",
    "Backend Engineer, Fintech GmbH (2018 - 2024)",
    "Built REST APIs in Python with FastAPI and PostgreSQL; shipped every service in Docker.",
    "Ran PostgreSQL replicas on Kubernetes in AWS.",
    "",
    "Education",
    "B.Sc. Computer Science, TU Berlin (2017)",
    "",
    "Skills",
    "Python, PostgreSQL, Docker, REST APIs, Kubernetes, AWS",
]
LUKAS_CV = [
    "Lukas Weber",
    "lukas.weber@example.org | +49 170 5550 1234 | Hamburg, Germany",
    "",
    "Experience",
    "Business Intelligence Analyst, Nordhandel AG (2019 - 2024)",
    "Wrote SQL reports on sales data and built Tableau dashboards for the board.",
    "Automated monthly Excel reporting with Python and pandas.",
    "",
    "Education",
    "M.Sc. Statistics, Universität Hamburg (2018)",
    "",
    "Skills",
    "SQL, Python, Tableau, Excel, Power BI, Statistics",
]
PRIYA_BODY = """Dear hiring team,

I am applying for the Data Analyst position. My resume is below.

Priya Nair
+44 7700 900123 | London, United Kingdom

Experience
Data Analyst, Retail Insights Ltd (2020 - 2024)
- Wrote SQL queries over the sales warehouse and built Tableau dashboards.
- Cleaned data in Python and shared weekly Excel summaries with finance.

Education
B.Sc. Mathematics, University of Leeds (2019)

Skills
SQL, Python, Tableau, Excel, Statistics

Kind regards,
Priya Nair
"""
# No email address in Tom's resume: he is recognised by his phone number.
TOM_CV = [
    "Tom Baker",
    "+44 20 7946 0321 | Manchester, United Kingdom",
    "",
    "Experience",
    "Software Engineer, Northern Rail Tech (2016 - 2024)",
    "Python services behind REST APIs, PostgreSQL schemas and Docker deployments.",
    "",
    "Education",
    "B.Eng. Software Engineering, University of Manchester (2015)",
    "",
    "Skills",
    "Python, PostgreSQL, Docker, REST APIs",
]
INVOICE_LINES = [
    "ACME Office Supplies Ltd",
    "Invoice 4711",
    "Date: 1 November 2026",
    "Item: 20 boxes of printer paper, 5 toner cartridges",
    "Total amount due: EUR 412.50",
    "Payment by 30 November 2026 to IBAN DE02 1203 0000 0000 2020 51",
]
NEWSLETTER_LINES = [
    "HR Weekly - November edition",
    "Ten trends in hiring this winter",
    "Special offer: 20% off our HR conference tickets, limited time",
    "Unsubscribe at any time",
]


def maya_application(**overrides) -> bytes:
    """Maya applies for the backend job by name, with a PDF resume."""
    fields = dict(
        sender="maya.chen@example.com", sender_name="Maya Chen",
        subject="Application for Senior Backend Engineer",
        body="Hello,\n\nI am applying for the Senior Backend Engineer role. Please find my CV "
             "attached.\n\nBest regards,\nMaya Chen",
        attachments=[("Maya_Chen_CV.pdf", PDF, resume_pdf(MAYA_CV))],
        message_id="<maya-1@mail.example>")
    fields.update(overrides)
    return build_email(**fields)


def lukas_application() -> bytes:
    """Lukas names no job: his DOCX resume fits the data analyst job."""
    return build_email(
        sender="lukas.weber@example.org", sender_name="Lukas Weber",
        subject="Job application",
        body="Good morning,\n\nplease find my resume attached. I look forward to hearing from "
             "you.\n\nLukas Weber",
        attachments=[("Lukas Weber - Resume.docx", DOCX, resume_docx(LUKAS_CV))],
        message_id="<lukas-1@mail.example>")


def priya_application() -> bytes:
    """Priya sends no file: her resume is the email body."""
    return build_email(sender="priya.nair@example.co.uk", sender_name="Priya Nair",
                       subject="Application: Data Analyst", body=PRIYA_BODY,
                       message_id="<priya-1@mail.example>")


def tom_applications() -> list[bytes]:
    """Tom writes twice, from two addresses; the same phone is in both resumes."""
    first = build_email(
        sender="tom.baker@gmail.com", sender_name="Tom Baker",
        subject="Application for Senior Backend Engineer",
        body="Hi,\n\nI am applying for the Senior Backend Engineer role; my CV is attached.\n\nTom",
        attachments=[("Tom_Baker_CV.pdf", PDF, resume_pdf(TOM_CV))],
        message_id="<tom-1@mail.example>")
    second = build_email(
        sender="t.baker@northern-rail.example", sender_name="Tom Baker",
        subject="Senior Backend Engineer application - updated CV",
        body="Hello again,\n\nhere is my updated CV for my application to the Senior Backend "
             "Engineer role.\n\nTom",
        attachments=[("Tom_Baker_CV_2026.docx", DOCX,
                      resume_docx(TOM_CV + ["Certified Kubernetes Administrator (2025)"]))],
        message_id="<tom-2@work.example>")
    return [first, second]


def invoice() -> bytes:
    return build_email(
        sender="billing@acme-supplies.example", sender_name="ACME Billing",
        subject="Invoice 4711 for your order",
        body="Dear customer,\n\nplease find attached invoice 4711. The total amount due is "
             "EUR 412.50, payment by 30 November.\n\nACME Office Supplies",
        attachments=[("invoice_4711.pdf", PDF, resume_pdf(INVOICE_LINES))],
        message_id="<invoice-4711@acme-supplies.example>")


def newsletter() -> bytes:
    return build_email(
        sender="news@hr-weekly.example", sender_name="HR Weekly",
        subject="HR Weekly newsletter: ten hiring trends",
        body="This month's newsletter is attached as a PDF.\n\nView this email in your browser. "
             "Unsubscribe or manage your preferences here.",
        attachments=[("newsletter-november.pdf", PDF, resume_pdf(NEWSLETTER_LINES))],
        message_id="<nl-2026-11@hr-weekly.example>")


def corpus() -> list[bytes]:
    """Seven messages: five applications from four people, an invoice and a newsletter."""
    return [maya_application(), lukas_application(), priya_application(), *tom_applications(),
            invoice(), newsletter()]


# What one clean pass over `corpus()` creates.
CORPUS_COUNTS = {"emails": 7, "candidates": 4, "applications": 4}
