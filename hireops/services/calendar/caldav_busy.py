"""Interviewers' busy times from their own CalDAV calendars (Nextcloud, Fastmail, iCloud,
Radicale...), so suggested interview slots avoid them.

Each interviewer (admin or recruiter) may connect one calendar account: the server address,
user name and password (encrypted at rest with `services.platform.crypto`). Suggestions read every
connected account's events for the weeks ahead; a slot that meets any of them is not offered.
A small team interviews together, so everyone's busy time counts. An account that cannot be
read never stops the suggestions: it is skipped and its error shown to its owner. Reads are
kept for a few minutes, so the decision queue does not ask the servers on every load.

The `caldav` package is imported only when an account is read: without accounts nothing
needs it.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time as clock
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Protocol
from urllib.parse import urlsplit

from sqlmodel import Session, select

from hireops.models import CaldavAccount, Role, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.clock import format_local
from hireops.services.platform.crypto import SecretDecryptionError, decrypt_secret, encrypt_secret

log = logging.getLogger(__name__)
Interval = tuple[datetime, datetime]
READ_TIMEOUT_S = 8
CACHE_SECONDS = 300.0
# Bounds on what one read takes from a server, whatever it holds.
MAX_CALENDARS = 20
MAX_EVENTS_PER_CALENDAR = 2000
MAX_ERROR_CHARS = 500
INTERVIEWER_ROLES = (Role.admin.value, Role.recruiter.value)


class CaldavRefused(ValueError):
    """Account details that cannot be used; the message is for people."""


class BusyReader(Protocol):
    """Something that lists the busy intervals of one calendar account."""

    def busy_between(self, *, start: datetime, end: datetime) -> list[Interval]: ...


@dataclass(frozen=True)
class CaldavCalendars:
    """The real reader: every calendar of one CalDAV account, through the `caldav` client."""

    url: str
    username: str
    password: str
    timeout_s: int = READ_TIMEOUT_S

    def busy_between(self, *, start: datetime, end: datetime) -> list[Interval]:
        import caldav  # noqa: PLC0415 (optional: only deployments with accounts need it)

        # The address was checked when saved: https, or plain http only to this machine.
        client = caldav.DAVClient(url=self.url, username=self.username or None,
                                  password=self.password or None, timeout=self.timeout_s)
        try:
            busy: list[Interval] = []
            for calendar in client.principal().calendars()[:MAX_CALENDARS]:
                found = calendar.search(start=start, end=end, event=True, expand=True)
                for item in found[:MAX_EVENTS_PER_CALENDAR]:
                    interval = _busy_interval(item.icalendar_component)
                    if interval is not None:
                        busy.append(interval)
            return busy
        finally:
            client.close()


@dataclass(frozen=True)
class CaldavView:
    """What the owner sees of their account (never the password)."""

    connected: bool
    url: str
    username: str
    has_password: bool
    last_checked: str
    last_error: str


def check_url(url: str) -> str:
    """The address trimmed, or CaldavRefused: https, or http to this machine only (a
    password must not cross a network in clear)."""
    url = url.strip()
    if len(url) > 500:
        raise CaldavRefused("Keep the CalDAV address under 500 characters.")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(
            c.isspace() for c in url):
        raise CaldavRefused("Write the CalDAV address like https://dav.example.com/.")
    if parts.scheme == "http" and not _is_loopback(url):
        raise CaldavRefused("Use an https:// address: the password must not travel in clear.")
    return url


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def save_caldav_account(*, session: Session, user: User, url: str, username: str,
                        password: str) -> CaldavAccount:
    """Connect (or change) `user`'s calendar account; an empty password keeps the stored one.
    Audited without the password. Commits."""
    url, username = check_url(url), username.strip()
    if len(username) > 200:
        raise CaldavRefused("Keep the user name under 200 characters.")
    account = _account(session, user.id) or CaldavAccount(user_id=user.id, url=url)
    account.url, account.username = url, username
    if password:
        account.password_encrypted = encrypt_secret(password)
    account.updated_at, account.last_error, account.last_checked_at = utcnow(), "", None
    session.add(account)
    session.flush()
    record_event(session=session, action="caldav.connected", actor=user, entity_type="user",
                 entity_id=user.id, after={"url": url, "username": username,
                                           "password": "(changed)" if password else "(kept)"})
    session.commit()
    return account


def remove_caldav_account(*, session: Session, user: User) -> bool:
    """Disconnect `user`'s calendar account; False when there was none. Commits."""
    account = _account(session, user.id)
    if account is None:
        return False
    session.delete(account)
    record_event(session=session, action="caldav.disconnected", actor=user, entity_type="user",
                 entity_id=user.id, before={"url": account.url})
    session.commit()
    return True


