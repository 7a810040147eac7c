"""Hostile and broken mail through a whole ingest pass: nothing is lost, nothing crashes the
pass, unreadable files say why in words HR understands, and no error text ever poses as a
resume."""

from __future__ import annotations

import mailbox
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from hireops import db
from hireops.config import get_settings
from hireops.models import Attachment, Candidate, Email
from hireops.services.inbox.ingest import IngestSummary, run_ingest_pass
from hireops.services.mail.parsing import parse_message
from hireops.services.mail.sources import MaildirSource
from tests.fakes import hostile_files as hostile
from tests.fakes.mail_factory import DOCX, PDF, build_email
from tests.inbox.conftest import counts, create_jobs, deliver

APPLYING = ("Hello,\nI am applying for the Senior Backend Engineer role; my CV is attached.\n"
            "Regards")
# Sender -> (attachment name, content type, bytes builder, words the recorded reason must use).
UNREADABLE = {
    "corrupt@example.com": ("cv.pdf", PDF, hostile.corrupt_pdf, ("corrupt",)),
    "encrypted@example.com": ("cv.pdf", PDF, hostile.encrypted_pdf, ("encrypted", "password")),
    "scanned@example.com": ("cv.pdf", PDF, hostile.image_only_pdf, ("scanned", "no text layer")),
    "bomb@example.com": ("cv.docx", DOCX, hostile.docx_zip_bomb, ("zip bomb", "400 MB")),
    "huge@example.com": ("cv.pdf", PDF, lambda: hostile.oversized_attachment(30),
                         ("30.0 MB", "limit", "not kept")),
    "word97@example.com": ("cv.doc", "application/msword", hostile.doc_file,
                           (".doc is not supported", "PDF or DOCX")),
    "rtf@example.com": ("cv.rtf", "application/rtf", hostile.rtf_file,
                        ("RTF is not supported",)),
    "photo@example.com": ("cv.png", "image/png", hostile.scanned_resume_png,
                          ("image file", "no OCR")),
}
READABLE_TEXT = {
    "latin1@example.com": ("lebenslauf.txt", "text/plain", hostile.latin1_text),
    "utf16@example.com": ("cv.txt", "text/plain", hostile.utf16_text),
}
HTML_ONLY = "html@example.com"
EMPTY = "empty@example.com"


def _application(sender: str, files: list[tuple[str, str, bytes]]) -> bytes:
    return build_email(sender=sender, subject="Application for Senior Backend Engineer",
                       body=APPLYING, attachments=files)


def _messages() -> list[bytes]:
    messages = [_application(sender, [(name, kind, build())])
                for sender, (name, kind, build, _) in UNREADABLE.items()]
    messages += [_application(sender, [(name, kind, build())])
                 for sender, (name, kind, build) in READABLE_TEXT.items()]
    messages.append(build_email(
        sender=HTML_ONLY, subject="Application for Senior Backend Engineer", body="",
        html="<html><head><style>p {color: red}</style></head><body><p>I am applying for the "
             "<b>Senior&nbsp;Backend Engineer</b> role.</p><script>alert(1)</script></body></html>"))
    messages.append(build_email(sender=EMPTY, subject="", body=""))
    messages.append(hostile.binary_garbage())
    return messages


@dataclass
class Ingested:
    messages: list[bytes]
    summary: IngestSummary
    engine: sa.Engine
    data_dir: Path


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):
    """All hostile messages delivered and one pass run over them, once for this module (the
    pass takes seconds); the tests only read the result."""
    root = tmp_path_factory.mktemp("hostile")
    database = root / "hireops.db"
    shutil.copy(migrated_template, database)
    url = f"sqlite:///{database}"
    messages = _messages()
    with pytest.MonkeyPatch.context() as env:
        for name, value in {"HIREOPS_ENV_FILE": os.devnull, "DATABASE_URL": url,
                            "SECRET_KEY_FILE": str(root / "secret"), "DATA_DIR": str(root / "data"),
                            "INBOX_MAILDIR": str(root / "maildir"), "CLASSIFIER_ENGINE": "local",
                            "RESUME_SCORER_ENGINE": "local"}.items():
            env.setenv(name, value)
        for name in ("MISTRAL_API_KEY", "MISTRAL_SERVER_URL", "HIREOPS_SECRET_KEY"):
            env.delenv(name, raising=False)
        get_settings.cache_clear()
        db.get_engine.cache_clear()
        try:
            with db.session_scope() as session:
                create_jobs(session)
            deliver(mailbox.Maildir(root / "maildir", create=True), *messages)
            summary = run_ingest_pass(source=MaildirSource(root / "maildir"))
        finally:
            db.get_engine().dispose()
            db.get_engine.cache_clear()
            get_settings.cache_clear()
    engine = db.make_engine(url)
    yield Ingested(messages, summary, engine, root / "data")
    engine.dispose()


