"""Flags on AI output on the candidate page: the flag button, the badges beside a flagged
output, the flag dialog and the human-score dialog."""

import reflex as rx

from hireops.components.ui import error_callout
from hireops.services.decisions.ai_flags import FlagRow
from hireops.state.candidates.profile.page import CandidateState as S
from hireops.state.candidates.profile.flags import CandidateFlagState as F

MUTED = rx.color("gray", 11)
REASON_CHOICES = (("wrong", "Wrong", "The output is factually wrong"),
                  ("unfair", "Unfair", "It judges on something it should not"),
                  ("made_up", "Made up", "It invents something not in the record"))


def flag_button(target_type: str, target_id: rx.Var, class_name: str = "flag-output"):
    """A small "Flag" button for one AI output (recruiters and admins only)."""
    return rx.cond(S.can_edit, rx.button(
        rx.icon("flag", size=12), "Flag", size="1", variant="ghost", color_scheme="orange",
        on_click=F.open_flag(target_type, target_id), class_name=class_name))


def flag_badge(flag: FlagRow) -> rx.Component:
    """"Flagged: unfair — note — by whom", muted once HR has dealt with it."""
    resolved = flag.resolution != ""
    return rx.badge(
        rx.icon("flag", size=12),
        rx.text("Flagged: ", flag.reason_label, " — ", flag.note, " — by ", flag.by,
                rx.cond(resolved, " (" + flag.resolution + ")", ""),
                white_space="normal"),
        color_scheme=rx.cond(resolved, "gray", "orange"), variant="soft", size="1",
        class_name="ai-flag", max_width="100%", title=flag.at,
    )


def flag_badges(flags: rx.Var) -> rx.Component:
    return rx.cond(flags.length() > 0, rx.flex(rx.foreach(flags, flag_badge), gap="4px",
                                               wrap="wrap", width="100%"))


def resume_score_flags(application_id: rx.Var) -> rx.Component:
    """The flags on one application's resume score."""
    return rx.flex(rx.foreach(F.resume_flags, lambda flag: rx.cond(
        flag.target_id == application_id, flag_badge(flag))), gap="4px", wrap="wrap",
        width="100%")


def _reason(value: str, label: str, hint: str) -> rx.Component:
    return rx.text(rx.flex(rx.radio_group.item(value=value), rx.text(label, weight="medium"),
                           rx.text(hint, color=MUTED, size="1"), spacing="2", align="center"),
                   as_="label", size="2")


def _form_dialog(title: rx.Component, description: str, *fields: rx.Component,
                 error: rx.Var, submit: rx.Component, is_open: rx.Var,
                 on_close: rx.EventHandler) -> rx.Component:
    """A small dialog of form fields, HR's error and Cancel / submit; closing it cancels."""
    return rx.dialog.root(
        rx.dialog.content(
            title,
            rx.dialog.description(description, size="2", color=MUTED),
            rx.vstack(
                *fields,
                error_callout(error, size="1"),
                rx.hstack(rx.spacer(),
                          rx.button("Cancel", variant="soft", color_scheme="gray",
                                    on_click=on_close),
                          submit,
                          spacing="2", width="100%"),
                spacing="3", width="100%", padding_top="12px",
            ),
            max_width="480px",
        ),
        open=is_open,
        on_open_change=on_close,
    )


def flag_dialog() -> rx.Component:
    return _form_dialog(
        rx.dialog.title("Flag ", F.flag_target_label.lower()),
        "The flag stays with the output, is counted in reports and is visible to the team.",
        rx.radio_group.root(
            rx.vstack(*[_reason(*choice) for choice in REASON_CHOICES], spacing="2"),
            value=F.flag_reason, on_change=F.set_flag_reason, id="flag-reason"),
        rx.text_area(value=F.flag_note, on_change=F.set_flag_note, rows="3", width="100%",
                     id="flag-note", placeholder="What is wrong, unfair or made up? (required)"),
        error=F.flag_error,
        submit=rx.button(rx.icon("flag", size=14), "Flag", color_scheme="orange",
                         on_click=F.submit_flag, id="submit-flag"),
        is_open=F.flag_target_type != "",
        on_close=F.close_flag,
    )


def human_score_dialog() -> rx.Component:
    return _form_dialog(
        rx.dialog.title("Enter a human score"),
        "Replaces the evaluation's score for this interview; the decision is recomputed and "
        "the change is audited.",
        rx.input(value=F.human_score, on_change=F.set_human_score, type="number", min="0",
                 max="100", placeholder="Score 0-100", id="human-score"),
        rx.text_area(value=F.human_note, on_change=F.set_human_note, rows="3", width="100%",
                     id="human-note", placeholder="Why this score? (required)"),
        error=F.human_error,
        submit=rx.button("Save score", on_click=F.submit_human_score, id="submit-human-score"),
        is_open=F.human_evaluation_id != 0,
        on_close=F.close_human_score,
    )
