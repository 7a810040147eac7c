"""The inbox's message view: one message opened from the list, read in a dialog."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.inbox.message import MessageDetail, get_message_detail
from hireops.state.access import READ_ROLES, event_for
from hireops.state.auth import AuthState

_EMPTY = MessageDetail(id=0, sender="", sender_address="", to_address="", received="",
                       subject="", body="", category="", confidence="", reasoning="",
                       suggested_action="", detected_name="", detected_role="", status="",
                       failure_reason="", candidate_id=0, candidate_name="", hidden=False)


class InboxMessageState(AuthState):
    message: MessageDetail = _EMPTY
    is_open: bool = False

    @event_for(*READ_ROLES)
    def open_message(self, email_id: int):
        try:
            with session_scope() as session:
                self.message = get_message_detail(session=session, email_id=int(email_id))
        except (LookupError, ValueError):
            return rx.toast.error("That message does not exist.")
        self.is_open = True

    @event_for(*READ_ROLES)
    def set_open(self, value: bool):
        self.is_open = bool(value)
        if not self.is_open:
            self.message = _EMPTY
