"""The optional equal-opportunities step of the room, after consent (only when the team asks
such questions): the answers are stored apart from the application."""

from __future__ import annotations

import reflex as rx

from hireops.services.candidates.equal_opportunities import AnswersRefused, Question
from hireops.services.interviews import room_flow
from hireops.state.interviews.room import InterviewRoomState
from hireops.state.interviews.room_access import room_handler, room_loader


class RoomEqualState(InterviewRoomState):
    """The team's optional questions and the candidate's choices so far."""

    equal_questions: list[Question] = []
    equal_answers: dict[str, str] = {}
    equal_error: str = ""

    def _ask(self, questions: list[Question]) -> None:
        """Show `questions` with no answer chosen yet."""
        self.equal_questions = questions
        self.equal_answers = {question.key: "" for question in questions}
        self.equal_error = ""

    @rx.event
    @room_loader
    def load_questions(self):
        """on_load, after load_room: read now so the step list shows the optional step from
        the start (a refused or finished room keeps what it had)."""
        if self._opened():
            self.equal_questions = room_flow.equal_questions()

    @rx.event
    @room_handler
    def set_equal_answer(self, key: str, value: str):
        if key in self.equal_answers:
            self.equal_answers = {**self.equal_answers, key: str(value)}

    @rx.event
    @room_handler
    def save_equal_answers(self):
        """Store the candidate's own answers apart from the application, then go on."""
        try:
            room_flow.save_equal_answers(link_id=self._link_id, answers=self.equal_answers)
        except AnswersRefused:
            # The questions changed while the page was open: ask again with the new ones.
            self._ask(room_flow.equal_questions())
            self.equal_error = self._say("equal_changed")
            return
        self._leave_equal_step()

    @rx.event
    @room_handler
    def skip_equal_answers(self):
        self._leave_equal_step()

    def _leave_equal_step(self) -> None:
        self.equal_answers, self.equal_error = {}, ""
        self.step = "check"
