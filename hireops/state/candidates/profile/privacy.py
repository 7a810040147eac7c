"""The candidate page's privacy actions: export everything held about the person, or erase it."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.services.privacy.rights import CandidateNotFound, erase_candidate
from hireops.state.access import ADMIN_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState


class CandidatePrivacyState(CandidateState):
    erasing: bool = False
    erase_reason: str = ""

    @rx.var
    def data_export_url(self) -> str:
        """Where the browser downloads the person's data (JSON with their original files, for
        a subject-access request): built by a route in a worker thread, not here on the
        server's event loop."""
        return routes.candidate_data_export(self.candidate_id)

    @event_for(*ADMIN_ROLES)
    def open_erase(self):
        self.erasing, self.erase_reason = True, ""

    @event_for(*ADMIN_ROLES)
    def close_erase(self):
        self.erasing = False

    set_erase_reason = text_setter("erase_reason", 1000, requires(*ADMIN_ROLES))

    @event_for(*ADMIN_ROLES)
    def confirm_erase(self):
        counts, refusal = call_service(erase_candidate, (ValueError, CandidateNotFound),
                                       candidate_id=self.candidate_id, actor=current_actor(),
                                       reason=self.erase_reason)
        if refusal:
            return refusal.toast
        self.erasing = False
        return [rx.toast.success(f"The candidate's data was erased ({counts['applications']} "
                                 f"application(s), {counts['files']} file(s)); the audit log "
                                 "keeps a record that it happened."),
                rx.redirect(routes.CANDIDATES)]
