"""Analysis in worker processes (the local engines, enough mail): same results, once each."""

from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AICall, Application, Candidate, Email
from hireops.services.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import BACKEND

MESSAGES = 30  # above the threshold for starting worker processes


def _deliver(maildir) -> None:
    for i in range(MESSAGES):
        maildir.add(build_email(
            sender=f"dev{i}@example.com", sender_name=f"Dev Person{i}",
            subject=f"Application: {BACKEND}", body="My CV is attached.",
            message_id=f"<worker-{i}@example.com>",
            attachments=[(f"cv{i}.pdf", PDF, resume_pdf([
                f"Dev Person{i}", f"dev{i}@example.com", "Backend Engineer",
                "Backend Engineer, Acme (2019 - Present)",
                "Python services on PostgreSQL; Docker; REST APIs."]))]))


def test_worker_processes_give_each_message_one_outcome(session, maildir, jobs, monkeypatch):
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "2")
    get_settings.cache_clear()
    _deliver(maildir)
    summary = run_ingest_pass(source=MaildirSource(maildir._path))
    assert (summary.new, summary.processed, summary.failed) == (MESSAGES, MESSAGES, [])
    assert summary.candidates_created == MESSAGES
    session.expire_all()
    assert len(session.exec(select(Candidate)).all()) == MESSAGES
    applications = session.exec(select(Application)).all()
    assert len(applications) == MESSAGES
    assert all(a.resume_score is not None and a.resume_score > 0 for a in applications)
    assert {e.status for e in session.exec(select(Email))} == {"processed"}
    # One classification and one scoring call per message, recorded by the app process.
    assert len(session.exec(select(AICall)).all()) == 2 * MESSAGES
