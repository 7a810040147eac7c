"""Fetching over IMAP from a real Dovecot on loopback: read-only, resumable, clear failures."""

from __future__ import annotations

import json
import socket
from dataclasses import replace

import pytest
import sqlalchemy as sa

from hireops.services.mail.message import source_ref
from hireops.services.mail.parsing import parse_message
from hireops.services.mail.sources import (
    ImapConfig,
    ImapSource,
    MailSourceError,
    check_imap_connection,
    load_imap_config,
    save_imap_config,
)
from tests.fakes.dovecot import DovecotServer, free_port
from tests.mail.messages import plain_message


def _config(server: DovecotServer, **changes) -> ImapConfig:
    config = ImapConfig(host=server.host, port=server.port, security="none",
                        username=server.username, password=server.password, timeout_s=5)
    return replace(config, **changes)


def _deliver(server: DovecotServer, count: int = 3, folder: str = "INBOX") -> list[bytes]:
    messages = [plain_message(f"{folder} message {n}", message_id=None if n == 2 else "auto")
                for n in range(1, count + 1)]
    for raw in messages:
        server.append(raw, folder=folder)
    return messages


def test_fetches_everything_then_nothing_when_skipping_known_uids(dovecot):
    delivered = _deliver(dovecot)
    source = ImapSource(_config(dovecot))
    fetched = list(source.fetch())
    assert len(fetched) == 3
    assert {m.source for m in fetched} == {"imap"} and {m.folder for m in fetched} == {"INBOX"}
    uidvalidity = fetched[0].uid.split(":")[0]
    assert [m.uid for m in fetched] == [f"{uidvalidity}:{n}" for n in (1, 2, 3)]
    # Same keys as the messages before delivery, even the one without a Message-ID.
    assert [parse_message(m.raw).message_key for m in fetched] == [
        parse_message(raw).message_key for raw in delivered]

    known = {m.source_ref for m in fetched}
    asked: list[str] = []
    again = list(source.fetch(skip=lambda ref: asked.append(ref) or ref in known))
    assert again == []
    assert sorted(asked) == sorted(known)
    assert known == {source_ref("imap", "INBOX", f"{uidvalidity}:{n}") for n in (1, 2, 3)}


def test_fetching_leaves_flags_unchanged(dovecot):
    _deliver(dovecot)
    dovecot.append(plain_message("flagged"), flags="\\Flagged")
    before = dovecot.flags()
    assert len(list(ImapSource(_config(dovecot), batch_size=2).fetch())) == 4
    after = dovecot.flags()
    assert after == before
    assert not any("\\Seen" in flags for flags in after.values())


def test_mark_seen_setting_marks_fetched_mail_read(dovecot, monkeypatch):
    _deliver(dovecot, count=2)
    monkeypatch.setenv("IMAP_MARK_SEEN", "true")
    from hireops.config import get_settings
    get_settings.cache_clear()
    list(ImapSource(_config(dovecot)).fetch())
    assert all("\\Seen" in flags for flags in dovecot.flags().values())


def test_several_folders(dovecot):
    _deliver(dovecot, count=1)
    _deliver(dovecot, count=2, folder="Jobs")
    fetched = list(ImapSource(_config(dovecot, folders=["INBOX", "Jobs"])).fetch())
    assert [m.folder for m in fetched] == ["INBOX", "Jobs", "Jobs"]


def test_server_dying_mid_fetch_raises_and_a_later_fetch_gets_everything(dovecot):
    _deliver(dovecot)
    source = ImapSource(_config(dovecot), batch_size=2)
    fetching = source.fetch()
    first = next(fetching)
    dovecot.stop()
    with pytest.raises(MailSourceError, match="connection to 127.0.0.1:.* was lost"):
        list(fetching)
    with pytest.raises(MailSourceError, match="Connection refused"):
        list(source.fetch())
    dovecot.start()
    again = list(source.fetch())
    assert [m.uid for m in again][0] == first.uid
    assert len(again) == 3


def test_check_connection_ok(dovecot):
    _deliver(dovecot)
    check = check_imap_connection(_config(dovecot))
    assert check.ok
    assert check.message == "Connected; INBOX has 3 messages"
    dovecot.append(plain_message("one job"), folder="Jobs")
    check = check_imap_connection(_config(dovecot, folders=["INBOX", "Jobs"]))
    assert check.message == "Connected; INBOX has 3 messages, Jobs has 1 message"


