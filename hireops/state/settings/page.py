"""The settings page (admins): what is read-only there (the database in use)."""


from hireops.config import get_settings
from hireops.state.access import ADMIN_ROLES, event_for
from hireops.state.auth import AuthState


class SettingsState(AuthState):
    database: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        # "postgresql+psycopg" reads as "PostgreSQL".
        scheme = get_settings().database_url.split("://", 1)[0].split("+", 1)[0]
        self.database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(scheme, scheme)
