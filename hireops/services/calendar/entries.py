"""Booked interviews as calendars show them: when, where, who (aliased under blind screening)
and for which job; nothing else about the candidate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from hireops.models import Application, Candidate, InterviewBooking, Job
from hireops.services.privacy.blind_screening import hidden_candidate_ids, shown_name

BOOKED = "booked"
# A feed or a week never needs more; a bound keeps one request cheap whatever is booked.
MAX_ENTRIES = 1000


@dataclass(frozen=True)
class CalendarEntry:
    """One booked interview on a calendar."""

    booking_id: int
    application_id: int
    candidate_id: int
    # The candidate's name, or their alias while blind screening hides them.
    candidate_name: str
    job_title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    # Stable across reschedules, so a subscribed calendar moves the event.
    ics_uid: str
    ics_sequence: int


def booked_entries(*, session: Session, start: datetime, end: datetime,
                   honour_reveals: bool = True) -> list[CalendarEntry]:
    """Booked interviews that overlap [start, end), earliest first."""
    rows = session.exec(
        select(InterviewBooking, Candidate, Job)
        .join(Application, Application.id == InterviewBooking.application_id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(Job, Job.id == Application.job_id)
        .where(InterviewBooking.status == BOOKED, InterviewBooking.starts_at < end,
               InterviewBooking.ends_at > start)
        .order_by(InterviewBooking.starts_at, InterviewBooking.id).limit(MAX_ENTRIES)).all()
    hidden = hidden_candidate_ids(session=session, candidate_ids=[c.id for _, c, _ in rows],
                                  honour_reveals=honour_reveals)
    return [CalendarEntry(
        booking_id=booking.id, application_id=booking.application_id, candidate_id=candidate.id,
        candidate_name=shown_name(candidate, hidden=candidate.id in hidden), job_title=job.title,
        starts_at=booking.starts_at, ends_at=booking.ends_at, location=booking.location,
        ics_uid=booking.ics_uid or f"booking-{booking.id}", ics_sequence=booking.ics_sequence)
        for booking, candidate, job in rows]
