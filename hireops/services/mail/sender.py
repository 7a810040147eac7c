"""Where outgoing mail goes: an SMTP server (yagmail), or a local Maildir when none is set.

Both senders write the same MIME message (`build_mime`), so the embedded Maildir shows exactly
what SMTP would have sent. A sender sends one message once and raises `MailSendError` on any
failure; retries and backoff belong to the outbox (services.outreach.outbox), never to a sender.
"""

from __future__ import annotations

import hashlib
import mailbox
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Literal, Protocol

import yagmail

from hireops.config import Settings, get_settings
from hireops.models import utcnow
from hireops.services.mail.network_errors import ServerHints, describe_network_failure
from hireops.services.platform.runtime_settings import current_settings

SmtpSecurity = Literal["starttls", "ssl", "none"]
SMTP_SECURITY_OPTIONS: tuple[SmtpSecurity, ...] = ("starttls", "ssl", "none")
# The name mail clients show for the calendar attachment.
ICS_FILENAME = "invite.ics"


class MailSendError(RuntimeError):
    """One message could not be sent; `reason` is a sentence for the candidate page."""

    def __init__(self, reason: str, *, permanent: bool, server_wide: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        # A 5xx reply: sending the same message again would be refused the same way.
        self.permanent = permanent
        # The server or our configuration failed, not this message: every other message in
        # the same pass would fail alike, so the outbox stops the pass instead of waiting
        # out one timeout per message (and repeating a bad login that can lock the account).
        self.server_wide = server_wide


@dataclass(frozen=True)
class MailAttachment:
    """A file sent with a message (an offer letter)."""

    filename: str
    # e.g. "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    content_type: str
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class OutgoingMail:
    """One message as the outbox hands it to a sender."""

    to: str
    subject: str
    # The plain-text body; every message has one.
    text: str
    # An HTML alternative of the same content ("" for text only).
    html: str = ""
    # An iCalendar (RFC 5545) invitation, sent inline and as invite.ics ("" for none).
    ics: str = ""
    # The Message-ID header, derived from the outbox idempotency key (`message_id_for_key`)
    # so that a receiver can drop the copy a crash-then-retry may deliver twice.
    message_id: str = ""
    # The Message-ID this message answers ("<...>"), sent as In-Reply-To and References.
    in_reply_to: str = ""
    # Files attached after the body (and the invitation).
    attachments: tuple[MailAttachment, ...] = ()


class MailSender(Protocol):
    """Anything that delivers an `OutgoingMail` once, raising `MailSendError` on failure."""

    # For logs and the settings page, e.g. "smtp:smtp.example.com:587" or "maildir:/srv/sent".
    name: str

    def send(self, message: OutgoingMail) -> None: ...


def message_id_for_key(idempotency_key: str, *, domain: str) -> str:
    """A Message-ID that is the same for every attempt at one outbox message.

    Hashed because keys may hold characters (":" or spaces) that a Message-ID may not.
    """
    return f"{outbox_message_id_start(idempotency_key)}{domain or 'hireops.local'}>"


def outbox_message_id_start(idempotency_key: str) -> str:
    """The Message-ID of an outbox message up to its domain, which follows the sender address
    in effect when it was sent; enough to find the message whatever that address was."""
    digest = hashlib.sha256(idempotency_key.encode("utf-8")).hexdigest()[:40]
    return f"<outbox.{digest}@"


def outbox_message_ref(idempotency_key: str) -> str:
    """The local part of an outbox message's Message-ID ("outbox.<digest>"), stored with the
    message so that a reply naming it in In-Reply-To or References finds it by index."""
    return outbox_message_id_start(idempotency_key)[1:-1]


def build_mime(message: OutgoingMail, *, from_address: str, from_name: str) -> EmailMessage:
    """The full MIME message: text, optional HTML, optional calendar invitation."""
    mime = EmailMessage()
    mime["From"] = formataddr((from_name, from_address)) if from_name else from_address
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = format_datetime(utcnow())
    mime["Message-ID"] = message.message_id or message_id_for_key(
        f"{message.to}\n{message.subject}\n{message.text}", domain=_domain(from_address))
    if message.in_reply_to:
        mime["In-Reply-To"] = mime["References"] = message.in_reply_to
    mime.set_content(message.text)
    if message.html:
        mime.add_alternative(message.html, subtype="html")
    if message.ics:
        # Inline text/calendar with method=REQUEST is what makes Gmail and Outlook show
        # Accept/Decline; the invite.ics attachment serves clients that only offer files.
        mime.add_alternative(message.ics, subtype="calendar", params={"method": "REQUEST"})
        mime.add_attachment(message.ics.encode("utf-8"), maintype="application",
                            subtype="ics", filename=ICS_FILENAME)
    for attachment in message.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        mime.add_attachment(attachment.content, maintype=maintype,
                            subtype=subtype or "octet-stream", filename=attachment.filename)
    return mime


def _build_or_fail(message: OutgoingMail, from_address: str, from_name: str) -> EmailMessage:
    try:
        return build_mime(message, from_address=from_address, from_name=from_name)
    except ValueError as exc:  # e.g. a line break in a header: no retry can fix the message
        raise MailSendError(f"The message cannot be built: {exc}.", permanent=True) from exc


# --- SMTP ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpConfig:
    """How to reach the outgoing mail server."""

    host: str
    port: int
    # "starttls" (port 587), "ssl" (implicit TLS, port 465) or "none" (loopback tests only).
    security: SmtpSecurity
    # Empty: the server takes mail without a login (a local relay).
    username: str
    # An app password for Gmail/Outlook; never shown or logged.
    password: str = field(repr=False)
    from_address: str = "recruiting@hireops.local"
    from_name: str = ""
    # Seconds to wait for connecting and for each server reply.
    timeout_s: float = 20.0

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> SmtpConfig:
        settings = settings or current_settings()
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
        return cls(host=settings.smtp_host, port=settings.smtp_port,
                   security=settings.smtp_security, username=settings.smtp_user,
                   password=password, from_address=settings.smtp_from_address,
                   from_name=settings.smtp_from_name, timeout_s=settings.smtp_timeout_s)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


class SmtpSender:
    """Sends each message over its own SMTP connection, opened through yagmail.

    yagmail opens the connection (plain, STARTTLS or implicit TLS) and the message goes out
    with smtplib's `send_message` on that connection. yagmail's own `send()` is not used: it
    repeats a send after a dropped connection on its own (a possible duplicate the outbox
    could not see), reports the final failure as a `False` return instead of the server's
    reply, and cannot carry a text/calendar part with method=REQUEST.
    """

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self.name = f"smtp:{config.where}"

    def send(self, message: OutgoingMail) -> None:
        """Deliver one message, or raise `MailSendError` with the server's reason."""
        config = self.config
        mime = _build_or_fail(message, config.from_address, config.from_name)
        stage = _Stage("connecting")
        try:
            with _smtp_connection(config, stage) as smtp:
                stage.now = "sending"
                smtp.send_message(mime, from_addr=config.from_address, to_addrs=[message.to])
        except MailSendError:
            raise
        except (OSError, smtplib.SMTPException) as exc:
            raise describe_smtp_error(exc, config, stage.now, recipient=message.to) from exc


def check_smtp_connection(config: SmtpConfig | None = None) -> str | None:
    """Connect, start TLS and log in as configured; None when all worked, else the reason."""
    config = config or SmtpConfig.from_settings()
    if not config.host:
        return (f"No SMTP server is set (SMTP_HOST is empty): mail is written to "
                f"{get_settings().sent_mail_dir()} instead of being sent.")
    stage = _Stage("connecting")
    try:
        with _smtp_connection(config, stage) as smtp:
            stage.now = "checking the connection"
            code, reply = smtp.noop()
            if code != 250:
                return f"{config.where} answered NOOP with {code} {_text(reply)}."
    except MailSendError as exc:
        return exc.reason
    except (OSError, smtplib.SMTPException) as exc:
        return describe_smtp_error(exc, config, stage.now).reason
    return None


@dataclass
class _Stage:
    """What the connection was doing, so an error can say when it happened."""

    now: str


@contextmanager
def _smtp_connection(config: SmtpConfig, stage: _Stage) -> Iterator[smtplib.SMTP]:
    """A connected (and, with a username, logged-in) SMTP session, closed afterwards."""
    _check_config(config)
    # An explicit context: smtplib's default for STARTTLS and SMTP_SSL verifies nothing.
    context = ssl.create_default_context()
    options: dict[str, object] = {"timeout": config.timeout_s}
    if config.security == "ssl":
        options["context"] = context
    client = yagmail.SMTP(
        user=config.from_address, host=config.host, port=config.port,
        smtp_ssl=config.security == "ssl",
        smtp_starttls={"context": context} if config.security == "starttls" else False,
        # yagmail would log in as the From address (and ask a keyring or the terminal for a
        # password it lacks); providers often want another login name, so we log in below.
        smtp_skip_login=True, soft_email_validation=False, **options)
    try:
        client.login()  # connects, then EHLO and STARTTLS when asked
        if config.username:
            stage.now = "logging in"
            client.smtp.login(config.username, config.password)
        yield client.smtp
    finally:
        _close_quietly(client)


def _check_config(config: SmtpConfig) -> None:
    problem = ""
    if config.security not in SMTP_SECURITY_OPTIONS:
        problem = f"SMTP_SECURITY must be one of {', '.join(SMTP_SECURITY_OPTIONS)}."
    elif not 0 < config.port < 65536:
        problem = f"SMTP_PORT must be between 1 and 65535, not {config.port}."
    elif config.security == "starttls" and config.port == 465:
        problem = ("Port 465 speaks TLS from the start: set SMTP_SECURITY=ssl, not starttls "
                   "(or use port 587).")
    elif config.username and not config.password:
        problem = "SMTP_USER is set but SMTP_PASSWORD is empty."
    elif "@" not in config.from_address:
        problem = f"SMTP_FROM_ADDRESS {config.from_address!r} is not an email address."
    if problem:
        raise MailSendError(problem, permanent=False, server_wide=True)


def _close_quietly(client: yagmail.SMTP) -> None:
    # QUIT on a connection the server already dropped must not hide the real error.
    try:
        client.close()
    except Exception:
        pass


def describe_smtp_error(exc: BaseException, config: SmtpConfig, stage: str,
                        recipient: str = "") -> MailSendError:
    """The failure in one sentence; 5xx replies are permanent (RFC 5321), the rest temporary."""
    where = config.where
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()), (0, b""))
        return MailSendError(
            f"The server refused the recipient {recipient or 'address'} ({code} {_text(reply)}).",
            permanent=_is_permanent(code))
    if isinstance(exc, (smtplib.SMTPSenderRefused, smtplib.SMTPAuthenticationError)):
        return _describe_account_refusal(exc, config)
    if isinstance(exc, smtplib.SMTPDataError):
        return MailSendError(
            f"The server did not accept the message ({exc.smtp_code} {_text(exc.smtp_error)}).",
            permanent=_is_permanent(exc.smtp_code))
    return MailSendError(_describe_connection_error(exc, config, stage, where),
                         permanent=False, server_wide=True)


