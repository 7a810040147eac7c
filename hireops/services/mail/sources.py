"""Where inbound mail comes from: a local Maildir folder or an IMAP mailbox.

Both only read: the server's mail is never moved, flagged or deleted (unless the
`imap_mark_seen` setting asks IMAP to mark fetched mail as read).
"""

from __future__ import annotations

import errno
import imaplib
import logging
import mailbox
import re
import ssl
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import (
    ImapToolsError,
    MailboxFolderSelectError,
    MailboxFolderStatusError,
    MailboxLoginError,
    MailboxStarttlsError,
)
from imap_tools.mailbox import BaseMailBox
from imap_tools.message import MailMessage
from sqlmodel import Session

from hireops.config import get_settings
from hireops.models import AppSetting, User
from hireops.services.platform.app_settings import get_setting, set_setting
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import SecretDecryptionError
from hireops.services.mail.message import RawMessage, source_ref
from hireops.services.mail.network_errors import ServerHints, describe_network_failure

log = logging.getLogger(__name__)

SkipCheck = Callable[[str], bool]
ImapSecurity = Literal["ssl", "starttls", "none"]
IMAP_SECURITY_OPTIONS: tuple[ImapSecurity, ...] = ("ssl", "starttls", "none")
# The failures of talking to a server, as opposed to bugs in our code.
_IMAP_ERRORS = (OSError, EOFError, imaplib.IMAP4.error, ImapToolsError)


class MailSourceError(RuntimeError):
    """A source could not be read; the message says what failed, in words for the inbox page."""


class MailSource(Protocol):
    """Anything that yields raw messages; `skip(source_ref)` avoids downloading known ones.

    `skip` is asked with exactly the `RawMessage.source_ref` the message would get
    ("maildir:<folder path>:<key>", "imap:<folder>:<uidvalidity>:<uid>").
    """

    # For logs and the inbox page, e.g. "imap:jobs@acme.com@imap.gmail.com".
    name: str
    # "maildir" or "imap": the `RawMessage.source` of everything this source yields.
    kind: str

    def fetch(self, *, skip: SkipCheck | None = None) -> Iterator[RawMessage]: ...


# --- Maildir -------------------------------------------------------------------------------


class MaildirSource:
    """Reads a Maildir (new/ and cur/) without touching it: no moves, no flag changes."""

    def __init__(self, path: Path | str, folders: Sequence[str] | None = None) -> None:
        # The Maildir root; its Maildir++ subfolders (".Jobs") are named in `folders`.
        self.path = Path(path)
        # "INBOX" (or "") is the root itself.
        self.folders = list(folders) if folders else ["INBOX"]
        self.name = f"maildir:{self.path}"
        self.kind = "maildir"

    def fetch(self, *, skip: SkipCheck | None = None) -> Iterator[RawMessage]:
        """Every message in the chosen folders, in the order they arrived."""
        for folder in self.folders:
            box, folder_path = self._open(folder)
            try:
                keys = sorted(box.keys(), key=arrival_order)
            except OSError as exc:
                raise MailSourceError(f"Cannot list the Maildir {folder_path}: {exc}") from exc
            for key in keys:
                if skip and skip(source_ref("maildir", folder_path, key)):
                    continue
                try:
                    raw = box.get_bytes(key)
                except (KeyError, FileNotFoundError):
                    # A mail client moved or deleted it since the listing; a later poll
                    # sees it under its new name if it still exists.
                    log.info("Maildir message %s vanished while reading; skipped", key)
                    continue
                except OSError as exc:
                    raise MailSourceError(f"Cannot read {key} in {folder_path}: {exc}") from exc
                yield RawMessage(source="maildir", folder=folder_path, uid=key, raw=raw)

    def _open(self, folder: str) -> tuple[mailbox.Maildir, str]:
        path = self.path if folder in ("", "INBOX") else self.path / f".{folder}"
        # create=False: a missing folder is an error, never silently created.
        if not (path / "cur").is_dir() or not (path / "new").is_dir():
            raise MailSourceError(f"Not a Maildir folder (no cur/ and new/): {path}")
        return mailbox.Maildir(path, factory=None, create=False), str(path)


# A delivery agent's file name: "<seconds>.M<microseconds>P<pid>Q<count>.<host>" (any of the
# M, P, Q parts may be missing), or the older "<seconds>.<pid>_<count>.<host>".
_DELIVERY_NAME = re.compile(r"(\d{1,12})\.(?:M(\d{1,9}))?(?:P\d{1,12})?(?:Q(\d{1,12}))?"
                            r"(?:\d{1,12}_(\d{1,12}))?\.")


