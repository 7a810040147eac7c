"""The candidate page's conversation card: the thread (sent and received) and the writer."""

from __future__ import annotations

import reflex as rx

from hireops.components.ui import card, error_callout
from hireops.services.outreach.conversations import ConversationEntry
from hireops.state.candidates.profile.conversation import (
    STARTING_POINTS, CandidateConversationState as C,
)

MUTED = rx.color("gray", 11)
_STATUS_COLORS = {"sent": "green", "pending": "blue", "sending": "blue", "failed": "red",
                  "saved": "amber"}


def _status(entry: ConversationEntry) -> rx.Component:
    return rx.cond(
        entry.direction == "out",
        rx.match(entry.status,
                 *[(name, rx.badge(name, color_scheme=color, variant="soft", size="1"))
                   for name, color in _STATUS_COLORS.items()],
                 rx.badge(entry.status, variant="soft", size="1")),
        rx.badge(rx.icon("reply", size=12), entry.status, color_scheme="indigo",
                 variant="soft", size="1"),
    )


def _entry(entry: ConversationEntry) -> rx.Component:
    incoming = entry.direction == "in"
    return rx.box(
        rx.hstack(rx.icon(rx.cond(incoming, "mail-open", "send"), size=14, color=MUTED),
                  rx.text(entry.author, size="1", weight="medium"),
                  rx.text(entry.at, size="1", color=MUTED), rx.spacer(), _status(entry),
                  spacing="2", align="center", width="100%", wrap="wrap"),
        rx.text(entry.subject, size="2", weight="bold", padding_top="4px"),
        rx.text(entry.body, size="2", white_space="pre-wrap", overflow_wrap="anywhere",
                max_height="240px", overflow_y="auto", padding_top="2px"),
        padding="10px 12px", border_radius="10px", width="100%",
        background=rx.cond(incoming, rx.color("indigo", 2), rx.color("gray", 2)),
        border=f"1px solid {rx.color('gray', 4)}",
        margin_left=rx.cond(incoming, "0", "16px"), max_width="calc(100% - 16px)",
        class_name=rx.cond(incoming, "conversation-in", "conversation-out"),
    )


def _writer() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(rx.text("Start from", size="1", color=MUTED),
                      rx.select.root(
                          rx.select.trigger(id="conversation-template"),
                          rx.select.content(*[rx.select.item(label, value=value)
                                              for value, label in STARTING_POINTS]),
                          value=C.template_kind, on_change=C.choose_template),
                      spacing="1"),
            rx.cond(C.application_choices.length() > 1, rx.vstack(
                rx.text("About", size="1", color=MUTED),
                rx.select.root(
                    rx.select.trigger(id="conversation-application"),
                    rx.select.content(rx.foreach(C.application_choices, lambda choice:
                                                 rx.select.item(choice[1], value=choice[0]))),
                    value=C.application_id, on_change=C.choose_application),
                spacing="1"),
                # One thing to write about: named, so HR sees what {job_title} is, or that
                # the message is about the talent pool and names no job.
                rx.cond(C.application_choices.length() == 1, rx.vstack(
                    rx.text("About", size="1", color=MUTED),
                    rx.text(C.application_choices[0][1], size="2",
                            id="conversation-about"),
                    spacing="1"))),
            spacing="3", wrap="wrap", width="100%",
        ),
        rx.input(placeholder="Subject", value=C.subject, on_change=C.set_subject, width="100%",
                 id="conversation-subject"),
        rx.text_area(placeholder="Write to the candidate… Placeholders: {candidate_name}, "
                                 "{job_title}, {company_name}, {recruiter_name}",
                     value=C.body, on_change=C.set_body, rows="8", width="100%",
                     id="conversation-body"),
        error_callout(C.error, id="conversation-error"),
        rx.cond(C.preview_text != "", rx.box(
            rx.text("Preview", size="1", weight="bold", color=MUTED, text_transform="uppercase"),
            rx.text(C.preview_subject, size="2", weight="bold", id="conversation-preview-subject"),
            rx.text(C.preview_text, size="2", white_space="pre-wrap", overflow_wrap="anywhere",
                    id="conversation-preview"),
            padding="10px 12px", border_radius="10px", width="100%",
            border=f"1px dashed {rx.color('accent', 7)}")),
        rx.hstack(
            rx.button("Cancel", variant="soft", color_scheme="gray", on_click=C.stop_writing),
            rx.spacer(),
            rx.button(rx.icon("eye", size=16), "Preview", variant="soft", on_click=C.preview,
                      id="conversation-preview-button"),
            rx.button(rx.icon("send", size=16), "Send", on_click=C.send,
                      disabled=C.preview_text == "", id="conversation-send"),
            spacing="2", width="100%", wrap="wrap",
        ),
        rx.cond(C.preview_text == "", rx.text("Preview the message to send it.", size="1",
                                              color=MUTED)),
        spacing="2", width="100%", padding_bottom="12px", id="conversation-writer",
    )


def conversation_section() -> rx.Component:
    return card(
        rx.hstack(rx.icon("messages-square", size=18, color=rx.color("accent", 10)),
                  rx.heading("Conversation", size="4"), rx.spacer(),
                  rx.cond(C.can_edit & ~C.composing,
                          rx.button(rx.icon("pencil", size=14), "Write", size="2",
                                    on_click=C.start_writing, id="conversation-write")),
                  spacing="2", align="center", padding_bottom="12px", width="100%"),
        rx.cond(C.composing, _writer()),
        rx.cond(C.entries.length() > 0,
                rx.vstack(rx.foreach(C.entries, _entry), spacing="2", width="100%",
                          id="conversation-thread"),
                rx.text("No messages yet. Replies to what you send here arrive in this thread.",
                        size="2", color=MUTED)),
        width="100%", id="candidate-conversation",
    )
