"""The candidate page's interviewer scorecards, beside the AI evaluation: who interviews, what
each interviewer rated, the mean and its weight in the decision, and the viewer's own form."""

import reflex as rx

from hireops.components.ui import card
from hireops.services.interviews.scorecard_panel import InterviewerRow, RatingRow, ScorecardRow
from hireops.services.interviews.scorecards import (
    MAX_NOTE_CHARS,
    MAX_SUMMARY_CHARS,
    RATING_CHOICES,
    RECOMMENDATIONS,
)
from hireops.state.candidates.profile.scorecards import CandidateScorecardsState as SC

MUTED = rx.color("gray", 11)
RECOMMENDATION_COLORS = {"strong_yes": "green", "yes": "teal", "no": "orange",
                         "strong_no": "red"}


def _recommendation_badge(value: rx.Var, label: rx.Var) -> rx.Component:
    return rx.badge(label, color_scheme=rx.match(value, *RECOMMENDATION_COLORS.items(), "gray"),
                    variant="soft", size="2")


def _team_member(row: InterviewerRow) -> rx.Component:
    return rx.checkbox(
        row.name, checked=SC.chosen_interviewers.contains(row.user_id),
        on_change=lambda chosen: SC.toggle_interviewer(row.user_id, chosen),
        class_name="interviewer-choice", size="2")


def _named(row: InterviewerRow) -> rx.Component:
    return rx.cond(row.named, rx.badge(
        rx.icon(rx.cond(row.filled, "circle-check", "clock"), size=12), row.name,
        color_scheme=rx.cond(row.filled, "green", "amber"), variant="soft", size="2",
        class_name="named-interviewer"))


def _interviewers() -> rx.Component:
    return rx.vstack(
        rx.text("Interviewers", size="2", weight="medium"),
        rx.flex(rx.foreach(SC.panel.team, _named), gap="6px", wrap="wrap"),
        rx.cond(SC.can_edit, rx.vstack(
            rx.flex(rx.foreach(SC.panel.team, _team_member), gap="12px", wrap="wrap",
                    id="interviewer-choices"),
            rx.button(rx.icon("users", size=14), "Save interviewers", size="1",
                      variant="soft", on_click=SC.save_interviewers, id="save-interviewers"),
            spacing="2", width="100%")),
        spacing="2", width="100%")


def _rating(row: RatingRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.skill, size="2")),
        rx.table.cell(rx.text(row.rating, " / 5", size="2", weight="bold"), white_space="nowrap"),
        rx.table.cell(rx.text(row.note, size="2", color=MUTED, white_space="pre-wrap",
                              word_break="break-word")),
    )


def _scorecard(row: ScorecardRow) -> rx.Component:
    return rx.box(
        rx.hstack(rx.text(row.interviewer, size="2", weight="bold"),
                  _recommendation_badge(row.recommendation, row.recommendation_label),
                  rx.spacer(), rx.text(row.submitted, size="1", color=MUTED),
                  width="100%", align="center", wrap="wrap"),
        rx.table.root(rx.table.body(rx.foreach(row.ratings, _rating)), size="1",
                      width="100%"),
        rx.cond(row.summary != "", rx.text(row.summary, size="2", white_space="pre-wrap",
                                           word_break="break-word", padding_top="6px")),
        class_name="scorecard", padding="10px 12px", border_radius="8px", width="100%",
        background=rx.color("gray", 2),
    )


def _skill_input(skill: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text(skill, size="2", weight="medium", flex="1", min_width="0"),
                  # Numbered choices, so the scale reads without a legend.
                  rx.radio_group(list(RATING_CHOICES), value=SC.form_ratings[skill],
                                 on_change=lambda value: SC.set_rating(skill, value),
                                 direction="row", spacing="3", size="2",
                                 class_name="skill-rating"),
                  width="100%", align="center", wrap="wrap"),
        rx.input(value=SC.form_notes[skill], on_change=lambda note: SC.set_note(skill, note),
                 placeholder="Note (what you saw)", max_length=MAX_NOTE_CHARS, width="100%",
                 class_name="skill-note", size="1"),
        spacing="1", width="100%")


def _form() -> rx.Component:
    return rx.vstack(
        rx.text(rx.cond(SC.has_own_scorecard, "Your scorecard (editable until the decision)",
                        "Your scorecard"), size="2", weight="bold"),
        rx.text("Rate each skill from 1 (no evidence) to 5 (outstanding).", size="1",
                color=MUTED),
        rx.foreach(SC.panel.skills, _skill_input),
        rx.select.root(
            rx.select.trigger(placeholder="Overall recommendation", id="scorecard-recommendation"),
            rx.select.content(*[rx.select.item(label, value=key)
                                for key, label in RECOMMENDATIONS.items()]),
            value=SC.form_recommendation, on_change=SC.set_form_recommendation),
        rx.text_area(value=SC.form_summary, on_change=SC.set_form_summary,
                     placeholder="Overall note (optional)", max_length=MAX_SUMMARY_CHARS,
                     width="100%", rows="3", id="scorecard-summary"),
        rx.cond(SC.scorecard_error != "", rx.text(SC.scorecard_error, color="red", size="2",
                                                  id="scorecard-error")),
        rx.button(rx.cond(SC.has_own_scorecard, "Update scorecard", "Submit scorecard"),
                  on_click=SC.submit, id="submit-scorecard"),
        spacing="2", width="100%", padding="10px 12px", border_radius="8px",
        border=f"1px solid {rx.color('accent', 6)}", id="scorecard-form")


def scorecards_section() -> rx.Component:
    return card(
        rx.hstack(rx.icon("clipboard-check", size=18, color=rx.color("accent", 10)),
                  rx.heading("Interviewer scorecards", size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        rx.cond(
            SC.panel.booking_id == 0,
            rx.text("Scorecards open once a follow-up interview is booked.", size="2",
                    color=MUTED),
            rx.vstack(
                rx.text(SC.panel.job_title, " · ", SC.panel.booked, size="2",
                        color=MUTED),
                _interviewers(),
                rx.cond(SC.panel.mean != "", rx.text("Mean rating ", SC.panel.mean,
                                                         size="2", weight="medium",
                                                         id="scorecard-mean")),
                rx.text(SC.panel.weight_line, size="1", color=MUTED, id="scorecard-weight"),
                rx.foreach(SC.panel.scorecards, _scorecard),
                rx.cond(SC.panel.locked_reason != "",
                        rx.callout(SC.panel.locked_reason, icon="lock", size="1",
                                   color_scheme="gray")),
                rx.cond(SC.panel.can_fill, _form()),
                spacing="3", width="100%")),
        width="100%", id="scorecards-section",
    )
