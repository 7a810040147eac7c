"""The candidate page's interview recordings: the player, its question jumps and the speech
signals shown beside the transcript."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.interviews.recording_review import RecordingCard, recording_cards
from hireops.state.access import READ_ROLES, requires
from hireops.state.candidates.profile.page import CandidateState


def video_element_id(recording_id: int) -> str:
    return f"recording-video-{recording_id}"


class CandidateRecordingState(CandidateState):
    recordings: list[RecordingCard] = []

    @rx.event
    @requires(*READ_ROLES)
    def load_recordings(self):
        if not self.candidate_id:
            self.recordings = []
            return
        with session_scope() as session:
            self.recordings = recording_cards(session=session, candidate_id=self.candidate_id)

    @rx.event
    @requires(*READ_ROLES)
    def jump(self, recording_id: int, seconds: float):
        """Seek the recording's player to a question and play from there."""
        element = video_element_id(int(recording_id))
        return rx.call_script(
            f"(function(){{const v=document.getElementById('{element}');"
            f"if(v){{v.currentTime={float(seconds):.3f};v.play().catch(()=>{{}});}}}})()")
