"""Logging as configured at start-up: JSON lines parse and carry their context (job, message,
outbox and application ids), text stays one line per event, and no secret, resume or mail text
reaches a log line, from the real scheduler, inbox, outbox and AI calls."""

from __future__ import annotations

import io
import json
import logging
import mailbox
from collections.abc import Iterator

import pytest

from hireops.config import Settings, get_settings
from hireops.log_setup import configure_logging, log_context
from hireops.services.mail.sources import ImapConfig, save_imap_config
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.operations.background_jobs import InboxPoller
from tests.fakes.mail_factory import PDF, build_email, resume_lines, resume_pdf
from tests.fakes.smtp_server import FakeSmtpServer, free_port
from tests.factories import make_job

# Phrases only the resume and the mail body contain; none may appear in a log line.
RESUME_PHRASE = "Quokka-Telemetry-Pipeline"
BODY_PHRASE = "my grandmother's lighthouse"
CANDIDATE = ("Ilse Varga", "ilse.varga@example.org")


@pytest.fixture
def captured() -> Iterator[callable]:
    """configure(**settings) -> the stream every log line goes to; the root logger is put back."""
    root, ours = logging.getLogger(), logging.getLogger("hireops")
    handlers, levels = list(root.handlers), (root.level, ours.level)

    def configure(**values) -> io.StringIO:
        stream = io.StringIO()
        configure_logging(Settings(_env_file=None, **values), stream=stream)
        return stream

    yield configure
    root.handlers[:] = handlers
    root.setLevel(levels[0])
    ours.setLevel(levels[1])


def _json_lines(stream: io.StringIO) -> list[dict]:
    lines = stream.getvalue().splitlines()
    assert lines
    return [json.loads(line) for line in lines]  # every line parses on its own


def _ours(stream: io.StringIO) -> str:
    """The lines HireOps wrote: the test's own SMTP server (aiosmtpd) logs what it receives."""
    return "\n".join(line for line in stream.getvalue().splitlines()
                     if not json.loads(line)["logger"].startswith("mail.log"))


def _drop_application(tmp_path) -> None:
    lines = resume_lines(3, CANDIDATE[0], CANDIDATE[1], "Data Engineer",
                         ["Python", "SQL", RESUME_PHRASE])
    box = mailbox.Maildir(tmp_path / "maildir", create=True)
    box.add(build_email(sender=CANDIDATE[1], sender_name=CANDIDATE[0],
                        subject="Application for Data Engineer",
                        body=f"Hello, I grew up near {BODY_PHRASE}. My resume is attached.",
                        attachments=[("varga_resume.pdf", PDF, resume_pdf(lines))],
                        message_id="<ilse-application@example.org>"))


def test_json_lines_parse_and_carry_context(captured, session, tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    make_job(session, title="Data Engineer", must_have_skills=["Python", "SQL"])
    session.commit()
    _drop_application(tmp_path)
    stream = captured(log_format="json", log_level="DEBUG")
    poller = InboxPoller(60, holder="worker-a")
    assert poller.poll_once().new == 1
    with FakeSmtpServer() as smtp:
        for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port),
                            "SMTP_SECURITY": "none"}.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        queued = enqueue_mail(session=session, idempotency_key="invite-ilse", kind="invite",
                              to_address=CANDIDATE[1], subject="Your interview",
                              body_text=f"Dear Ilse, about {BODY_PHRASE}.")
        session.commit()
        assert poller.deliver_mail_once().sent == 1

    lines = _json_lines(stream)
    for line in lines:
        assert {"ts", "level", "logger", "message"} <= set(line)
        assert line["ts"].endswith("Z")
    took = [l for l in lines if l["message"] == "scheduler worker-a took the lease"]
    assert took and took[0]["job"] == "poll-inbox" and took[0]["lease"] == "scheduler"
    processed = [l for l in lines if l["message"].startswith("email ")
                 and l["message"].endswith(" processed")]
    assert processed and processed[0]["job"] == "poll-inbox" and processed[0]["email_id"] >= 1
    ai = [l for l in lines if l["message"] == "AI call done"]
    assert {l["agent"] for l in ai} >= {"classifier", "resume_scorer"}
    assert all(l["engine"] == "local" and l["latency_ms"] >= 0 for l in ai)
    summary = [l for l in lines if l["message"].startswith("inbox poll: 1 new")]
    assert summary and summary[0]["job"] == "poll-inbox"
    sent = [l for l in lines if l["message"] == f"outbox message {queued.id} sent"]
    assert sent and sent[0]["job"] == "deliver-outbox"
    assert sent[0]["outbox_id"] == queued.id and sent[0]["mail_kind"] == "invite"
    text = _ours(stream)
    for private in (RESUME_PHRASE, BODY_PHRASE, CANDIDATE[1], "Dear Ilse"):
        assert private not in text


