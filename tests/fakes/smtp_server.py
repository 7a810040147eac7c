"""A real SMTP server on loopback (aiosmtpd), capturing what it accepts.

Tests switch its behaviour while it runs: refuse recipients or the message with a scripted reply
(`rcpt_reply = "550 5.1.1 No such user"`, `data_reply = "451 4.3.0 Try later"`), require a
login, or be stopped and started again on the same port to play an outage.

    with FakeSmtpServer() as smtp:
        ...  # SMTP_HOST=127.0.0.1, SMTP_PORT=smtp.port, SMTP_SECURITY=none
        assert len(smtp.messages) == 1
"""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
# aiosmtpd warns about a login without TLS on every session; for a loopback test that is the
# point. Tests using `login=` mark themselves with this filter.
IGNORE_PLAIN_AUTH_WARNING = "ignore:Requiring AUTH while not requiring TLS"


@dataclass(frozen=True)
class ReceivedMessage:
    """One message the server accepted (a 250 reply to DATA)."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes

    @property
    def parsed(self) -> EmailMessage:
        # SMTP carries CRLF line ends; Python's parser would keep the CR in decoded bodies.
        return email.message_from_bytes(self.raw.replace(b"\r\n", b"\n"),
                                        policy=default_policy)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class _Handler:
    """aiosmtpd's hooks, answering as the owning `FakeSmtpServer` is currently set up."""

    def __init__(self, owner: FakeSmtpServer) -> None:
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.owner.rcpt_reply:
            return self.owner.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.owner.data_reply:
            return self.owner.data_reply
        self.owner._accept(ReceivedMessage(envelope.mail_from, tuple(envelope.rcpt_tos),
                                           bytes(envelope.original_content or envelope.content)))
        return "250 2.0.0 Message accepted for delivery"


class FakeSmtpServer:
    """aiosmtpd on a free loopback port; plain SMTP, optionally with a required login."""

    def __init__(self, *, login: tuple[str, str] | None = None) -> None:
        self.host = HOST
        self.port = free_port()
        # (username, password) the server requires before MAIL FROM; None: no login.
        self.login = login
        # A full reply ("550 5.1.1 No such user") given to every RCPT TO instead of 250.
        self.rcpt_reply: str | None = None
        # A full reply given to every DATA instead of accepting the message.
        self.data_reply: str | None = None
        self.messages: list[ReceivedMessage] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        """Listen on `port` (the same port after a stop, so clients need no new settings)."""
        if self._controller is not None:
            return
        options: dict[str, object] = {}
        if self.login:
            options = {"authenticator": self._authenticate, "auth_required": True,
                       "auth_require_tls": False}
        controller = Controller(_Handler(self), hostname=self.host, port=self.port, **options)
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Stop listening: connections are refused until `start` again."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def _accept(self, message: ReceivedMessage) -> None:
        with self._lock:
            self.messages.append(message)

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword) or self.login is None:
            return AuthResult(success=False, handled=False)
        given = (auth_data.login.decode(), auth_data.password.decode())
        # handled=False on failure: aiosmtpd then answers 535 itself (True means "already
        # answered", and the client would wait for a reply that never comes).
        return AuthResult(success=given == self.login, handled=False)

    def message_ids(self) -> list[str]:
        """The Message-ID header of every accepted message, in arrival order."""
        with self._lock:
            return [m.parsed["Message-ID"] for m in self.messages]

    def __enter__(self) -> FakeSmtpServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture
def smtp_server() -> Iterator[FakeSmtpServer]:
    """A running loopback SMTP server that accepts everything, stopped after the test."""
    with FakeSmtpServer() as server:
        yield server