def arrival_order(key: str) -> tuple:
    """Sort key for Maildir names in the order the messages arrived: the microseconds are
    not padded, so "M99" sorts after "M123456" as text. Names in no known form come last, in
    name order."""
    found = _DELIVERY_NAME.match(key)
    if found is None:
        return (1, 0, 0, 0, key)
    seconds, micro, count, old_count = found.groups()
    return (0, int(seconds), int(micro or 0), int(count or old_count or 0), key)


# --- IMAP ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImapConfig:
    """How to reach one IMAP mailbox."""

    host: str
    port: int
    # "ssl" (implicit TLS, port 993), "starttls" (port 143) or "none" (loopback tests only).
    security: ImapSecurity
    username: str
    # An app password for Gmail/Outlook; never shown, logged or returned by `masked()`.
    password: str = field(repr=False)
    folders: list[str] = field(default_factory=lambda: ["INBOX"])
    # Seconds to wait for connecting and for each server reply.
    timeout_s: float = 30

    def masked(self) -> dict[str, object]:
        """The configuration as a settings page may show it: the password is never included."""
        return {
            "host": self.host, "port": self.port, "security": self.security,
            "username": self.username, "password": "********" if self.password else "",
            "password_set": bool(self.password), "folders": list(self.folders),
            "timeout_s": self.timeout_s,
        }


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    # What happened, in words for the settings page: what failed, or how many messages wait.
    message: str


class _RawMailMessage(MailMessage):
    """imap-tools' message that also keeps the exact bytes the server sent."""

    def __init__(self, fetch_data: list) -> None:
        super().__init__(fetch_data)
        # Re-serialising `obj` can refold headers, which would change the content hash.
        self.raw_bytes: bytes = self._get_message_data_parts(fetch_data)[0]


class ImapSource:
    """Fetches from an IMAP mailbox with BODY.PEEK in batches; the server's mail is left as is."""

    def __init__(self, config: ImapConfig, *, batch_size: int = 50,
                 mark_seen: bool | None = None) -> None:
        self.config = config
        # Messages per UID FETCH request.
        self.batch_size = max(1, batch_size)
        # Mark fetched mail as read on the server; off unless the setting says so.
        self.mark_seen = get_settings().imap_mark_seen if mark_seen is None else mark_seen
        self.name = f"imap:{config.username}@{config.host}"
        self.kind = "imap"

    def fetch(self, *, skip: SkipCheck | None = None) -> Iterator[RawMessage]:
        """Every message in the configured folders that `skip` does not rule out."""
        stage = "connecting"
        try:
            with _logged_in(self.config) as box:
                box.email_message_class = _RawMailMessage
                for folder in self.config.folders:
                    stage = f"fetching {folder}"
                    yield from self._fetch_folder(box, folder, skip)
        except MailSourceError:
            raise
        except _IMAP_ERRORS as exc:
            raise MailSourceError(_describe_imap_error(exc, self.config, stage)) from exc

    def _fetch_folder(self, box: BaseMailBox, folder: str,
                      skip: SkipCheck | None) -> Iterator[RawMessage]:
        uidvalidity = _select(box, folder, self.config, readonly=not self.mark_seen)
        uids = box.uids("ALL")
        wanted = [uid for uid in uids
                  if not (skip and skip(source_ref("imap", folder, f"{uidvalidity}:{uid}")))]
        log.info("IMAP %s %s: %d messages, %d to fetch", self.name, folder, len(uids), len(wanted))
        for start in range(0, len(wanted), self.batch_size):
            batch = wanted[start:start + self.batch_size]
            for message in box.fetch(uid_list=batch, mark_seen=self.mark_seen, bulk=True):
                if not message.raw_bytes:
                    # An unsolicited FETCH (another client changed flags) mixed into the reply.
                    log.warning("IMAP %s %s: skipped an empty fetch item", self.name, folder)
                    continue
                yield RawMessage(source="imap", folder=folder,
                                 uid=f"{uidvalidity}:{message.uid or 'unknown'}",
                                 raw=message.raw_bytes)


