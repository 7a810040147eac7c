"""Candidates: the tracker grid of every application, filtered, sorted and paged on the server,
with inline stage changes, bulk actions and exports."""

import reflex as rx

from hireops import routes
from hireops.components.toolbar import filter_menu, search_box
from hireops.components.confirm import confirm_dialog, reject_reason_dialog
from hireops.components.view_switch import view_switch
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, empty_state, score_color
from hireops.services.candidates.tracker import TrackerRow
from hireops.services.candidates.talent_pool import TALENT_POOL_LABEL
from hireops.state.candidates.tracker_bulk import TrackerBulkState as B
from hireops.state.candidates.tracker import (
    OPTIONAL_COLUMNS, PAGE_SIZES, TALENT_POOL_FILTER, TrackerState as S,
)

COLUMN_LABELS = {
    "job": "Job", "stage": "Stage", "resume_score": "Resume", "interview_score": "Interview",
    "final_score": "Final", "decision": "Decision", "source": "Source", "applied": "Applied",
    "last_activity": "Last activity",
}


def _shown(column: str) -> rx.Var:
    return ~S.hidden_columns.contains(column)


def _score(value: rx.Var) -> rx.Component:
    return rx.cond(
        value,
        rx.badge(value.to(int).to_string(), size="2", variant="soft",
                 color_scheme=score_color(value)),
        rx.text("—", color=rx.color("gray", 8)),
    )


def _header(column: str, label: str) -> rx.Component:
    arrow = rx.cond(S.sort_column == column,
                    rx.icon(rx.cond(S.sort_direction == "asc", "arrow-up", "arrow-down"),
                            size=12), rx.fragment())
    return rx.table.column_header_cell(
        rx.hstack(rx.text(label), arrow, spacing="1", align="center", cursor="pointer",
                  on_click=S.sort_by(column), white_space="nowrap"))


def _stage_cell(row: TrackerRow) -> rx.Component:
    return rx.cond(
        S.can_edit,
        rx.select.root(
            rx.select.trigger(variant="ghost"),
            # The row's own job's stages, by its names (the talent pool: the built-in ones).
            rx.select.content(
                rx.foreach(S.job_stage_options[row.job_id.to_string()],
                           lambda o: rx.select.item(o.label, value=o.value))),
            value=row.stage, on_change=lambda stage: S.change_stage(row.application_id, stage),
            size="1",
        ),
        rx.badge(row.stage_label, variant="soft", color_scheme="gray"),
    )


def _optional(column: str, content: rx.Component) -> rx.Component:
    # data-label names the column on a phone, where each row is a card (assets/responsive.css).
    return rx.cond(_shown(column), rx.table.cell(
        content, custom_attrs={"data-label": COLUMN_LABELS[column]}))


def _tag(row: TrackerRow, tag: rx.Var) -> rx.Component:
    return rx.badge(
        rx.icon("tag", size=11), tag,
        rx.cond(S.can_edit, rx.icon_button(
            rx.icon("x", size=10), size="1", variant="ghost", color_scheme="gray",
            on_click=B.untag(row.candidate_id, tag), aria_label="Remove the tag " + tag,
            class_name="untag", height="14px", width="14px", min_width="14px")),
        variant="surface", color_scheme="indigo", size="1", class_name="row-tag")


def _row(row: TrackerRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=S.selected.contains(row.application_id),
                                  on_change=lambda _: S.toggle_row(row.application_id))),
        rx.table.cell(rx.vstack(
            rx.hstack(rx.link(rx.text(row.candidate_name, size="2", weight="medium"),
                              href=routes.CANDIDATE + "?id=" + row.candidate_id.to_string()),
                      rx.cond(row.blind, rx.tooltip(rx.icon("eye-off", size=13),
                                                    content="Blind screening")),
                      spacing="1", align="center"),
            rx.text(row.candidate_email, size="1", color=rx.color("gray", 10)),
            rx.cond(row.tags.length() > 0, rx.flex(
                rx.foreach(row.tags, lambda tag: _tag(row, tag)), gap="4px", wrap="wrap",
                padding_top="4px", class_name="row-tags")),
            spacing="0"),
            class_name="tracker-name"),
        _optional("job", rx.vstack(
            rx.text(row.job_title, size="2"),
            # Talent pool: how near the candidate came to the open jobs (fit 0-100).
            rx.cond(row.nearest_jobs != "",
                    rx.text("Nearest: ", row.nearest_jobs, size="1",
                            color=rx.color("gray", 10), class_name="nearest-jobs")),
            spacing="0")),
        _optional("stage", _stage_cell(row)),
        _optional("resume_score", rx.hstack(_score(row.resume_score),
                                            rx.cond(row.resume_stale, rx.tooltip(
                                                rx.icon("clock-alert", size=13,
                                                        color=rx.color("amber", 10)),
                                                content="Scored for an older version of the job")),
                                            spacing="1", align="center")),
        _optional("interview_score", _score(row.interview_score)),
        _optional("final_score", _score(row.final_score)),
        _optional("decision", rx.text(rx.cond(row.decision_label != "", row.decision_label, "—"),
                                      size="2")),
        _optional("source", rx.text(row.source_label, size="2")),
        _optional("applied", rx.text(row.applied, size="2", color=rx.color("gray", 11),
                                     white_space="nowrap")),
        _optional("last_activity", rx.text(row.last_activity, size="1",
                                           color=rx.color("gray", 11), white_space="nowrap")),
        align="center",
    )