def test_check_connection_wrong_password(dovecot):
    check = check_imap_connection(_config(dovecot, password="not-the-password"))
    assert not check.ok
    assert "Login rejected" in check.message and "password" in check.message
    assert dovecot.username in check.message
    assert "not-the-password" not in check.message
    with pytest.raises(MailSourceError, match="Login rejected"):
        list(ImapSource(_config(dovecot, password="nope")).fetch())


def test_check_connection_unknown_folder(dovecot):
    check = check_imap_connection(_config(dovecot, folders=["INBOX", "Applications"]))
    assert not check.ok
    assert "Folder 'Applications' was not found" in check.message
    assert "Folders there: INBOX" in check.message
    with pytest.raises(MailSourceError, match="'Applications' was not found"):
        list(ImapSource(_config(dovecot, folders=["Applications"])).fetch())


def test_check_connection_starttls_not_offered_and_tls_mismatch(dovecot):
    starttls = check_imap_connection(_config(dovecot, security="starttls"))
    assert not starttls.ok and "does not offer STARTTLS" in starttls.message
    tls = check_imap_connection(_config(dovecot, security="ssl"))
    assert not tls.ok and "TLS handshake" in tls.message


def test_check_connection_refused():
    config = ImapConfig(host="127.0.0.1", port=free_port(), security="none", username="u",
                        password="p")
    check = check_imap_connection(config)
    assert not check.ok
    assert check.message.startswith("Connection refused by 127.0.0.1:")


def test_check_connection_unknown_host():
    config = ImapConfig(host="no-such-host.invalid", port=993, security="ssl", username="u",
                        password="p", timeout_s=2)
    check = check_imap_connection(config)
    assert not check.ok
    assert "does not resolve" in check.message


def test_check_connection_timeout():
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        config = ImapConfig(host="127.0.0.1", port=silent.getsockname()[1], security="none",
                            username="u", password="p", timeout_s=0.3)
        check = check_imap_connection(config)
    assert not check.ok
    assert check.message.startswith("Timed out after 0.3 s")


def test_config_is_stored_with_the_password_encrypted(session):
    assert load_imap_config(session=session) is None
    config = ImapConfig(host="imap.gmail.com", port=993, security="ssl",
                        username="jobs@acme.test", password="abcd efgh ijkl mnop",
                        folders=["INBOX", "Jobs"])
    save_imap_config(session=session, config=config, actor=None)
    assert load_imap_config(session=session) == config

    stored = json.dumps([list(row) for row in session.connection().execute(
        sa.text("SELECT key, value FROM settings"))])
    assert "abcd efgh" not in stored
    assert "imap.gmail.com" in stored
    events = json.dumps([list(row) for row in session.connection().execute(
        sa.text("SELECT * FROM events"))], default=str)
    assert "abcd efgh" not in events

    assert "abcd" not in repr(config)
    shown = config.masked()
    assert "abcd efgh ijkl mnop" not in json.dumps(shown)
    assert shown["password_set"] is True and shown["host"] == "imap.gmail.com"

    # Saving the same again changes (and audits) nothing.
    save_imap_config(session=session, config=config, actor=None)
    assert _event_count(session) == 7

    # A form that does not show the password sends it back empty: the stored one stays.
    save_imap_config(session=session, config=replace(config, password="", folders=["INBOX"]),
                     actor=None)
    reloaded = load_imap_config(session=session)
    assert reloaded.folders == ["INBOX"] and reloaded.password == "abcd efgh ijkl mnop"
    # ...but only for the same server: another port must be given the password again.
    with pytest.raises(ValueError, match="password again"):
        save_imap_config(session=session, config=replace(config, password="", port=1993),
                         actor=None)


def _event_count(session) -> int:
    return session.connection().execute(sa.text("SELECT count(*) FROM events")).scalar_one()


def test_starttls_on_port_993_is_explained():
    config = ImapConfig(host="imap.example.com", port=993, security="starttls", username="u",
                        password="p")
    check = check_imap_connection(config)
    assert not check.ok and "choose SSL/TLS" in check.message


@pytest.mark.parametrize("bad", [{"host": " "}, {"port": 0}, {"security": "tls"},
                                 {"folders": []}, {"timeout_s": 0}])
def test_invalid_config_is_refused(session, bad):
    config = ImapConfig(host="imap.example.com", port=993, security="ssl", username="u",
                        password="p")
    with pytest.raises(ValueError):
        save_imap_config(session=session, config=replace(config, **bad), actor=None)
