"""The voice interview of the room (ElevenLabs): the call's credentials, its events, and the
way back to the typed interview when the call cannot start or fails."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.services.interviews import room_flow
from hireops.services.interviews.room_flow import RoomProgress
from hireops.services.interviews.voice.provider import VoiceProviderError
from hireops.services.interviews.voice.transcript_sync import VoiceSyncError
from hireops.state.interviews.room import InterviewRoomState, speak
from hireops.state.interviews.room_typed import RoomTypedState
from hireops.state.interviews.room_access import room_handler, room_link_scoped


class RoomVoiceState(InterviewRoomState):
    """The ElevenLabs conversation: single-use credentials minted by the server, then started."""

    voice_token: str = ""
    voice_signed_url: str = ""
    voice_agent_id: str = ""
    voice_variables: dict[str, str] = {}
    voice_context: str = ""
    voice_started: bool = False
    voice_message: str = ""
    # The browser's message when the voice call failed, for HR's record.
    _voice_failure: str = ""

    @rx.event(background=True)
    @room_link_scoped
    async def voice_start_request(self):
        """Mint a conversation credential on the server; the component then connects."""
        link_id = self._link_id
        try:
            voice, agent_id = await asyncio.to_thread(room_flow.start_voice, link_id=link_id)
        except (VoiceProviderError, VoiceSyncError) as problem:
            # The reason can name settings: it goes to HR; the candidate goes on typed.
            progress = await asyncio.to_thread(room_flow.continue_typed, link_id=link_id,
                                               reason=problem.reason)
            async with self:
                typed = await self._continue_typed(progress)
                speak_now, lang = typed.speak_questions, self.speech_lang
            if progress.say and speak_now:
                yield speak(progress.say, lang)
            return
        async with self:
            self.voice_token = voice.credentials.conversation_token
            self.voice_signed_url = voice.credentials.signed_url
            self.voice_agent_id, self.voice_variables = agent_id, voice.dynamic_variables
            self.voice_context, self.voice_message = voice.resume_context, ""
            self.voice_started = True

    @rx.event(background=True)
    @room_link_scoped
    async def voice_connected(self, data: dict):
        conversation_id = str(data.get("conversation_id", "")) if isinstance(data, dict) else ""
        await asyncio.to_thread(room_flow.sync_voice, link_id=self._link_id,
                                conversation_id=conversation_id or None)

    @rx.event(background=True)
    @room_link_scoped
    async def voice_turn(self, data: dict):
        """A turn happened in the call: store it from ElevenLabs' own record, not from the
        browser's copy."""
        await asyncio.to_thread(room_flow.sync_voice, link_id=self._link_id)

    @rx.event(background=True)
    @room_link_scoped
    async def voice_disconnected(self, data: dict):
        """The call ended: store the last turns; an ending by the agent or the candidate
        completes the interview, an error lets the candidate resume."""
        reason = str(data.get("reason", "")) if isinstance(data, dict) else ""
        link_id = self._link_id
        finished = await asyncio.to_thread(room_flow.finish_voice, link_id=link_id,
                                           ended_normally=reason in ("agent", "user"))
        async with self:
            self.voice_started, self.voice_token, self.voice_signed_url = False, "", ""
            if finished:
                self.step = "done"
            else:
                self.voice_message = self._say("voice_interrupted")
        if finished:
            await asyncio.to_thread(room_flow.evaluate_finished, link_id=link_id)

    @rx.event
    @room_handler
    def voice_error(self, data: dict):
        """The call could not connect in the browser: say so plainly and offer the typed
        interview (the browser's own message is kept for HR)."""
        message = str(data.get("message", "")) if isinstance(data, dict) else ""
        self._voice_failure = message[:200] or "no details"
        self.voice_message = self._say("voice_failed")
        self.voice_started = False

    @rx.event
    @room_handler
    async def switch_to_typed(self):
        """The candidate leaves a voice call that does not work for the typed interview."""
        failure = self._voice_failure or "interrupted"
        reason = f"the call failed in the candidate's browser: {failure}"
        progress = room_flow.continue_typed(link_id=self._link_id, reason=reason)
        typed = await self._continue_typed(progress)
        if progress.say and typed.speak_questions:
            return speak(progress.say, self.speech_lang)

    async def _continue_typed(self, progress: RoomProgress) -> RoomTypedState:
        typed = await self.get_state(RoomTypedState)
        typed._show(progress.view)
        self.voice_started, self.voice_token, self.voice_signed_url = False, "", ""
        self.voice_message, self.room_notice = "", self._say("voice_unavailable")
        self.step = "interview"
        return typed