def _toolbar() -> rx.Component:
    return rx.hstack(
        search_box("Search name, email, job", S.search, S.set_filter("search"), width="240px",
                   id="tracker-search"),
        filter_menu("All jobs", S.job_filter, S.set_filter("job_filter"),
                    rx.select.item(TALENT_POOL_LABEL, value=TALENT_POOL_FILTER),
                    rx.foreach(S.job_options, lambda o: rx.select.item(o.label, value=o.value)),
                    id="job-filter"),
        filter_menu("All stages", S.stage_filter, S.set_filter("stage_filter"),
                    rx.foreach(S.stage_options,
                               lambda o: rx.select.item(o.label, value=o.value))),
        filter_menu("Any decision", S.decision_filter, S.set_filter("decision_filter"),
                    *[rx.select.item(d.capitalize(), value=d)
                      for d in ("advance", "hold", "reject")]),
        rx.cond(S.tag_options.length() > 0, filter_menu(
            "Any tag", S.tag_filter, S.set_filter("tag_filter"),
            rx.foreach(S.tag_options, lambda tag: rx.select.item(tag, value=tag)),
            id="tag-filter")),
        rx.input(placeholder="Resume ≥", value=S.resume_min, type="number", width="100px",
                 on_change=S.set_filter("resume_min")),
        rx.button("Clear", variant="ghost", color_scheme="gray", on_click=S.clear_filters),
        rx.spacer(),
        rx.cond(S.board_url != "", view_switch("grid", S.board_url, routes.CANDIDATES)),
        _column_chooser(),
        rx.menu.root(
            rx.menu.trigger(rx.button(rx.icon("download", size=16), "Export", variant="soft",
                                      id="tracker-export")),
            rx.menu.content(rx.menu.item("CSV", on_click=S.export("csv"), id="export-csv"),
                            rx.menu.item("Excel (XLSX)", on_click=S.export("xlsx"),
                                         id="export-xlsx")),
        ),
        width="100%", align="center", spacing="2", wrap="wrap",
    )


def _column_chooser() -> rx.Component:
    return rx.popover.root(
        rx.popover.trigger(rx.button(rx.icon("columns-3", size=16), "Columns", variant="soft",
                                     color_scheme="gray")),
        rx.popover.content(rx.vstack(
            *[rx.checkbox(COLUMN_LABELS[c], checked=_shown(c),
                          on_change=lambda _, c=c: S.toggle_column(c))
              for c in OPTIONAL_COLUMNS],
            spacing="2")),
    )


def _bulk_bar() -> rx.Component:
    return rx.cond(
        (S.selected.length() > 0) & S.can_edit,
        card(rx.hstack(
            rx.text(S.selected.length(), " selected", weight="medium", size="2"),
            rx.select.root(
                rx.select.trigger(placeholder="Move to stage…", id="bulk-move"),
                rx.select.content(rx.foreach(S.bulk_stage_options,
                                             lambda o: rx.select.item(o.label, value=o.value))),
                value="", on_change=S.bulk_move,
            ),
            rx.cond(S.bulk_stage_note != "",
                    rx.text(S.bulk_stage_note, size="1", color=rx.color("gray", 10),
                            max_width="320px", id="bulk-move-note")),
            confirm_dialog(
                trigger=rx.button(rx.icon("send", size=16), "Send interview link",
                                  variant="soft", id="bulk-invite"),
                title=rx.cond(S.selected.length() == 1,
                              "Email an interview link to this candidate?",
                              "Email interview links to " + S.selected.length().to_string()
                              + " candidates?"),
                description="The invitations leave now; an email cannot be called back. "
                            "Applications below their job's resume threshold are skipped "
                            "and named.",
                confirm_label="Send invitations", color="blue", on_confirm=S.bulk_invite,
                confirm_id="bulk-invite-confirm"),
            rx.button(rx.icon("circle-x", size=16), "Reject…", color_scheme="red",
                      variant="soft", on_click=S.open_reject),
            _tag_popover(),
            _add_to_job(),
            rx.button(rx.icon("download", size=16), "Export selected", variant="soft",
                      on_click=S.export("csv")),
            spacing="3", align="center", wrap="wrap"), padding="10px 16px", width="100%",
            id="bulk-bar"),
    )