def _describe_account_refusal(exc: smtplib.SMTPResponseException,
                              config: SmtpConfig) -> MailSendError:
    """The server refused our sender address or our login: every message would fail alike."""
    reply = f"{exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        problem = (f"Login rejected for {config.username!r} on {config.host} ({reply}); check "
                   "SMTP_USER and SMTP_PASSWORD (an app password for Gmail or Outlook).")
    elif exc.smtp_code == 530:
        problem = f"{config.host} requires a login ({reply}); set SMTP_USER and SMTP_PASSWORD."
    else:
        problem = (f"The server refused the sender {config.from_address} ({reply}); check "
                   "SMTP_FROM_ADDRESS, many servers only accept the account's own address.")
    return MailSendError(problem, permanent=_is_permanent(exc.smtp_code), server_wide=True)


SMTP_HINTS = ServerHints(
    name="SMTP server", host_hint="Check SMTP_HOST.",
    port_hint="Check SMTP_PORT and that the mail server is running.",
    tls_hint="Check SMTP_SECURITY: port 465 usually means ssl, port 587 starttls.")


def _describe_connection_error(exc: BaseException, config: SmtpConfig, stage: str,
                               where: str) -> str:
    """Why talking to the server failed: DNS, refused, timeout, TLS, a lost link."""
    network = describe_network_failure(exc, host=config.host, where=where,
                                       timeout_s=config.timeout_s, stage=stage,
                                       hints=SMTP_HINTS)
    if network:
        return network
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        if stage == "logging in":
            return f"{where} does not offer a login (AUTH); clear SMTP_USER or use another port."
        return f"{where} does not offer STARTTLS; set SMTP_SECURITY=ssl or check the port."
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        said = str(exc).rstrip(". ") or "the server closed the connection"
        return f"The connection to {where} was lost while {stage}: {said}."
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{where} answered {exc.smtp_code} {_text(exc.smtp_error)} while {stage}."
    said = str(exc).rstrip(". ") or type(exc).__name__
    return f"Network error with {where} while {stage}: {said}."


