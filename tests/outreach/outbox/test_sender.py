"""The senders: yagmail over SMTP to a real (loopback aiosmtpd) server, and the Maildir."""

from __future__ import annotations

import mailbox
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from hireops.services.calendar.ics import build_invite
from hireops.services.mail.sender import (
    MaildirSender,
    MailSendError,
    OutgoingMail,
    SmtpConfig,
    SmtpSender,
    check_smtp_connection,
    configured_sender,
    message_id_for_key,
)
from tests.fakes.smtp_server import IGNORE_PLAIN_AUTH_WARNING, FakeSmtpServer

START = datetime(2026, 3, 10, 13, 0, tzinfo=timezone.utc)


def _config(server: FakeSmtpServer, **changes) -> SmtpConfig:
    values = dict(host=server.host, port=server.port, security="none", username="",
                  password="", from_address="recruiting@acme.test",
                  from_name="Acme Recruiting", timeout_s=5)
    values.update(changes)
    return SmtpConfig(**values)


def _invite() -> str:
    return build_invite(uid="interview-7@acme.test", start=START,
                        end=START + timedelta(minutes=45), summary="Interview: Backend",
                        description="Video call", organizer_email="recruiting@acme.test",
                        attendee_email="elena@example.test", tz_name="Europe/Berlin")


def _mail(**changes) -> OutgoingMail:
    values = dict(to="elena@example.test", subject="Interview confirmed: Backend – Élodie",
                  text="Hello Elena,\n\nSee you on Tuesday.", html="<p>Hello Elena,</p>",
                  ics=_invite(), message_id=message_id_for_key("schedule:7", domain="acme.test"))
    values.update(changes)
    return OutgoingMail(**values)


def _body(message, subtype: str) -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()


def test_smtp_delivers_text_html_and_invitation(smtp_server: FakeSmtpServer) -> None:
    SmtpSender(_config(smtp_server)).send(_mail())

    assert len(smtp_server.messages) == 1
    received = smtp_server.messages[0]
    assert received.mail_from == "recruiting@acme.test"
    assert received.rcpt_tos == ("elena@example.test",)
    message = received.parsed
    assert message["Subject"] == "Interview confirmed: Backend – Élodie"
    assert message["To"] == "elena@example.test"
    assert message["From"] == "Acme Recruiting <recruiting@acme.test>"
    assert message["Message-ID"] == message_id_for_key("schedule:7", domain="acme.test")
    assert _body(message, "plain").strip() == "Hello Elena,\n\nSee you on Tuesday."
    assert _body(message, "html").strip() == "<p>Hello Elena,</p>"
    # The inline calendar part carries method=REQUEST (what shows Accept/Decline) ...
    inline = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert inline.get_param("method") == "REQUEST"
    # ... and the same invitation is attached as invite.ics.
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    for ics in (inline.get_content(), attachment.get_content().decode()):
        event = Calendar.from_ical(ics).events[0]
        assert str(event["uid"]) == "interview-7@acme.test"
        assert event.start == START


def test_text_only_mail_has_no_extra_parts(smtp_server: FakeSmtpServer) -> None:
    SmtpSender(_config(smtp_server)).send(_mail(html="", ics=""))
    message = smtp_server.messages[0].parsed
    assert message.get_content_type() == "text/plain"
    assert message.get_content().strip().startswith("Hello Elena")


def test_refused_recipient_is_permanent_with_the_servers_words(smtp_server) -> None:
    smtp_server.rcpt_reply = "550 5.1.1 <elena@example.test>: mailbox unavailable"
    with pytest.raises(MailSendError) as caught:
        SmtpSender(_config(smtp_server)).send(_mail())
    assert caught.value.permanent and not caught.value.server_wide
    assert caught.value.reason == ("The server refused the recipient elena@example.test "
                                   "(550 5.1.1 <elena@example.test>: mailbox unavailable).")
    assert smtp_server.messages == []


def test_busy_server_is_temporary(smtp_server: FakeSmtpServer) -> None:
    smtp_server.data_reply = "451 4.3.0 Please try again later"
    with pytest.raises(MailSendError) as caught:
        SmtpSender(_config(smtp_server)).send(_mail())
    assert not caught.value.permanent
    assert "451 4.3.0 Please try again later" in caught.value.reason


def test_server_down_is_temporary_and_server_wide(smtp_server: FakeSmtpServer) -> None:
    smtp_server.stop()
    with pytest.raises(MailSendError) as caught:
        SmtpSender(_config(smtp_server)).send(_mail())
    error = caught.value
    assert not error.permanent and error.server_wide
    assert error.reason.startswith(f"Connection refused by 127.0.0.1:{smtp_server.port}")


