"""The "Test" buttons of the AI engines card: one small real call per agent with the saved
settings (services.ai.engine_check), run in the background because a remote call is slow."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.ai.engine import AGENTS
from hireops.services.ai.engine_check import EngineCheck, check_agent
from hireops.services.platform.runtime_settings import current_settings
from hireops.state.access import ADMIN_ROLES, requires
from hireops.state.auth import AuthState


def _check(agent: str) -> EngineCheck:
    with session_scope() as session:
        return check_agent(session=session, agent=agent,
                           settings=current_settings(session=session))


class AiSettingsState(AuthState):
    # The last test outcome per agent, as the admin reads it.
    results: dict[str, str] = {}
    # green (worked) | red (failed), per agent.
    tones: dict[str, str] = {}
    # The agent being tested ("" when none).
    testing: str = ""

    @rx.event(background=True)
    @requires(*ADMIN_ROLES)
    async def test_agent(self, agent: str):
        async with self:
            if self.testing or agent not in AGENTS:
                return
            self.testing, self.results[agent] = agent, ""
        check = await asyncio.to_thread(_check, agent)
        async with self:
            self.testing = ""
            self.results[agent] = check.message
            self.tones[agent] = "green" if check.ok else "red"