def check_imap_connection(config: ImapConfig) -> ConnectionCheck:
    """Connect, log in and look at each folder; say exactly what failed, or how much mail waits."""
    stage = "connecting"
    try:
        with _logged_in(config) as box:
            counts = []
            for folder in config.folders:
                stage = f"opening {folder}"
                counts.append((folder, _folder_size(box, folder, config)))
    except MailSourceError as exc:
        return ConnectionCheck(ok=False, message=str(exc))
    except _IMAP_ERRORS as exc:
        return ConnectionCheck(ok=False, message=_describe_imap_error(exc, config, stage))
    sizes = ", ".join(f"{folder} has {n} message{'' if n == 1 else 's'}" for folder, n in counts)
    return ConnectionCheck(ok=True, message=f"Connected; {sizes}")


@contextmanager
def _logged_in(config: ImapConfig) -> Iterator[BaseMailBox]:
    """A logged-in mailbox, closed afterwards even when the server is already gone."""
    box = _open_mailbox(config)
    try:
        try:
            if config.username.isascii() and config.password.isascii():
                box.login(config.username, config.password, initial_folder=None)
            else:  # LOGIN is ASCII-only; AUTHENTICATE PLAIN carries UTF-8
                box.login_utf8(config.username, config.password, initial_folder=None)
        except MailboxLoginError as exc:
            raise MailSourceError(_describe_imap_error(exc, config, "logging in")) from exc
        yield box
    finally:
        _close_quietly(box)


def _open_mailbox(config: ImapConfig) -> BaseMailBox:
    timeout = config.timeout_s
    if config.security == "ssl":
        return MailBox(config.host, config.port, timeout=timeout,
                       ssl_context=ssl.create_default_context())
    if config.security == "starttls":
        if config.port == 993:
            raise MailSourceError("Port 993 speaks TLS from the start: choose SSL/TLS security, "
                                  "not STARTTLS (or use port 143).")
        return MailBoxStartTls(config.host, config.port, timeout=timeout,
                               ssl_context=ssl.create_default_context())
    if config.security == "none":
        return MailBoxUnencrypted(config.host, config.port, timeout=timeout)
    raise MailSourceError(f"Unknown IMAP security {config.security!r}: use ssl, starttls or none.")


def _close_quietly(box: BaseMailBox) -> None:
    try:
        if box.client.state != "LOGOUT":
            box.logout()
    except Exception:  # the server may already be gone; closing must not hide the real error
        log.debug("IMAP logout failed", exc_info=True)
    try:
        box.client.shutdown()
    except Exception:
        pass


def _select(box: BaseMailBox, folder: str, config: ImapConfig, *, readonly: bool) -> int:
    """Open `folder` (read-only unless marking as seen) and return its UIDVALIDITY."""
    status = _folder_status(box, folder, config)
    box.folder.set(folder, readonly=readonly)
    return status.get("UIDVALIDITY", 0)


def _folder_size(box: BaseMailBox, folder: str, config: ImapConfig) -> int:
    return _folder_status(box, folder, config).get("MESSAGES", 0)


def _folder_status(box: BaseMailBox, folder: str, config: ImapConfig) -> dict[str, int]:
    try:
        return box.folder.status(folder, ["MESSAGES", "UIDVALIDITY"])
    except (MailboxFolderStatusError, MailboxFolderSelectError) as exc:
        raise MailSourceError(_missing_folder_message(box, folder, config, exc)) from exc


def _missing_folder_message(box: BaseMailBox, folder: str, config: ImapConfig,
                            exc: Exception) -> str:
    said = _server_said(exc)
    try:
        names = ", ".join(sorted(f.name for f in box.folder.list()))
    except Exception:
        names = ""
    there = f" Folders there: {names}." if names else ""
    return f"Folder {folder!r} was not found on {config.host} (server said: {said}).{there}"


IMAP_HINTS = ServerHints(
    name="mail server", host_hint="Check the host name.",
    port_hint="Check the port and that the server is running.",
    tls_hint="Check the security setting: port 993 usually means SSL/TLS, port 143 STARTTLS.")


def _describe_imap_error(exc: BaseException, config: ImapConfig, stage: str) -> str:
    """One sentence naming what failed: DNS, refused, timeout, TLS, login or a lost link."""
    where = f"{config.host}:{config.port}"
    network = describe_network_failure(exc, host=config.host, where=where,
                                       timeout_s=config.timeout_s, stage=stage,
                                       hints=IMAP_HINTS)
    if network:
        return network
    if isinstance(exc, OSError) and exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return f"The mail server {where} is unreachable: {exc.strerror}."
    if isinstance(exc, MailboxLoginError):
        return (f"Login rejected for {config.username!r} on {config.host}: check the username "
                f"and the (app) password. Server said: {_server_said(exc)}")
    if isinstance(exc, MailboxStarttlsError) or "TLS not supported" in str(exc):
        return f"{where} does not offer STARTTLS; choose SSL/TLS or check the port."
    said = str(exc).rstrip(". ") or type(exc).__name__
    if isinstance(exc, (imaplib.IMAP4.abort, ConnectionError, EOFError)):
        return f"The connection to {where} was lost while {stage}: {said}."
    return f"IMAP error with {where} while {stage}: {said}."


