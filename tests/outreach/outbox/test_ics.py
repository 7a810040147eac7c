"""Calendar invitations: RFC 5545 structure, parsed back with icalendar."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from hireops.services.calendar.ics import build_invite

START = datetime(2026, 3, 10, 13, 0, tzinfo=timezone.utc)
STAMP = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)


def _invite(**changes) -> str:
    values = dict(uid="interview-app-12@acme.test", start=START,
                  end=START + timedelta(minutes=45),
                  summary="Interview: Backend Engineer, Acme; round 2",
                  description="Video call with Sam.\nBring questions; we have some too.",
                  organizer_email="recruiting@acme.test", organizer_name="Acme, Recruiting",
                  attendee_email="elena@example.test", attendee_name='Elena "Lena" Petrova',
                  location="https://meet.acme.test/abc", tz_name="Europe/Berlin", stamp=STAMP)
    values.update(changes)
    return build_invite(**values)


def test_invitation_parses_back_with_every_field() -> None:
    text = _invite()
    calendar = Calendar.from_ical(text)
    assert str(calendar["method"]) == "REQUEST" and str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//HireOps//")
    (event,) = calendar.events
    assert str(event["uid"]) == "interview-app-12@acme.test"
    assert event.start == START and event.end == START + timedelta(minutes=45)
    assert event.start.tzinfo == ZoneInfo("Europe/Berlin")
    assert event.decoded("dtstamp") == STAMP
    assert str(event["summary"]) == "Interview: Backend Engineer, Acme; round 2"
    assert str(event["description"]) == "Video call with Sam.\nBring questions; we have some too."
    assert str(event["organizer"]) == "mailto:recruiting@acme.test"
    assert event["organizer"].params["CN"] == "Acme, Recruiting"
    attendee = event["attendee"]
    assert str(attendee) == "mailto:elena@example.test"
    assert attendee.params["CN"] == 'Elena "Lena" Petrova'
    assert (attendee.params["ROLE"], attendee.params["RSVP"]) == ("REQ-PARTICIPANT", "TRUE")
    assert int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
    # Every TZID used has its VTIMEZONE.
    assert [str(tz["tzid"]) for tz in calendar.timezones] == ["Europe/Berlin"]


def test_wire_format_is_strict_rfc5545() -> None:
    text = _invite(description="x" * 300)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # folded
    assert "DTSTART;TZID=Europe/Berlin:20260310T140000" in lines
    assert "DTSTAMP:20260301T093000Z" in lines
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Interview: Backend Engineer\\, Acme\\; round 2" in unfolded
    assert unfolded.index("BEGIN:VTIMEZONE") < unfolded.index("BEGIN:VEVENT")


def test_utc_times_have_a_z_and_no_timezone_block() -> None:
    text = _invite(tz_name="UTC")
    assert "DTSTART:20260310T130000Z" in text and "VTIMEZONE" not in text


def test_uid_and_sequence_identify_a_rescheduled_booking() -> None:
    first = Calendar.from_ical(_invite()).events[0]
    moved = Calendar.from_ical(_invite(start=START + timedelta(days=1),
                                       end=START + timedelta(days=1, minutes=45),
                                       sequence=1)).events[0]
    assert str(first["uid"]) == str(moved["uid"])
    assert int(moved["sequence"]) == 1


def test_hostile_text_cannot_add_properties() -> None:
    text = _invite(summary="Hi\r\nATTENDEE:mailto:evil@example.test",
                   attendee_name="Bob\r\nORGANIZER:mailto:evil@example.test")
    (event,) = Calendar.from_ical(text).events
    assert str(event["attendee"]) == "mailto:elena@example.test"
    assert str(event["organizer"]) == "mailto:recruiting@acme.test"
    assert "evil" not in "".join(line for line in text.replace("\r\n ", "").split("\r\n")
                                 if line.startswith(("ATTENDEE:", "ORGANIZER:")))


@pytest.mark.parametrize("changes, message", [
    ({"start": datetime(2026, 3, 10, 13, 0)}, "must carry a time zone"),
    ({"end": START}, "must end after it starts"),
    ({"end": START + timedelta(days=2)}, "longer than 24 hours"),
    ({"tz_name": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus'"),
    ({"uid": " "}, "needs a UID"),
    ({"attendee_email": "elena"}, "attendee address 'elena' is not an email address"),
])
def test_bad_input_is_refused(changes, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        _invite(**changes)
