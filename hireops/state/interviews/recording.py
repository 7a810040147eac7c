"""The room's recording consent and recorder: its own small state beside the room's.

It knows the link only through the room's loader (InterviewRoomState._link_id); every handler
re-checks that link like the room's own handlers do.
"""

from __future__ import annotations

import reflex as rx

from hireops.config import get_settings
from hireops.services.interviews import room_flow
from hireops.services.interviews.room_texts import room_text
from hireops.state.client import request_client
from hireops.state.common_setters import switch_setter
from hireops.state.interviews.room import InterviewRoomState
from hireops.state.interviews.room_access import room_handler

# The upload route (api/recording_routes.py), followed by the link's token and the part.
UPLOAD_PREFIX = "/api/v1/interview-recordings/"


class InterviewRecordingState(rx.State):
    # The job records interviews: the consent step shows the recording notice.
    offered: bool = False
    # The candidate's choice while they read the notice (unticked: recording is opt-in).
    agree: bool = False
    # The candidate agreed: the interview step records.
    recording: bool = False
    # The recording notice in the room's language, with how long recordings are kept.
    notice: str = ""
    upload_url: str = ""
    _link_id: int = 0

    def _show_problem(self, problem: str) -> None:
        """The link closed: nothing more is recorded (the room says why)."""
        self.recording = False

    @rx.event
    async def load(self):
        """on_load, after the room's loader: read whether this interview may be recorded."""
        room = await self.get_state(InterviewRoomState)
        self._link_id, self.offered, self.recording, self.agree = room._link_id, False, False, False
        if not self._link_id:
            return
        choice = room_flow.recording_choice(link_id=self._link_id)
        self.offered, self.recording = choice.offered, choice.recording
        token = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        # A reload starts a new browser recording: it goes to its own part.
        self.upload_url = f"{UPLOAD_PREFIX}{token}/parts/{choice.part}"
        self.notice = room_text(room.language, "consent_recording_text",
                                days=get_settings().recording_retention_days)

    set_agree = switch_setter("agree", room_handler)

    @rx.event
    @room_handler
    def store_consent(self):
        """The candidate gave the AI consent: store their separate recording answer too."""
        if not self.offered:
            return
        client = request_client(self.router) or self.router.session.client_token or "unknown"
        self.recording = room_flow.give_recording_consent(
            link_id=self._link_id, agreed=self.agree, client_key=client)
