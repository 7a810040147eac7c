"""Follow-up interview bookings: the candidate's preferred slot read from their own words,
suggestions from the recruiters' working hours, bookings that never overlap, and the
confirmation mail with its calendar invitation.

One application has at most one `booked` interview. Booking again (a reschedule) cancels the
previous one and keeps its calendar UID with a higher SEQUENCE, so the candidate's calendar
moves the event instead of adding a second one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from hireops.models import (
    Application,
    BookingInterviewer,
    Candidate,
    Evaluation,
    InterviewBooking,
    InterviewLink,
    Job,
    OutboxMessage,
    Stage,
    User,
    utcnow,
)
from hireops.services.platform.audit import record_event
from hireops.services.platform.clock import format_span, format_span_for_candidate
from hireops.services.calendar.caldav_busy import interviewers_busy
from hireops.services.outreach.email_templates import OUTBOX_KIND, get_template, render_template
from hireops.services.calendar.ics import build_invite
from hireops.services.text.language.mail_words import (
    candidate_name_or_greeting,
    mail_word,
    sender_name,
)
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.outreach.slots import SlotParse, parse_slot
from hireops.services.candidates.stages import change_stage, stage_value

BOOKING_SOURCES = ("preferred", "suggested", "manual")
BOOKED, CANCELLED = "booked", "cancelled"
# Suggestions spread over days: a choice of times without one day filling the list.
SUGGESTIONS_PER_DAY = 3
_SUGGESTION_LOOKAHEAD_DAYS = 21
MAX_LOCATION_CHARS = 500
# Control characters (line breaks included): a location is one line in mail and calendars.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
# A whole location that is one web address, nothing around it: a video-call link.
_MEETING_LINK = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


class SchedulingRefused(ValueError):
    """A slot that cannot be booked (past, overlapping, malformed) or mail that cannot go."""


@dataclass(frozen=True)
class Slot:
    """A concrete interview slot, timezone-aware, shown in `tz`."""

    start: datetime
    end: datetime
    tz: str


def interview_uid(application_id: int) -> str:
    """The calendar UID of an application's follow-up interview (stable across reschedules)."""
    domain = current_settings().smtp_from_address.rpartition("@")[2] or "hireops.local"
    return f"interview-{application_id}@{domain}"


def company_zone() -> ZoneInfo:
    """The team's time zone."""
    return ZoneInfo(current_settings().company_timezone)


def interview_length() -> timedelta:
    """How long a follow-up interview lasts."""
    return timedelta(minutes=current_settings().followup_interview_minutes)


def get_active_booking(*, session: Session, application_id: int) -> InterviewBooking | None:
    """The application's booked interview, if any."""
    return session.exec(select(InterviewBooking).where(
        InterviewBooking.application_id == application_id,
        InterviewBooking.status == BOOKED).order_by(InterviewBooking.id.desc())).first()


def booked_intervals(*, session: Session, exclude_application_id: int | None = None
                     ) -> list[tuple[datetime, datetime]]:
    """Every booked interview's (start, end), optionally without one application's."""
    statement = select(InterviewBooking).where(InterviewBooking.status == BOOKED)
    if exclude_application_id is not None:
        statement = statement.where(InterviewBooking.application_id != exclude_application_id)
    return [(b.starts_at, b.ends_at) for b in session.exec(statement)]


def overlaps(start: datetime, end: datetime, intervals: list[tuple[datetime, datetime]]) -> bool:
    """True when [start, end) meets any of the intervals."""
    return any(start < busy_end and busy_start < end for busy_start, busy_end in intervals)


def clean_location(text: str) -> str:
    """A location as stored: one line, trimmed, at most `MAX_LOCATION_CHARS` characters."""
    flat = " ".join(_CONTROL.sub(" ", text or "").split())
    if len(flat) > MAX_LOCATION_CHARS:
        raise SchedulingRefused(f"Keep the location under {MAX_LOCATION_CHARS} characters.")
    return flat


def meeting_link(location: str) -> str:
    """The location when it is a single http(s) link (a video call), else ""."""
    return location if _MEETING_LINK.fullmatch(location) else ""


