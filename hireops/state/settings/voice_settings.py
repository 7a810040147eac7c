"""The "Test connection" button of Settings > Voice: one real request to ElevenLabs with the
saved settings (services.interviews.voice.connection_check), in the background because it is remote."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.interviews.voice.connection_check import check_voice_connection
from hireops.state.access import ADMIN_ROLES, requires
from hireops.state.auth import AuthState
from hireops.state.common_connection_test import CheckOutcome, ConnectionTestMixin


def _check() -> CheckOutcome:
    with session_scope() as session:
        settings = current_settings(session=session)
    check = check_voice_connection(settings=settings)
    # ok is None when there is nothing to test (no key or agent saved).
    return check.message, {True: "green", False: "red"}.get(check.ok, "gray")


class VoiceSettingsState(ConnectionTestMixin, AuthState):
    @rx.event(background=True)
    @requires(*ADMIN_ROLES)
    async def test_connection(self):
        await self._run_test(_check)
