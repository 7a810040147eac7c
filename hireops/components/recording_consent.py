"""The room's recording pieces, used by pages/interviews/room.py: the separate consent (its own
notice and checkbox, shown only for jobs that record) and the recorder line of the interview."""

from __future__ import annotations

import reflex as rx

from hireops.components.recorder import recorder
from hireops.state.interviews.recording import InterviewRecordingState as Recording
from hireops.state.interviews.room import InterviewRoomState as Room
from hireops.state.interviews.room_typed import RoomTypedState as Typed

CHUNK_EVERY_MS = 3000


def recording_notice() -> rx.Component:
    """The notice paragraph, inside the consent box (nothing when the job does not record)."""
    return rx.cond(Recording.offered, rx.fragment(
        rx.text.strong(Room.t["consent_recording_label"]),
        rx.text(Recording.notice, as_="span", id="recording-notice"),
    ))


def recording_checkbox() -> rx.Component:
    return rx.cond(Recording.offered, rx.checkbox(
        Room.t["consent_agree_recording"], checked=Recording.agree,
        on_change=Recording.set_agree, id="consent-recording", size="2"))


def interview_recorder() -> rx.Component:
    """Records while the interview step is on screen, if the candidate agreed."""
    return rx.cond(Recording.recording, recorder(
        upload_url=Recording.upload_url, active=Room.step == "interview",
        question=Typed.question_number, texts=Room.t, timeslice_ms=CHUNK_EVERY_MS,
        id="interview-recorder"))
