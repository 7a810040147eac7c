"""Fixtures for the outbox tests: an application to mail about, settings pointing at the
loopback SMTP server, and a scripted sender for the cases no real server can play."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from hireops.config import get_settings
from hireops.models import Application, OutboxMessage
from hireops.services.mail.sender import MailSendError, OutgoingMail
from hireops.services.outreach.outbox import enqueue_mail
from tests.fakes.smtp_server import FakeSmtpServer, smtp_server  # noqa: F401  (fixture)
from tests.factories import make_application, make_candidate, make_job


class Crash(BaseException):
    """Stands for the process dying: nothing in the outbox may catch it."""


class ScriptedSender:
    """Raises the scripted errors in order, then accepts; remembers what it accepted."""

    name = "scripted"

    def __init__(self, *outcomes: BaseException | None) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[OutgoingMail] = []
        self.calls = 0

    def send(self, message: OutgoingMail) -> None:
        self.calls += 1
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome
        self.sent.append(message)


def temporary(reason: str = "451 try later") -> MailSendError:
    return MailSendError(reason, permanent=False)


@pytest.fixture(autouse=True)
def outbox_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No SMTP server and the sent-mail Maildir in tmp, unless a test says otherwise."""
    maildir = tmp_path / "sent_mail"
    monkeypatch.delenv("SMTP_HOST", raising=False)
    monkeypatch.setenv("OUTBOX_MAILDIR", str(maildir))
    monkeypatch.setenv("SMTP_FROM_ADDRESS", "recruiting@acme.test")
    monkeypatch.setenv("SMTP_FROM_NAME", "Acme Recruiting")
    monkeypatch.setenv("OUTBOX_BACKOFF_INITIAL_S", "30")
    monkeypatch.setenv("OUTBOX_BACKOFF_MAX_S", "3600")
    monkeypatch.setenv("OUTBOX_MAX_ATTEMPTS", "6")
    get_settings.cache_clear()
    return maildir


@pytest.fixture
def smtp_env(smtp_server: FakeSmtpServer,  # noqa: F811  (the fixture above, by name)
             monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSmtpServer]:
    """The loopback SMTP server as the configured outgoing server."""
    monkeypatch.setenv("SMTP_HOST", smtp_server.host)
    monkeypatch.setenv("SMTP_PORT", str(smtp_server.port))
    monkeypatch.setenv("SMTP_SECURITY", "none")
    monkeypatch.setenv("SMTP_TIMEOUT_S", "5")
    get_settings.cache_clear()
    yield smtp_server


@pytest.fixture
def application(session: Session) -> Application:
    """One candidate applying to one job, committed."""
    row = make_application(
        session, job=make_job(session, title="Senior Backend Engineer"),
        candidate=make_candidate(session, full_name="Elena Petrova", email="elena@example.test"))
    session.commit()
    return row


def queue(session: Session, key: str, *, to: str = "elena@example.test",
          application_id: int | None = None, **fields) -> OutboxMessage:
    """Enqueue one simple mail and commit."""
    values = {"kind": "invite", "subject": f"Subject {key}", "body_text": f"Body of {key}"}
    values.update(fields)
    message = enqueue_mail(session=session, idempotency_key=key, to_address=to,
                           application_id=application_id, **values)
    session.commit()
    return message


def outbox_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(OutboxMessage)).one()


def reload(session: Session, message_id: int) -> OutboxMessage:
    return session.get(OutboxMessage, message_id, populate_existing=True)
