"""The equal-opportunities questions editor (admins): add, remove, start from the examples."""

import reflex as rx

from hireops.db import session_scope
from hireops.services.candidates.equal_opportunities import (
    EXAMPLE_QUESTIONS,
    Question,
    QuestionsInvalid,
    parse_options,
    questions,
    save_questions,
)
from hireops.state.access import ADMIN_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.auth import AuthState


class EqualOpportunitiesState(AuthState):
    # The questions candidates are asked now; empty means nothing is collected.
    questions: list[Question] = []
    # The new question's form: key, text, and answers one per line.
    new_key: str = ""
    new_label: str = ""
    new_options: str = ""
    error: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        self.error = ""
        with session_scope() as session:
            self.questions = questions(session=session)

    set_new_key = text_setter("new_key", 40, requires(*ADMIN_ROLES))
    set_new_label = text_setter("new_label", 200, requires(*ADMIN_ROLES))
    set_new_options = text_setter("new_options", 2000, requires(*ADMIN_ROLES))

    @event_for(*ADMIN_ROLES)
    def add_question(self):
        added = Question(self.new_key, self.new_label, parse_options(self.new_options))
        if self._save([*self.questions, added]):
            self.new_key = self.new_label = self.new_options = ""
            return rx.toast.success("Question added; candidates see it after consenting.")

    @event_for(*ADMIN_ROLES)
    def remove_question(self, key: str):
        if self._save([q for q in self.questions if q.key != key]):
            return rx.toast.info("Question removed.")

    @event_for(*ADMIN_ROLES)
    def use_examples(self):
        if self._save(EXAMPLE_QUESTIONS):
            return rx.toast.success("The example questions are now asked.")

    @event_for(*ADMIN_ROLES)
    def turn_off(self):
        if self._save([]):
            return rx.toast.info("Candidates are no longer asked; answers given stay for the "
                                 "reports.")

    def _save(self, wanted: list[Question]) -> bool:
        saved, refusal = call_service(save_questions, QuestionsInvalid, questions=wanted,
                                      actor=current_actor())
        if refusal:
            self.error = refusal.message
            return False
        self.questions, self.error = saved, ""
        return True
