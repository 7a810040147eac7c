"""The candidate page's interview section: links per application, their trail, the transcript,
the webcam summary and integrity flags."""

import reflex as rx

from hireops.components.confirm import confirm_dialog, danger_button
from hireops.components.ui import card
from hireops.services.candidates.profile import ApplicationCard
from hireops.services.interviews.review import (
    InterviewCard,
    OutgoingMailRow,
    TrailRow,
    TranscriptRow,
)
from hireops.pages.candidates.profile.recordings import recording_panel, speech_signals
from hireops.pages.candidates.profile.flags import (
    flag_badges,
    flag_button,
    flag_dialog,
    human_score_dialog,
)
from hireops.state.candidates.profile.page import CandidateState as S
from hireops.state.candidates.profile.flags import CandidateFlagState as F
from hireops.state.candidates.profile.interviews import CandidateInterviewState as I

MUTED = rx.color("gray", 11)
STATUS_COLORS = {"generated": "gray", "sent": "blue", "opened": "cyan", "started": "amber",
                 "completed": "green", "expired": "orange", "revoked": "red"}


def _invite_row(application: ApplicationCard) -> rx.Component:
    # An interview is for a job: the talent-pool entry is put forward for one first.
    return rx.cond(application.talent_pool, rx.fragment(), rx.hstack(
        rx.text(application.job_title, size="2", weight="medium"),
        rx.badge("Resume ", application.score, variant="soft", color_scheme="gray"),
        rx.spacer(),
        rx.button(rx.icon("link", size=14), "Generate interview link", size="1",
                  variant="soft", on_click=I.generate(application.application_id, False),
                  class_name="generate-link"),
        width="100%", align="center",
    ))


def _override_form() -> rx.Component:
    return rx.cond(I.override_application_id != 0, rx.callout.root(
        rx.callout.icon(rx.icon("triangle_alert")),
        rx.vstack(
            rx.text(I.override_problem, size="2"),
            rx.input(placeholder="Why invite anyway? (kept in the audit log)",
                     value=I.override_reason, on_change=I.set_override_reason, width="100%",
                     id="override-reason"),
            rx.hstack(rx.button("Invite anyway", size="1", on_click=I.generate_with_override,
                                id="invite-anyway"),
                      rx.button("Cancel", size="1", variant="soft", color_scheme="gray",
                                on_click=I.cancel_override), spacing="2"),
            spacing="2", width="100%",
        ),
        color_scheme="amber", width="100%",
    ))


def _trail_row(row: TrailRow) -> rx.Component:
    return rx.hstack(rx.text(row.label, size="1", weight="medium"),
                     rx.text(row.at, " · ", row.by, size="1", color=MUTED),
                     rx.cond(row.note != "", rx.text("(", row.note, ")", size="1", color=MUTED)),
                     spacing="2", wrap="wrap")


def _transcript_row(row: TranscriptRow) -> rx.Component:
    interviewer = row.speaker == "interviewer"
    return rx.box(
        rx.hstack(rx.text(rx.cond(interviewer, "Interviewer", "Candidate"), " · ", row.at,
                          size="1", color=MUTED, weight="medium"),
                  rx.spacer(),
                  rx.cond(interviewer, flag_button("question", row.turn_id, "flag-question")),
                  width="100%", align="center"),
        rx.text(row.text, size="2", white_space="pre-wrap", color=rx.color("gray", 12)),
        flag_badges(row.flags),
        padding="8px 12px", border_radius="8px", width="100%",
        background=rx.cond(interviewer, rx.color("accent", 2), rx.color("gray", 2)),
    )


def _evaluation_actions(item: InterviewCard) -> rx.Component:
    rerunning = F.rerunning_id != 0
    return rx.cond(S.can_edit & item.evaluation_actionable, rx.hstack(
        rx.cond(item.evaluation_source == "engine",
                flag_button("evaluation", item.evaluation_id, "flag-evaluation")),
        rx.button(rx.cond(rerunning, rx.spinner(size="1"), rx.icon("refresh-cw", size=12)),
                  "Re-run evaluation", size="1", variant="ghost", disabled=rerunning,
                  on_click=F.rerun(item.evaluation_id), class_name="rerun-evaluation"),
        rx.button(rx.icon("user-pen", size=12), "Enter a human score", size="1",
                  variant="ghost", on_click=F.open_human_score(item.evaluation_id),
                  class_name="human-score"),
        spacing="3", align="center"))


