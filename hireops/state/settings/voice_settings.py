"""The "Test connection" button of Settings > Voice: one real request to ElevenLabs with the
saved settings (services.interviews.voice.connection_check), in the background because it is remote."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.interviews.voice.connection_check import VoiceCheck, check_voice_connection
from hireops.state.access import ADMIN_ROLES, requires
from hireops.state.auth import AuthState


def _check() -> VoiceCheck:
    with session_scope() as session:
        settings = current_settings(session=session)
    return check_voice_connection(settings=settings)


class VoiceSettingsState(AuthState):
    # The last test outcome as the admin reads it, and its tone: green | red | gray.
    test_message: str = ""
    test_tone: str = "gray"
    testing: bool = False

    @rx.event(background=True)
    @requires(*ADMIN_ROLES)
    async def test_connection(self):
        async with self:
            if self.testing:
                return
            self.testing, self.test_message = True, ""
        check = await asyncio.to_thread(_check)
        async with self:
            self.testing = False
            self.test_message = check.message
            self.test_tone = {True: "green", False: "red"}.get(check.ok, "gray")
