"""The inbox page: stored messages."""

import reflex as rx

from hireops.db import session_scope
from hireops.services.inbox import EmailRow, list_emails
from hireops.state.access import READ_ROLES, requires
from hireops.state.auth import AuthState


class InboxState(AuthState):
    emails: list[EmailRow] = []

    @rx.event
    @requires(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.emails = list_emails(session=session)
