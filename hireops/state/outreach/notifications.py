"""The bell in the top bar (unread count, the newest notifications, mark as read) and the
notifications page with each user's email preferences."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.models import NotificationKind
from hireops.services.outreach.notifications import (
    KIND_LABELS, NotificationRow, get_preferences, list_notifications, mark_read,
    set_preference, unread_count,
)
from hireops.state.access import READ_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.common_service_call import call_service

# How many notifications the bell's menu and the notifications page list.
BELL_LIMIT = 8
PAGE_LIMIT = 100


class NotificationBellState(AuthState):
    unread: int = 0
    items: list[NotificationRow] = []

    @event_for(*READ_ROLES)
    def load_bell(self):
        self._refresh(current_actor().id)

    @event_for(*READ_ROLES)
    def open_item(self, notification_id: int, link: str):
        """Mark it read and go where it points (only ever a path of this app)."""
        user_id = current_actor().id
        with session_scope() as session:
            mark_read(session=session, user_id=user_id, notification_id=int(notification_id))
        self._refresh(user_id)
        target = routes.local_path_or_dashboard(str(link)) if link else ""
        return rx.redirect(target) if target else None

    @event_for(*READ_ROLES)
    def mark_all_read(self):
        self._mark_all_read(limit=BELL_LIMIT)

    def _mark_all_read(self, *, limit: int) -> None:
        """Mark every notification of the signed-in user read, then show the newest `limit`."""
        user_id = current_actor().id
        with session_scope() as session:
            mark_read(session=session, user_id=user_id)
        self._refresh(user_id, limit=limit)

    def _refresh(self, user_id: int, limit: int = BELL_LIMIT) -> None:
        with session_scope() as session:
            self.unread = unread_count(session=session, user_id=user_id)
            self.items = list_notifications(session=session, user_id=user_id, limit=limit)


class NotificationsPageState(NotificationBellState):
    # [kind, label, email mode] per kind.
    preferences: list[list[str]] = []

    @event_for(*READ_ROLES)
    def load_page(self):
        user_id = current_actor().id
        self._refresh(user_id, limit=PAGE_LIMIT)
        self._load_preferences(user_id)

    @event_for(*READ_ROLES)
    def choose_email(self, kind: str, mode: str):
        user_id = current_actor().id
        _, refusal = call_service(set_preference, ValueError, user_id=user_id, kind=str(kind),
                                  email=str(mode))
        if refusal:
            return refusal.toast
        self._load_preferences(user_id)
        return rx.toast.success("Saved.")

    @event_for(*READ_ROLES)
    def mark_everything_read(self):
        self._mark_all_read(limit=PAGE_LIMIT)

    def _load_preferences(self, user_id: int) -> None:
        with session_scope() as session:
            modes = get_preferences(session=session, user_id=user_id)
        self.preferences = [[kind.value, KIND_LABELS[kind], modes[kind.value]]
                            for kind in NotificationKind]