def _evaluation(item: InterviewCard) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text("Evaluation:", size="2", weight="medium"),
            rx.cond(item.evaluation_score != "", rx.badge(item.evaluation_score, size="2"),
                    rx.badge(item.evaluation_status, variant="soft")),
            rx.cond(item.evaluation_source == "human",
                    rx.badge(rx.icon("user", size=12), "Human score", variant="soft",
                             color_scheme="purple")),
            rx.text(item.evaluation_summary, size="2", color=MUTED),
            spacing="2", align="center", wrap="wrap"),
        rx.foreach(item.rating_lines, lambda line: rx.text(
            line, size="1", color=MUTED, class_name="rating-line")),
        rx.cond(item.communication_notes.length() > 0, rx.hstack(
            rx.icon("message-circle", size=14, color=MUTED),
            rx.foreach(item.communication_notes, lambda note: rx.badge(
                note, variant="soft", color_scheme="gray")),
            spacing="2", wrap="wrap", align="center")),
        rx.cond(item.question_check != "", rx.hstack(
            rx.icon("scale", size=14, color=MUTED),
            rx.text(item.question_check, size="1", color=MUTED, class_name="question-check"),
            spacing="2", align="center")),
        rx.foreach(item.flagged_questions, lambda line: rx.callout(
            line, icon="shield-alert", color_scheme="red", size="1")),
        flag_badges(item.evaluation_flags),
        _evaluation_actions(item),
        rx.foreach(item.evaluation_history, lambda line: rx.text(
            line, size="1", color=MUTED, class_name="evaluation-history")),
        spacing="1", width="100%", class_name="evaluation",
    )


def _link_card(item: InterviewCard) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.badge(item.status_label, color_scheme=rx.match(
                item.status, *STATUS_COLORS.items(), "gray"), size="2"),
            rx.text(item.job_title, size="2", weight="medium"),
            rx.text(item.provider, size="1", color=MUTED),
            rx.spacer(),
            rx.cond(item.url != "", rx.hstack(
                rx.button(rx.icon("copy", size=14), "Copy link", size="1", variant="soft",
                          on_click=rx.set_clipboard(item.url), class_name="copy-link"),
                rx.cond(S.can_edit, confirm_dialog(
                    trigger=rx.button(rx.icon("send", size=14), "Send by email", size="1",
                                      class_name="send-link"),
                    title="Email this interview link to the candidate?",
                    description="The invitation leaves now (once per link); an email cannot "
                                "be called back.",
                    confirm_label="Send invitation", color="blue",
                    on_confirm=I.send(item.link_id))),
                rx.cond(S.can_edit, confirm_dialog(
                    trigger=danger_button("Revoke", class_name="revoke-link"),
                    title="Revoke this interview link?",
                    description="The candidate can no longer open it, even from an email "
                                "already sent. A new link can be generated afterwards.",
                    confirm_label="Revoke link", on_confirm=I.revoke(item.link_id))),
                spacing="2")),
            width="100%", align="center", wrap="wrap",
        ),
        rx.cond(item.is_open, rx.text("Expires ", item.expires, size="1", color=MUTED)),
        rx.cond(item.url != "", rx.code(item.url, size="1", class_name="interview-url",
                                        word_break="break-all")),
        rx.cond(item.override_reason != "",
                rx.text("Invited below the resume threshold: ", item.override_reason, size="1",
                        color=rx.color("amber", 11))),
        rx.cond(item.consent != "", rx.text("Consent: ", item.consent, size="1", color=MUTED)),
        rx.foreach(item.room_notices, lambda notice: rx.callout(
            notice, icon="info", color_scheme="blue", size="1", class_name="room-notice")),
        rx.foreach(item.integrity_flags, lambda flag: rx.callout(
            flag, icon="shield-alert", color_scheme="orange", size="1", class_name="integrity")),
        rx.cond(item.webcam_lines.length() > 0, rx.hstack(
            rx.icon("scan-face", size=14, color=MUTED),
            rx.foreach(item.webcam_lines, lambda line: rx.badge(line, variant="soft",
                                                                color_scheme="gray")),
            spacing="2", wrap="wrap", align="center")),
        rx.cond(item.evaluation_status != "", _evaluation(item)),
        rx.cond(item.audio_url != "", rx.el.audio(src=item.audio_url, controls=True,
                                                  preload="none", width="100%")),
        speech_signals(item.voice_signals_label, item.voice_signal_lines,
                       "voice-speech-signals"),
        recording_panel(item.link_id),
        rx.cond(item.preferred_slot != "",
                rx.text("Preferred slot: ", rx.text.strong(item.preferred_slot), size="2")),
        rx.cond(item.transcript.length() > 0, rx.accordion.root(
            rx.accordion.item(header="Transcript", content=rx.vstack(
                rx.foreach(item.transcript, _transcript_row), spacing="2", width="100%",
                class_name="transcript")),
            collapsible=True, variant="ghost", width="100%")),
        rx.accordion.root(
            rx.accordion.item(header="Status trail", content=rx.vstack(
                rx.foreach(item.trail, _trail_row), spacing="1")),
            collapsible=True, variant="ghost", width="100%"),
        padding="12px", border_radius="10px", border=f"1px solid {rx.color('gray', 4)}",
        width="100%", class_name="interview-card",
    )


