"""One candidate: profile, every application's score breakdown, highlighted resume, timeline,
notes, reveal (blind screening) and merging a duplicate record."""

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog
from hireops.components.shell import recruiter_page
from hireops.components.ui import (
    RECOMMENDATION_COLORS, card, download_button, error_callout, score_color, subheading,
)
from hireops.services.candidates.profile import (
    ApplicationCard, EmailEntry, EvidenceRow, KnockoutRow, ResumeSegment, TimelineEntry,
)
from hireops.pages.candidates.profile.conversation import conversation_section
from hireops.pages.candidates.profile.decision import decision_section
from hireops.pages.candidates.profile.flags import flag_button, resume_score_flags
from hireops.pages.candidates.profile.interviews import interviews_section, outgoing_mail_section
from hireops.pages.candidates.profile.language import language_section
from hireops.pages.candidates.profile.tags import tags_section
from hireops.pages.candidates.profile.talent_pool import pool_panel, pool_reject_dialog
from hireops.pages.candidates.profile.offers import offers_section
from hireops.pages.candidates.profile.scorecards import scorecards_section
from hireops.state.candidates.profile.scorecards import CandidateScorecardsState
from hireops.state.candidates.profile.page import CandidateState as S
from hireops.state.candidates.profile.decision import CandidateDecisionState
from hireops.state.candidates.profile.flags import CandidateFlagState
from hireops.state.candidates.profile.privacy import CandidatePrivacyState as P
from hireops.state.candidates.profile.conversation import CandidateConversationState
from hireops.state.candidates.profile.interviews import CandidateInterviewState
from hireops.state.candidates.profile.tags import CandidateTagsState
from hireops.state.candidates.profile.offers import CandidateOfferState
from hireops.state.candidates.profile.recordings import CandidateRecordingState
from hireops.state.candidates.profile.talent_pool import CandidatePoolState

MUTED = rx.color("gray", 11)


def _section(title: str, icon: str, *children: rx.Component, **props) -> rx.Component:
    return card(
        rx.hstack(rx.icon(icon, size=18, color=rx.color("accent", 10)),
                  rx.heading(title, size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        *children, width="100%", **props,
    )


def _fact(icon: str, value: rx.Var) -> rx.Component:
    return rx.cond(value != "", rx.hstack(rx.icon(icon, size=14, color=MUTED),
                                          rx.text(value, size="2", color=MUTED),
                                          spacing="1", align="center"))


def _external(icon: str, label: str, url: rx.Var) -> rx.Component:
    return rx.cond(url != "", rx.link(rx.hstack(rx.icon(icon, size=14), rx.text(label, size="2"),
                                                spacing="1", align="center"),
                                      href=url, is_external=True))


def _header() -> rx.Component:
    return card(
        rx.hstack(
            rx.avatar(fallback=rx.cond(S.profile.identity_hidden, "#", S.profile.display_name[:2].upper()),
                      size="6", radius="full"),
            rx.vstack(
                rx.hstack(rx.heading(S.profile.display_name, size="6", id="candidate-name"),
                          rx.cond(S.profile.blind, rx.badge(rx.icon("eye-off", size=12), "Blind screening",
                                                    color_scheme="purple", variant="soft")),
                          rx.cond(S.profile.merged_into_id != 0,
                                  rx.link(rx.badge("Merged into #", S.profile.merged_into_id.to_string(),
                                                   color_scheme="orange"),
                                          href=routes.CANDIDATE + "?id="
                                          + S.profile.merged_into_id.to_string())),
                          spacing="2", align="center", wrap="wrap"),
                rx.text(rx.cond(S.profile.current_title != "", S.profile.current_title, "Title unknown"),
                        size="3", color=MUTED),
                rx.hstack(_fact("mail", S.profile.email), _fact("phone", S.profile.phone),
                          _fact("map-pin", S.profile.location), _external("link", "LinkedIn",
                                                                  S.profile.linkedin_url),
                          _external("folder-git-2", "GitHub", S.profile.github_url),
                          spacing="4", wrap="wrap"),
                rx.hstack(rx.badge("Source: ", S.profile.source, variant="soft", color_scheme="gray"),
                          rx.badge("Added ", S.profile.created, variant="soft", color_scheme="gray"),
                          rx.badge("#", S.candidate_id.to_string(), variant="outline",
                                   color_scheme="gray"), spacing="2", wrap="wrap"),
                spacing="2",
            ),
            rx.spacer(),
            rx.cond(S.profile.identity_hidden & S.can_edit,
                    rx.button(rx.icon("eye", size=16), "Reveal identity", on_click=S.reveal,
                              variant="soft", color_scheme="purple", id="reveal-identity")),
            spacing="4", align="start", width="100%", wrap="wrap",
        ),
        width="100%",
    )


def _score_badge(value: rx.Var, text: rx.Var) -> rx.Component:
    return rx.badge(text, size="3", variant="solid",
                    color_scheme=rx.cond(value < 0, "gray", score_color(value)))


def _recommendation(value: rx.Var) -> rx.Component:
    return rx.match(
        value,
        *[(name, rx.badge(name.capitalize(), color_scheme=color, variant="soft"))
          for name, color in RECOMMENDATION_COLORS.items()],
        rx.fragment(),
    )


def _evidence_row(row: EvidenceRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.skill, weight="medium", size="2"), white_space="nowrap"),
        rx.table.cell(rx.text("“", row.sentence, "”", size="2", color=MUTED)),
        rx.table.cell(rx.badge(row.importance, variant="soft", color_scheme=rx.cond(
            row.importance == "Must-have", "indigo", "gray"))),
    )


