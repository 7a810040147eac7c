"""The inbox's message view: headers, classification and its reasons, attachments (links to
their access-checked route) and the body as plain text."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.components.ui import download_button
from hireops.services.inbox.listing import AttachmentRow
from hireops.state.inbox.message import InboxMessageState as M

MUTED = rx.color("gray", 11)


def _field(label: str, value: rx.Var) -> rx.Component:
    return rx.cond(value != "", rx.hstack(
        rx.text(label, size="1", color=MUTED, min_width="92px"),
        rx.text(value, size="2", overflow_wrap="anywhere"),
        spacing="2", align="baseline", width="100%"))


def _attachment(attachment: AttachmentRow) -> rx.Component:
    return rx.hstack(
        rx.icon("paperclip", size=14, color=MUTED),
        rx.text(attachment.filename, size="2", overflow_wrap="anywhere"),
        rx.text(attachment.size, size="1", color=MUTED),
        rx.badge(attachment.status, variant="soft", size="1", color_scheme="gray"),
        rx.spacer(),
        rx.cond(attachment.downloadable,
                download_button(rx.icon("download", size=14), "Download", href=attachment.url,
                                size="1", variant="soft",
                                class_name="message-attachment-download")),
        spacing="2", align="center", width="100%", wrap="wrap",
    )


def _classification() -> rx.Component:
    message = M.message
    return rx.box(
        rx.hstack(rx.text("Classification", size="1", weight="bold", color=MUTED,
                          text_transform="uppercase"),
                  rx.badge(message.category, variant="soft", color_scheme="indigo"),
                  rx.text(message.confidence, size="1", color=MUTED),
                  rx.badge(message.status, variant="soft", color_scheme="gray"),
                  spacing="2", align="center", wrap="wrap"),
        rx.cond(message.reasoning != "", rx.text(message.reasoning, size="2", padding_top="6px",
                                                 id="message-reasoning")),
        _field("Suggested", message.suggested_action),
        _field("Name found", message.detected_name),
        _field("Role found", message.detected_role),
        rx.cond(message.failure_reason != "", rx.text(message.failure_reason, size="2",
                                                      color=rx.color("red", 11))),
        rx.foreach(message.warnings, lambda w: rx.text("⚠ ", w, size="1",
                                                        color=rx.color("amber", 11))),
        padding="10px 12px", border_radius="10px", width="100%",
        background=rx.color("gray", 2),
    )


def message_dialog() -> rx.Component:
    message = M.message
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(message.subject, size="4", overflow_wrap="anywhere",
                            id="message-subject"),
            rx.vstack(
                _field("From", rx.cond(message.sender_address != "",
                                       message.sender + " <" + message.sender_address + ">",
                                       message.sender)),
                _field("To", message.to_address),
                _field("Received", message.received),
                rx.cond(message.candidate_id != 0, rx.hstack(
                    rx.text("Candidate", size="1", color=MUTED, min_width="92px"),
                    rx.link(message.candidate_name, size="2", id="message-candidate",
                            href=routes.CANDIDATE + "?id=" + message.candidate_id.to_string()),
                    spacing="2", align="baseline")),
                _classification(),
                rx.cond(message.attachments.length() > 0, rx.vstack(
                    rx.foreach(message.attachments, _attachment), spacing="1", width="100%",
                    id="message-attachments")),
                rx.box(rx.text(message.body, size="2", white_space="pre-wrap",
                               overflow_wrap="anywhere", font_family="var(--default-font-family)"),
                       max_height="50vh", overflow_y="auto", width="100%", padding="12px",
                       border=f"1px solid {rx.color('gray', 5)}", border_radius="10px",
                       id="message-body"),
                spacing="3", width="100%", padding_top="8px",
            ),
            rx.hstack(rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray",
                                                id="message-close")),
                      justify="end", width="100%", padding_top="12px"),
            max_width="760px", width="calc(100vw - 24px)", id="message-dialog",
        ),
        open=M.is_open, on_open_change=M.set_open,
    )
