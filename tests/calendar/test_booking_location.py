"""Where an interview happens: on the booking, in the confirmation and in the .ics."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlmodel import select

from hireops.models import OutboxMessage
from hireops.services.platform.runtime_settings import save_settings
from hireops.services.outreach.bookings import (
    SchedulingRefused,
    book_slot,
    clean_location,
    meeting_link,
    send_schedule_confirmation,
)
from tests.decisions.flow.conftest import NOW

PARIS = ZoneInfo("Europe/Paris")
START = NOW.astimezone(PARIS).replace(day=14, hour=10)


def _book(session, application, hr, **extra):
    return book_slot(session=session, application_id=application.id, start=START,
                     end=START + timedelta(minutes=45), candidate_tz="Europe/Paris",
                     source="manual", actor=hr, now=NOW, **extra)


def _sent_event(session):
    message = session.exec(select(OutboxMessage)).one()
    (event,) = Calendar.from_ical(message.ics).events
    return message, event


def test_a_meeting_link_goes_into_location_and_url(session, make_application, hr):
    application = make_application()
    booking = _book(session, application, hr, location="  https://meet.example.test/abc-def ")
    assert booking.location == "https://meet.example.test/abc-def"
    send_schedule_confirmation(session=session, booking=booking, actor=hr)
    session.commit()
    message, event = _sent_event(session)
    assert str(event["location"]) == "https://meet.example.test/abc-def"
    assert str(event["url"]) == "https://meet.example.test/abc-def"
    assert "https://meet.example.test/abc-def" in message.body_text


def test_an_address_is_escaped_and_has_no_url(session, make_application, hr):
    application = make_application()
    place = "Room 4; 12, Rue de la Paix\\Paris"
    booking = _book(session, application, hr, location=place)
    send_schedule_confirmation(session=session, booking=booking, actor=hr)
    session.commit()
    message, event = _sent_event(session)
    assert str(event["location"]) == place
    assert "url" not in event
    # RFC 5545 text escaping of ; , and backslash in the raw file.
    assert "LOCATION:Room 4\\; 12\\, Rue de la Paix\\\\Paris" in message.ics


def test_the_team_default_applies_when_the_booking_names_none(session, make_application, hr):
    save_settings(session=session, values={"interview_location": "https://meet.example.test/team"},
                  actor=hr)
    booking = _book(session, make_application(), hr)
    assert booking.location == "https://meet.example.test/team"
    other = book_slot(session=session, application_id=make_application(
        name="Grace", email="grace@example.com").id, start=START + timedelta(hours=2),
        end=START + timedelta(hours=3), candidate_tz="Europe/Paris", source="manual",
        actor=hr, now=NOW, location="")
    # An explicit empty location is "no location", not the default.
    assert other.location == ""


def test_hostile_locations_are_bounded_and_flattened():
    assert clean_location("a\r\nb\tc\x00d") == "a b c d"
    with pytest.raises(SchedulingRefused, match="500"):
        clean_location("x" * 501)
    assert meeting_link("https://meet.example.test/x") == "https://meet.example.test/x"
    for not_a_link in ("javascript:alert(1)", "https://", "see https://a.test", "Room 4",
                       "ftp://a.test/x", "https://a.test/x y"):
        assert meeting_link(not_a_link) == ""
