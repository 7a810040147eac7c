"""The interview step of the room: the built-in interviewer's questions, the candidate's typed
(or dictated) answers, and the start of the interview from the camera check."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.services.interviews.builtin_interviewer import AnswerRefused
from hireops.services.interviews.room import RoomView
from hireops.services.interviews.room_flow import (
    answer_question,
    begin_interview,
    current_view,
    evaluate_finished,
)
from hireops.services.interviews.turns import MAX_ANSWER_CHARS
from hireops.state.common_setters import switch_setter, text_setter
from hireops.state.interviews.room import (
    InterviewRoomState,
    draft_prefix_for,
    room_token,
    speak,
)
from hireops.state.interviews.room_access import room_handler, room_link_scoped, room_loader


class RoomTypedState(InterviewRoomState):
    """The interview's turns and the answer being written."""

    turns: list[dict[str, str]] = []
    question_number: int = 0
    question_total: int = 0
    deadline_iso: str = ""
    answer: str = ""
    answer_error: str = ""
    # Where this browser keeps the typed draft of this link (localStorage key prefix).
    draft_prefix: str = ""
    speak_questions: bool = True

    @rx.var
    def progress_label(self) -> str:
        """'Question 2 of 6' in the room's language."""
        return (self.t.get("progress", "").replace("{number}", str(self.question_number))
                .replace("{total}", str(self.question_total)))

    def _show_progress(self, view: RoomView) -> None:
        self.turns = [{"speaker": t["speaker"], "text": t["text"]} for t in view.turns]
        self.question_number, self.question_total = view.question_number, view.question_total
        self.deadline_iso = view.deadline_iso

    def _show(self, view: RoomView) -> None:
        self._apply(view)
        self._show_progress(view)

    def _keep_or_clear_draft(self) -> None:
        prefix = draft_prefix_for(room_token(self))
        # A reload of the same room keeps the answer typed so far: the browser may have put
        # the saved draft back before the room's load ran, and it must not be wiped.
        if prefix != self.draft_prefix:
            self.answer = ""
        self.answer_error, self.draft_prefix = "", prefix

    @rx.event
    @room_loader
    def load_interview(self):
        """on_load, after load_room: the turns so far (a reload resumes) and the draft."""
        self._keep_or_clear_draft()
        self._show_progress(current_view(link_id=self._link_id))

    @rx.event
    @room_handler
    def start(self):
        """Leave the camera check and begin (or resume) the interview."""
        progress = begin_interview(link_id=self._link_id)
        self._show(progress.view)
        self.step = "interview"
        if progress.say and self.speak_questions:
            return speak(progress.say, self.speech_lang)

    set_answer = text_setter("answer", MAX_ANSWER_CHARS, room_handler)

    @rx.event
    @room_handler
    def restore_draft(self, text: str):
        """The browser's saved draft of the current question, after a reload."""
        if not self.answer:
            self.answer = str(text)[:MAX_ANSWER_CHARS]

    set_speak_questions = switch_setter("speak_questions", room_handler)

    @rx.event
    @room_handler
    def append_dictation(self, text: str):
        """Speech recognised in the browser goes into the answer box, to be read and sent."""
        self.answer = f"{self.answer} {str(text).strip()}".strip()[:MAX_ANSWER_CHARS]

    @rx.event
    @room_handler
    def send_answer(self):
        try:
            progress = answer_question(link_id=self._link_id, text=self.answer)
        except AnswerRefused as refused:
            self.answer_error = self._say(f"answer_{refused.code}", max_chars=MAX_ANSWER_CHARS)
            return
        self.answer, self.answer_error = "", ""
        self._show(progress.view)
        if progress.finished:
            self.step = "done"
            return [RoomTypedState.evaluate_now]
        after = [rx.set_focus("answer")]
        if progress.say and self.speak_questions:
            after.append(speak(progress.say, self.speech_lang))
        return after

    @rx.event(background=True)
    @room_link_scoped
    async def evaluate_now(self):
        """Evaluate this room's finished interview right away (the scheduler is the fallback)."""
        await asyncio.to_thread(evaluate_finished, link_id=self._link_id)
