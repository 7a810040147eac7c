"""The candidate page's interviews: generate, send and revoke links; transcript and signals."""

from __future__ import annotations

import reflex as rx

from hireops.services.outreach.email_templates import TemplateError
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import LinkRefused, generate_link, revoke_link
from hireops.services.interviews.review import (
    InterviewCard,
    OutgoingMailRow,
    interview_cards,
    outgoing_mail,
)
from hireops.services.outreach.outbox import retry_message
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState


class CandidateInterviewState(CandidateState):
    interviews: list[InterviewCard] = []
    outgoing: list[OutgoingMailRow] = []
    # The application waiting for a reason to invite below its resume threshold (0: none).
    override_application_id: int = 0
    override_problem: str = ""
    override_reason: str = ""

    @event_for(*READ_ROLES)
    def load_interviews(self):
        self.override_application_id, self.override_reason = 0, ""
        self._reload_interviews()

    def _after_change(self) -> None:
        """An interview action also changes the stage and the timeline shown above."""
        self._refresh()
        self._reload_interviews()

    def _reload_interviews(self) -> None:
        self.interviews = self._rows_of_candidate(interview_cards)
        self.outgoing = self._rows_of_candidate(outgoing_mail)

    set_override_reason = text_setter("override_reason", 1000, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def cancel_override(self):
        self.override_application_id, self.override_reason, self.override_problem = 0, "", ""

    @event_for(*WRITE_ROLES)
    def generate(self, application_id: int, override: bool = False):
        """A new interview link; below the threshold HR is asked for a reason first."""
        reason = self.override_reason if override else ""
        _, refusal = call_service(generate_link, LinkRefused, application_id=int(application_id),
                                  actor=current_actor(), override_reason=reason)
        if refusal and "Give a reason" in refusal.message:
            self.override_application_id = int(application_id)
            self.override_problem = refusal.message
            return
        if refusal:
            return refusal.toast
        self.override_application_id, self.override_reason, self.override_problem = 0, "", ""
        self._after_change()
        return rx.toast.success("Interview link generated. Copy it or send it by email.")

    @event_for(*WRITE_ROLES)
    def generate_with_override(self):
        if not self.override_reason.strip():
            return rx.toast.warning("Write why this candidate should be invited anyway.")
        return CandidateInterviewState.generate(self.override_application_id, True)

    @event_for(*WRITE_ROLES)
    def revoke(self, link_id: int):
        _, refusal = call_service(revoke_link, LinkRefused, link_id=int(link_id),
                                  actor=current_actor(), reason="revoked by HR")
        if refusal:
            return refusal.toast
        self._after_change()
        return rx.toast.info("The link no longer opens the interview.")

    @event_for(*WRITE_ROLES)
    def send(self, link_id: int):
        """Email the link to the candidate through the outbox (once per link)."""
        message, refusal = call_service(send_link, (LinkRefused, TemplateError),
                                        link_id=int(link_id), actor=current_actor())
        if refusal:
            return refusal.toast
        self._after_change()
        return rx.toast.success(f"Invitation queued for {message.to_address}.")

    @event_for(*WRITE_ROLES)
    def retry_mail(self, message_id: int):
        _, refusal = call_service(retry_message, ValueError, message_id=int(message_id),
                                  actor=current_actor())
        if refusal:
            return refusal.toast
        self._after_change()
        return rx.toast.info("The message will be sent again in a moment.")
