"""Applicants for a role with no open job: once they became candidates with no application and
appeared nowhere in the tracker or its export. They are now kept in the talent pool, an
application to no job, shown with how near they came to the open jobs."""

from __future__ import annotations

import csv
import io
import mailbox
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.db import session_scope
from hireops.models import Application, Candidate, Event
from hireops.services.platform.audit import PendingEvents
from hireops.services.candidates.export import export_rows, export_tracker
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from hireops.services.jobs.matching import prepare_jobs
from hireops.services.candidates.talent_pool import keep_in_talent_pool
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import ANALYST, BACKEND, create_jobs, deliver
from tests.factories import make_candidate

NURSE_CV = ["Sarah Lee, RN", "sarah.lee@example.org | +44 7700 900123",
            "Registered nurse, eight years on paediatric and intensive care wards.",
            "Medication administration, patient assessment, wound care, triage.",
            "BLS and PALS certified. Mentored twelve newly qualified nurses."]
CHEF_BODY = ("Hello,\n\nI am applying for the position of sous chef at your restaurant. I have "
             "ten years in professional kitchens, French and Japanese cuisine, menu costing "
             "and leading a brigade of six.\n\nBest regards,\nMarco Bianchi")


def _no_job_mail() -> list[bytes]:
    return [
        build_email(sender="sarah.lee@example.org", sender_name="Sarah Lee",
                    subject="Application for Paediatric Nurse position",
                    body="Dear hiring team,\n\nPlease find my CV attached for the paediatric "
                         "nurse role advertised last week.\n\nKind regards,\nSarah Lee",
                    attachments=[("Sarah_Lee_CV.pdf", PDF, resume_pdf(NURSE_CV))]),
        build_email(sender="marco.bianchi@example.net", sender_name="Marco Bianchi",
                    subject="Sous chef application", body=CHEF_BODY),
    ]


def test_applicants_to_no_open_job_are_in_the_tracker_and_its_exports(
        session: Session, maildir: mailbox.Maildir, maildir_path: Path):
    create_jobs(session)
    deliver(maildir, *_no_job_mail())
    run_ingest_pass(source=MaildirSource(maildir_path))

    page = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    pool = {row.candidate_name: row for row in page.rows}
    assert set(pool) == {"Sarah Lee", "Marco Bianchi"}
    for row in pool.values():
        assert row.job_id is None and row.job_title == "Talent pool"
        assert row.source == "email" and row.resume_score is None
        # Both open jobs, each with its fit 0-100.
        nearest = dict(item.removesuffix(")").rsplit(" (fit ", 1)
                       for item in row.nearest_jobs.split(", "))
        assert set(nearest) == {BACKEND, ANALYST}
        assert all(0 <= int(score) < 25 for score in nearest.values())

    rows = export_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    table = list(csv.reader(io.StringIO(export_rows(rows, "csv").decode("utf-8-sig"))))
    job, nearest = table[0].index("Job"), table[0].index("Nearest jobs")
    exported = {line[0]: line for line in table[1:]}
    assert exported["Sarah Lee"][job] == exported["Marco Bianchi"][job] == "Talent pool"
    assert BACKEND in exported["Sarah Lee"][nearest]
    sheet = load_workbook(io.BytesIO(export_rows(rows, "xlsx"))).active
    assert sorted(r[2] for r in sheet.iter_rows(min_row=2, values_only=True)) == [
        "Talent pool", "Talent pool"]

    sarah = session.exec(select(Candidate).where(
        Candidate.email_normalized == "sarah.lee@example.org")).one()
    [application] = session.exec(select(Application).where(
        Application.candidate_id == sarah.id)).all()
    assert session.exec(select(Event).where(Event.action == "application.talent_pool",
                                            Event.entity_id == application.id)).one()


def test_writing_again_keeps_one_talent_pool_row(session: Session, maildir: mailbox.Maildir,
                                                 maildir_path: Path):
    create_jobs(session)
    first, _ = _no_job_mail()
    deliver(maildir, first)
    run_ingest_pass(source=MaildirSource(maildir_path))
    deliver(maildir, build_email(sender="sarah.lee@example.org", sender_name="Sarah Lee",
                                 subject="Re: Paediatric Nurse position",
                                 body="Following up on my application for the nurse role.",
                                 attachments=[("cv.pdf", PDF, resume_pdf(NURSE_CV))]))
    run_ingest_pass(source=MaildirSource(maildir_path))
    run_ingest_pass(source=MaildirSource(maildir_path))

    assert len(session.exec(select(Application).where(Application.job_id.is_(None))).all()) == 1


def test_a_job_application_is_not_also_put_in_the_pool(session: Session,
                                                      maildir: mailbox.Maildir,
                                                      maildir_path: Path):
    create_jobs(session)
    deliver(maildir, build_email(
        sender="lukas@example.com", sender_name="Lukas Weber",
        subject=f"Application for {BACKEND}",
        body="Python, PostgreSQL, Docker and REST APIs for six years.",
        attachments=[("cv.pdf", PDF, resume_pdf(["Lukas Weber", "Backend engineer: Python, "
                                                 "PostgreSQL, Docker, REST APIs."]))]))
    run_ingest_pass(source=MaildirSource(maildir_path))
    assert session.exec(select(Application).where(Application.job_id.is_(None))).all() == []
    assert len(session.exec(select(Application)).all()) == 1


def test_pool_row_on_both_databases_and_one_per_candidate(any_database_url):
    """The migrated schema (partial unique index, nullable job) and the tracker's CASE over
    the JSON result, on SQLite and PostgreSQL alike."""
    with session_scope() as session:
        jobs = create_jobs(session)
        candidate = make_candidate(session, full_name="Sarah Lee", email="sarah.lee@example.org",
                                            email_normalized="sarah.lee@example.org")
        events = PendingEvents()
        for _ in range(2):
            keep_in_talent_pool(session=session, candidate_id=candidate.id,
                                resume_text="\n".join(NURSE_CV),
                                prepared=prepare_jobs(jobs.values()), source="email",
                                source_email_id=None, actor_label="test", events=events)
        PendingEvents.write(session=session, pending=[events])
        session.commit()
        [row] = query_tracker(session=session, filter=TrackerFilter(),
                              sort=TrackerSort(column="job")).rows
        assert row.job_title == "Talent pool" and row.nearest_jobs.startswith(
            (f"{BACKEND} (fit ", f"{ANALYST} (fit "))
        session.add(Application(candidate_id=candidate.id, job_id=None))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
