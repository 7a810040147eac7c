"""Calendar invitations (RFC 5545) for scheduled interviews, built with `icalendar`.

The library does the parts that are easy to get wrong by hand: escaping of `,;\\` and line
breaks in text, folding lines at 75 octets, quoting of parameter values such as a CN with a
comma, and the VTIMEZONE that every TZID must have.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vCalAddress, vText

from hireops.models import utcnow

PRODID = "-//HireOps//Interview scheduling//EN"


def build_invite(
    *,
    uid: str,
    start: datetime,
    end: datetime,
    summary: str,
    description: str,
    organizer_email: str,
    attendee_email: str,
    location: str = "",
    url: str = "",
    tz_name: str,
    organizer_name: str = "",
    attendee_name: str = "",
    sequence: int = 0,
    stamp: datetime | None = None,
) -> str:
    """A METHOD:REQUEST calendar with one event, as .ics text (CRLF line ends).

    `uid` must stay the same for one booking: a rescheduled interview is sent again with
    the same uid and a higher `sequence`, so calendars move the event instead of adding one.
    Times are shown in `tz_name` ("UTC" writes them with a Z and no VTIMEZONE). `url` is
    a video-call link, also given as `location` so every calendar shows it somewhere.
    """
    zone = _zone(tz_name)
    _check(uid=uid, start=start, end=end, organizer_email=organizer_email,
           attendee_email=attendee_email, sequence=sequence)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", (stamp or utcnow()).astimezone(timezone.utc))
    event.add("dtstart", start.astimezone(zone))
    event.add("dtend", end.astimezone(zone))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    event.add("organizer", _address(organizer_email, organizer_name))
    attendee = _address(attendee_email, attendee_name)
    attendee.params.update({"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION",
                            "RSVP": "TRUE"})
    event.add("attendee", attendee)
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")
    calendar.add_component(event)
    if zone is not timezone.utc:
        # Transitions for the years around the event only: a short VTIMEZONE, still valid
        # if the interview is moved by some months.
        calendar.add_missing_timezones(first_date=date(start.year - 1, 1, 1),
                                       last_date=date(start.year + 2, 1, 1))
    return calendar.to_ical().decode("utf-8")


@dataclass(frozen=True)
class FeedEvent:
    """One event of a subscribed calendar feed (times aware; written in UTC)."""

    uid: str
    sequence: int
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""


def build_feed(*, name: str, events: list[FeedEvent], stamp: datetime | None = None) -> str:
    """A METHOD:PUBLISH calendar for subscription (Google, Outlook, Apple poll it), as .ics
    text. Times are in UTC: each reader shows them in its own zone, and no VTIMEZONE is due."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # The name calendar apps give the subscription (Apple, Google and Outlook read this one).
    calendar.add("x-wr-calname", name)
    stamp = (stamp or utcnow()).astimezone(timezone.utc)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start.astimezone(timezone.utc))
        event.add("dtend", item.end.astimezone(timezone.utc))
        event.add("summary", item.summary)
        event.add("sequence", item.sequence)
        event.add("status", "CONFIRMED")
        for field, value in (("description", item.description), ("location", item.location),
                             ("url", item.url)):
            if value:
                event.add(field, value)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def _zone(tz_name: str) -> ZoneInfo | timezone:
    if tz_name.upper() in ("UTC", "Z", "ETC/UTC"):
        return timezone.utc
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown time zone {tz_name!r}; use an IANA name such as "
                         "Europe/Berlin or America/New_York.") from None


def _check(*, uid: str, start: datetime, end: datetime, organizer_email: str,
           attendee_email: str, sequence: int) -> None:
    if not uid.strip():
        raise ValueError("An invitation needs a UID (stable for the booking).")
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("Start and end must carry a time zone (naive times are ambiguous).")
    if end <= start:
        raise ValueError("The interview must end after it starts.")
    if end - start > timedelta(hours=24):
        raise ValueError("An interview longer than 24 hours is surely a typo.")
    for label, address in (("organizer", organizer_email), ("attendee", attendee_email)):
        if "@" not in address or any(c in address for c in "\r\n :;,<>"):
            raise ValueError(f"The {label} address {address!r} is not an email address.")
    if sequence < 0:
        raise ValueError("SEQUENCE cannot be negative.")


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address
