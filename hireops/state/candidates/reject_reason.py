"""The reason asked before a rejection, held the same way by the tracker and the board (the
dialog is `components.confirm.reject_reason_dialog`)."""

from __future__ import annotations

import reflex as rx

from hireops.services.candidates.tracker import MIN_REJECTION_REASON
from hireops.state.access import WRITE_ROLES, event_for, requires
from hireops.state.common_setters import text_setter

MAX_REASON_CHARS = 2000


# A state mixin: no page of its own; each state using it says how it rejects (`_reject`).
class RejectReasonMixin(rx.State, mixin=True):
    # The dialog's open flag, the reason typed, and the applications waiting for it.
    rejecting: bool = False
    reject_reason: str = ""
    reject_ids: list[int] = []

    def _ask_reason(self, application_ids: list[int]) -> None:
        """Open the dialog for these applications (they stay where they are until it is
        confirmed)."""
        self.rejecting, self.reject_reason = True, ""
        self.reject_ids = list(application_ids)

    def _reject(self, application_ids: list[int], reason: str):
        raise NotImplementedError

    set_reject_reason = text_setter("reject_reason", MAX_REASON_CHARS, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def close_reject(self):
        self.rejecting = False

    @event_for(*WRITE_ROLES)
    def confirm_reject(self):
        if not self.rejecting:  # a second press of the same confirm button
            return None
        if len(self.reject_reason.strip()) < MIN_REJECTION_REASON:
            return rx.toast.error("Give a reason for the rejection; it is kept with each one.")
        self.rejecting = False
        return self._reject(list(self.reject_ids), self.reject_reason.strip())