def _knockout(row: KnockoutRow) -> rx.Component:
    return rx.hstack(
        rx.match(row.result,
                 ("pass", rx.badge(rx.icon("check", size=12), "Pass", color_scheme="green")),
                 ("fail", rx.badge(rx.icon("x", size=12), "Fail", color_scheme="red")),
                 rx.badge(rx.icon("circle-help", size=12), "Unknown", color_scheme="amber")),
        rx.text(row.requirement, size="2", weight="medium"),
        rx.cond(row.evidence != "", rx.text("— ", row.evidence, size="1", color=MUTED)),
        spacing="2", align="center", wrap="wrap",
    )


def _application(app: ApplicationCard) -> rx.Component:
    return card(
        rx.vstack(
            rx.hstack(
                rx.vstack(rx.heading(app.job_title, size="4"),
                          rx.hstack(rx.badge(app.stage_label, variant="soft"),
                                    rx.text(rx.cond(app.talent_pool, "In the pool since ",
                                                    "Applied "), app.applied,
                                            size="1", color=MUTED),
                                    spacing="2", align="center"),
                          spacing="1"),
                rx.spacer(),
                rx.vstack(
                    rx.hstack(_recommendation(app.recommendation),
                              # A pool entry is scored only when a score was asked for it.
                              rx.cond(app.talent_pool & (app.score_value < 0), rx.fragment(),
                                      _score_badge(app.score_value, app.score)),
                              rx.cond(app.score_value >= 0,
                                      flag_button("resume_score", app.application_id,
                                                  "flag-resume-score")),
                              spacing="2", align="center"),
                    rx.cond(app.confidence != "", rx.text("Confidence ", app.confidence,
                                                          size="1", color=MUTED)),
                    rx.cond(app.stale, rx.badge(rx.icon("clock-alert", size=12),
                                                "Scored for an older job version",
                                                color_scheme="amber", variant="soft")),
                    align="end", spacing="1",
                ),
                width="100%", align="start", wrap="wrap", row_gap="8px",
            ),
            resume_score_flags(app.application_id),
            rx.cond(app.talent_pool, pool_panel(app)),
            rx.cond(app.evidence.length() > 0, rx.vstack(
                subheading("Evidence"),
                rx.table.root(rx.table.body(rx.foreach(app.evidence, _evidence_row)),
                              variant="ghost", size="1", width="100%"),
                spacing="1", width="100%")),
            rx.cond(app.gaps.length() > 0, rx.vstack(
                subheading("Gaps"),
                rx.hstack(rx.foreach(app.gaps, lambda g: rx.badge(g, color_scheme="red",
                                                                  variant="soft")),
                          spacing="2", wrap="wrap"),
                spacing="1")),
            rx.cond(app.risks.length() > 0, rx.vstack(
                subheading("Risks"),
                rx.foreach(app.risks, lambda r: rx.hstack(
                    rx.icon("triangle-alert", size=14, color=rx.color("amber", 10)),
                    rx.text(r, size="2"), spacing="2", align="center")),
                spacing="1")),
            rx.cond(app.knockouts.length() > 0, rx.vstack(
                subheading("Knockout requirements"), rx.foreach(app.knockouts, _knockout),
                spacing="1")),
            rx.cond(app.screening_questions.length() > 0, rx.vstack(
                subheading("Screening questions"),
                rx.ordered_list(rx.foreach(app.screening_questions,
                                           lambda q: rx.list_item(rx.text(q, size="2")))),
                spacing="1")),
            spacing="2", width="100%",
        ),
        width="100%",
    )