@pytest.mark.filterwarnings(IGNORE_PLAIN_AUTH_WARNING)
def test_login_is_used_and_a_wrong_password_is_permanent() -> None:
    with FakeSmtpServer(login=("mailer", "s3cret")) as server:
        SmtpSender(_config(server, username="mailer", password="s3cret")).send(_mail())
        assert len(server.messages) == 1

        with pytest.raises(MailSendError) as caught:
            SmtpSender(_config(server, username="mailer", password="wrong")).send(_mail())
        assert caught.value.permanent and caught.value.server_wide
        assert caught.value.reason.startswith("Login rejected for 'mailer' on 127.0.0.1 (535")

        with pytest.raises(MailSendError) as caught:
            SmtpSender(_config(server)).send(_mail())
        assert caught.value.reason.startswith("127.0.0.1 requires a login (530")
        assert len(server.messages) == 1


def test_check_connection_names_the_exact_problem(smtp_server: FakeSmtpServer) -> None:
    config = _config(smtp_server)
    assert check_smtp_connection(config) is None
    assert check_smtp_connection(_config(smtp_server, security="starttls")) == (
        f"127.0.0.1:{smtp_server.port} does not offer STARTTLS; set SMTP_SECURITY=ssl or "
        "check the port.")
    assert check_smtp_connection(_config(smtp_server, security="ssl")).startswith(
        f"TLS handshake with 127.0.0.1:{smtp_server.port} failed")
    assert check_smtp_connection(_config(smtp_server, username="u", password="")) == (
        "SMTP_USER is set but SMTP_PASSWORD is empty.")
    assert check_smtp_connection(_config(smtp_server, host="")).startswith(
        "No SMTP server is set (SMTP_HOST is empty)")
    assert "does not resolve" in check_smtp_connection(
        _config(smtp_server, host="no-such-host.invalid"))
    smtp_server.stop()
    assert check_smtp_connection(config).startswith("Connection refused by 127.0.0.1:")
    # A check sends nothing.
    assert smtp_server.messages == []


def test_maildir_sender_writes_the_same_mime_message(tmp_path) -> None:
    sender = MaildirSender(tmp_path / "sent", from_address="recruiting@acme.test",
                           from_name="Acme Recruiting")
    sender.send(_mail())
    box = mailbox.Maildir(tmp_path / "sent", create=False)
    (message,) = [box.get_message(key) for key in box.keys()]
    assert message["To"] == "elena@example.test"
    assert message["From"] == "Acme Recruiting <recruiting@acme.test>"
    assert message["Message-ID"] == message_id_for_key("schedule:7", domain="acme.test")
    assert len(list((tmp_path / "sent" / "new").iterdir())) == 1


def test_the_maildir_and_its_missing_parents_are_created(tmp_path) -> None:
    # A fresh installation: DATA_DIR does not exist until something is stored in it.
    folder = tmp_path / "data" / "sent_mail"
    MaildirSender(folder, from_address="r@acme.test").send(_mail())
    assert len(list((folder / "new").iterdir())) == 1


def test_unwritable_maildir_is_a_temporary_failure(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the Maildir should be")
    with pytest.raises(MailSendError) as caught:
        MaildirSender(blocker, from_address="r@acme.test").send(_mail())
    assert not caught.value.permanent
    assert caught.value.reason.startswith(f"Cannot write to the outgoing-mail folder {blocker}")


def test_a_header_line_break_is_refused_for_good(smtp_server) -> None:
    with pytest.raises(MailSendError) as caught:
        SmtpSender(_config(smtp_server)).send(_mail(subject="Hi\r\nBcc: all@example.test"))
    assert caught.value.permanent
    assert smtp_server.messages == []


def test_configured_sender_follows_smtp_host(smtp_env, outbox_env) -> None:
    sender = configured_sender()
    assert isinstance(sender, SmtpSender)
    assert sender.config.host == "127.0.0.1" and sender.config.port == smtp_env.port


def test_default_sender_is_the_local_maildir(outbox_env) -> None:
    sender = configured_sender()
    assert isinstance(sender, MaildirSender)
    assert sender.path == outbox_env


def test_message_id_is_stable_per_key_and_valid() -> None:
    first = message_id_for_key("invite:application:12:link:5", domain="acme.test")
    assert first == message_id_for_key("invite:application:12:link:5", domain="acme.test")
    assert first != message_id_for_key("invite:application:12:link:6", domain="acme.test")
    assert first.startswith("<outbox.") and first.endswith("@acme.test>")
    assert ":" not in first[1:-1].split("@")[0]
