"""The inbox: every message received, with its classification and status."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import data_table, empty_state
from hireops.services.inbox import EmailRow
from hireops.state.inbox import InboxState


def _row(email: EmailRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(email.received, size="2", color=rx.color("gray", 11))),
        rx.table.cell(rx.text(email.sender, size="2", weight="medium")),
        rx.table.cell(rx.text(email.subject, size="2")),
        rx.table.cell(rx.badge(email.category, variant="soft")),
        rx.table.cell(rx.text(email.confidence, size="2")),
        rx.table.cell(
            rx.cond(email.status == "failed",
                    rx.tooltip(rx.badge("failed", color_scheme="red"), content=email.failure_reason),
                    rx.badge(email.status, color_scheme="gray", variant="soft"))
        ),
    )


@recruiter_page(route=routes.INBOX, title="Inbox", on_load=[InboxState.load])
def inbox() -> rx.Component:
    return rx.cond(
        InboxState.emails.length() > 0,
        data_table(["Received", "From", "Subject", "Category", "Confidence", "Status"],
                   InboxState.emails, _row),
        empty_state("inbox", "No mail yet",
                    "Messages from the recruiting mailbox appear here, classified, with the "
                    "candidates they created."),
    )
