"""The jobs list."""

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog, danger_button
from hireops.components.shell import recruiter_page
from hireops.components.toolbar import filter_menu, search_box
from hireops.components.ui import card, empty_state, status_badge
from hireops.services.jobs.records import JobRow
from hireops.state.jobs.listing import JobsState


def _count(value: rx.Var, label: str) -> rx.Component:
    return rx.vstack(rx.text(value, size="3", weight="bold"),
                     rx.text(label, size="1", color=rx.color("gray", 10)),
                     spacing="0", align="center")


def _close_button(job: JobRow) -> rx.Component:
    return confirm_dialog(
        trigger=danger_button("Close", loading=JobsState.changing == job.id,
                              disabled=JobsState.changing != 0, class_name="close-job"),
        title="Close " + job.title + "?",
        description="New mail is no longer matched to it. Candidates already in its pipeline "
                    "stay where they are, and you can reopen it later.",
        confirm_label="Close job", on_confirm=JobsState.close_job(job.id))


def _job_row(job: JobRow) -> rx.Component:
    edit_href = routes.JOB_EDIT + "?id=" + job.id.to_string()
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.link(job.title, href=edit_href, weight="medium", size="3"),
                rx.text(job.department, " · ", job.location, size="1", color=rx.color("gray", 10)),
                spacing="1",
            )
        ),
        rx.table.cell(status_badge(job.status)),
        rx.table.cell(_count(job.applications, "applied")),
        rx.table.cell(_count(job.in_interview, "interviewing")),
        rx.table.cell(_count(job.shortlisted, "shortlisted")),
        rx.table.cell(rx.text(job.updated_at, size="2", color=rx.color("gray", 11))),
        rx.table.cell(
            rx.hstack(
                rx.link(rx.button(rx.icon("list-ordered", size=14), "Ranking", size="1",
                                  variant="soft", color_scheme="gray"),
                        href=routes.JOB_RANKING + "?id=" + job.id.to_string()),
                rx.link(rx.button(rx.icon("columns-3", size=14), "Board", size="1",
                                  variant="soft", color_scheme="gray"),
                        href=routes.JOB_BOARD + "?id=" + job.id.to_string(),
                        class_name="job-board-link"),
                rx.cond(job.stale_scores > 0,
                        rx.badge(job.stale_scores, " stale", color_scheme="amber",
                                 variant="soft", title="Scores made for an older version")),
                rx.cond(
                    JobsState.can_edit,
                    rx.hstack(
                        rx.link(rx.button(rx.icon("pencil", size=14), "Edit", size="1",
                                          variant="soft"), href=edit_href),
                        rx.cond(
                            job.status == "closed",
                            rx.button("Reopen", size="1", variant="soft", color_scheme="green",
                                      on_click=JobsState.reopen_job(job.id),
                                      loading=JobsState.changing == job.id,
                                      disabled=JobsState.changing != 0),
                            _close_button(job),
                        ),
                        spacing="2",
                    ),
                ),
                spacing="2", align="center",
            )
        ),
        align="center",
    )


def _new_job_button() -> rx.Component:
    return rx.cond(
        JobsState.can_edit,
        rx.link(rx.button(rx.icon("plus", size=16), "New job", size="3", id="new-job"),
                href=routes.JOB_NEW),
    )


def _toolbar() -> rx.Component:
    return rx.hstack(
        search_box("Search titles", JobsState.search, JobsState.search_titles),
        filter_menu("All statuses", JobsState.status_filter, JobsState.filter_status,
                    rx.select.item("Open", value="open"),
                    rx.select.item("Closed", value="closed")),
        spacing="3", padding_bottom="14px", wrap="wrap", width="100%",
    )


@recruiter_page(route=routes.JOBS, title="Jobs", on_load=[JobsState.load],
                actions=_new_job_button)
def jobs() -> rx.Component:
    table = card(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[rx.table.column_header_cell(h) for h in
                      ("Job", "Status", "Applied", "Interviewing", JobsState.shortlisted_header,
                       "Updated", "")]
                )
            ),
            rx.table.body(rx.foreach(JobsState.jobs, _job_row)),
            width="100%", variant="ghost", id="jobs-table",
        ),
        padding="8px 12px", width="100%",
    )
    return rx.vstack(
        _toolbar(),
        rx.cond(
            JobsState.jobs.length() > 0,
            table,
            empty_state("briefcase", "No jobs here yet",
                        "Create a job and let auto-fill draft the skills, responsibilities "
                        "and description from its title.", _new_job_button()),
        ),
        width="100%", spacing="0",
    )