def _is_permanent(code: int) -> bool:
    return 500 <= int(code or 0) < 600


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _domain(address: str) -> str:
    return address.rpartition("@")[2]


# --- Maildir -------------------------------------------------------------------------------


class MaildirSender:
    """Writes each message into a Maildir (new/), where any mail client can open it."""

    def __init__(self, path: Path | str, *, from_address: str, from_name: str = "") -> None:
        self.path = Path(path)
        self.from_address = from_address
        self.from_name = from_name
        self.name = f"maildir:{self.path}"

    def send(self, message: OutgoingMail) -> None:
        """Store one message; a folder that cannot be written is a temporary failure."""
        mime = _build_or_fail(message, self.from_address, self.from_name)
        try:
            # Maildir(create=True) makes only the last folder; DATA_DIR may not exist yet.
            self.path.parent.mkdir(parents=True, exist_ok=True)
            mailbox.Maildir(self.path, create=True).add(mime.as_bytes())
        except OSError as exc:
            raise MailSendError(f"Cannot write to the outgoing-mail folder {self.path}: "
                                f"{exc.strerror or exc}.", permanent=False,
                                server_wide=True) from exc


# Where a sent message went, as the outbox records it (OutboxMessage.delivered_to).
DELIVERED_TO_SERVER, DELIVERED_TO_FOLDER = "server", "folder"


def delivery_of(sender: MailSender) -> str:
    """"folder" for the local Maildir (nobody receives that mail), else "server"."""
    return DELIVERED_TO_FOLDER if sender.name.startswith("maildir:") else DELIVERED_TO_SERVER


def mail_server_set() -> bool:
    """True when mail goes to an SMTP server; False while it only lands in the outbox folder."""
    return bool(current_settings().smtp_host)


def configured_sender() -> MailSender:
    """SMTP when an SMTP host is set (Settings page or SMTP_HOST); otherwise the local Maildir
    at OUTBOX_MAILDIR."""
    settings = current_settings()
    if settings.smtp_host:
        return SmtpSender(SmtpConfig.from_settings(settings))
    return MaildirSender(settings.sent_mail_dir(), from_address=settings.smtp_from_address,
                         from_name=settings.smtp_from_name)