def _applications() -> rx.Component:
    return rx.vstack(
        rx.heading("Applications", size="4"),
        rx.cond(S.profile.applications.length() > 0,
                rx.foreach(S.profile.applications, _application),
                card(rx.text("No applications yet.", color=MUTED), width="100%")),
        pool_reject_dialog(),
        spacing="3", width="100%", id="candidate-applications",
    )


def _segment(segment: ResumeSegment) -> rx.Component:
    return rx.cond(
        segment.matched,
        rx.text.span(segment.text, background=rx.color("yellow", 5), border_radius="3px",
                     padding_x="2px", font_weight="600", class_name="skill-hit"),
        rx.text.span(segment.text),
    )


def _resume() -> rx.Component:
    return _section(
        "Resume", "file-text",
        rx.cond(
            S.profile.resume_segments.length() > 0,
            rx.box(rx.text(rx.foreach(S.profile.resume_segments, _segment), size="2",
                           white_space="pre-wrap", line_height="1.6"),
                   max_height="520px", overflow_y="auto", id="resume-text"),
            rx.text("No resume text on file.", color=MUTED, size="2"),
        ),
        rx.cond(S.profile.resume_filename != "",
                download_button(rx.icon("download", size=16), "Download ",
                                S.profile.resume_filename, href=S.profile.resume_url,
                                variant="soft", margin_top="12px", id="download-resume")),
    )


def _timeline_entry(entry: TimelineEntry) -> rx.Component:
    return rx.hstack(
        rx.center(rx.icon(rx.cond(entry.is_note, "message-square", "activity"), size=14,
                          color=rx.color("accent", 10)),
                  width="28px", height="28px", min_width="28px", border_radius="50%",
                  background=rx.color("accent", 3)),
        rx.vstack(
            rx.hstack(rx.text(entry.label, size="2", weight="medium"),
                      rx.text(entry.actor, " · ", entry.at, size="1", color=MUTED),
                      spacing="2", align="baseline", wrap="wrap"),
            rx.cond(entry.note != "", rx.text(entry.note, size="2", white_space="pre-wrap",
                                              color=rx.cond(entry.is_note, rx.color("gray", 12),
                                                            MUTED))),
            spacing="0",
        ),
        spacing="3", align="start", width="100%",
    )


def _notes_form() -> rx.Component:
    return rx.cond(S.can_edit, rx.vstack(
        rx.text_area(value=S.note_text, on_change=S.set_note_text, rows="3", width="100%",
                     placeholder="Add a note for the team…", id="candidate-note"),
        rx.hstack(rx.spacer(), rx.button(rx.icon("message-square-plus", size=16), "Add note",
                                         on_click=S.save_note, id="add-note"), width="100%"),
        spacing="2", width="100%", padding_bottom="12px",
    ))


def _timeline() -> rx.Component:
    return _section(
        "Notes and timeline", "history",
        _notes_form(),
        rx.vstack(rx.foreach(S.profile.timeline, _timeline_entry), spacing="3", width="100%",
                  id="candidate-timeline", max_height="480px", overflow_y="auto"),
    )


def _email_row(email: EmailEntry) -> rx.Component:
    return rx.hstack(rx.icon("mail", size=14, color=MUTED),
                     rx.text(email.subject, size="2", weight="medium"), rx.spacer(),
                     rx.badge(email.status, variant="soft", color_scheme="gray"),
                     rx.text(email.received, size="1", color=MUTED, white_space="nowrap"),
                     spacing="2", align="center", width="100%")


