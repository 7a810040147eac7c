"""Ingesting from a real IMAP server (Dovecot on loopback): through the CLI with the saved,
encrypted account, read-only on the server, and exactly once across a server that goes away
in the middle of a fetch."""

from __future__ import annotations

from collections.abc import Iterator

from sqlmodel import Session, select

from hireops.models import Attachment, Email
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.message import RawMessage
from hireops.services.mail.parsing import parse_message
from hireops.services.mail.sources import (
    ImapConfig,
    ImapSource,
    SkipCheck,
    load_imap_config,
    save_imap_config,
)
from tests.fakes.dovecot import DovecotServer
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import (
    MAYA_CV,
    cli_ingest,
    counts,
    lukas_application,
    maya_application,
    priya_application,
    tom_applications,
)


def _config(server: DovecotServer) -> ImapConfig:
    return ImapConfig(host=server.host, port=server.port, security="none",
                      username=server.username, password=server.password, timeout_s=5)


def _applications() -> list[bytes]:
    return [maya_application(), lukas_application(), priya_application(), *tom_applications()]


class DroppingSource:
    """An IMAP source whose server is stopped after `after` messages were handed over."""

    def __init__(self, inner: ImapSource, server: DovecotServer, after: int) -> None:
        self.inner, self.server, self.after = inner, server, after
        self.name, self.kind = inner.name, inner.kind
        self.yielded = 0

    def fetch(self, *, skip: SkipCheck | None = None) -> Iterator[RawMessage]:
        for message in self.inner.fetch(skip=skip):
            yield message
            self.yielded += 1
            if self.yielded == self.after:
                self.server.stop()


def test_cli_ingests_the_saved_imap_mailbox_read_only(session: Session, dovecot, jobs):
    for raw in _applications():
        dovecot.append(raw)
    save_imap_config(session=session, config=_config(dovecot), actor=None)
    assert load_imap_config(session=session).password == dovecot.password  # stored encrypted
    flags_before = dovecot.flags()
    assert len(flags_before) == 5

    result, summary = cli_ingest("--imap")
    assert result.returncode == 0, result.stderr
    assert (summary["seen"], summary["new"], summary["duplicates"]) == (5, 5, 0)
    assert summary["candidates_created"] >= 1 and summary["applications_created"] >= 1
    assert summary["failed"] == [] and summary["source_error"] == ""
    # The server's mail is as it was: still unread, nothing moved or deleted.
    assert dovecot.flags() == flags_before
    assert not any("\\Seen" in flags for flags in dovecot.flags().values())

    emails = session.exec(select(Email)).all()
    assert len(emails) == 5 and {e.source for e in emails} == {"imap"}
    assert {e.status for e in emails} == {"processed"}
    assert all(e.source_ref.startswith("imap:INBOX:") for e in emails)
    assert counts(session)["candidates"] == 4

    again, second = cli_ingest("--imap")
    assert again.returncode == 0, again.stderr
    assert (second["seen"], second["new"], second["candidates_created"]) == (0, 0, 0)
    assert counts(session)["emails"] == 5


def test_server_lost_mid_fetch_keeps_what_arrived_and_resumes(session: Session, dovecot, jobs):
    first = _applications()
    for raw in first:
        dovecot.append(raw)
    assert run_ingest_pass(source=ImapSource(_config(dovecot))).new == 5

    later = [build_email(sender=f"applicant{n}@example.net", sender_name=f"Applicant {n}",
                         subject="Application for Senior Backend Engineer",
                         body="I am applying for the Senior Backend Engineer role; CV attached.",
                         attachments=[(f"CV {n}.pdf", PDF, resume_pdf(
                             [f"Applicant {n}", f"+49 30 555 {1000 + n}", *MAYA_CV[2:]]))],
                         message_id=f"<later-{n}@example.net>")
             for n in range(10)]
    for raw in later:
        dovecot.append(raw)

    # One message per FETCH, so the server is gone while messages are still to come.
    dropping = DroppingSource(ImapSource(_config(dovecot), batch_size=1), dovecot, after=3)
    broken = run_ingest_pass(source=dropping)
    assert not dovecot.running
    assert broken.source_error and str(dovecot.port) in broken.source_error
    assert (broken.seen, broken.new) == (3, 3)
    assert counts(session)["emails"] == 8
    stored_keys = set(session.exec(select(Email.message_key)).all())
    assert {parse_message(raw).message_key for raw in later[:3]} <= stored_keys
    # What arrived before the drop was processed too.
    assert broken.processed == 3 and broken.failed == []

    dovecot.start()  # same port, same mail, same UIDVALIDITY
    resumed = run_ingest_pass(source=ImapSource(_config(dovecot)))
    assert resumed.source_error == ""
    assert (resumed.seen, resumed.new, resumed.duplicates) == (7, 7, 0)
    everything = {parse_message(raw).message_key for raw in first + later}
    emails = session.exec(select(Email)).all()
    assert len(emails) == 15 and {e.message_key for e in emails} == everything
    assert len({e.source_ref for e in emails}) == 15
    assert {e.status for e in emails} == {"processed"}
    assert counts(session)["attachments"] == len(session.exec(select(Attachment)).all()) == 14

    # A last poll finds nothing new.
    assert run_ingest_pass(source=ImapSource(_config(dovecot))).new == 0
    assert counts(session)["emails"] == 15
