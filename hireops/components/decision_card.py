"""A decision card and its dialogs, drawn for any state that mixes in `DecisionActions`
(the dashboard's queue and the candidate page)."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog
from hireops.services.decisions.flow import DecisionCard, SlotOption
from hireops.state.decisions.queue import OVERRIDE_CHOICES

MUTED = rx.color("gray", 11)
DECISION_COLORS = {"advance": "green", "hold": "amber", "reject": "red"}
STATUS_LABELS = {"pending_hr": "Waiting for HR", "confirmed": "Confirmed",
                 "overridden": "Set by HR"}


def _label(text: str) -> rx.Component:
    return rx.text(text, size="1", weight="bold", color=MUTED, text_transform="uppercase",
                   letter_spacing="0.04em")


def _score(label: str, value: rx.Var) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", color=MUTED),
                     rx.text(value, size="4", weight="bold"), spacing="0", align="center",
                     padding="6px 12px", border_radius="8px", background=rx.color("gray", 2),
                     min_width="84px")


def _bullets(items: rx.Var, icon: str, color: str) -> rx.Component:
    return rx.vstack(rx.foreach(items, lambda item: rx.hstack(
        rx.icon(icon, size=14, color=rx.color(color, 10), flex_shrink="0", margin_top="3px"),
        rx.text(item, size="2"), spacing="2", align="start")), spacing="1")


def _evidence(c: DecisionCard) -> rx.Component:
    return rx.grid(
        rx.cond(c.strengths.length() > 0, rx.vstack(
            _label("Strengths"), _bullets(c.strengths, "circle-check", "green"), spacing="1")),
        rx.cond(c.concerns.length() > 0, rx.vstack(
            _label("Concerns"), _bullets(c.concerns, "triangle-alert", "orange"), spacing="1",
            class_name="decision-concerns")),
        columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
    )


def _slot_item(S, c: DecisionCard, option: SlotOption) -> rx.Component:
    return rx.menu.item(option.label, class_name="suggested-slot", on_click=S.ask_approve(
        c.application_id, c.decision_id, option.start, option.end, option.tz, "suggested",
        option.label, c.candidate_name), disabled=S.approving != 0)


def _actions(S, c: DecisionCard) -> rx.Component:
    approve = rx.cond(
        c.preferred.label != "",
        rx.button(rx.icon("calendar-check", size=16), "Approve & schedule ", c.preferred.label,
                  on_click=S.ask_approve(c.application_id, c.decision_id, c.preferred.start,
                                         c.preferred.end, c.preferred.tz, "preferred",
                                         c.preferred.label, c.candidate_name),
                  # Disabled while any approval runs; the database refuses a repeat anyway.
                  loading=S.approving == c.decision_id, disabled=S.approving != 0,
                  class_name="approve-preferred may-wrap", color_scheme="green"),
    )
    pick = rx.menu.root(
        rx.menu.trigger(rx.button(rx.icon("calendar-plus", size=16), "Pick another slot",
                                  rx.icon("chevron-down", size=14), variant="soft",
                                  disabled=S.approving != 0, class_name="pick-slot")),
        rx.menu.content(rx.foreach(c.suggestions, lambda o: _slot_item(S, c, o))),
    )
    return rx.hstack(
        rx.cond(c.needs_hr, rx.hstack(
            approve, pick,
            rx.button(rx.icon("x", size=16), "Reject…", variant="soft", color_scheme="red",
                      on_click=S.open_reject(c.application_id, c.decision_id,
                                             c.candidate_name),
                      disabled=S.approving != 0,
                      class_name="reject-open"),
            spacing="2", wrap="wrap")),
        rx.button(rx.icon("shuffle", size=16), "Override…", variant="outline",
                  color_scheme="gray",
                  on_click=S.open_override(c.application_id, c.decision_id,
                                           c.candidate_name),
                  class_name="override-open"),
        spacing="2", wrap="wrap", width="100%", padding_top="4px",
    )


def decision_card(S, c: DecisionCard) -> rx.Component:
    """One application's decision: scores, rule, evidence, slot and (for editors) actions."""
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.link(rx.text(c.candidate_name, size="3", weight="bold"),
                        href=routes.CANDIDATE + "?id=" + c.candidate_id.to_string()),
                rx.text(c.job_title, size="2", color=MUTED),
                spacing="0",
            ),
            rx.spacer(),
            rx.badge(c.decision.upper(), size="2", color_scheme=rx.match(
                c.decision, *DECISION_COLORS.items(), "gray"), class_name="decision-verdict"),
            rx.badge(rx.match(c.status, *STATUS_LABELS.items(), c.status), variant="soft",
                     color_scheme="gray"),
            width="100%", align="start", spacing="2",
        ),
        rx.hstack(_score("Resume", c.resume_score), _score("Interview", c.interview_score),
                  _score("Final", c.final_score), spacing="2", wrap="wrap"),
        rx.hstack(rx.foreach(c.thresholds, lambda t: rx.badge(t, variant="surface",
                                                              color_scheme="gray")),
                  spacing="2", wrap="wrap", class_name="decision-thresholds"),
        rx.vstack(rx.foreach(c.reasons, lambda r: rx.text(r, size="2")), spacing="0",
                  class_name="decision-reasons"),
        _evidence(c),
        rx.cond(c.summary != "", rx.text(c.summary, size="2", color=MUTED, font_style="italic")),
        rx.cond(c.preferred_text != "", rx.hstack(
            rx.icon("calendar-clock", size=16, color=MUTED, flex_shrink="0"),
            rx.vstack(
                rx.text("Candidate wrote: ", rx.text.strong("“", c.preferred_text, "”"),
                        size="2"),
                rx.text(c.preferred_explanation, size="1", color=MUTED),
                spacing="0"),
            spacing="2", align="start")),
        rx.cond(c.booked != "", rx.callout("Interview booked: " + c.booked,
                                           icon="calendar-check", color_scheme="green",
                                           size="1")),
        rx.cond(S.can_edit, _actions(S, c)),
        spacing="3", width="100%", padding="14px", border_radius="10px",
        border=f"1px solid {rx.color('gray', 5)}", background=rx.color("gray", 1),
        class_name="decision-card", id="decision-card-" + c.application_id.to_string(),
    )