def test_failures_are_logged_with_their_reason_and_no_secret(captured, session, tmp_path,
                                                             monkeypatch):
    """A refused SMTP login and an IMAP server that is down, with real servers: the lines say
    what failed; the passwords (from the environment and saved in the app) never appear."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    smtp_password, imap_password = "smtp-Secret-7781", "imap-Secret-9913"
    with FakeSmtpServer(login=("hr@hireops.test", "the-right-one")) as smtp:
        for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port),
                            "SMTP_SECURITY": "none", "SMTP_USER": "hr@hireops.test",
                            "SMTP_PASSWORD": smtp_password, "OUTBOX_MAX_ATTEMPTS": "1"}.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        save_imap_config(session=session, actor=None, config=ImapConfig(
            host="127.0.0.1", port=free_port(), security="none", username="jobs@hireops.test",
            password=imap_password, timeout_s=2))
        stream = captured(log_format="json", log_level="DEBUG",
                          smtp_password=smtp_password)
        enqueue_mail(session=session, idempotency_key="invite-1", kind="invite",
                     to_address="someone@example.org", subject="Interview",
                     body_text="Hello.")
        session.commit()
        poller = InboxPoller(60, holder="worker-b")
        assert poller.poll_once().source_error
        report = poller.deliver_mail_once()
        assert report.stopped or report.failed, report
        # What a careless caller might do: the formatter still hides both.
        logging.getLogger("hireops.test").error("tried %s and %s", smtp_password, imap_password,
                                                extra={"password": imap_password})
    lines = _json_lines(stream)
    text = stream.getvalue()
    assert smtp_password not in text and imap_password not in text
    assert any(l["level"] == "WARNING" and l.get("job") == "poll-inbox"
               and "inbox poll could not read" in l["message"] for l in lines)
    assert any(l.get("job") == "deliver-outbox" and "535" in l["message"] for l in lines)
    careless = next(l for l in lines if l["logger"] == "hireops.test")
    assert careless["message"] == "tried *** and ***" and careless["password"] == "***"


def test_secrets_are_hidden_in_text_lines_and_tracebacks(captured, monkeypatch, tmp_path):
    api_key = "mistral-Key-0042-abcdef"
    stream = captured(log_format="text", mistral_api_key=api_key)
    log = logging.getLogger("hireops.test")
    try:
        raise ConnectionError(f"server said: bad key {api_key}\nsecond line")
    except ConnectionError:
        with log_context(job="poll-inbox"):
            log.exception("call failed", extra={"message_id": "<m1@example.org>"})
    token = "hop_" + "Ab3" * 14
    log.warning("token %s presented", token)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # one line per event, the traceback included
    assert api_key not in stream.getvalue() and token not in stream.getvalue()
    assert " ERROR hireops.test: call failed " in lines[0]
    assert "job=poll-inbox" in lines[0] and "message_id=<m1@example.org>" in lines[0]
    assert "trace=" in lines[0] and "ConnectionError" in lines[0]
    assert lines[1].endswith("token *** presented")


def test_level_and_format_come_from_the_environment(captured, monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "warning")
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    get_settings.cache_clear()
    stream = io.StringIO()
    root, ours = logging.getLogger(), logging.getLogger("hireops")
    handlers, levels = list(root.handlers), (root.level, ours.level)
    try:
        configure_logging(stream=stream)
        configure_logging(stream=stream)  # a second start-up replaces, never doubles
        log = logging.getLogger("hireops.test")
        log.info("not shown")
        log.warning("shown")
    finally:
        root.handlers[:] = handlers
        root.setLevel(levels[0])
        ours.setLevel(levels[1])
    lines = _json_lines(stream)
    assert [line["message"] for line in lines] == ["shown"]