def _emails() -> rx.Component:
    return rx.cond(S.profile.emails.length() > 0, _section(
        "Emails received", "inbox",
        rx.vstack(rx.foreach(S.profile.emails, _email_row), spacing="2", width="100%")))


def _merge() -> rx.Component:
    return rx.cond(S.can_edit & (S.profile.merged_into_id == 0), _section(
        "Merge duplicate", "merge",
        rx.text("Fold another record of the same person into this one. Its applications and "
                "emails move here; the history of both stays.", size="2", color=MUTED),
        rx.hstack(rx.input(placeholder="Duplicate's id, e.g. 42", value=S.merge_id,
                           on_change=S.set_merge_id, width="100%", id="merge-id"),
                  confirm_dialog(
                      trigger=rx.button("Merge", variant="soft", color_scheme="orange",
                                        disabled=S.merge_id.strip() == "", id="merge-candidate"),
                      title="Merge record " + S.merge_id + " into this one?",
                      description="Its applications and emails move to this candidate and the "
                                  "duplicate disappears from the lists. This cannot be undone.",
                      confirm_label="Merge", color="orange", on_confirm=S.merge,
                      confirm_id="merge-confirm"),
                  spacing="2", width="100%", padding_top="10px"),
    ))


def _privacy() -> rx.Component:
    erase_dialog = rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Erase this candidate's data?"),
            rx.alert_dialog.description(
                "Every application, email, attachment, interview, evaluation and decision of "
                "this person is deleted, with their files. This cannot be undone. The audit log "
                "keeps only a record that the data was erased, by whom and why.", size="2"),
            rx.text_area(placeholder="Why (e.g. the candidate asked by email on 21 Nov)",
                         value=P.erase_reason, on_change=P.set_erase_reason, width="100%",
                         margin_top="12px", id="erase-reason"),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft",
                                                       color_scheme="gray",
                                                       on_click=P.close_erase)),
                      rx.button("Erase permanently", color_scheme="red",
                                on_click=P.confirm_erase, id="erase-confirm"),
                      spacing="3", justify="end", margin_top="16px"),
        ),
        open=P.erasing,
    )
    return rx.cond(S.can_edit, _section(
        "Candidate data", "shield",
        rx.text("Give the candidate a copy of everything held about them, or erase it on "
                "request.", size="2", color=MUTED),
        rx.hstack(
            download_button(rx.icon("download", size=14), "Export data",
                            href=P.data_export_url, variant="soft", size="2", id="export-data"),
            rx.cond(S.is_admin, rx.button(rx.icon("trash-2", size=14), "Erase…",
                                          variant="soft", color_scheme="red", size="2",
                                          on_click=P.open_erase, id="erase-open")),
            spacing="2", padding_top="10px"),
        erase_dialog,
    ))


def _back() -> rx.Component:
    return rx.link(rx.button(rx.icon("arrow-left", size=16), "All candidates", variant="soft",
                             color_scheme="gray"), href=routes.CANDIDATES)


@recruiter_page(route=routes.CANDIDATE, title="Candidate",
                on_load=[S.load, CandidateInterviewState.load_interviews,
                         CandidateDecisionState.load_decisions, CandidateFlagState.load_flags,
                         CandidateConversationState.load_conversation,
                         CandidateTagsState.load_tags, CandidateOfferState.load_offers,
                         CandidateScorecardsState.load_scorecards,
                         CandidateRecordingState.load_recordings,
                         CandidatePoolState.load_pool],
                actions=_back)
def candidate() -> rx.Component:
    return rx.vstack(
        error_callout(S.error),
        _header(),
        rx.grid(
            rx.vstack(decision_section(), _applications(), offers_section(),
                      interviews_section(), scorecards_section(), _resume(),
                      spacing="4", width="100%"),
            rx.vstack(tags_section(), language_section(), conversation_section(), _timeline(),
                      _emails(),
                      outgoing_mail_section(), _merge(), _privacy(),
                      spacing="4",
                      width="100%"),
            columns=rx.breakpoints(initial="1", lg="3fr 2fr"), spacing="4", width="100%",
            align_items="start",
        ),
        spacing="4", width="100%",
    )