def approve_dialog(S) -> rx.Component:
    """Approving books the slot and emails the candidate: asked once more, by name and time."""
    slot = S.approve_slot
    return confirm_dialog(
        title="Approve " + S.approve_name + " and send the invitation?",
        description="Books " + slot[4] + " and emails " + S.approve_name + " the confirmation "
                    "with a calendar invite. An email cannot be called back.",
        confirm_label="Approve and email", color="green", open=S.approve_decision != 0,
        on_cancel=S.close_dialog,
        on_confirm=S.approve(S.approve_application, S.approve_decision, slot[0], slot[1],
                             slot[2], slot[3]),
        body=rx.vstack(
            rx.text("Where (an address or a video-call link)", size="2", weight="medium"),
            rx.input(value=S.approve_location, on_change=S.set_approve_location,
                     id="approve-location", width="100%", max_length=500,
                     placeholder="https://meet.example.com/... or an address"),
            spacing="1", width="100%", margin_top="12px"),
        confirm_id="approve-confirm")


def reject_dialog(S) -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Reject ", S.reject_name),
        rx.vstack(
            rx.text("Reason (kept in the audit log, not sent)", size="2", weight="medium"),
            rx.input(value=S.reject_reason, on_change=S.set_reject_reason, width="100%",
                     id="reject-reason", placeholder="Why this candidate does not go on"),
            rx.text("Email to the candidate", size="2", weight="medium"),
            rx.input(value=S.reject_subject, on_change=S.set_reject_subject, width="100%",
                     id="reject-subject"),
            rx.text_area(value=S.reject_body, on_change=S.set_reject_body, rows="10",
                         width="100%", id="reject-body"),
            rx.hstack(rx.spacer(),
                      rx.button("Cancel", variant="soft", color_scheme="gray",
                                on_click=S.close_dialog),
                      rx.button("Reject and send", color_scheme="red",
                                on_click=S.confirm_reject, id="reject-confirm"),
                      width="100%", spacing="2"),
            spacing="2", width="100%",
        ),
        max_width="640px",
    ), open=S.reject_for != 0)


def override_dialog(S) -> rx.Component:
    # An email the candidate already has says otherwise: said in the dialog before the press.
    contradicts = S.override_warnings.contains(S.override_choice)
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Override the decision for ", S.override_name),
        rx.vstack(
            rx.select(OVERRIDE_CHOICES, value=S.override_choice,
                      on_change=S.set_override_choice, id="override-choice"),
            rx.input(value=S.override_why, on_change=S.set_override_why, width="100%",
                     id="override-why", placeholder="Why (kept in the audit log)"),
            rx.cond(contradicts, rx.callout(S.override_warnings[S.override_choice],
                                            icon="mail-warning", color_scheme="amber",
                                            size="1", id="override-mail-warning")),
            rx.hstack(rx.spacer(),
                      rx.button("Cancel", variant="soft", color_scheme="gray",
                                on_click=S.close_dialog),
                      rx.cond(contradicts,
                              rx.button("Override anyway", on_click=S.confirm_override,
                                        color_scheme="amber", id="override-confirm"),
                              rx.button("Override", on_click=S.confirm_override,
                                        id="override-confirm")),
                      width="100%", spacing="2"),
            spacing="3", width="100%",
        ),
        max_width="480px",
    ), open=S.override_for != 0)


def decision_cards(S, empty_text: str) -> rx.Component:
    """Every card of `S.decision_cards`, with the dialogs they open."""
    return rx.fragment(
        rx.cond(S.decision_cards.length() > 0,
                rx.vstack(rx.foreach(S.decision_cards, lambda c: decision_card(S, c)),
                          spacing="3", width="100%"),
                rx.text(empty_text, size="2", color=MUTED, class_name="decision-empty")),
        approve_dialog(S), reject_dialog(S), override_dialog(S),
    )