@pytest.fixture
def session(ingested: Ingested) -> Iterator[Session]:
    """A session on the module's database (not the per-test one)."""
    with Session(ingested.engine) as session:
        yield session


def _email(session, sender: str) -> Email:
    return session.exec(select(Email).where(Email.from_address == sender)).one()


def _attachment(session, sender: str) -> Attachment:
    return session.exec(select(Attachment).where(
        Attachment.email_id == _email(session, sender).id)).one()


def test_every_message_is_stored_and_none_crashes_the_pass(session, ingested):
    messages, summary = ingested.messages, ingested.summary
    assert summary.source_error == ""
    assert (summary.seen, summary.new, summary.duplicates) == (len(messages), len(messages), 0)
    assert summary.failed == [] and summary.processed == len(messages)

    emails = session.exec(select(Email)).all()
    assert {e.message_key for e in emails} == {parse_message(raw).message_key for raw in messages}
    assert {e.status for e in emails} == {"processed"}
    assert not any("Unexpected error" in e.failure_reason for e in emails)
    assert all(e.claimed_at is None for e in emails)


@pytest.mark.parametrize("sender", list(UNREADABLE))
def test_unreadable_file_has_a_recorded_reason(session, ingested, sender):
    _, _, _, words = UNREADABLE[sender]
    attachment = _attachment(session, sender)
    assert attachment.extraction_status == "failed"
    for word in words:
        assert word in attachment.extraction_error
    assert attachment.extracted_text == ""
    email = _email(session, sender)
    assert f"{attachment.filename}: {attachment.extraction_error}" in email.warnings
    assert any(w.startswith("No readable resume") for w in email.warnings)
    # Still an application from a person: HR sees it, with an empty resume rather than a fake one.
    assert email.category == "candidate_application"
    candidate = session.get(Candidate, email.candidate_id)
    assert candidate.resume_text == "" and candidate.email == sender


def test_oversized_attachment_is_recorded_but_not_kept(session, ingested):
    attachment = _attachment(session, "huge@example.com")
    assert attachment.size_bytes == 30 * 2**20
    assert attachment.storage_path == "" and attachment.sha256 == ""
    stored = [p.stat().st_size for p in (ingested.data_dir / "attachments").rglob("*") if p.is_file()]
    assert stored and max(stored) < 25 * 2**20


def test_error_text_never_lands_in_resume_text(session, ingested):
    reasons = [a.extraction_error for a in session.exec(select(Attachment))
               if a.extraction_error]
    warnings = [w for e in session.exec(select(Email)) for w in e.warnings]
    assert len(reasons) >= len(UNREADABLE)
    texts = [c.resume_text for c in session.exec(select(Candidate))]
    texts += [a.extracted_text for a in session.exec(select(Attachment))]
    for text in texts:
        for message in reasons + warnings:
            assert message not in text
        for word in ("zip bomb", "encrypted", "no text layer", "not supported", "no OCR",
                     "corrupt PDF", "not kept"):
            assert word not in text


@pytest.mark.parametrize("sender", list(READABLE_TEXT))
def test_latin1_and_utf16_resumes_keep_their_accents(session, ingested, sender):
    attachment = _attachment(session, sender)
    assert attachment.extraction_status == "ok"
    for words in ("Jos\u00e9 M\u00fcller", "Z\u00fcrich, Schweiz", "Gr\u00fcn & S\u00f6hne",
                  "\u00c9l\u00e8ve"):
        assert words in attachment.extracted_text
    assert "\ufffd" not in attachment.extracted_text and "\x00" not in attachment.extracted_text
    candidate = session.get(Candidate, _email(session, sender).candidate_id)
    assert candidate.full_name == "Jos\u00e9 M\u00fcller"
    assert candidate.resume_text == attachment.extracted_text


def test_html_only_mail_is_read_as_text(session, ingested):
    email = _email(session, HTML_ONLY)
    assert "I am applying for the Senior Backend Engineer role." in email.body_text
    for markup in ("<", "alert(1)", "color: red", "&nbsp;"):
        assert markup not in email.body_text
    assert email.category == "candidate_application"


def test_empty_and_garbage_messages_are_kept(session, ingested):
    messages = ingested.messages
    empty = _email(session, EMPTY)
    assert empty.body_text == "" and empty.candidate_id is None
    garbage_key = parse_message(messages[-1]).message_key
    garbage = session.exec(select(Email).where(Email.message_key == garbage_key)).one()
    assert garbage_key.startswith("sha256:")
    assert garbage.status == "processed" and garbage.candidate_id is None
    assert garbage.category != "candidate_application"
    # No person was invented for either.
    assert counts(session)["candidates"] == len(UNREADABLE) + len(READABLE_TEXT) + 1
