"""Fixtures for conversations: the inbox's database, jobs and Dovecot, the loopback SMTP
server as the outgoing server, a recruiter, and a candidate who applied by mail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Candidate, Role, User
from hireops.services.inbox.ingest import IngestSummary, run_ingest_pass
from hireops.services.mail.sender import configured_sender
from hireops.services.mail.sources import ImapConfig, ImapSource
from hireops.services.outreach.outbox import deliver_due
from hireops.services.platform.users import add_team_user
from tests.fakes.dovecot import DovecotServer
from tests.fakes.smtp_server import FakeSmtpServer, smtp_server  # noqa: F401  (fixture)
from tests.inbox.conftest import inbox_env, jobs, maya_application  # noqa: F401  (fixtures)
from tests.fakes.dovecot import dovecot  # noqa: F401  (fixture)

FROM_ADDRESS = "recruiting@acme.test"


@pytest.fixture
def mail_env(inbox_env: Path, smtp_server: FakeSmtpServer,  # noqa: F811
             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeSmtpServer]:
    """Outgoing mail goes to the loopback SMTP server, from FROM_ADDRESS."""
    monkeypatch.setenv("SMTP_HOST", smtp_server.host)
    monkeypatch.setenv("SMTP_PORT", str(smtp_server.port))
    monkeypatch.setenv("SMTP_SECURITY", "none")
    monkeypatch.setenv("SMTP_TIMEOUT_S", "5")
    monkeypatch.setenv("SMTP_FROM_ADDRESS", FROM_ADDRESS)
    monkeypatch.setenv("OUTBOX_MAILDIR", str(tmp_path / "sent_mail"))
    get_settings.cache_clear()
    yield smtp_server


@pytest.fixture
def recruiter(session: Session) -> User:
    user, _ = add_team_user(session=session, email="rita@acme.test", role=Role.recruiter,
                            full_name="Rita Recruiter", actor=None)
    return user


def imap_pass(server: DovecotServer) -> IngestSummary:
    """One ingest pass over the Dovecot mailbox."""
    config = ImapConfig(host=server.host, port=server.port, security="none",
                        username=server.username, password=server.password, timeout_s=5)
    return run_ingest_pass(source=ImapSource(config))


def deliver_outbox(session: Session) -> None:
    """Send every due outbox message to the configured (loopback) server."""
    report = deliver_due(session=session, sender=configured_sender())
    assert report.failed == 0 and not report.stopped, report


@pytest.fixture
def maya(session: Session, mail_env, jobs, dovecot: DovecotServer) -> Candidate:  # noqa: F811
    """Maya applied by mail (through Dovecot) for the backend job."""
    dovecot.append(maya_application())
    summary = imap_pass(dovecot)
    assert summary.candidates_created == 1, summary
    session.expire_all()
    return session.exec(select(Candidate)).one()
