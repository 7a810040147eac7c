"""Who watched which interview recording: one audit event per view.

A player fetches its video in many Range requests (the start, the index at the end, a request per
seek). A view is what one person watches of one interview's recording in one sitting: it is
audited on its first request, and requests of the same person for the same interview within
VIEW_WINDOW of the last audited view belong to that view.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from hireops.models import Event, InterviewRecording, User, utcnow
from hireops.services.platform.audit import record_event

VIEW_ACTION = "interview.recording_viewed"
VIEW_WINDOW = timedelta(minutes=30)


def starts_a_view(range_header: str) -> bool:
    """A player starts at the file's first byte; later requests seek into it."""
    value = (range_header or "").strip().lower().replace(" ", "")
    return not value or value.startswith("bytes=0-")


def note_recording_view(*, session: Session, user: User, recording: InterviewRecording,
                        now: datetime | None = None) -> bool:
    """Audit `user` watching `recording` unless this is the same view (True when audited)."""
    now = now or utcnow()
    recent = session.exec(select(Event.id).where(
        Event.action == VIEW_ACTION, Event.entity_type == "interview_link",
        Event.entity_id == recording.link_id, Event.actor_user_id == user.id,
        Event.at > now - VIEW_WINDOW).limit(1)).first()
    if recent is not None:
        return False
    event = record_event(session=session, action=VIEW_ACTION, actor=user,
                         entity_type="interview_link", entity_id=recording.link_id,
                         after={"recording_id": recording.id})
    event.at = now
    return True
