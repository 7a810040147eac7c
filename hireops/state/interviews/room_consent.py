"""The consent step of the room: the notice, the candidate's two choices, agree or decline."""

from __future__ import annotations

import reflex as rx

from hireops.services.interviews import room_flow
from hireops.state.common_setters import switch_setter
from hireops.state.interviews.room import InterviewRoomState
from hireops.state.interviews.room_camera import RoomCameraState
from hireops.state.interviews.room_equal import RoomEqualState
from hireops.state.interviews.room_access import room_handler


class RoomConsentState(InterviewRoomState):
    """The candidate's consent choices while they read the notice."""

    agree_ai: bool = False
    agree_webcam: bool = True

    @rx.event
    @room_handler
    def go_to_consent(self):
        self.step = "consent"

    set_agree_ai = switch_setter("agree_ai", room_handler)
    set_agree_webcam = switch_setter("agree_webcam", room_handler)

    @rx.event
    @room_handler
    async def give_consent(self):
        if not self.agree_ai:
            (await self.get_state(RoomCameraState)).camera_message = ""
            return rx.toast.warning(self._say("consent_confirm_first"))
        questions = room_flow.give_consent(link_id=self._link_id,
                                           webcam_analysis=self.agree_webcam,
                                           client_key=self._client_key())
        self.webcam_enabled = self.agree_webcam
        equal = await self.get_state(RoomEqualState)
        equal._ask(questions)  # a helper of that step, not an event a browser could send
        self.step = "equal" if questions else "check"

    @rx.event
    @room_handler
    def decline_consent(self):
        """The candidate does not agree: tell them what happens next, and tell HR."""
        room_flow.decline_consent(link_id=self._link_id, client_key=self._client_key())
        self.problem_message = self._say("declined_message")
        self.step = "declined"

    @rx.event
    @room_handler
    def reconsider_consent(self):
        self.step = "consent"