def book_slot(*, session: Session, application_id: int, start: datetime, end: datetime,
              candidate_tz: str, source: str, original_text: str = "", actor: User | None,
              now: datetime | None = None, location: str | None = None) -> InterviewBooking:
    """Book the interview (replacing the application's previous booking); flushed, audited.
    `location` None means the team's default place (Settings); "" means none."""
    now = now or utcnow()
    _check_slot(start, end, candidate_tz, source, now)
    place = clean_location(current_settings().interview_location if location is None
                           else location)
    if session.get(Application, application_id) is None:
        raise SchedulingRefused(f"No application with id {application_id}.")
    if overlaps(start, end, booked_intervals(session=session,
                                             exclude_application_id=application_id)):
        raise SchedulingRefused("Another interview is already booked at that time; pick "
                                "another slot.")
    previous = session.exec(select(InterviewBooking)
                            .where(InterviewBooking.application_id == application_id)
                            .order_by(InterviewBooking.ics_sequence.desc())).first()
    active = get_active_booking(session=session, application_id=application_id)
    if active is not None:
        active.status = CANCELLED
        session.add(active)
        record_event(session=session, action="interview.booking_cancelled", actor=actor,
                     entity_type="application", entity_id=application_id,
                     before=_booking_snapshot(active), note="replaced by a new booking")
    booking = InterviewBooking(
        application_id=application_id, starts_at=start, ends_at=end, candidate_tz=candidate_tz,
        source=source, original_text=original_text or "", status=BOOKED,
        ics_uid=previous.ics_uid if previous else interview_uid(application_id),
        ics_sequence=previous.ics_sequence + 1 if previous else 0, location=place,
        booked_by_id=actor.id if actor else None)
    session.add(booking)
    session.flush()
    if active is not None:
        # A reschedule keeps the panel: the same people interview at the new time.
        for named in session.exec(select(BookingInterviewer).where(
                BookingInterviewer.booking_id == active.id)).all():
            session.add(BookingInterviewer(booking_id=booking.id, user_id=named.user_id,
                                           added_by_id=named.added_by_id))
        session.flush()
    record_event(session=session, action="interview.booked", actor=actor,
                 entity_type="application", entity_id=application_id,
                 after=_booking_snapshot(booking), note=original_text or "")
    return booking


def cancel_booking(*, session: Session, application_id: int, actor: User | None,
                   reason: str) -> InterviewBooking | None:
    """Cancel the application's booked interview, if it has one (audited)."""
    active = get_active_booking(session=session, application_id=application_id)
    if active is None:
        return None
    active.status = CANCELLED
    session.add(active)
    record_event(session=session, action="interview.booking_cancelled", actor=actor,
                 entity_type="application", entity_id=application_id,
                 before=_booking_snapshot(active), note=reason)
    return active


def suggest_slots(*, session: Session, now: datetime, count: int = 6) -> list[tuple[datetime,
                                                                                    datetime]]:
    """Free slots in working hours on weekdays (team time zone), from the next working day:
    no booked interview and no busy time in a connected interviewer's calendar."""
    settings, zone, length = current_settings(), company_zone(), interview_length()
    busy = booked_intervals(session=session) + interviewers_busy(
        session=session, start=now, end=now + timedelta(days=_SUGGESTION_LOOKAHEAD_DAYS + 1))
    day = now.astimezone(zone).date()
    found: list[tuple[datetime, datetime]] = []
    for _ in range(_SUGGESTION_LOOKAHEAD_DAYS):
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        closing = datetime.combine(day, time(settings.working_hours_end), zone)
        start = datetime.combine(day, time(settings.working_hours_start), zone)
        on_this_day = 0
        while start + length <= closing and on_this_day < SUGGESTIONS_PER_DAY:
            end = start + length
            if overlaps(start, end, busy):
                start += timedelta(hours=1)
                continue
            found.append((start, end))
            if len(found) == count:
                return found
            on_this_day += 1
            # Spread over the day (9:00, 11:00, 13:00 when all are free).
            start += timedelta(hours=2)
    return found


def preferred_slot_text(*, session: Session, application_id: int) -> str:
    """What the candidate said about when they can talk: latest evaluation, else latest link."""
    evaluation = session.exec(select(Evaluation).where(
        Evaluation.application_id == application_id, Evaluation.status == "ok",
        Evaluation.preferred_slot_text != "").order_by(Evaluation.id.desc())).first()
    if evaluation is not None:
        return evaluation.preferred_slot_text
    link = session.exec(select(InterviewLink).where(
        InterviewLink.application_id == application_id,
        InterviewLink.preferred_slot_text != "").order_by(InterviewLink.id.desc())).first()
    return link.preferred_slot_text if link else ""


def preferred_slots(*, application_id: int, session: Session, now: datetime) -> SlotParse | None:
    """The candidate's preferred slot text read into slots; None when they named none."""
    text = preferred_slot_text(session=session, application_id=application_id)
    if not text.strip():
        return None
    settings = current_settings()
    return parse_slot(text, now=now, candidate_tz=settings.company_timezone,
                      default_duration_min=settings.followup_interview_minutes,
                      working_hours=(settings.working_hours_start, settings.working_hours_end))


