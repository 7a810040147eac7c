"""The candidate page's "Offer and hire" section: each application's stage in its job's own
flow, "Draft offer" (form, preview, send) and the answer buttons of a sent offer."""

import reflex as rx

from hireops.components.confirm import confirm_dialog
from hireops.components.ui import card
from hireops.services.outreach.offer_view import OfferRow, OfferTarget
from hireops.services.outreach.offers import SALARY_PERIODS
from hireops.state.candidates.profile.offers import CandidateOfferState as O

MUTED = rx.color("gray", 11)
OFFER_COLORS = {"sent": "blue", "accepted": "green", "declined": "orange"}


def _stage_menu(target: OfferTarget) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(placeholder="Move to stage", class_name="move-stage"),
        rx.select.content(rx.foreach(
            target.stages,
            lambda s: rx.select.item(s.label, value=s.key))),
        value=target.stage,
        on_change=lambda key: O.move_to(target.application_id, key),
        size="1",
    )


def _offer(row: OfferRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.badge(row.status_label, variant="soft",
                     color_scheme=rx.match(row.status, *OFFER_COLORS.items(), "gray")),
            rx.text(row.salary, " · from ", row.start_date, size="2", weight="medium"),
            spacing="2", align="center", wrap="wrap"),
        rx.text("Made ", row.made,
                rx.cond(row.mail_status != "", " · email " + row.mail_status, ""),
                size="1", color=MUTED),
        rx.cond(row.reason != "", rx.text("Reason: ", row.reason, size="2",
                                          class_name="offer-reason")),
        rx.cond(row.status == "sent", rx.hstack(
            rx.button(rx.icon("check", size=14), "Accepted", size="1", color_scheme="green",
                      variant="soft", on_click=O.open_answer(row.offer_id, True),
                      class_name="offer-accepted"),
            rx.button(rx.icon("x", size=14), "Declined", size="1", color_scheme="orange",
                      variant="soft", on_click=O.open_answer(row.offer_id, False),
                      class_name="offer-declined"),
            spacing="2")),
        spacing="1", width="100%", padding="8px 12px", border_radius="8px",
        background=rx.color("gray", 2), class_name="offer-row",
    )


def _target(target: OfferTarget) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(target.job_title, size="3", weight="medium"),
            rx.badge(target.stage_label, variant="soft", class_name="offer-stage"),
            rx.spacer(),
            _stage_menu(target),
            rx.cond(target.can_offer, rx.button(
                rx.icon("signature", size=14), "Draft offer", size="1",
                on_click=O.open_draft(target.application_id), class_name="draft-offer")),
            width="100%", align="center", wrap="wrap", row_gap="8px",
        ),
        rx.foreach(target.offers, _offer),
        spacing="2", width="100%",
    )


def _field(label: str, control: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="2", weight="medium"), control, spacing="1",
                     width="100%")


def _input(name: str, value: rx.Var, **props) -> rx.Component:
    return rx.input(value=value, on_change=lambda v: O.set_offer_field(name, v),
                    width="100%", id=f"offer-{name.replace('_', '-')}", **props)


def _preview() -> rx.Component:
    return rx.cond(O.previewed, rx.vstack(
        rx.text("Email: ", rx.text.strong(O.preview_subject), size="2"),
        rx.text(O.preview_email, size="2", white_space="pre-wrap", color=MUTED),
        rx.separator(width="100%"),
        rx.text("Letter (attached as a Word file)", size="1", color=MUTED),
        rx.heading(O.preview_title, size="3"),
        rx.text(O.preview_letter, size="2", white_space="pre-wrap", id="offer-letter-preview"),
        spacing="2", width="100%", padding="12px", border_radius="8px",
        border=f"1px solid {rx.color('gray', 5)}", max_height="320px", overflow_y="auto",
    ))


def _draft_dialog() -> rx.Component:
    form = rx.grid(
        _field("Salary", _input("salary_amount", O.salary_amount, placeholder="68000")),
        _field("Currency", _input("currency", O.currency, max_length=3)),
        _field("Per", rx.select(list(SALARY_PERIODS), value=O.salary_period,
                                on_change=lambda v: O.set_offer_field("salary_period", v),
                                width="100%")),
        _field("Start date", _input("start_date", O.start_date, placeholder="31/12/2026")),
        _field("Answer by", _input("response_deadline", O.response_deadline,
                                        placeholder="31/12/2026")),
        _field("Place of work", _input("location", O.location,
                                       placeholder="The job's location")),
        columns=rx.breakpoints(initial="1", sm="3"), spacing="3", width="100%",
    )
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Offer: ", O.draft_job),
        rx.dialog.description("Filled into the offer email and letter templates (Settings > "
                              "Email templates). Preview, then send.", size="2", color=MUTED),
        rx.vstack(
            form,
            _field("Other terms", rx.text_area(
                value=O.other_terms, on_change=lambda v: O.set_offer_field("other_terms", v),
                rows="3", width="100%", id="offer-other-terms",
                placeholder="Holiday, benefits, probation...")),
            rx.cond(O.form_error != "", rx.callout(O.form_error, icon="triangle_alert",
                                                   color_scheme="red", size="1",
                                                   id="offer-error")),
            _preview(),
            rx.flex(
                rx.button("Cancel", variant="soft", color_scheme="gray", on_click=O.close_draft),
                rx.button(rx.icon("eye", size=14), "Preview", variant="soft",
                          on_click=O.preview, id="offer-preview"),
                confirm_dialog(
                    title="Send this offer?",
                    description="The offer email goes to the candidate with the letter "
                                "attached, and the application moves to " + O.draft_moves_to
                                + ".",
                    confirm_label="Send offer", color="green", on_confirm=O.send,
                    confirm_id="offer-send-confirm",
                    trigger=rx.button(rx.icon("send", size=14), "Send offer",
                                      disabled=~O.previewed, id="offer-send")),
                spacing="3", justify="end", wrap="wrap", width="100%"),
            spacing="3", width="100%", padding_top="12px",
        ),
        max_width="720px",
    ), open=O.draft_for != 0)


def _answer_dialog() -> rx.Component:
    return confirm_dialog(
        title=rx.cond(O.answer_accepted, "Record the acceptance?", "Record the decline?"),
        description=rx.cond(O.answer_accepted,
                            "The application moves to " + O.answer_moves_to
                            + "; time to hire counts to now.",
                            "The application stays in " + O.answer_stays_in
                            + " with the candidate's reason."),
        confirm_label="Record", color="green",
        on_confirm=O.save_answer, on_cancel=O.cancel_answer, open=O.answer_for != 0,
        confirm_id="offer-answer-confirm",
        confirm_disabled=~O.answer_accepted & (O.answer_reason.strip() == ""),
        body=rx.cond(O.answer_accepted, rx.fragment(), rx.input(
            placeholder="The candidate's reason (kept with the offer)", value=O.answer_reason,
            on_change=O.set_answer_reason, width="100%", margin_top="12px",
            id="offer-decline-reason")),
    )


def offers_section() -> rx.Component:
    return rx.cond(O.targets.length() > 0, card(
        rx.hstack(rx.icon("handshake", size=18, color=rx.color("accent", 10)),
                  rx.heading("Offer and hire", size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        rx.vstack(rx.foreach(O.targets, _target), spacing="4", width="100%"),
        _draft_dialog(), _answer_dialog(),
        width="100%", id="offer-section",
    ))

