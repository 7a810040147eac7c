"""The calendar page's "My busy times" card: an interviewer connects their own CalDAV calendar
(address, user, password) so suggested slots avoid their meetings, and checks it reads."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import reflex as rx

from hireops.db import session_scope
from hireops.models import utcnow
from hireops.services.calendar.caldav_busy import (
    CaldavRefused,
    caldav_view,
    check_caldav_account,
    remove_caldav_account,
    save_caldav_account,
)
from hireops.services.platform.auth import role_allows
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.auth import AuthState

# How far ahead a check reads: the weeks suggestions look at.
CHECK_DAYS = 21
# The password field: bound to no var, its text comes with Save (components/secret_field.py).
PASSWORD_FIELD = "caldav-password"


class CalendarBusyState(AuthState):
    url: str = ""
    username: str = ""
    connected: bool = False
    has_password: bool = False
    last_checked: str = ""
    last_error: str = ""
    checking: bool = False
    # The result of the last save or check, and its tone (green, red).
    message: str = ""
    tone: str = "green"

    @event_for(*READ_ROLES)
    def load_account(self):
        # Every role opens the calendar page; only interviewers have a card to fill.
        self.message = ""
        if role_allows(current_actor(), WRITE_ROLES):
            self._refresh(fill_form=True)

    set_url = text_setter("url", 600, requires(*WRITE_ROLES))
    set_username = text_setter("username", 300, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def save(self, password: str = ""):
        """Save the account with the password typed in the field as Save was pressed ("" keeps
        the stored one); the password is never kept in the state."""
        _, refusal = call_service(save_caldav_account, CaldavRefused, user=current_actor(),
                                  url=self.url, username=self.username,
                                  password=str(password)[:1000])
        if refusal:
            self.message, self.tone = refusal.message, "red"
            return None
        self.message, self.tone = "Saved. Press Check now to read it once.", "green"
        self._refresh(fill_form=True)
        return rx.set_value(PASSWORD_FIELD, "")

    @event_for(*WRITE_ROLES)
    def disconnect(self):
        with session_scope() as session:
            remove_caldav_account(session=session, user=current_actor())
        self.url = self.username = ""
        self.message, self.tone = "Disconnected: your calendar is no longer read.", "green"
        self._refresh(fill_form=False)
        return rx.set_value(PASSWORD_FIELD, "")

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def check_now(self):
        async with self:
            if self.checking:
                return
            self.checking, self.message = True, ""
        user_id = current_actor().id
        message, tone = await asyncio.to_thread(_check, user_id)
        async with self:
            self.checking, self.message, self.tone = False, message, tone
            self._refresh(fill_form=False)

    def _refresh(self, *, fill_form: bool) -> None:
        with session_scope() as session:
            view = caldav_view(session=session, user_id=current_actor().id)
        self.connected, self.has_password = view.connected, view.has_password
        self.last_checked, self.last_error = view.last_checked, view.last_error
        if fill_form:
            self.url, self.username = view.url, view.username


def _check(user_id: int) -> tuple[str, str]:
    now = utcnow()
    try:
        with session_scope() as session:
            count = check_caldav_account(session=session, user_id=user_id, start=now,
                                         end=now + timedelta(days=CHECK_DAYS))
    except CaldavRefused as refused:
        return str(refused), "red"
    return (f"Read: {count} busy time{'s' if count != 1 else ''} in the next {CHECK_DAYS} "
            "days. Suggested slots avoid them."), "green"
