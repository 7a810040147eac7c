"""Interviewer scorecards for the follow-up interview HR books.

HR names team members on a booking; each of them owes one scorecard: a 1-5 rating and a note
per job skill (the job's must-have and nice-to-have skills) and an overall recommendation.
A scorecard is submitted once and stays editable by its author until the next decision on the
application (or its rejection). Every change is audited. Interviewers whose scorecard is missing
after the interview are reminded through the outbox once a day until they fill it.

When a job gives scorecards a weight, `scorecard_score` (the mean rating on 0-100) is blended
into the final score by `services.decisions`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops import routes
from hireops.models import (
    Application,
    BookingInterviewer,
    Candidate,
    Decision,
    InterviewBooking,
    Job,
    OutboxMessage,
    Scorecard,
    Stage,
    User,
    utcnow,
)
from hireops.services.platform.audit import record_event
from hireops.services.privacy.blind_screening import is_identity_hidden, shown_name
from hireops.services.platform.clock import format_local
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings

RECOMMENDATIONS = {"strong_yes": "Strong yes", "yes": "Yes", "no": "No",
                   "strong_no": "Strong no"}
MIN_RATING, MAX_RATING = 1, 5
RATING_CHOICES = tuple(str(r) for r in range(MIN_RATING, MAX_RATING + 1))
MAX_NOTE_CHARS = 1000
MAX_SUMMARY_CHARS = 4000
# More skills than this on a job would make the scorecard a questionnaire; the first ones count.
MAX_SKILLS = 20
MAX_INTERVIEWERS = 10
# Interviewers are reminded daily for this long after the interview, then the booking is let go.
REMINDER_DAYS = 14


class ScorecardRefused(ValueError):
    """A scorecard or panel change that cannot be made; the message says why to a person."""


def job_skills(job: Job) -> list[str]:
    """The skills a scorecard rates: must-haves first, then nice-to-haves, once each."""
    seen: dict[str, str] = {}
    for skill in [*job.must_have_skills, *job.nice_to_have_skills]:
        skill = skill.strip()
        if skill and skill.lower() not in seen:
            seen[skill.lower()] = skill
    return list(seen.values())[:MAX_SKILLS]


def get_booking_or_raise(*, session: Session, booking_id: int) -> InterviewBooking:
    """The booking, or ScorecardRefused."""
    booking = session.get(InterviewBooking, booking_id)
    if booking is None:
        raise ScorecardRefused("That interview booking does not exist.")
    return booking


def interviewer_ids(*, session: Session, booking_id: int) -> list[int]:
    """The user ids named on a booking, in the order they were named."""
    return list(session.exec(select(BookingInterviewer.user_id)
                             .where(BookingInterviewer.booking_id == booking_id)
                             .order_by(BookingInterviewer.id)).all())


def set_interviewers(*, session: Session, booking_id: int, user_ids: list[int],
                     actor: User | None) -> list[int]:
    """Name exactly `user_ids` (active team members) on a booked interview; audited."""
    booking = get_booking_or_raise(session=session, booking_id=booking_id)
    if booking.status != "booked":
        raise ScorecardRefused("This interview was cancelled; name interviewers on the new "
                               "booking.")
    wanted = list(dict.fromkeys(int(i) for i in user_ids))
    if len(wanted) > MAX_INTERVIEWERS:
        raise ScorecardRefused(f"Name at most {MAX_INTERVIEWERS} interviewers.")
    active = set(session.exec(select(User.id).where(User.id.in_(wanted),
                                                    User.is_active.is_(True))).all())
    if set(wanted) - active:
        raise ScorecardRefused("Only active team members can be interviewers.")
    before = interviewer_ids(session=session, booking_id=booking_id)
    for row in session.exec(select(BookingInterviewer).where(
            BookingInterviewer.booking_id == booking_id,
            BookingInterviewer.user_id.not_in(wanted))).all():
        session.delete(row)
    for user_id in wanted:
        if user_id not in before:
            session.add(BookingInterviewer(booking_id=booking_id, user_id=user_id,
                                           added_by_id=actor.id if actor else None))
    record_event(session=session, action="booking.interviewers_set", actor=actor,
                 entity_type="application", entity_id=booking.application_id,
                 before={"booking_id": booking_id, "interviewers": before},
                 after={"booking_id": booking_id, "interviewers": wanted})
    session.commit()
    return wanted


def get_scorecard(*, session: Session, booking_id: int, interviewer_id: int) -> Scorecard | None:
    """One interviewer's scorecard of one booking, if filled."""
    return session.exec(select(Scorecard).where(Scorecard.booking_id == booking_id,
                                                Scorecard.interviewer_id == interviewer_id)
                        ).first()


