"""Logging, configured once at start-up (the app and the command line): LOG_LEVEL and
LOG_FORMAT=text|json, one line per event on standard error, with its context.

Context comes from `extra={...}` on a call and from `log_context(...)` around a piece of work
(a scheduler job names itself, so every line logged during its run carries `job=`).

No secret reaches a log line: every secret setting, the credentials key and every stored secret
decrypted by services.platform.crypto is replaced by `***` in the finished line, whatever logged it.
What is logged is ids, counts and reasons, never a candidate's resume or answers.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import re
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import IO, Any

from pydantic import SecretStr

from hireops.config import Settings, get_settings

REDACTED = "***"
# Integration API tokens (services.platform.api_tokens): shown once, never logged. Linear pattern.
_API_TOKEN = re.compile(r"hop_[A-Za-z0-9_-]{16,}")
# Third-party loggers that say "running job ..." every few seconds at INFO.
_CHATTY = ("apscheduler", "httpx", "httpcore", "urllib3", "alembic.runtime.plugins")
# Shorter values are not redacted: "***" in place of every "a" would hide the log instead.
_MIN_SECRET_LENGTH = 4

_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("log_context",
                                                                           default={})
_secrets: set[str] = set()
_secrets_lock = threading.Lock()
# Attributes every LogRecord has; anything else on a record is context given with `extra=`.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def redact_also(value: str | None) -> None:
    """Never print `value` in a log line (called for each secret as it is read)."""
    if value and len(value) >= _MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """`text` with every known secret and API token replaced by ***."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)  # a longer secret may contain a shorter
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _API_TOKEN.sub(REDACTED, text)


@contextlib.contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    """Add `fields` to every line logged inside the block (in this thread or task)."""
    token = _context.set({**_context.get(), **fields})
    try:
        yield
    finally:
        _context.reset(token)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """The line's context: the surrounding `log_context`, then the call's own `extra`."""
    extra = {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}
    return {**_context.get(), **extra}


def _timestamp(record: logging.LogRecord) -> str:
    moment = datetime.fromtimestamp(record.created, timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class JsonLineFormatter(logging.Formatter):
    """One JSON object per event: ts, level, logger, message, the context, error and trace."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"ts": _timestamp(record), "level": record.levelname,
                                "logger": record.name, "message": record.getMessage()}
        for key, value in _fields(record).items():
            line.setdefault(key, value)
        if record.exc_info and record.exc_info[1] is not None:
            problem = record.exc_info[1]
            line["error"] = f"{type(problem).__name__}: {problem}"
            line["trace"] = self.formatException(record.exc_info)
        # Redacted before encoding: JSON escaping could otherwise hide a secret from `redact`.
        return json.dumps(_redacted_value(line), ensure_ascii=False)


def _redacted_value(value: Any) -> Any:
    """`value` as JSON can carry it, every text in it redacted (containers included)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, dict):
        return {str(key): _redacted_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redacted_value(item) for item in value]
    return redact(str(value))


class TextLineFormatter(logging.Formatter):
    """`2026-12-07T09:00:00.000Z INFO logger: message key=value ...` on one line; a traceback
    follows on the same line with its line breaks written as \\n."""

    def format(self, record: logging.LogRecord) -> str:
        parts = [_timestamp(record), record.levelname, f"{record.name}:", record.getMessage()]
        parts += [f"{key}={_text_value(value)}" for key, value in _fields(record).items()]
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(f"trace={self.formatException(record.exc_info)!r}")
        return redact(_one_line(" ".join(parts)))


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or " " in text or '"' in text) \
        else text


def _one_line(text: str) -> str:
    # A line break from a server's reply or a mail header must not start a fake log line.
    return text.replace("\r", "\\r").replace("\n", "\\n")


class _HireOpsHandler(logging.StreamHandler):
    """Marks the handler this module installed, so configuring again replaces it."""


def configure_logging(settings: Settings | None = None, stream: IO[str] | None = None) -> None:
    """Send every log line to `stream` (standard error) as LOG_LEVEL and LOG_FORMAT say.

    Safe to call again (tests, a second start-up): the previous handler is replaced."""
    settings = settings or get_settings()
    for field_name in type(settings).model_fields:
        value = getattr(settings, field_name)
        if isinstance(value, SecretStr):
            redact_also(value.get_secret_value())
    _redact_key_file(settings)
    handler = _HireOpsHandler(stream or sys.stderr)
    handler.setFormatter(JsonLineFormatter() if settings.log_format == "json"
                         else TextLineFormatter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _HireOpsHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    # DEBUG is for HireOps' own modules: libraries at DEBUG dump whole SMTP, IMAP and HTTP
    # exchanges, mail and resumes included.
    root.setLevel(max(logging.getLevelName(settings.log_level), logging.INFO))
    logging.getLogger("hireops").setLevel(settings.log_level)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)


def _redact_key_file(settings: Settings) -> None:
    # Read only: the app creates the file on first use, logging must not.
    try:
        redact_also(settings.secret_key_file.read_text().strip())
    except OSError:
        pass
