"""The settings page (admins): AI engines per agent and the team's users."""

from dataclasses import dataclass

import reflex as rx

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.ai.engine import AGENTS
from hireops.services.users import UserRow, list_users
from hireops.state.access import ADMIN_ROLES, requires
from hireops.state.auth import AuthState


@dataclass(frozen=True)
class AgentConfigRow:
    agent: str
    engine: str
    target: str


class SettingsState(AuthState):
    agents: list[AgentConfigRow] = []
    users: list[UserRow] = []
    company_name: str = ""
    database: str = ""

    @rx.event
    @requires(*ADMIN_ROLES)
    def load(self):
        settings = get_settings()
        self.company_name = settings.company_name
        self.database = settings.database_url.split("://", 1)[0]
        rows = []
        for agent in AGENTS:
            engine, agent_id, model = settings.agent_settings(agent)
            target = "built-in rules" if engine == "local" else (f"agent {agent_id}" if agent_id
                                                                   else f"model {model}")
            rows.append(AgentConfigRow(agent=agent.replace("_", " "), engine=engine,
                                       target=target))
        self.agents = rows
        with session_scope() as session:
            self.users = list_users(session=session)
