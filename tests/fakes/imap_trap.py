"""An IMAP server of someone else's choosing: it greets like a real one, answers CAPABILITY,
and records every line a client sends (a LOGIN carries the password in clear)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest


class ImapTrap:
    def __init__(self, host: str = "127.0.0.2") -> None:
        self._listener = socket.create_server((host, 0))
        self.host, self.port = self._listener.getsockname()[:2]
        # Every line received, across connections.
        self.received: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(connection,), daemon=True).start()

    def _talk(self, connection: socket.socket) -> None:
        with connection, connection.makefile("rwb") as stream:
            stream.write(b"* OK IMAP4rev1 ready\r\n")
            stream.flush()
            for raw in stream:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                self.received.append(line)
                tag, _, command = line.partition(" ")
                if command.upper().startswith("CAPABILITY"):
                    stream.write(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n"
                                 .encode())
                else:
                    stream.write(f"{tag} NO refused\r\n".encode())
                stream.flush()

    def close(self) -> None:
        self._listener.close()


@pytest.fixture
def imap_trap() -> Iterator[ImapTrap]:
    trap = ImapTrap()
    try:
        yield trap
    finally:
        trap.close()