def caldav_view(*, session: Session, user_id: int) -> CaldavView:
    """The user's account as their settings show it."""
    account = _account(session, user_id)
    if account is None:
        return CaldavView(False, "", "", False, "", "")
    return CaldavView(True, account.url, account.username, bool(account.password_encrypted),
                      format_local(account.last_checked_at) or "never", account.last_error)


def check_caldav_account(*, session: Session, user_id: int, start: datetime,
                         end: datetime) -> int:
    """Read the user's account now and record how it went; the number of busy intervals.
    Raises CaldavRefused with the reason when it cannot be read. Commits."""
    account = _account(session, user_id)
    if account is None:
        raise CaldavRefused("Connect a calendar first.")
    try:
        busy = reader_for(account).busy_between(start=start, end=end)
    except Exception as problem:  # noqa: BLE001 (any failure of a remote server is reported)
        account.last_error = _reason(problem)
        account.last_checked_at = utcnow()
        session.add(account)
        session.commit()
        raise CaldavRefused(f"The calendar could not be read: {account.last_error}") from None
    account.last_error, account.last_checked_at = "", utcnow()
    session.add(account)
    session.commit()
    _CACHE.clear()
    return len(busy)


def reader_for(account: CaldavAccount) -> BusyReader:
    """The reader of one stored account (its password decrypted)."""
    try:
        password = decrypt_secret(account.password_encrypted) if account.password_encrypted \
            else ""
    except SecretDecryptionError:
        raise CaldavRefused("The stored password cannot be decrypted (the secret key "
                            "changed); enter it again.") from None
    return CaldavCalendars(url=account.url, username=account.username, password=password)


def interviewers_busy(*, session: Session, start: datetime, end: datetime,
                      reader=reader_for) -> list[Interval]:
    """Every connected interviewer's busy intervals within [start, end); accounts that cannot
    be read are skipped (and logged)."""
    accounts = session.exec(select(CaldavAccount).join(User, User.id == CaldavAccount.user_id)
                            .where(User.is_active, User.role.in_(INTERVIEWER_ROLES))).all()
    busy: list[Interval] = []
    for account in accounts:
        busy.extend(_cached_busy(account, start, end, reader))
    return busy


class _BusyCache:
    """Reads per account and window, for `CACHE_SECONDS` (per process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple, tuple[float, list[Interval]]] = {}

    def get(self, key: tuple) -> list[Interval] | None:
        with self._lock:
            found = self._items.get(key)
        if found is None or clock.monotonic() - found[0] > CACHE_SECONDS:
            return None
        return found[1]

    def put(self, key: tuple, busy: list[Interval]) -> None:
        with self._lock:
            if len(self._items) > 1000:
                self._items.clear()
            self._items[key] = (clock.monotonic(), busy)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_CACHE = _BusyCache()


def _cached_busy(account: CaldavAccount, start: datetime, end: datetime,
                 reader) -> list[Interval]:
    # Whole hours, so calls a few seconds apart share a read; a changed account reads anew.
    window = (start.replace(minute=0, second=0, microsecond=0), end)
    key = (account.id, account.updated_at.isoformat(), window[0].isoformat(),
           end.date().isoformat())
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        busy = reader(account).busy_between(start=window[0], end=end)
    except Exception as problem:  # noqa: BLE001 (one account's failure never stops the rest)
        log.warning("CalDAV account of user %s could not be read: %s", account.user_id,
                    _reason(problem))
        busy = []
    _CACHE.put(key, busy)
    return busy


def _busy_interval(event) -> Interval | None:
    """The busy time of one event, or None for a free ("transparent") or cancelled one."""
    if str(event.get("transp", "OPAQUE")).upper() == "TRANSPARENT" or \
            str(event.get("status", "")).upper() == "CANCELLED" or "dtstart" not in event:
        return None
    start = event.decoded("dtstart")
    if "dtend" in event:
        end = event.decoded("dtend")
    elif "duration" in event:
        end = start + event.decoded("duration")
    else:
        end = start + (timedelta(days=1) if not isinstance(start, datetime) else timedelta())
    start, end = _aware(start), _aware(end)
    return (start, end) if end > start else None


def _aware(moment: date | datetime) -> datetime:
    # An all-day event (a date) blocks the day in UTC terms; floating times are read as UTC.
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(0), timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _reason(problem: Exception) -> str:
    text = f"{type(problem).__name__}: {problem}".replace("\n", " ")
    return text[:MAX_ERROR_CHARS]


def _account(session: Session, user_id: int) -> CaldavAccount | None:
    return session.exec(select(CaldavAccount).where(CaldavAccount.user_id == user_id)).first()
