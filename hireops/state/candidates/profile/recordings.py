"""The candidate page's interview recordings: the player, its question jumps and the speech
signals shown beside the transcript."""

from __future__ import annotations

import json

import reflex as rx

from hireops.services.interviews.recording_review import RecordingCard, recording_cards
from hireops.state.access import READ_ROLES, event_for
from hireops.state.candidates.profile.page import CandidateState


def video_element_id(link_id: int) -> str:
    return f"recording-video-{link_id}"


def _switch_script(element: str, choose_url: str, seconds: float) -> str:
    """JavaScript that shows the part whose address `choose_url` computes (from `parts`, the
    player's playlist, and `current`, its address now; null: nothing) at `seconds`, and plays."""
    return (
        f"(function(){{const v=document.getElementById({json.dumps(element)});if(!v)return;"
        "const parts=(v.dataset.parts||'').split(' ').filter(Boolean);"
        "const current=v.getAttribute('src');"
        f"const url=(function(){{{choose_url}}})();if(!url)return;"
        f"const go=()=>{{v.currentTime={float(seconds):.3f};v.play().catch(()=>{{}});}};"
        "if(url===current){go();return;}"
        "v.addEventListener('loadedmetadata',go,{once:true});"
        "v.setAttribute('src',url);v.load();})()")


class CandidateRecordingState(CandidateState):
    recordings: list[RecordingCard] = []

    @event_for(*READ_ROLES)
    def load_recordings(self):
        self.recordings = self._rows_of_candidate(recording_cards)

    @event_for(*READ_ROLES)
    def jump(self, link_id: int, video_url: str, seconds: float):
        """Show a question (or a part) of the interview's recording and play from there."""
        # Only a part of this page's recordings: the address goes into a script.
        if not any(jump.video_url == video_url for card in self.recordings
                   if card.link_id == int(link_id) for jump in [*card.jumps, *card.parts]):
            return None
        return rx.call_script(_switch_script(video_element_id(int(link_id)),
                                             f"return {json.dumps(video_url)};", seconds))

    @event_for(*READ_ROLES)
    def play_next(self, link_id: int):
        """A part ended: the player goes on with the next one (a reload split the recording)."""
        return rx.call_script(_switch_script(
            video_element_id(int(link_id)),
            "const i=parts.indexOf(current);return i>=0&&i+1<parts.length?parts[i+1]:null;", 0))
