"""Candidates: every application with its stage and resume score."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import data_table, empty_state
from hireops.services.applications import ApplicationRow
from hireops.state.candidates import CandidatesState


def _score(value: rx.Var) -> rx.Component:
    return rx.cond(value == "", rx.text("—", color=rx.color("gray", 9)),
                   rx.badge(value, size="2", variant="surface"))


def _row(app: ApplicationRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(app.candidate, size="2", weight="medium"),
                                rx.text(app.email, size="1", color=rx.color("gray", 10)),
                                spacing="0")),
        rx.table.cell(rx.text(app.job, size="2")),
        rx.table.cell(rx.badge(app.stage, variant="soft", color_scheme="gray")),
        rx.table.cell(_score(app.resume_score)),
        rx.table.cell(rx.text(app.recommendation, size="2")),
        rx.table.cell(rx.text(app.applied, size="2", color=rx.color("gray", 11))),
        align="center",
    )


@recruiter_page(route=routes.CANDIDATES, title="Candidates", on_load=[CandidatesState.load])
def candidates() -> rx.Component:
    return rx.cond(
        CandidatesState.applications.length() > 0,
        data_table(["Candidate", "Job", "Stage", "Resume score", "Recommendation", "Applied"],
                   CandidatesState.applications, _row, table_id="applications-table"),
        empty_state("users", "No candidates yet",
                    "Candidates appear here when applications arrive in the inbox."),
    )