def is_locked(*, session: Session, scorecard: Scorecard) -> bool:
    """Whether a decision was taken since the scorecard was submitted (or the candidate was
    rejected): from then on it is the record the decision was made with."""
    application = session.get(Application, scorecard.application_id)
    if application is None or application.stage == Stage.rejected:
        return True
    later = session.exec(select(Decision.id).where(
        Decision.application_id == scorecard.application_id,
        Decision.created_at > scorecard.submitted_at)).first()
    return later is not None


def submit_scorecard(*, session: Session, booking_id: int, interviewer: User,
                     ratings: dict[str, int], notes: dict[str, str], recommendation: str,
                     summary: str = "", now: datetime | None = None) -> Scorecard:
    """Fill (or, by its author before the decision, edit) a scorecard; audited."""
    booking = get_booking_or_raise(session=session, booking_id=booking_id)
    if interviewer.id not in interviewer_ids(session=session, booking_id=booking_id):
        raise ScorecardRefused("Only the interviewers named on this booking fill its "
                               "scorecards.")
    application = session.get(Application, booking.application_id)
    entries = _rating_entries(session.get(Job, application.job_id), ratings, notes)
    if recommendation not in RECOMMENDATIONS:
        raise ScorecardRefused("Choose an overall recommendation.")
    summary = _bounded(summary, MAX_SUMMARY_CHARS, "The overall note")
    now = now or utcnow()
    card = get_scorecard(session=session, booking_id=booking_id, interviewer_id=interviewer.id)
    before = _snapshot(card) if card else None
    if card is not None and is_locked(session=session, scorecard=card):
        raise ScorecardRefused("A decision was taken since this scorecard was submitted; it "
                               "can no longer be changed.")
    if card is None:
        card = Scorecard(booking_id=booking_id, application_id=application.id,
                         interviewer_id=interviewer.id, submitted_at=now,
                         recommendation=recommendation)
    card.ratings, card.recommendation, card.summary, card.updated_at = (
        entries, recommendation, summary, now)
    session.add(card)
    try:
        session.flush()
    except IntegrityError:
        # The same interviewer submitting from two tabs at once: one scorecard, not two.
        session.rollback()
        raise ScorecardRefused("This scorecard was just submitted elsewhere; reload to edit "
                               "it.") from None
    record_event(session=session, action="scorecard.updated" if before else "scorecard.submitted",
                 actor=interviewer, entity_type="application", entity_id=application.id,
                 before=before, after=_snapshot(card))
    session.commit()
    return card


def scorecard_score(*, session: Session, application_id: int) -> float | None:
    """The mean of every rating on the application's scorecards, on 0-100 (1 -> 0, 5 -> 100);
    None before any scorecard."""
    cards = session.exec(select(Scorecard).where(Scorecard.application_id == application_id)
                         ).all()
    ratings = [entry["rating"] for card in cards for entry in card.ratings]
    if not ratings:
        return None
    mean = sum(ratings) / len(ratings)
    return round((mean - MIN_RATING) / (MAX_RATING - MIN_RATING) * 100, 1)


