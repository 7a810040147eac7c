"""The candidate page: one profile loaded by ?id=, notes, reveal and merge (the resume file is
a plain link to its route, `api/file_routes.py`)."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.services.privacy.blind_screening import reveal_identity
from hireops.services.candidates.profile import (
    CandidateMergeRefused, CandidateProfile, add_note, get_candidate_profile, merge_candidates,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url
from hireops.state.common_setters import text_setter
from hireops.state.auth import AuthState


# Before the first read, and for an id that names no one: nothing to show.
NO_PROFILE = CandidateProfile(candidate_id=0, display_name="", email="", phone="", location="",
                              linkedin_url="", github_url="", current_title="", source="",
                              created="", blind=False, identity_hidden=False, merged_into_id=0)


class CandidateState(AuthState):
    candidate_id: int = 0
    # What the page shows of the person, as the service reads it (blind screening applied).
    profile: CandidateProfile = NO_PROFILE
    note_text: str = ""
    merge_id: str = ""
    error: str = ""

    @event_for(*READ_ROLES)
    def load(self):
        """Read the candidate in ?id=; unknown ids go back to the tracker."""
        self.error, self.note_text, self.merge_id = "", "", ""
        self.candidate_id = id_in_url(self)
        try:
            self._refresh()
        except (ValueError, LookupError):
            return [rx.toast.error("That candidate does not exist."),
                    rx.redirect(routes.CANDIDATES)]

    set_note_text = text_setter("note_text", 4000, requires(*WRITE_ROLES))
    set_merge_id = text_setter("merge_id", 12, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def save_note(self):
        _, refusal = call_service(add_note, (ValueError, LookupError),
                                  candidate_id=self.candidate_id, text=self.note_text,
                                  actor=current_actor())
        if refusal:
            self.error = refusal.message
            return
        self.note_text, self.error = "", ""
        self._refresh()
        return rx.toast.success("Note added.")

    @event_for(*WRITE_ROLES)
    def reveal(self):
        if not self.profile.identity_hidden:
            return
        with session_scope() as session:
            reveal_identity(session=session, candidate_id=self.candidate_id,
                            actor=current_actor())
        self._refresh()
        return rx.toast.info("Identity revealed; the reveal is in the audit log.")

    @event_for(*WRITE_ROLES)
    def merge(self):
        """Fold the duplicate whose id was typed into this candidate."""
        try:
            merge_id = int(self.merge_id.strip().lstrip("#"))
            with session_scope() as session:
                outcome = merge_candidates(session=session, keep_id=self.candidate_id,
                                        merge_id=merge_id, actor=current_actor())
        except ValueError as refused:
            self.error = (str(refused) if isinstance(refused, CandidateMergeRefused)
                          else "Type the id of the duplicate candidate (a number).")
            return
        except LookupError as missing:
            self.error = str(missing)
            return
        self.merge_id, self.error = "", ""
        self._refresh()
        # Toasts speak of records, not their internal numbers.
        return rx.toast.success(outcome.describe())

    def _rows_of_candidate(self, read: Callable[..., list]) -> list:
        """What `read(session=..., candidate_id=...)` lists for this page's candidate (nothing
        before one is loaded): the sections below the profile read their rows this way."""
        if not self.candidate_id:
            return []
        with session_scope() as session:
            return read(session=session, candidate_id=self.candidate_id)

    def _refresh(self) -> None:
        with session_scope() as session:
            self.profile = get_candidate_profile(session=session,
                                                 candidate_id=self.candidate_id)
