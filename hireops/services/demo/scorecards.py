"""Demo data for interviewer scorecards: one demo candidate's follow-up interview, held
yesterday, with the demo admin named on it and their scorecard filled."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from hireops.models import Application, InterviewBooking, Job, User, utcnow
from hireops.services.interviews.scorecards import job_skills, set_interviewers, submit_scorecard

_DEMO_NOTE = "Clear, concrete examples from recent work."


def seed_demo_scorecard(*, session: Session, admin: User, application_id: int) -> bool:
    """Book yesterday's interview for the application and fill the admin's scorecard, once."""
    if session.exec(select(InterviewBooking.id).where(
            InterviewBooking.application_id == application_id)).first() is not None:
        return False
    application = session.get(Application, application_id)
    skills = job_skills(session.get(Job, application.job_id))
    if not skills:
        return False
    start = (utcnow() - timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    # Booked directly: the booking service refuses past slots, and this one is history.
    booking = InterviewBooking(application_id=application_id, starts_at=start,
                               ends_at=start + timedelta(minutes=45), source="manual",
                               booked_by_id=admin.id)
    session.add(booking)
    session.commit()
    set_interviewers(session=session, booking_id=booking.id, user_ids=[admin.id], actor=admin)
    # A spread of ratings, so the mean and the page show something real.
    ratings = {skill: 5 - index % 3 for index, skill in enumerate(skills)}
    submit_scorecard(session=session, booking_id=booking.id, interviewer=admin,
                     ratings=ratings, notes={skills[0]: _DEMO_NOTE}, recommendation="yes",
                     summary="Would work well with the team; check depth on the last skill.")
    return True