MAIL_COLORS = {"pending": "gray", "sending": "blue", "sent": "green", "saved": "amber",
               "failed": "red"}


def _mail_row(row: OutgoingMailRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.icon("send", size=14, color=MUTED),
            rx.text(row.subject, size="2", weight="medium"),
            rx.spacer(),
            rx.badge(row.status_label, variant="soft", white_space="normal",
                     color_scheme=rx.match(row.status, *MAIL_COLORS.items(), "gray"),
                     class_name="mail-status"),
            rx.text(row.when, size="1", color=MUTED, white_space="nowrap"),
            spacing="2", align="center", width="100%", wrap="wrap",
        ),
        rx.cond(row.last_error != "", rx.hstack(
            rx.text(row.last_error, " (attempt ", row.attempts.to_string(), ")", size="1",
                    color=rx.color("red", 11)),
            rx.spacer(),
            rx.cond(row.can_retry & S.can_edit,
                    rx.button("Send again", size="1", variant="soft",
                              on_click=I.retry_mail(row.message_id))),
            width="100%", align="center")),
        spacing="1", width="100%", class_name="outgoing-mail",
    )


def outgoing_mail_section() -> rx.Component:
    return rx.cond(I.outgoing.length() > 0, card(
        rx.hstack(rx.icon("mail-check", size=18, color=rx.color("accent", 10)),
                  rx.heading("Emails to the candidate", size="4"), spacing="2",
                  align="center", padding_bottom="12px"),
        rx.vstack(rx.foreach(I.outgoing, _mail_row), spacing="3", width="100%"),
        width="100%",
    ))


def interviews_section() -> rx.Component:
    return card(
        rx.hstack(rx.icon("video", size=18, color=rx.color("accent", 10)),
                  rx.heading("Interviews", size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        rx.cond(S.can_edit, rx.vstack(rx.foreach(S.profile.applications, _invite_row), spacing="2",
                                      width="100%", padding_bottom="8px")),
        _override_form(),
        rx.cond(I.interviews.length() > 0,
                rx.vstack(rx.foreach(I.interviews, _link_card), spacing="3", width="100%",
                          id="interview-cards"),
                rx.text("No interview yet.", size="2", color=MUTED)),
        flag_dialog(),
        human_score_dialog(),
        width="100%",
    )
