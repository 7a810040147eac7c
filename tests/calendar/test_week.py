"""The week view's data: Monday to Sunday in the team's zone, each interview on its local day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hireops.services.calendar.week import calendar_week, parse_monday
from hireops.services.outreach.bookings import book_slot, cancel_booking
from tests.decisions.flow.conftest import NOW

PARIS = ZoneInfo("Europe/Paris")
MONDAY = date(2030, 3, 18)


def _book(session, application, hr, start, location=""):
    return book_slot(session=session, application_id=application.id, start=start,
                     end=start + timedelta(minutes=45), candidate_tz="Europe/Paris",
                     source="manual", actor=hr, now=NOW, location=location)


def test_interviews_land_on_their_local_day_in_order(session, make_application, hr):
    late = make_application(name="Late Larry", email="larry@example.com")
    early = make_application(name="Early Erin", email="erin@example.com", blind_screening=True)
    # 23:30 UTC on Tuesday is 00:30 Wednesday in Paris.
    _book(session, late, hr, datetime(2030, 3, 19, 23, 30, tzinfo=ZoneInfo("UTC")),
          location="https://meet.example.test/x")
    _book(session, early, hr, datetime(2030, 3, 20, 9, 0, tzinfo=PARIS))
    gone = make_application(name="Cancelled Carl", email="carl@example.com")
    _book(session, gone, hr, datetime(2030, 3, 21, 9, 0, tzinfo=PARIS))
    cancel_booking(session=session, application_id=gone.id, actor=hr, reason="withdrew")
    # Next week's Monday 00:00 in Paris is outside this week.
    outside = make_application(name="Next Week", email="next@example.com")
    _book(session, outside, hr, datetime(2030, 3, 25, 0, 0, tzinfo=PARIS))
    session.commit()

    week = calendar_week(session=session, monday=MONDAY, zone=PARIS, today=date(2030, 3, 20))
    assert week.title == "18 - 24 March 2030" and week.count == 2
    assert [day.label for day in week.days][:3] == ["Mon 18 Mar", "Tue 19 Mar", "Wed 20 Mar"]
    assert [day.is_today for day in week.days] == [False, False, True, False, False, False, False]
    wednesday = week.days[2].interviews
    assert [e.time_label for e in wednesday] == ["00:30-01:15", "09:00-09:45"]
    assert wednesday[0].candidate_name == "Late Larry"
    assert wednesday[0].meeting_url == "https://meet.example.test/x"
    assert wednesday[1].candidate_name.startswith("Candidate #")
    assert week.previous_monday == "2030-03-11" and week.next_monday == "2030-03-25"
    assert all(not day.interviews for n, day in enumerate(week.days) if n != 2)


def test_week_titles_and_hostile_week_parameters():
    today = date(2030, 3, 20)
    assert parse_monday("2030-03-21", today=today) == MONDAY
    for junk in ("", "nonsense", "2030-13-40", "x" * 10_000, "0001-01-01", "9999-12-31"):
        assert parse_monday(junk, today=today) == MONDAY


def test_a_week_across_months_and_years_reads_well(session):
    week = calendar_week(session=session, monday=date(2029, 12, 31), zone=PARIS,
                         today=date(2030, 1, 1))
    assert week.title == "31 December 2029 - 6 January 2030"
    week = calendar_week(session=session, monday=date(2030, 4, 29), zone=PARIS,
                         today=date(2030, 1, 1))
    assert week.title == "29 April - 5 May 2030"
