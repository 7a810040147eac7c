"""The default runner (one analysis thread) reads the next messages' files ahead, while a message
is analysed; each message still succeeds or fails on its own, with its own reason."""

import threading

from sqlmodel import select

from hireops.config import get_settings
from hireops.models import Attachment, Email
from hireops.services.inbox import analysis_runner, processing
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from tests.fakes import hostile_files as hostile
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import BACKEND

MESSAGES = 30  # enough waiting mail for the analysis thread
CORRUPT, UNREADABLE_STORE = "dev3@example.com", "dev7@example.com"


def _cv(i: int) -> bytes:
    if f"dev{i}@example.com" == CORRUPT:
        return hostile.corrupt_pdf()
    return resume_pdf([f"Dev Person{i}", f"dev{i}@example.com", "Backend Engineer",
                       "Backend Engineer, Acme (2019 - Present)",
                       "Python services on PostgreSQL; Docker; REST APIs."])


def _deliver(maildir) -> None:
    for i in range(MESSAGES):
        maildir.add(build_email(
            sender=f"dev{i}@example.com", sender_name=f"Dev Person{i}",
            subject=f"Application: {BACKEND}", body="My CV is attached.",
            message_id=f"<ahead-{i}@example.com>", attachments=[(f"cv{i}.pdf", PDF, _cv(i))]))


def test_files_are_read_ahead_and_a_bad_message_still_fails_alone(session, maildir, jobs,
                                                                   monkeypatch):
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "0")
    monkeypatch.setenv("INBOX_BATCH_SIZE", "10")
    get_settings.cache_clear()
    _deliver(maildir)

    read: dict[int, str] = {}  # email id -> the thread that read its files
    first_read = threading.Condition()
    read_resume, analyze_email = analysis_runner.read_resume, analysis_runner.analyze_email

    def reading(work):
        try:
            return read_resume(work)
        finally:
            with first_read:
                read[work.email_id] = threading.current_thread().name
                first_read.notify_all()

    ahead: list[bool] = []

    def analysing(work, open_jobs):
        if not ahead:
            # Reading ahead: the next message's files are read while this one waits here.
            with first_read:
                ahead.append(first_read.wait_for(lambda: work.email_id + 1 in read, timeout=20))
        return analyze_email(work, open_jobs)

    stored_read = processing.read_attachment

    def read_attachment(path):
        if path == unreadable_path:
            raise PermissionError(13, "Permission denied", path)
        return stored_read(path)

    unreadable_path = None

    def find_unreadable(phase, done, total):
        nonlocal unreadable_path
        if unreadable_path is None:
            session.expire_all()
            email = session.exec(select(Email).where(Email.from_address == UNREADABLE_STORE)
                                 ).first()
            if email is not None:
                unreadable_path = session.exec(select(Attachment.storage_path).where(
                    Attachment.email_id == email.id)).one()

    monkeypatch.setattr(analysis_runner, "read_resume", reading)
    monkeypatch.setattr(analysis_runner, "analyze_email", analysing)
    monkeypatch.setattr(processing, "read_attachment", read_attachment)
    summary = run_ingest_pass(source=MaildirSource(maildir._path), progress=find_unreadable)

    assert ahead == [True]
    assert len(read) == MESSAGES
    assert {name.split("_")[0] for name in read.values()} == {"resume-reading"}
    session.expire_all()
    emails = {e.from_address: e for e in session.exec(select(Email))}
    # The corrupt PDF fails as a file, with its reason; the message itself is processed.
    corrupt = session.exec(select(Attachment).where(
        Attachment.email_id == emails[CORRUPT].id)).one()
    assert corrupt.extraction_status == "failed" and "corrupt" in corrupt.extraction_error
    # A message whose files could not be read at all fails alone, saying why.
    assert emails[UNREADABLE_STORE].status == "failed"
    assert "PermissionError" in emails[UNREADABLE_STORE].failure_reason
    assert [f["message_id"] for f in summary.failed] == ["<ahead-7@example.com>"]
    assert summary.processed == MESSAGES - 1
    assert {e.status for address, e in emails.items() if address != UNREADABLE_STORE} == {
        "processed"}
