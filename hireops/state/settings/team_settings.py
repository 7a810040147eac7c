"""The team card of Settings (admins): add a user, change a role, deactivate or reactivate."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.platform.auth import AuthError
from hireops.services.platform.users import (
    UserRow,
    add_team_user,
    change_role,
    list_users,
    set_user_active,
)
from hireops.state.access import ADMIN_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.common_service_call import call_service
from hireops.state.unsaved import unsaved

NEW_USER_FIELDS = ("email", "full_name", "role")
# The new user's password field: bound to no var, its text comes with "Add user"
# (components/secret_field.py).
PASSWORD_FIELD = "new-user-password"


class TeamSettingsState(unsaved("one_time_password"), AuthState):
    users: list[UserRow] = []
    email: str = ""
    full_name: str = ""
    role: str = "recruiter"
    # A generated password for the user just added, shown once until the next action (and
    # never saved with the tab).
    one_time_password: str = ""
    one_time_email: str = ""
    error: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        self.one_time_password = self.one_time_email = self.error = ""
        self._refresh()

    @event_for(*ADMIN_ROLES)
    def set_field(self, name: str, value: str):
        if name in NEW_USER_FIELDS:
            setattr(self, name, str(value)[:320])

    @event_for(*ADMIN_ROLES)
    def add_user(self, password: str = ""):
        """Add the user with the password typed in the field as the button was pressed (""
        generates one, shown once)."""
        typed = str(password)[:320]
        added, refusal = call_service(add_team_user, AuthError, email=self.email,
                                      full_name=self.full_name, role=self.role, password=typed,
                                      actor=current_actor())
        if refusal:
            self.error = refusal.message
            return None
        user, password = added
        self.error = ""
        self.one_time_email = user.email
        # A password the admin chose is already known to them: only a generated one is shown.
        self.one_time_password = "" if typed else password
        self.email = self.full_name = ""
        self._refresh()
        return [rx.set_value(PASSWORD_FIELD, ""), rx.toast.success(f"{user.email} added.")]

    @event_for(*ADMIN_ROLES)
    def set_role(self, user_id: int, role: str):
        return self._apply(lambda session: change_role(session=session, user_id=int(user_id), role=role,
                                                actor=current_actor()))

    @event_for(*ADMIN_ROLES)
    def set_active(self, user_id: int, active: bool):
        return self._apply(lambda session: set_user_active(session=session, user_id=int(user_id),
                                                    active=bool(active), actor=current_actor()))

    def _apply(self, change):
        self.one_time_password = self.error = ""
        try:
            _, refusal = call_service(change, AuthError)
        finally:
            self._refresh()
        # Said where the press happened, not in the add-user form below the table.
        return refusal.toast if refusal else None

    def _refresh(self) -> None:
        with session_scope() as session:
            self.users = list_users(session=session)
