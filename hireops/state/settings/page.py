"""The settings page (admins): what is read-only there (the database in use)."""

import reflex as rx

from hireops.config import get_settings
from hireops.state.access import ADMIN_ROLES, requires
from hireops.state.auth import AuthState


class SettingsState(AuthState):
    database: str = ""

    @rx.event
    @requires(*ADMIN_ROLES)
    def load(self):
        # "postgresql+psycopg" reads as "PostgreSQL".
        scheme = get_settings().database_url.split("://", 1)[0].split("+", 1)[0]
        self.database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(scheme, scheme)