def first_free_preferred(*, session: Session, application_id: int,
                         now: datetime) -> tuple[Slot | None, SlotParse | None]:
    """The first preferred slot nobody else has booked, and the reading it came from."""
    parsed = preferred_slots(application_id=application_id, session=session, now=now)
    if parsed is None:
        return None, None
    busy = booked_intervals(session=session, exclude_application_id=application_id)
    for slot in parsed.slots:
        if slot.start > now and not overlaps(slot.start, slot.end, busy):
            return Slot(slot.start, slot.end, slot.tz), parsed
    return None, parsed


def slot_label(start: datetime, end: datetime, tz_name: str, language: str = "en") -> str:
    """'Tue 8 Dec 2026, 10:00–10:45 CET': a slot as read in `tz_name` (services.platform.clock), the
    day written in `language` ('mardi 8 décembre 2026, 10:00–10:45 CET')."""
    return format_span(start, end, tz_name, language=language)


def slot_label_both_zones(start: datetime, end: datetime, tz_name: str,
                          language: str = "en") -> str:
    """The slot in the candidate's zone and, when the company's clock differs, as the team
    reads it: 'Tue 8 Dec 2026, 09:00–09:45 GMT (Tue 8 Dec 2026, 10:00–10:45 CET for us)'."""
    return format_span_for_candidate(start, end, tz_name, language)


def send_schedule_confirmation(*, session: Session, booking: InterviewBooking,
                               actor: User | None) -> OutboxMessage:
    """Queue the confirmation with its .ics (once per booking version); stage -> scheduled."""
    application = session.get(Application, booking.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    if not candidate.email:
        raise SchedulingRefused("The candidate has no email address for the confirmation.")
    settings = current_settings()
    slot = slot_label_both_zones(booking.starts_at, booking.ends_at, booking.candidate_tz,
                                 candidate.language)
    language = candidate.language
    if booking.location:
        slot = mail_word(language, "slot_at_place", slot=slot, place=booking.location)
    recruiter = sender_name((actor.full_name or actor.email) if actor else None, language)
    mail = render_template(get_template(session=session, kind="schedule_confirmation",
                                        language=language), {
        "candidate_name": candidate_name_or_greeting(candidate.full_name, language),
        "job_title": job.title,
        "company_name": settings.company_name, "recruiter_name": recruiter, "slot": slot})
    ics = build_invite(
        uid=booking.ics_uid, start=booking.starts_at, end=booking.ends_at,
        summary=mail_word(language, "invite_summary", job_title=job.title,
                          company_name=settings.company_name),
        description=mail_word(language, "invite_description", job_title=job.title),
        organizer_email=settings.smtp_from_address, organizer_name=settings.company_name,
        attendee_email=candidate.email, attendee_name=candidate.full_name,
        location=booking.location, url=meeting_link(booking.location),
        tz_name=booking.candidate_tz, sequence=booking.ics_sequence)
    message = enqueue_mail(
        session=session, idempotency_key=f"schedule:{booking.ics_uid}:{booking.ics_sequence}",
        kind=OUTBOX_KIND["schedule_confirmation"], to_address=candidate.email,
        subject=mail.subject, body_text=mail.text, body_html=mail.html, ics=ics,
        application_id=application.id)
    before = stage_value(application.stage)
    record_event(session=session, action="interview.confirmation_queued", actor=actor,
                 entity_type="application", entity_id=application.id,
                 before={"stage": before},
                 after={"stage": Stage.screening_scheduled.value, "outbox_id": message.id,
                        "booking_id": booking.id, "slot": slot})
    # A reschedule finds the stage already here: the confirmation is audited, no stage move.
    change_stage(session=session, application=application, stage=Stage.screening_scheduled,
                 actor=actor, reason=f"interview booked for {slot}",
                 extra_after={"booking_id": booking.id})
    application.updated_at = application.last_activity_at = utcnow()
    session.add(application)
    return message


def _check_slot(start: datetime, end: datetime, candidate_tz: str, source: str,
                now: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise SchedulingRefused("A slot needs a time zone (naive times are ambiguous).")
    if end <= start:
        raise SchedulingRefused("The interview must end after it starts.")
    if start <= now:
        raise SchedulingRefused("That slot is in the past; pick a future one.")
    if source not in BOOKING_SOURCES:
        raise SchedulingRefused(f"Unknown slot source {source!r}.")
    try:
        ZoneInfo(candidate_tz)
    except (ValueError, KeyError):
        raise SchedulingRefused(f"Unknown time zone {candidate_tz!r}.") from None


def _booking_snapshot(booking: InterviewBooking) -> dict:
    return {"booking_id": booking.id, "starts_at": booking.starts_at.isoformat(),
            "ends_at": booking.ends_at.isoformat(), "candidate_tz": booking.candidate_tz,
            "source": booking.source, "status": booking.status, "location": booking.location,
            "ics_uid": booking.ics_uid, "ics_sequence": booking.ics_sequence}
