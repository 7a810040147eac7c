"""The audit log: every recorded event as a sentence with a link to its record, who did it,
when (on the company's clock) and a before/after table of what changed."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, empty_state
from hireops.services.reports.audit_log import AuditRow
from hireops.services.reports.audit_sentences import ChangeRow
from hireops.state.reports.audit import AuditState

MUTED = rx.color("gray", 11)


def _labelled(label: str, control: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", weight="medium", color=MUTED), control, spacing="1")


def _choice(label: str, name: str, value, options) -> rx.Component:
    # options: (code, words) pairs; the menu shows the words and filters by the code.
    return _labelled(label, rx.select.root(
        rx.select.trigger(max_width="260px"),
        rx.select.content(rx.foreach(options, lambda pair: rx.select.item(pair[1],
                                                                          value=pair[0]))),
        value=value, size="2", on_change=lambda v: AuditState.set_filter(name, v),
        id=f"audit-{name}"))


def _text(label: str, name: str, value, width: str, **props) -> rx.Component:
    return _labelled(label, rx.input(value=value, width=width, debounce_timeout=400,
                                     on_change=lambda v: AuditState.set_filter(name, v),
                                     **props))


def _filters() -> rx.Component:
    return card(rx.hstack(
        _choice("Event", "action", AuditState.action, AuditState.actions),
        _text("Who", "actor", AuditState.actor, "200px", placeholder="email or system",
              id="audit-actor"),
        _choice("Record", "entity_type", AuditState.entity_type, AuditState.entity_types),
        _text("Record number", "entity_id", AuditState.entity_id, "110px"),
        # Typed in the company's date style (Settings), never the browser's month-first one.
        _text("From", "date_from", AuditState.date_from, "130px",
              placeholder=AuditState.date_hint, id="audit-from"),
        _text("To", "date_to", AuditState.date_to, "130px", placeholder=AuditState.date_hint,
              id="audit-to"),
        rx.button("Clear", on_click=AuditState.clear_filters, variant="ghost",
                  color_scheme="gray"),
        align="end", spacing="3", wrap="wrap", width="100%"), width="100%", padding="14px 20px")


def _sentence(row: AuditRow) -> rx.Component:
    return rx.vstack(
        rx.text(row.lead,
                rx.cond(row.link_href != "",
                        rx.link(row.link_text, href=row.link_href, weight="medium"),
                        rx.text(row.link_text, as_="span", weight="medium")),
                row.tail, size="2", class_name="audit-sentence"),
        rx.text(row.action_label, size="1", color=MUTED),
        spacing="1", align="start")


def _change(change: ChangeRow) -> rx.Component:
    return rx.fragment(
        rx.text(change.field, size="1", weight="medium", color=MUTED),
        rx.text(change.before, size="1", color=MUTED, word_break="break-word"),
        rx.text(change.after, size="1", word_break="break-word"),
    )


def _value(change: ChangeRow) -> rx.Component:
    return rx.fragment(
        rx.text(change.field, size="1", weight="medium", color=MUTED),
        rx.text(change.after, size="1", word_break="break-word"),
    )


def _changes(row: AuditRow) -> rx.Component:
    # A creation has only new values: one column of them, not an empty "Before".
    return rx.cond(
        row.changes.length() > 0,
        rx.cond(
            row.has_before,
            rx.grid(
                rx.text("Field", size="1", color=MUTED),
                rx.text("Before", size="1", color=MUTED), rx.text("After", size="1", color=MUTED),
                rx.foreach(row.changes, _change),
                column_gap="12px", row_gap="2px", class_name="audit-changes", width="100%",
                grid_template_columns="minmax(90px, max-content) minmax(60px, 1fr) "
                                      "minmax(60px, 1fr)"),
            rx.grid(
                rx.foreach(row.changes, _value),
                column_gap="12px", row_gap="2px", class_name="audit-changes", width="100%",
                grid_template_columns="minmax(90px, max-content) minmax(60px, 1fr)")),
        rx.text("–", color=MUTED))


def _row(row: AuditRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.at, size="1", white_space="nowrap"), class_name="audit-when"),
        rx.table.cell(rx.text(row.actor, size="2", word_break="break-word"), min_width="180px",
                      max_width="200px"),
        rx.table.cell(_sentence(row), min_width="240px", max_width="420px"),
        rx.table.cell(_changes(row), min_width="260px", max_width="420px"),
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
                        "When", "Who", "What happened", "Before and after", "Note"]])),
                    rx.table.body(rx.foreach(AuditState.rows, _row)),
                    variant="ghost", size="1", width="100%", id="audit-table"),
                    padding="8px 12px", width="100%", overflow_x="auto"),
                _pager(), spacing="3", width="100%"),
            empty_state("scroll-text", "No events match",
                        "Change or clear the filters to see more of the log."),
        ),
        spacing="3", width="100%", padding_bottom="40px")
