"""One week of booked interviews, Monday to Sunday in the team's time zone, as the calendar
page shows it (a seven-column week on a desk, a list of days on a phone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from hireops import routes
from hireops.services.calendar.entries import CalendarEntry, booked_entries
from hireops.services.platform.clock import format_day_range, format_short_day, format_time
from hireops.services.outreach.bookings import meeting_link


@dataclass
class WeekEntry:
    """One interview in its day's column."""

    # "10:00-10:45" in the team's zone.
    time_label: str
    candidate_name: str
    job_title: str
    # An address or a link; the link also in `meeting_url` when the place is a video call.
    location: str
    meeting_url: str
    candidate_path: str


@dataclass
class WeekDay:
    """One day of the week and its interviews, earliest first."""

    iso: str
    # "Mon 14 Dec".
    label: str
    is_today: bool
    # Named so, not "entries": the page reads it as a Var, where .entries() is a method.
    interviews: list[WeekEntry] = field(default_factory=list)


@dataclass
class CalendarWeek:
    """The week shown: its title, its days and where the arrows go."""

    # "Monday 14 - Sunday 20 December 2026".
    title: str
    monday: str
    previous_monday: str
    next_monday: str
    days: list[WeekDay]
    count: int


def monday_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


# Weeks the page may show: arrows pressed far enough must not run off the calendar's ends.
FIRST_YEAR, LAST_YEAR = 1970, 2200


def parse_monday(text: str, *, today: date) -> date:
    """The Monday of the week an ISO date names; this week's for anything unreadable or out
    of range."""
    try:
        monday = monday_of(date.fromisoformat(text.strip()[:10]))
    except (ValueError, OverflowError):
        return monday_of(today)
    return monday if FIRST_YEAR <= monday.year <= LAST_YEAR else monday_of(today)


def calendar_week(*, session: Session, monday: date, zone: ZoneInfo, today: date
                  ) -> CalendarWeek:
    """The booked interviews of the week that starts on `monday`, by day, in `zone`."""
    start = datetime.combine(monday, time(0), zone)
    end = datetime.combine(monday + timedelta(days=7), time(0), zone)
    days = [WeekDay(iso=(monday + timedelta(days=n)).isoformat(),
                    label=_day_label(monday + timedelta(days=n)),
                    is_today=monday + timedelta(days=n) == today) for n in range(7)]
    entries = booked_entries(session=session, start=start, end=end)
    for entry in entries:
        local_start = entry.starts_at.astimezone(zone)
        # An interview across midnight (rare) is listed on the day it starts, or on Monday
        # when it started the week before.
        index = max(0, (local_start.date() - monday).days)
        if index < 7:
            days[index].interviews.append(_entry(entry, zone))
    sunday = monday + timedelta(days=6)
    return CalendarWeek(title=_week_title(monday, sunday), monday=monday.isoformat(),
                        previous_monday=(monday - timedelta(days=7)).isoformat(),
                        next_monday=(monday + timedelta(days=7)).isoformat(), days=days,
                        count=len(entries))


def _entry(entry: CalendarEntry, zone: ZoneInfo) -> WeekEntry:
    local_start, local_end = entry.starts_at.astimezone(zone), entry.ends_at.astimezone(zone)
    return WeekEntry(time_label=f"{format_time(local_start)}-{format_time(local_end)}",
                     candidate_name=entry.candidate_name, job_title=entry.job_title,
                     location=entry.location, meeting_url=meeting_link(entry.location),
                     candidate_path=f"{routes.CANDIDATE}?id={entry.candidate_id}")


def _day_label(day: date) -> str:
    return format_short_day(day)


def _week_title(monday: date, sunday: date) -> str:
    return format_day_range(monday, sunday)
