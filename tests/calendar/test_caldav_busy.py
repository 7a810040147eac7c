"""Interviewers' busy times read from a real CalDAV server (Radicale on loopback): suggested
slots avoid them, free and cancelled events do not block, a broken account never stops the
suggestions, and the password is stored encrypted."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from hireops.models import CaldavAccount, Role, User
from hireops.services.calendar import caldav_busy
from hireops.services.calendar.caldav_busy import (
    CaldavRefused,
    caldav_view,
    check_caldav_account,
    check_url,
    interviewers_busy,
    remove_caldav_account,
    save_caldav_account,
)
from hireops.services.outreach.bookings import overlaps, suggest_slots
from tests.calendar.radicale_server import radicale
from tests.decisions.flow.conftest import NOW
from tests.factories import make_user

caldav = pytest.importorskip("caldav", reason="caldav is in requirements.txt")
pytest.importorskip("radicale", reason="radicale is in requirements-dev.txt")

PARIS = ZoneInfo("Europe/Paris")
# NOW is Wednesday 13 March 2030; suggestions start on Thursday 14.
THURSDAY = datetime(2030, 3, 14, tzinfo=PARIS)


@pytest.fixture(scope="module")
def caldav_server(tmp_path_factory) -> str:
    with radicale(tmp_path_factory.mktemp("radicale")) as url:
        yield url


@pytest.fixture(autouse=True)
def fresh_cache():
    caldav_busy._CACHE.clear()
    yield
    caldav_busy._CACHE.clear()


def _calendar_of(url: str, user: str):
    client = caldav.DAVClient(url=url, username=user, password="x")
    principal = client.principal()
    existing = principal.calendars()
    return existing[0] if existing else principal.make_calendar(name=f"{user} work")


def _event(calendar, uid: str, start: datetime, end: datetime, extra: str = "") -> None:
    calendar.save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20300301T000000Z\r\n"
        f"DTSTART:{start.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}\r\n"
        f"DTEND:{end.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}\r\n"
        f"SUMMARY:Busy {uid}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n")


def _interviewer(session, email: str, role=Role.recruiter) -> User:
    user = make_user(session, email=email, full_name=email.split("@")[0], role=role)
    session.commit()
    return user


def test_suggestions_avoid_an_interviewers_busy_times(session, caldav_server):
    before = suggest_slots(session=session, now=NOW, count=3)
    # The first suggestions are Thursday 9:00, 11:00 and 13:00 in Paris.
    assert [s.astimezone(PARIS).hour for s, _ in before] == [9, 11, 13]

    calendar = _calendar_of(caldav_server, "ines")
    _event(calendar, "standup", THURSDAY.replace(hour=9), THURSDAY.replace(hour=10))
    # Free time (TRANSP:TRANSPARENT) and a cancelled meeting block nothing.
    _event(calendar, "focus", THURSDAY.replace(hour=10), THURSDAY.replace(hour=11),
           "TRANSP:TRANSPARENT\r\n")
    _event(calendar, "cancelled", THURSDAY.replace(hour=12), THURSDAY.replace(hour=13),
           "STATUS:CANCELLED\r\n")
    # A weekly meeting from last Friday: this Friday's 9:30 recurrence must block too.
    _event(calendar, "weekly", THURSDAY.replace(day=8, hour=9, minute=30),
           THURSDAY.replace(day=8, hour=10, minute=30), "RRULE:FREQ=WEEKLY\r\n")

    ines = _interviewer(session, "ines@example.com")
    save_caldav_account(session=session, user=ines, url=caldav_server, username="ines",
                        password="s3cret-calendar-pass")
    after = suggest_slots(session=session, now=NOW, count=6)
    hours = [(s.astimezone(PARIS).day, s.astimezone(PARIS).hour) for s, _ in after]
    # Thursday 9:00 is taken, so the day starts at 10:00 (free time) and 12:00 (cancelled);
    # Friday 9:00 and 10:00 meet the weekly 9:30 meeting.
    assert hours == [(14, 10), (14, 12), (14, 14), (15, 11), (15, 13), (15, 15)]
    busy = interviewers_busy(session=session, start=NOW, end=NOW + timedelta(days=3))
    assert all(not overlaps(s, e, busy) for s, e in after)


def test_password_is_encrypted_kept_and_never_shown(session, caldav_server):
    ines = _interviewer(session, "ines@example.com")
    save_caldav_account(session=session, user=ines, url=caldav_server + " ", username="ines",
                        password="s3cret-calendar-pass")
    stored = session.exec(select(CaldavAccount)).one()
    assert "s3cret" not in stored.password_encrypted and stored.password_encrypted
    # An empty password on a later save keeps the stored one.
    save_caldav_account(session=session, user=ines, url=caldav_server, username="ines",
                        password="")
    assert caldav_busy.reader_for(session.exec(select(CaldavAccount)).one()).password == \
        "s3cret-calendar-pass"
    view = caldav_view(session=session, user_id=ines.id)
    assert view.connected and view.has_password and "s3cret" not in repr(view)
    assert check_caldav_account(session=session, user_id=ines.id, start=NOW,
                                end=NOW + timedelta(days=7)) >= 0
    assert caldav_view(session=session, user_id=ines.id).last_error == ""
    assert remove_caldav_account(session=session, user=ines)
    assert not caldav_view(session=session, user_id=ines.id).connected


def test_an_unreachable_account_is_skipped_and_reported(session, caldav_server):
    from tests.app_server import free_port

    dead = _interviewer(session, "dead@example.com")
    save_caldav_account(session=session, user=dead, url=f"http://127.0.0.1:{free_port()}/",
                        username="dead", password="x")
    # Viewers are not interviewers: their calendars are not read.
    viewer = _interviewer(session, "viewer@example.com", role=Role.viewer)
    save_caldav_account(session=session, user=viewer, url=caldav_server, username="ines",
                        password="x")
    _event(_calendar_of(caldav_server, "ines"), "viewer-only", THURSDAY.replace(hour=15),
           THURSDAY.replace(hour=16))
    assert len(suggest_slots(session=session, now=NOW, count=6)) == 6
    with pytest.raises(CaldavRefused, match="could not be read"):
        check_caldav_account(session=session, user_id=dead.id, start=NOW,
                             end=NOW + timedelta(days=1))
    assert caldav_view(session=session, user_id=dead.id).last_error
    assert interviewers_busy(session=session, start=NOW, end=NOW + timedelta(days=3)) == []


def test_addresses_that_would_leak_a_password_are_refused():
    assert check_url(" https://dav.example.com/cal/ ") == "https://dav.example.com/cal/"
    assert check_url("http://127.0.0.1:5232/") == "http://127.0.0.1:5232/"
    for bad in ("http://dav.example.com/", "ftp://dav.example.com/", "javascript:alert(1)",
                "https://", "https://a b.example/", "https://x.example/" + "a" * 600):
        with pytest.raises(CaldavRefused):
            check_url(bad)
