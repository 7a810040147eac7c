"""The public interview room: the link it opened, the step it shows, and its language.

Each step keeps its own data in a substate beside this file (interview_room_<step>.py):
consent, equal (the optional equal-opportunities questions), camera, typed (the interview
itself) and voice. What the room does to the database happens in
services/interviews/room_flow.py.
"""

from __future__ import annotations

import json

import reflex as rx

from hireops.services.interviews.links import hash_token
from hireops.services.interviews.room import RoomView, problem_message
from hireops.services.interviews.room_flow import open_room
from hireops.services.interviews.room_texts import room_text, room_texts
from hireops.services.text.punctuation import text_after
from hireops.state.client import request_client


class InterviewRoomState(rx.State):
    """One candidate's room; it knows only its own link."""

    # welcome | consent | declined (did not agree) | equal (only when questions are
    # configured) | check | interview | done | problem
    step: str = "loading"
    # The language of the room (en | fr | de | es) and every text it shows, by key
    # (knowledge/data/room/<language>.json); English until the link says otherwise.
    language: str = "en"
    t: dict[str, str] = {}
    problem_message: str = ""
    # A plain note above the typed interview, e.g. why the voice interviewer is not there.
    room_notice: str = ""
    company_name: str = ""
    job_title: str = ""
    first_name: str = ""
    # builtin | elevenlabs
    provider: str = "builtin"
    # The language dictation listens in and questions are read aloud in (BCP 47).
    speech_lang: str = "en-US"
    # Whether the candidate agreed to camera analysis and it is still on.
    webcam_enabled: bool = False
    _link_id: int = 0

    @rx.var
    def welcome_heading(self) -> str:
        """The welcome, with the candidate's first name when there is one."""
        if not self.first_name:
            return self.t.get("welcome", "")
        return self.t.get("welcome_named", "").replace("{first_name}", self.first_name)

    @rx.var
    def welcome_intro_after(self) -> str:
        """What the welcome says after the company name, its full stop not doubled when the
        name ends in one ("Demo Co.")."""
        return text_after(self.company_name, self.t.get("welcome_intro_after", ""))

    def _use_language(self, language: str) -> None:
        self.language, self.t = language, dict(room_texts(language))

    def _say(self, key: str, **values: object) -> str:
        return room_text(self.language, key, **values)

    def _show_problem(self, problem: str):
        self.step = "problem"
        self.problem_message = problem_message(problem, self.language)
        if problem == "completed" and self._link_id:
            self.step = "done"

    def _client_key(self) -> str:
        return request_client(self.router) or self.router.session.client_token or "unknown"

    def _apply(self, view: RoomView) -> None:
        self.company_name, self.job_title = view.company_name, view.job_title
        self.first_name, self.provider = view.candidate_first_name, view.provider
        self.speech_lang = view.speech_lang
        self._use_language(view.language)
        self.webcam_enabled = view.consent_given and not view.webcam_declined

    def _opened(self) -> bool:
        """Whether load_room opened this room for its candidate (not refused, not finished)."""
        return bool(self._link_id) and self.step not in ("problem", "done")

    @rx.event
    def load_room(self):
        """on_load: the token in the address opens this room, or a friendly refusal. The
        steps' own loaders follow it (the page's on_load list)."""
        self._link_id = 0
        self._use_language("en")
        opening = open_room(token=room_token(self), client_key=self._client_key())
        self._use_language(opening.language)
        if opening.problem:
            # A completed link keeps its room, to show the thank-you page.
            self._link_id = opening.view.link_id if opening.view else 0
            if opening.view:
                self._apply(opening.view)
            return self._show_problem(opening.problem)
        self._link_id = opening.view.link_id
        self._apply(opening.view)
        if opening.view.status == "started":
            self.step = "interview"  # a reload resumes where the interview stands
        elif opening.view.consent_given:
            self.step = "check"
        else:
            self.step = "welcome"


def draft_prefix_for(token: str) -> str:
    """Where a browser keeps the typed draft of this link (a localStorage key prefix, from the
    token's digest so it names nothing)."""
    return "hireops-draft:" + hash_token(token)[:16]


def room_token(state: rx.State) -> str:
    """The token in the room's address."""
    return state.router.url.path.rstrip("/").rsplit("/", 1)[-1]


def speak(text: str, lang: str = "en-US"):
    """Read a question aloud with the browser's own speech synthesis, where there is one, in
    the interview's language."""
    return rx.call_script(
        "if (window.speechSynthesis) { window.speechSynthesis.cancel();"
        f" const u = new SpeechSynthesisUtterance({_js_string(text)});"
        f" u.lang = {_js_string(lang)};"
        " window.speechSynthesis.speak(u); }")


def _js_string(text: str) -> str:
    return json.dumps(text)
