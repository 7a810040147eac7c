"""The candidate page's language picker: the language HireOps writes and interviews in."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.candidates.language import (
    LanguageRefused,
    get_candidate_language,
    set_candidate_language,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url
from hireops.state.candidates.profile.page import CandidateState


class CandidateLanguageState(CandidateState):
    # en, fr, de or es ("" until loaded).
    language: str = ""

    @event_for(*READ_ROLES)
    def load_language(self):
        candidate_id = id_in_url(self)
        if not candidate_id:
            return
        try:
            with session_scope() as session:
                self.language = get_candidate_language(session=session,
                                                       candidate_id=candidate_id)
        except LookupError:
            self.language = ""

    @event_for(*WRITE_ROLES)
    def change_language(self, language: str):
        changed, refusal = call_service(set_candidate_language, (LanguageRefused, LookupError),
                                        candidate_id=self.candidate_id, language=str(language),
                                        actor=current_actor())
        if refusal:
            return refusal.toast
        self.language = str(language)
        return rx.toast.success("Emails and interview questions now go out in this language.") \
            if changed else None
