"""Booking rules, reschedules with one calendar UID, suggestions, preferred slots and the
confirmation mail with its .ics."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlmodel import select

from hireops.models import Event, InterviewBooking, OutboxMessage, Stage
from hireops.services.outreach.bookings import (
    SchedulingRefused,
    book_slot,
    preferred_slots,
    send_schedule_confirmation,
    suggest_slots,
)
from tests.decisions.flow.conftest import NOW, PREFERRED

PARIS = ZoneInfo("Europe/Paris")


def _at(day: int, hour: int, minutes: int = 45):
    start = NOW.replace(day=day, hour=hour).astimezone(PARIS).replace(hour=hour)
    return start, start + timedelta(minutes=minutes)


def _book(session, application, start, end, hr=None, source="suggested"):
    return book_slot(session=session, application_id=application.id, start=start, end=end,
                     candidate_tz="Europe/Paris", source=source, original_text="", actor=hr,
                     now=NOW)


def test_booking_is_stored_and_audited(session, make_application, hr):
    application = make_application()
    start, end = _at(14, 10)
    booking = _book(session, application, start, end, hr)
    session.commit()
    assert (booking.status, booking.ics_sequence) == ("booked", 0)
    assert booking.ics_uid == f"interview-{application.id}@hireops.local"
    assert booking.booked_by_id == hr.id
    actions = session.exec(select(Event.action).where(Event.entity_id == application.id)).all()
    assert "interview.booked" in actions


def test_reschedule_cancels_the_old_booking_and_keeps_the_uid(session, make_application, hr):
    application = make_application()
    first = _book(session, application, *_at(14, 10), hr)
    second = _book(session, application, *_at(15, 14), hr)
    session.commit()
    session.refresh(first)
    assert first.status == "cancelled" and second.status == "booked"
    assert second.ics_uid == first.ics_uid and second.ics_sequence == 1
    actions = session.exec(select(Event.action).where(Event.entity_id == application.id)).all()
    assert actions.count("interview.booked") == 2 and "interview.booking_cancelled" in actions


def test_past_and_overlapping_slots_are_refused(session, make_application):
    first, other = make_application(), make_application(name="Grace Hopper",
                                                        email="grace@example.com")
    with pytest.raises(SchedulingRefused, match="past"):
        _book(session, first, NOW - timedelta(hours=2), NOW - timedelta(hours=1))
    _book(session, first, *_at(14, 10))
    start, _ = _at(14, 10)
    with pytest.raises(SchedulingRefused, match="already booked"):
        _book(session, other, start + timedelta(minutes=30), start + timedelta(minutes=75))
    # Back to back is fine.
    _book(session, other, start + timedelta(minutes=45), start + timedelta(minutes=90))
    with pytest.raises(SchedulingRefused, match="end after"):
        _book(session, other, start, start)


def test_suggestions_skip_weekends_bookings_and_stay_in_working_hours(session, make_application):
    # Friday afternoon: the next working day is Monday.
    friday = NOW.replace(day=15, hour=15)
    slots = suggest_slots(session=session, now=friday, count=6)
    assert len(slots) == 6
    for start, end in slots:
        local_start, local_end = start.astimezone(PARIS), end.astimezone(PARIS)
        assert local_start.weekday() < 5 and local_start.date() > friday.date()
        assert local_start.hour >= 9 and (local_end.hour, local_end.minute) <= (17, 0)
    assert slots[0][0].astimezone(PARIS).date().isoformat() == "2030-03-18"
    monday_nine = slots[0]
    application = make_application()
    book_slot(session=session, application_id=application.id, start=monday_nine[0],
              end=monday_nine[1], candidate_tz="Europe/Paris", source="suggested",
              original_text="", actor=None, now=friday)
    again = suggest_slots(session=session, now=friday, count=6)
    assert monday_nine not in again
    assert all(not (s < monday_nine[1] and monday_nine[0] < e) for s, e in again)


def test_preferred_slots_read_the_latest_evaluation_in_the_company_zone(session,
                                                                        make_application):
    application = make_application()
    parsed = preferred_slots(application_id=application.id, session=session, now=NOW)
    assert parsed.original == PREFERRED
    assert parsed.slots[0].start.astimezone(PARIS).isoformat() == "2030-03-14T10:00:00+01:00"
    assert parsed.slots[0].tz == "Europe/Paris"
    nothing = make_application(name="Grace", email="g@example.com", slot_text="")
    assert preferred_slots(application_id=nothing.id, session=session, now=NOW) is None


def test_confirmation_carries_a_parseable_ics_in_the_candidate_zone(session, make_application,
                                                                   hr):
    application = make_application()
    booking = _book(session, application, *_at(14, 10), hr, source="preferred")
    message = send_schedule_confirmation(session=session, booking=booking, actor=hr)
    again = send_schedule_confirmation(session=session, booking=booking, actor=hr)
    session.commit()
    assert again.id == message.id
    assert len(session.exec(select(OutboxMessage)).all()) == 1
    assert message.kind == "schedule" and message.to_address == "ada@example.com"
    assert "Thu 14 Mar 2030, 10:00–10:45 CET" in message.body_text
    event = Calendar.from_ical(message.ics).walk("VEVENT")[0]
    assert str(event["UID"]) == booking.ics_uid
    assert event.decoded("DTSTART").astimezone(PARIS).hour == 10
    session.refresh(application)
    assert application.stage == Stage.screening_scheduled
    assert session.exec(select(InterviewBooking)).one().status == "booked"
