"""The inbox: every message received, how it was classified, and what became of it."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.toolbar import filter_menu, search_box
from hireops.components.ui import card, data_table, download_button, empty_state
from hireops.pages.inbox.message import message_dialog
from hireops.services.inbox.listing import AttachmentRow, EmailRow
from hireops.state.inbox.listing import InboxState as S
from hireops.state.inbox.message import InboxMessageState

_STATUS_COLORS = {"processed": "green", "failed": "red", "new": "blue", "processing": "amber"}


def _status(status: rx.Var) -> rx.Component:
    return rx.match(
        status,
        *[(name, rx.badge(name.capitalize(), color_scheme=color, variant="soft"))
          for name, color in _STATUS_COLORS.items()],
        rx.badge(status, variant="soft"),
    )


def _category(email: EmailRow) -> rx.Component:
    badge = rx.match(
        email.category,
        ("application", rx.badge("Application", color_scheme="indigo", variant="solid")),
        ("general", rx.badge("General", color_scheme="gray", variant="soft")),
        ("reply", rx.badge("Reply", color_scheme="green", variant="soft")),
        rx.badge(email.category_label, color_scheme="amber", variant="soft"),
    )
    return rx.tooltip(
        rx.hstack(badge, rx.text(email.confidence, size="1", color=rx.color("gray", 10)),
                  spacing="1", align="center"),
        content=rx.cond(email.reasoning != "", email.reasoning, "Not classified yet"),
    )


def _attachment(attachment: AttachmentRow) -> rx.Component:
    icon = rx.match(attachment.status,
                    ("ok", rx.icon("file-check", size=14, color=rx.color("green", 10))),
                    ("failed", rx.icon("file-x", size=14, color=rx.color("red", 10))),
                    rx.icon("file", size=14, color=rx.color("gray", 10)))
    label = rx.hstack(icon, rx.text(attachment.filename, size="1", trim="both"),
                      rx.text(attachment.size, size="1", color=rx.color("gray", 9)),
                      spacing="1", align="center")
    chip = rx.cond(
        attachment.downloadable,
        download_button(label, href=attachment.url, size="1", variant="ghost",
                        color_scheme="gray", class_name="attachment-download"),
        label,
    )
    return rx.cond(attachment.reason != "", rx.tooltip(chip, content=attachment.reason), chip)


def _subject(email: EmailRow) -> rx.Component:
    return rx.vstack(
        rx.link(email.subject, size="2", weight="medium", href="#",
                on_click=[rx.prevent_default, InboxMessageState.open_message(email.id)],
                class_name="open-message", color=rx.color("gray", 12)),
        rx.cond(email.failure_reason != "",
                rx.text(email.failure_reason, size="1", color=rx.color("red", 11))),
        rx.foreach(email.warnings,
                   lambda w: rx.text("⚠ ", w, size="1", color=rx.color("amber", 11))),
        rx.flex(rx.foreach(email.attachments, _attachment), wrap="wrap", gap="1"),
        spacing="1", align="start",
    )


def _row(email: EmailRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(email.received, size="1", color=rx.color("gray", 11),
                              white_space="nowrap")),
        rx.table.cell(rx.vstack(rx.text(email.sender, size="2", weight="medium"),
                                rx.text(email.sender_address, size="1",
                                        color=rx.color("gray", 10)), spacing="0")),
        rx.table.cell(_subject(email), max_width="420px"),
        rx.table.cell(_category(email)),
        rx.table.cell(_status(email.status)),
        rx.table.cell(rx.cond(
            email.candidate_id != 0,
            rx.link(rx.text(email.candidate_name, size="2"),
                    href=routes.CANDIDATE + "?id=" + email.candidate_id.to_string()),
            rx.text(email.candidate_name, size="2"))),
        rx.table.cell(rx.cond(
            (email.status == "failed") & S.can_edit,
            rx.button(rx.icon("rotate-cw", size=14), "Retry", size="1", variant="soft",
                      on_click=S.reprocess(email.id)),
        )),
        align="center",
    )


def _actions() -> rx.Component:
    return rx.cond(
        S.can_edit,
        rx.hstack(
            rx.cond(S.failed > 0,
                    rx.button(rx.icon("rotate-cw", size=16), "Retry failed", variant="soft",
                              color_scheme="red", size="3", on_click=S.reprocess_failed)),
            rx.button(rx.cond(S.syncing, rx.spinner(size="2"), rx.icon("refresh-cw", size=16)),
                      rx.cond(S.syncing, "Syncing…", "Sync now"), size="3",
                      on_click=S.sync_now, disabled=S.syncing, id="sync-now"),
            spacing="2",
        ),
    )


def _progress() -> rx.Component:
    return rx.cond(
        S.syncing,
        card(rx.vstack(
            rx.hstack(rx.text(rx.cond(S.sync_phase == "fetching", "Fetching mail…",
                                      "Reading resumes and scoring…"), size="2"),
                      rx.spacer(),
                      rx.text(S.sync_done, rx.cond(S.sync_total > 0, " / " + S.sync_total.to_string(), ""),
                              size="2", color=rx.color("gray", 11)), width="100%"),
            # Without a value the bar is indeterminate: the total is unknown while fetching.
            rx.cond(S.sync_total > 0, rx.progress(value=S.sync_percent, width="100%"),
                    rx.progress(width="100%")),
            width="100%", spacing="2"), width="100%", id="sync-progress"),
        rx.cond(S.last_sync != "",
                rx.callout(S.last_sync, icon="mail-check", color_scheme="gray", size="1",
                           width="100%", id="last-sync")),
    )


def _toolbar() -> rx.Component:
    return rx.hstack(
        search_box("Search sender or subject", S.search, S.search_mail),
        filter_menu("Any status", S.status_filter, S.filter_status,
                    *[rx.select.item(v.capitalize(), value=v)
                      for v in ("new", "processed", "failed")]),
        filter_menu("Any category", S.category_filter, S.filter_category,
                    rx.select.item("Applications", value="candidate_application"),
                    rx.select.item("General", value="general"),
                    rx.select.item("Replies", value="reply"),
                    rx.select.item("Unknown", value="unknown")),
        rx.spacer(),
        rx.text(S.total, " messages · ", S.waiting, " waiting · ", S.failed, " failed",
                size="2", color=rx.color("gray", 11)),
        width="100%", align="center", spacing="3", wrap="wrap",
    )


@recruiter_page(route=routes.INBOX, title="Inbox", on_load=[S.load], actions=_actions)
def inbox() -> rx.Component:
    return rx.vstack(
        _progress(),
        _toolbar(),
        rx.cond(
            S.emails.length() > 0,
            data_table(["Received", "From", "Subject and attachments", "Category", "Status",
                        "Candidate", ""], S.emails, _row, table_id="inbox-table"),
            empty_state("inbox", "No mail here",
                        "Messages from the recruiting mailbox appear here, classified, with the "
                        "candidates they created. Press Sync now to check for new mail."),
        ),
        message_dialog(),
        spacing="3", width="100%",
    )