def _server_said(exc: Exception) -> str:
    result = getattr(exc, "command_result", None)
    if not result:
        return str(exc)
    parts = result[1] if len(result) > 1 and isinstance(result[1], list) else []
    text = " ".join(p.decode("utf-8", "replace") if isinstance(p, bytes) else str(p)
                    for p in parts if p)
    return text or str(result[0])


# --- stored IMAP configuration -------------------------------------------------------------

_KEY = "imap."
_PLAIN_FIELDS = ("host", "port", "security", "username", "folders", "timeout_s")


def load_imap_config(*, session: Session) -> ImapConfig | None:
    """The stored IMAP configuration, or None when no host is set."""
    host = get_setting(session=session, key=_KEY + "host", default="")
    if not host:
        return None
    return ImapConfig(
        host=host,
        port=int(get_setting(session=session, key=_KEY + "port", default=993)),
        security=get_setting(session=session, key=_KEY + "security", default="ssl"),
        username=get_setting(session=session, key=_KEY + "username", default=""),
        password=get_setting(session=session, key=_KEY + "password", default=""),
        folders=list(get_setting(session=session, key=_KEY + "folders", default=["INBOX"])),
        timeout_s=float(get_setting(session=session, key=_KEY + "timeout_s", default=30)),
    )


def stored_imap_password_for(*, session: Session, host: str, port: int,
                             security: str) -> str:
    """The saved IMAP password, but only for the server it was saved for ('' otherwise).

    Whoever can edit the form must not be able to send the saved password to a server of their
    choosing, or over a weaker connection: a new host, port or security needs it typed again.
    """
    stored = load_imap_config(session=session)
    if stored is None or not _same_server(stored, host=host, port=port, security=security):
        return ""
    return stored.password


def _same_server(stored: ImapConfig, *, host: str, port: int, security: str) -> bool:
    return (stored.host.strip().lower(), stored.port, stored.security) == \
        (host.strip().lower(), port, security)


def save_imap_config(*, session: Session, config: ImapConfig, actor: User | None) -> None:
    """Store `config`, the password encrypted; an empty password keeps the stored one, for the
    same server only."""
    _validate(config)
    if not config.password and not stored_imap_password_for(
            session=session, host=config.host, port=config.port, security=config.security):
        stored = load_imap_config(session=session)
        if stored is not None and stored.password:
            raise ValueError("Enter the app password again: the saved one is kept only for "
                             f"{stored.host}:{stored.port} ({stored.security}).")
    for name in _PLAIN_FIELDS:
        value = getattr(config, name)
        value = list(value) if name == "folders" else value
        if get_setting(session=session, key=_KEY + name) != value:
            set_setting(session=session, key=_KEY + name, value=value, actor=actor)
    if config.password and config.password != _stored_password(session):
        set_setting(session=session, key=_KEY + "password", value=config.password, secret=True,
                    actor=actor)
    session.commit()


def clear_imap_config(*, session: Session, actor: User | None) -> None:
    """Forget the IMAP account (the inbox goes back to the local Maildir)."""
    for name in (*_PLAIN_FIELDS, "password"):
        row = session.get(AppSetting, _KEY + name)
        if row is not None:
            session.delete(row)
    record_event(session=session, action="mailbox.disconnected", actor=actor,
                 entity_type="setting")
    session.commit()


def _stored_password(session: Session) -> str:
    try:
        return get_setting(session=session, key=_KEY + "password", default="")
    except SecretDecryptionError:  # the key changed: the new password replaces it
        return ""


def _validate(config: ImapConfig) -> None:
    if not config.host.strip():
        raise ValueError("The IMAP host is required.")
    if not 0 < config.port < 65536:
        raise ValueError(f"The IMAP port must be between 1 and 65535, not {config.port}.")
    if config.security not in IMAP_SECURITY_OPTIONS:
        raise ValueError(f"IMAP security must be one of {', '.join(IMAP_SECURITY_OPTIONS)}.")
    if not config.folders or not all(f.strip() for f in config.folders):
        raise ValueError("Name at least one IMAP folder, e.g. INBOX.")
    if config.timeout_s <= 0:
        raise ValueError("The IMAP timeout must be positive.")
