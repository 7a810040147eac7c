"""The audit log page: filters, paging and the CSV export of every matching event."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.services.reports.audit_log import (
    AuditFilter,
    AuditRow,
    audit_choices,
    export_query,
    list_events,
)
from hireops.services.platform.clock import day_placeholder, file_stamp, parse_day
from hireops.state.access import READ_ROLES, event_for
from hireops.state.auth import AuthState

ANY = "any"
PAGE_SIZE = 50


class AuditState(AuthState):
    rows: list[AuditRow] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    # (code, words) pairs for the filter menus, ANY first.
    actions: list[tuple[str, str]] = []
    entity_types: list[tuple[str, str]] = []
    # "DD/MM/YYYY" or "YYYY-MM-DD": how the company types dates.
    date_hint: str = "DD/MM/YYYY"
    action: str = ANY
    actor: str = ""
    entity_type: str = ANY
    # As typed; digits only count.
    entity_id: str = ""
    date_from: str = ""
    date_to: str = ""

    @event_for(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            actions, types = audit_choices(session=session)
        self.actions = [(ANY, "Any event"), *actions]
        self.entity_types = [(ANY, "Any record"), *types]
        self.date_hint = day_placeholder()
        self._query()

    @event_for(*READ_ROLES)
    def set_filter(self, name: str, value: str):
        if name not in ("action", "actor", "entity_type", "entity_id", "date_from", "date_to"):
            return
        setattr(self, name, value[:320])
        self.page = 1
        self._query()

    @event_for(*READ_ROLES)
    def clear_filters(self):
        self.action = self.entity_type = ANY
        self.actor = self.entity_id = self.date_from = self.date_to = ""
        self.page = 1
        self._query()

    @event_for(*READ_ROLES)
    def go_to_page(self, page: int):
        self.page = page
        self._query()

    @event_for(*READ_ROLES)
    def export_csv(self):
        """Every matching event, downloaded from the export route (built in a worker thread,
        not on the server's event loop)."""
        return rx.download(url=f"{routes.EXPORT_AUDIT_LOG}?{export_query(self._filter())}",
                           filename=f"audit-log-{file_stamp()}.csv")

    def _filter(self) -> AuditFilter:
        entity_id = self.entity_id.strip()
        return AuditFilter(
            action="" if self.action == ANY else self.action, actor=self.actor,
            entity_type="" if self.entity_type == ANY else self.entity_type,
            entity_id=int(entity_id) if entity_id.isdigit() else None,
            date_from=parse_day(self.date_from), date_to=parse_day(self.date_to))

    def _query(self) -> None:
        with session_scope() as session:
            result = list_events(session=session, audit=self._filter(), page=self.page,
                                 page_size=PAGE_SIZE)
        self.rows, self.total, self.page, self.pages = (result.rows, result.total, result.page,
                                                        result.pages)

