"""The candidate page's "Offer and hire" section: move within the job's own stages, draft and
preview an offer, send it (DOCX through the outbox) and record the candidate's answer."""

from __future__ import annotations

from datetime import timedelta

import reflex as rx

from hireops.services.platform.clock import format_day_input
from hireops.services.platform.clock import today as company_today
from hireops.services.outreach.email_templates import TemplateError
from hireops.services.outreach.offer_view import OfferTarget, offer_targets
from hireops.services.outreach.offers import (
    SALARY_PERIODS,
    OfferError,
    OfferForm,
    preview_offer,
    record_offer_response,
    send_offer,
)
from hireops.services.candidates.tracker import move_stage
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState

# Form fields are cut here before they reach a service (which checks them properly).
_MAX_FIELD_CHARS = 2100


class CandidateOfferState(CandidateState):
    targets: list[OfferTarget] = []
    # The application whose offer is being drafted (0: the dialog is closed).
    draft_for: int = 0
    draft_job: str = ""
    # Where sending the offer moves the application, as the job names that stage.
    draft_moves_to: str = "Offer"
    salary_amount: str = ""
    currency: str = "EUR"
    salary_period: str = SALARY_PERIODS[0]
    start_date: str = ""
    location: str = ""
    response_deadline: str = ""
    other_terms: str = ""
    # The preview of the current values; sending waits for one (cleared by any edit).
    previewed: bool = False
    preview_subject: str = ""
    preview_email: str = ""
    preview_title: str = ""
    preview_letter: str = ""
    form_error: str = ""
    # The offer whose answer is being recorded (0: none), and whether it is an acceptance.
    answer_for: int = 0
    answer_accepted: bool = True
    answer_reason: str = ""
    # Where an acceptance moves the application, and where a decline leaves it, in the job's
    # names.
    answer_moves_to: str = "Hired"
    answer_stays_in: str = "Offer"

    @event_for(*READ_ROLES)
    def load_offers(self):
        self.draft_for = self.answer_for = 0
        self._reload_offers()

    def _reload_offers(self) -> None:
        self.targets = self._rows_of_candidate(offer_targets)

    def _after_change(self) -> None:
        """The stage and timeline above change too."""
        self._refresh()
        self._reload_offers()

    # --- stage moves -----------------------------------------------------------------------

    @event_for(*WRITE_ROLES)
    def move_to(self, application_id: int, stage: str):
        if not self._owns(application_id):
            return rx.toast.error("That application is not on this page.")
        moved, refusal = call_service(move_stage, (ValueError, LookupError),
                                      application_ids=[int(application_id)], stage=str(stage),
                                      actor=current_actor())
        if refusal:
            return refusal.toast
        self._after_change()
        if moved:
            return rx.toast.success("Stage changed.")

    # --- drafting --------------------------------------------------------------------------

    @event_for(*WRITE_ROLES)
    def open_draft(self, application_id: int):
        target = next((t for t in self.targets if t.application_id == int(application_id)),
                      None)
        if target is None:
            return rx.toast.error("That application is not on this page.")
        today = company_today()
        self.draft_for, self.draft_job = target.application_id, target.job_title
        self.draft_moves_to = target.offer_label
        self.salary_amount, self.location, self.other_terms = "", "", ""
        self.start_date = format_day_input(today + timedelta(days=30))
        self.response_deadline = format_day_input(today + timedelta(days=7))
        self._clear_preview()

    @event_for(*WRITE_ROLES)
    def close_draft(self):
        self.draft_for = 0
        self._clear_preview()

    @event_for(*WRITE_ROLES)
    def set_offer_field(self, name: str, value: str):
        if name in ("salary_amount", "currency", "salary_period", "start_date", "location",
                    "response_deadline", "other_terms"):
            setattr(self, name, str(value)[:_MAX_FIELD_CHARS])
            self._clear_preview()

    @event_for(*WRITE_ROLES)
    def preview(self):
        draft, refusal = call_service(preview_offer, (OfferError, TemplateError),
                                      application_id=self.draft_for, form=self._form(),
                                      actor=current_actor())
        if refusal:
            self._clear_preview()
            self.form_error = refusal.message
            return
        self.form_error = ""
        self.preview_subject, self.preview_email = draft.email.subject, draft.email.text
        self.preview_title, self.preview_letter = draft.letter_title, draft.letter_text
        self.previewed = True

    @event_for(*WRITE_ROLES)
    def send(self):
        if not self.previewed:
            return rx.toast.warning("Preview the offer before sending it.")
        _, refusal = call_service(send_offer, (OfferError, TemplateError, ValueError),
                                  application_id=self.draft_for, form=self._form(),
                                  actor=current_actor())
        if refusal:
            self.form_error = refusal.message
            return
        self.draft_for = 0
        self._clear_preview()
        self._after_change()
        return rx.toast.success(f"Offer queued for {self.profile.email}, with the letter attached.")

    # --- answers ---------------------------------------------------------------------------

    @event_for(*WRITE_ROLES)
    def open_answer(self, offer_id: int, accepted: bool):
        self.answer_for, self.answer_accepted = int(offer_id), bool(accepted)
        self.answer_reason = ""
        target = next((t for t in self.targets
                       if any(o.offer_id == self.answer_for for o in t.offers)), None)
        if target is not None:
            self.answer_moves_to, self.answer_stays_in = target.hired_label, target.offer_label

    @event_for(*WRITE_ROLES)
    def cancel_answer(self):
        self.answer_for, self.answer_reason = 0, ""

    set_answer_reason = text_setter("answer_reason", _MAX_FIELD_CHARS, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def save_answer(self):
        if not any(o.offer_id == self.answer_for for t in self.targets for o in t.offers):
            return rx.toast.error("That offer is not on this page.")
        _, refusal = call_service(record_offer_response, OfferError, offer_id=self.answer_for,
                                  accepted=self.answer_accepted, reason=self.answer_reason,
                                  actor=current_actor())
        if refusal:
            return refusal.toast
        accepted = self.answer_accepted
        self.answer_for, self.answer_reason = 0, ""
        self._after_change()
        if accepted:
            return rx.toast.success("Offer accepted: the candidate is hired.")
        return rx.toast.info("Decline recorded with the reason.")

    # --- helpers ---------------------------------------------------------------------------

    def _owns(self, application_id: int) -> bool:
        return any(t.application_id == int(application_id) for t in self.targets)

    def _form(self) -> OfferForm:
        return OfferForm(salary_amount=self.salary_amount, currency=self.currency,
                         salary_period=self.salary_period, start_date=self.start_date,
                         location=self.location, response_deadline=self.response_deadline,
                         other_terms=self.other_terms)

    def _clear_preview(self) -> None:
        self.previewed, self.form_error = False, ""
        self.preview_subject = self.preview_email = ""
        self.preview_title = self.preview_letter = ""
