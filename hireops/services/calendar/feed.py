"""A user's subscribed calendar: the team's booked interviews as an .ics feed.

Who sees what: a small team interviews together, so every active user's feed holds all the
team's booked interviews, the same ones the week view shows. A feed is read by an outside
calendar service, so it carries only what a calendar needs: time, place, the candidate's name
and the job. Blind-screening candidates are always shown by their alias here, even after a
reveal (a reveal is for the people in the app, not for the calendar provider).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from hireops import routes
from hireops.models import User
from hireops.services.calendar.entries import CalendarEntry, booked_entries
from hireops.services.calendar.ics import FeedEvent, build_feed
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.outreach.bookings import meeting_link

# Past interviews stay a while (someone looks back at last week); the future is bounded too.
FEED_PAST = timedelta(days=60)
FEED_FUTURE = timedelta(days=366)


def feed_calendar(*, session: Session, user: User, now: datetime) -> str:
    """The .ics text of `user`'s feed."""
    settings = current_settings()
    entries = booked_entries(session=session, start=now - FEED_PAST, end=now + FEED_FUTURE,
                             honour_reveals=False)
    base = settings.public_base_url.rstrip("/")
    return build_feed(name=f"{settings.company_name} interviews",
                      events=[_event(entry, base) for entry in entries], stamp=now)


def _event(entry: CalendarEntry, base: str) -> FeedEvent:
    return FeedEvent(
        uid=entry.ics_uid, sequence=entry.ics_sequence, start=entry.starts_at,
        end=entry.ends_at, summary=f"Interview: {entry.candidate_name} ({entry.job_title})",
        description=(f"Follow-up interview for {entry.job_title}.\nCandidate page (sign-in "
                     f"needed): {base}{routes.CANDIDATE}?id={entry.candidate_id}"),
        location=entry.location, url=meeting_link(entry.location))