def _tag_popover() -> rx.Component:
    return rx.popover.root(
        rx.popover.trigger(rx.button(rx.icon("tag", size=16), "Tag…", variant="soft",
                                     id="bulk-tag")),
        rx.popover.content(rx.vstack(
            rx.text("Tags for the selected candidates, separated by commas", size="2"),
            rx.input(value=B.tag_text, on_change=B.set_tag_text, placeholder="e.g. Python, Rehire",
                     max_length=200, id="bulk-tag-input", width="100%"),
            rx.popover.close(rx.button("Add tags", on_click=B.tag_selected, id="bulk-tag-add",
                                       disabled=B.tag_text.strip() == "")),
            spacing="2", width="260px")),
    )


def _add_to_job() -> rx.Component:
    """The people of the selected rows (the talent pool, other jobs' applicants) applied to an
    open job, each scored as the inbox scores."""
    return rx.hstack(
        rx.select.root(
            rx.select.trigger(placeholder="Add to job…", id="bulk-add-job"),
            rx.select.content(rx.foreach(S.open_job_options,
                                         lambda o: rx.select.item(o.label, value=o.value))),
            value=B.add_job_id, on_change=B.set_add_job,
        ),
        rx.button(rx.icon("user-plus", size=16), "Add", variant="soft",
                  on_click=B.add_selected_to_job, loading=B.adding,
                  disabled=B.add_job_id == "", id="bulk-add-job-go"),
        spacing="1", align="center",
    )


def _reject_dialog() -> rx.Component:
    return reject_reason_dialog(
        S, title=rx.cond(S.reject_ids.length() == 1, "Reject this application?",
                         "Reject " + S.reject_ids.length().to_string() + " applications?"),
        description="The reason is kept with each rejection and in the audit log. No email "
                    "is sent from here.")


def _pager() -> rx.Component:
    return rx.hstack(
        rx.text(S.total, " applications", size="2", color=rx.color("gray", 11)),
        rx.spacer(),
        rx.select(list(PAGE_SIZES), value=S.page_size, on_change=S.set_page_size, size="1"),
        rx.text("per page", size="1", color=rx.color("gray", 10)),
        rx.button(rx.icon("chevron-left", size=16), variant="soft", size="1",
                  disabled=S.page <= 1, on_click=S.go_to_page(S.page - 1)),
        rx.text("Page ", S.page, " of ", S.page_count, size="2"),
        rx.button(rx.icon("chevron-right", size=16), variant="soft", size="1",
                  disabled=S.page >= S.page_count, on_click=S.go_to_page(S.page + 1),
                  id="next-page"),
        width="100%", align="center", spacing="2", wrap="wrap",
    )


def _grid() -> rx.Component:
    headers = [rx.table.column_header_cell(rx.checkbox(checked=S.all_selected,
                                                       on_change=lambda _: S.toggle_all())),
               _header("candidate", "Candidate")]
    headers += [rx.cond(_shown(c), _header(c, COLUMN_LABELS[c])) for c in OPTIONAL_COLUMNS]
    return card(
        rx.table.root(rx.table.header(rx.table.row(*headers)),
                      rx.table.body(rx.foreach(S.rows, _row)),
                      width="100%", variant="ghost", size="1", id="applications-table",
                      class_name="tracker-cards"),
        _pager(),
        padding="8px 12px", width="100%",
    )


@recruiter_page(route=routes.CANDIDATES, title="Candidates", on_load=[S.open_page])
def candidates() -> rx.Component:
    return rx.vstack(
        _toolbar(),
        _bulk_bar(),
        rx.cond(S.total > 0, _grid(),
                empty_state("users", "No applications match",
                            "Applications appear here when mail arrives in the inbox. "
                            "Clear the filters to see everything.")),
        _reject_dialog(),
        spacing="3", width="100%",
    )
