"""The audit log: every recorded event with who, what, when, before and after."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, empty_state
from hireops.services.audit_log import AuditRow
from hireops.state.audit import AuditState

MUTED = rx.color("gray", 11)


def _labelled(label: str, control: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", weight="medium", color=MUTED), control, spacing="1")


def _choice(label: str, name: str, value, options) -> rx.Component:
    return _labelled(label, rx.select(options, value=value, size="2",
                                      on_change=lambda v: AuditState.set_filter(name, v)))


def _text(label: str, name: str, value, width: str, **props) -> rx.Component:
    return _labelled(label, rx.input(value=value, width=width, debounce_timeout=400,
                                     on_change=lambda v: AuditState.set_filter(name, v),
                                     **props))


def _filters() -> rx.Component:
    return card(rx.hstack(
        _choice("Action", "action", AuditState.action, AuditState.actions),
        _text("Actor", "actor", AuditState.actor, "200px", placeholder="email or system",
              id="audit-actor"),
        _choice("Entity", "entity_type", AuditState.entity_type, AuditState.entity_types),
        _text("Id", "entity_id", AuditState.entity_id, "80px"),
        _text("From", "date_from", AuditState.date_from, "150px", type="date"),
        _text("To", "date_to", AuditState.date_to, "150px", type="date"),
        rx.button("Clear", on_click=AuditState.clear_filters, variant="ghost",
                  color_scheme="gray"),
        align="end", spacing="3", wrap="wrap", width="100%"), width="100%", padding="14px 20px")


def _values(text) -> rx.Component:
    return rx.cond(text != "", rx.code(text, size="1", white_space="pre-wrap",
                                       word_break="break-all"), rx.text("–", color=MUTED))


def _row(row: AuditRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.at, size="1", white_space="nowrap")),
        rx.table.cell(rx.text(row.actor, size="2")),
        rx.table.cell(rx.badge(row.action, variant="soft")),
        rx.table.cell(rx.text(row.entity_type, " ", row.entity_id, size="2",
                              white_space="nowrap")),
        rx.table.cell(_values(row.before), max_width="260px"),
        rx.table.cell(_values(row.after), max_width="260px"),
        rx.table.cell(rx.text(row.note, size="1"), max_width="220px"),
        vertical_align="top")


def _pager() -> rx.Component:
    return rx.hstack(
        rx.text(AuditState.total, " events · page ", AuditState.page, " of ", AuditState.pages,
                size="2", color=MUTED),
        rx.spacer(),
        rx.button(rx.icon("chevron-left", size=14), "Newer", size="1", variant="soft",
                  disabled=AuditState.page <= 1,
                  on_click=AuditState.go_to_page(AuditState.page - 1)),
        rx.button("Older", rx.icon("chevron-right", size=14), size="1", variant="soft",
                  disabled=AuditState.page >= AuditState.pages,
                  on_click=AuditState.go_to_page(AuditState.page + 1)),
        width="100%", align="center")


def _export() -> rx.Component:
    return rx.button(rx.icon("download", size=16), "Export CSV", on_click=AuditState.export_csv,
                     variant="soft", id="audit-export")


@recruiter_page(route=routes.AUDIT, title="Audit log", on_load=[AuditState.load],
                actions=_export)
def audit() -> rx.Component:
    return rx.vstack(
        _filters(),
        rx.cond(
            AuditState.total > 0,
            rx.vstack(
                _pager(),
                card(rx.table.root(
                    rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in [
                        "When (UTC)", "Who", "What", "Record", "Before", "After", "Note"]])),
                    rx.table.body(rx.foreach(AuditState.rows, _row)),
                    variant="ghost", size="1", width="100%", id="audit-table"),
                    padding="8px 12px", width="100%", overflow_x="auto"),
                _pager(), spacing="3", width="100%"),
            empty_state("scroll-text", "No events match",
                        "Change or clear the filters to see more of the log."),
        ),
        spacing="3", width="100%", padding_bottom="40px")
