"""Decision cards: HR approves and schedules, rejects with an email, or overrides.

`DecisionActions` holds the cards' dialogs and actions; the dashboard's queue and the
candidate page's card each mix it in and say how to reload (`_reload_decisions`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import reflex as rx
from sqlmodel import Session

from hireops.db import session_scope
from hireops.services.decisions.flow import (
    DecisionActionRefused,
    DecisionCard,
    approve_and_schedule,
    decision_queue,
    override,
    reject_with_email,
    rejection_draft,
)
from hireops.services.decisions.override_warnings import override_warnings
from hireops.services.decisions.rule import ApplicationNotFound
from hireops.services.outreach.email_templates import TemplateError
from hireops.services.platform.labels import decision_label
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.outreach.bookings import MAX_LOCATION_CHARS, SchedulingRefused
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import choice_setter, text_setter
from hireops.state.reports.dashboard import DashboardState

OVERRIDE_CHOICES = ["advance", "hold", "reject"]
_REFUSALS = (DecisionActionRefused, SchedulingRefused, TemplateError, ApplicationNotFound)


# A state mixin: it holds no page of its own, only what the two states share.
class DecisionActions(rx.State, mixin=True):
    decision_cards: list[DecisionCard] = []
    # The decision an approval is running on (0: none): its card's buttons wait meanwhile.
    approving: int = 0
    # The approval waiting for HR to confirm it (decision id, 0: no dialog), and what it books.
    approve_decision: int = 0
    approve_application: int = 0
    approve_name: str = ""
    approve_slot: list[str] = []  # start, end, time zone, source, label (ISO times)
    # Where the interview happens, as typed in the dialog (the team's default to start with).
    approve_location: str = ""
    # The application whose rejection dialog is open (0: closed), and its fields.
    reject_for: int = 0
    reject_decision: int = 0
    reject_name: str = ""
    reject_reason: str = ""
    reject_subject: str = ""
    reject_body: str = ""
    # The application whose override dialog is open (0: closed), and its fields.
    override_for: int = 0
    override_decision: int = 0
    override_name: str = ""
    override_choice: str = "advance"
    override_why: str = ""
    # Per override choice, the email already sent that it would contradict (choice -> warning).
    override_warnings: dict[str, str] = {}

    def _reload_decisions(self) -> None:
        raise NotImplementedError

    @event_for(*WRITE_ROLES)
    def ask_approve(self, application_id: int, decision_id: int, start: str, end: str, tz: str,
                    source: str, label: str, name: str):
        """Open the confirmation: approving sends the candidate an email, which cannot be
        called back."""
        self.approve_application, self.approve_decision = int(application_id), int(decision_id)
        self.approve_name = str(name)
        self.approve_slot = [str(start), str(end), str(tz), str(source), str(label)]
        self.approve_location = current_settings().interview_location

    set_approve_location = text_setter("approve_location", MAX_LOCATION_CHARS,
                                       requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def close_dialog(self):
        """Cancel: close the approve, reject or override dialog (one is open at a time)."""
        self._close_dialogs()

    def _close_dialogs(self) -> None:
        self.approve_decision = self.reject_for = self.override_for = 0

    @event_for(*WRITE_ROLES)
    async def approve(self, application_id: int, decision_id: int, start: str, end: str,
                      tz: str, source: str):
        """Book the slot, approve the candidate and queue the confirmation with its invite,
        once per decision (a second press is refused by the database, not only the button)."""
        self.approving, self.approve_decision = int(decision_id), 0
        yield  # the card's buttons show that the approval is under way
        message, refusal = call_service(
            approve_and_schedule, _REFUSALS, application_id=int(application_id),
            decision_id=int(decision_id),
            start=datetime.fromisoformat(start), end=datetime.fromisoformat(end),
            candidate_tz=tz, source=source, actor=current_actor(),
            location=self.approve_location)
        self.approving = 0
        self._reload_decisions()
        if refusal:
            yield refusal.toast
            return
        yield rx.toast.success(f"Interview booked; the confirmation to {message.to_address} "
                               "is queued.")

    @event_for(*WRITE_ROLES)
    def open_reject(self, application_id: int, decision_id: int, name: str):
        draft, refusal = call_service(rejection_draft, _REFUSALS,
                                      application_id=int(application_id), actor=current_actor())
        if refusal:
            return refusal.toast
        subject, body = draft
        self.reject_for, self.reject_name = int(application_id), str(name)
        self.reject_decision = int(decision_id)
        self.reject_reason, self.reject_subject, self.reject_body = "", subject, body

    set_reject_reason = text_setter("reject_reason", 1000, requires(*WRITE_ROLES))
    set_reject_subject = text_setter("reject_subject", 200, requires(*WRITE_ROLES))
    set_reject_body = text_setter("reject_body", 20_000, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def confirm_reject(self):
        return self._confirm_dialog(self.reject_for, lambda session: reject_with_email(
            session=session, application_id=self.reject_for, decision_id=self.reject_decision,
            reason=self.reject_reason, subject=self.reject_subject, body=self.reject_body,
            actor=current_actor()), done="Rejected; the email is queued.")

    @event_for(*WRITE_ROLES)
    def open_override(self, application_id: int, decision_id: int, name: str):
        self.override_for, self.override_name = int(application_id), str(name)
        self.override_decision = int(decision_id)
        self.override_choice, self.override_why = "advance", ""
        with session_scope() as session:
            self.override_warnings = override_warnings(session=session,
                                                       application_id=int(application_id))

    set_override_choice = choice_setter("override_choice", OVERRIDE_CHOICES,
                                        requires(*WRITE_ROLES))
    set_override_why = text_setter("override_why", 1000, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def confirm_override(self):
        return self._confirm_dialog(self.override_for, lambda session: override(
            session=session, application_id=self.override_for,
            decision_id=self.override_decision, decision=self.override_choice,
            reason=self.override_why, actor=current_actor()),
            done=f"Decision set to {decision_label(self.override_choice)}; the override is in "
                 "the audit log.")

    def _confirm_dialog(self, open_for: int, action: Callable[[Session], object], *,
                        done: str):
        """Run a dialog's action in one transaction. Refused: the dialog stays open and a
        toast says why. Done: the dialog closes and the cards are read again.
        `open_for` is the application the dialog is open for (0: closed)."""
        if not open_for:  # a second press after the dialog closed
            return None
        _, refusal = call_service(action, _REFUSALS)
        if refusal:
            return refusal.toast
        self._close_dialogs()
        self._reload_decisions()
        return rx.toast.success(done)


class DecisionQueueState(DecisionActions, DashboardState):
    """The dashboard's "Decision required" queue."""

    @event_for(*READ_ROLES)
    def load_queue(self):
        self._close_dialogs()
        self._reload_decisions()

    @event_for(*READ_ROLES)
    def refresh(self):
        """The dashboard's live update: figures, activity and the queue, read again; the
        queue waits while HR has an approve, reject or override dialog open."""
        if self.reject_for or self.override_for or self.approve_decision:
            self._load_metrics()
        else:
            self._reload_decisions()

    def _reload_decisions(self) -> None:
        # An approval, rejection or override moves a stage and adds activity: the figures
        # beside the queue are read with it, not at the next live update.
        self._load_metrics()
        with session_scope() as session:
            self.decision_cards = decision_queue(session=session)
            # The metric card above counts the same decisions.
            self.awaiting_hr = len(self.decision_cards)