def send_scorecard_reminders(*, session: Session, now: datetime | None = None) -> int:
    """Remind each named interviewer whose scorecard is missing once the interview is over,
    at most once a day (the outbox key carries the day), for REMINDER_DAYS; returns how many
    were queued."""
    now = now or utcnow()
    bookings = session.exec(select(InterviewBooking).where(
        InterviewBooking.status == "booked", InterviewBooking.ends_at <= now,
        InterviewBooking.ends_at > now - timedelta(days=REMINDER_DAYS))).all()
    queued = 0
    for booking in bookings:
        application = session.get(Application, booking.application_id)
        if application is None or application.stage == Stage.rejected:
            continue
        for user in _owing(session, booking):
            key = f"scorecard_reminder:{booking.id}:{user.id}:{now.date().isoformat()}"
            if session.exec(select(OutboxMessage.id)
                            .where(OutboxMessage.idempotency_key == key)).first() is not None:
                continue  # reminded today already
            subject, text = _reminder_words(session, application, booking)
            message = enqueue_mail(session=session, idempotency_key=key, kind="reminder",
                                   to_address=user.email, subject=subject, body_text=text,
                                   application_id=application.id)
            record_event(session=session, action="scorecard.reminder_queued",
                         actor_label="scheduler", entity_type="application",
                         entity_id=application.id,
                         after={"booking_id": booking.id, "interviewer_id": user.id,
                                "outbox_id": message.id})
            queued += 1
    session.commit()
    return queued


def _owing(session: Session, booking: InterviewBooking) -> list[User]:
    """Active named interviewers with an address and no scorecard for this booking."""
    filled = select(Scorecard.interviewer_id).where(Scorecard.booking_id == booking.id)
    return list(session.exec(select(User).join(
        BookingInterviewer, BookingInterviewer.user_id == User.id).where(
        BookingInterviewer.booking_id == booking.id, User.is_active.is_(True),
        User.email != "", User.id.not_in(filled))).all())


def _reminder_words(session: Session, application: Application,
                    booking: InterviewBooking) -> tuple[str, str]:
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    # Blind screening hides the person from the team in mail too.
    name = shown_name(candidate, hidden=is_identity_hidden(session=session,
                                                           candidate_id=candidate.id))
    base = current_settings().public_base_url.rstrip("/")
    when = format_local(booking.starts_at)
    subject = f"Scorecard missing: {name} for {job.title}"[:200]
    text = (f"You interviewed {name} for {job.title} on {when}, and your scorecard is not "
            f"filled yet.\n\nRate each skill and give your recommendation here:\n"
            f"{base}{routes.CANDIDATE}?id={candidate.id}\n\n"
            "You will be reminded once a day until it is filled.")
    return subject, text


def _rating_entries(job: Job, ratings: dict[str, int], notes: dict[str, str]) -> list[dict]:
    skills = job_skills(job)
    if not skills:
        raise ScorecardRefused("The job lists no skills to rate; add them in the job editor.")
    entries = []
    for skill in skills:
        rating = ratings.get(skill)
        if isinstance(rating, bool) or not isinstance(rating, int) \
                or not MIN_RATING <= rating <= MAX_RATING:
            raise ScorecardRefused(f"Rate {skill} from {MIN_RATING} to {MAX_RATING}.")
        note = _bounded(notes.get(skill, ""), MAX_NOTE_CHARS, f"The note on {skill}")
        entries.append({"skill": skill, "rating": rating, "note": note})
    return entries


def _bounded(text: str, limit: int, label: str) -> str:
    text = str(text or "").strip()
    if len(text) > limit:
        raise ScorecardRefused(f"{label} is longer than {limit} characters.")
    return text


def _snapshot(card: Scorecard) -> dict:
    return {"booking_id": card.booking_id, "recommendation": card.recommendation,
            "ratings": {entry["skill"]: entry["rating"] for entry in card.ratings}}
