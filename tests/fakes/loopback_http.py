"""The HTTP server under the loopback fakes of vendor APIs (Mistral, ElevenLabs).

A fake subclasses `LoopbackHTTPServer` and passes it a `FakeHandler` subclass that speaks the
vendor's wire format; this module starts and stops the threaded server on 127.0.0.1 and a free
port, gives each handler its fake as `server_fake`, and keeps the request log.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class FakeHandler(BaseHTTPRequestHandler):
    """Answers one connection for the fake in `server_fake`."""

    protocol_version = "HTTP/1.1"
    server_fake: Any

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, payload: Any, *, content_type: str = "",
              headers: dict[str, str] | None = None) -> None:
        """`payload` as JSON (bytes as they are), with `headers` added."""
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type or "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out and hung up


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 refuses connections when a client opens many at once.
    request_queue_size = 128


class LoopbackHTTPServer:
    """A vendor API on 127.0.0.1 and a free port, served from a thread while the fake is open."""

    def __init__(self, handler: type[FakeHandler]) -> None:
        # What the fake was sent, in order (the fake's own record type).
        self.requests: list[Any] = []
        self._lock = threading.Lock()
        bound = type(handler.__name__, (handler,), {"server_fake": self})
        self._httpd = _Server(("127.0.0.1", 0), bound)
        # A short poll interval keeps `stop()` (and so each test's teardown) fast.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _record(self, request: Any) -> None:
        """Log one request (called from handler threads)."""
        with self._lock:
            self.requests.append(request)
