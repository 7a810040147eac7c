"""The public interview room: welcome, consent, camera check, interview, thank you."""

from __future__ import annotations

import asyncio
import json
import reflex as rx

from hireops.db import session_scope
from hireops.models import Application, InterviewLink
from hireops.services.candidates.equal_opportunities import (
    AnswersRefused,
    Question,
    questions,
    record_answers,
)
from hireops.services.interviews.builtin_interviewer import (
    AnswerRefused,
    start_interview,
    submit_answer,
)
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.links import hash_token
from hireops.services.interviews.room import (
    RoomView,
    complete_interview,
    decline_webcam,
    fall_back_to_typed,
    find_room,
    mark_opened,
    mark_started,
    problem_message,
    record_consent,
    refuse_consent,
    room_language,
    room_view,
)
from hireops.services.interviews.room_texts import room_text, room_texts
from hireops.services.interviews.turns import MAX_ANSWER_CHARS
from hireops.services.interviews.webcam import (
    InterviewLinkNotFound,
    WebcamAnalysisDeclined,
    check_frame,
    record_browser_report,
)
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import VoiceProviderError
from hireops.services.interviews.voice.transcript_sync import (
    VoiceSyncError,
    start_conversation,
    sync_conversation,
)
from hireops.state.client import request_client
from hireops.state.interviews.room_access import room_handler, room_link_scoped

# The widget's error reasons that have their own `camera_<reason>` text; any other reads as
# camera_failed.
CAMERA_PROBLEMS = ("permission_denied", "no_camera", "camera_busy", "camera_lost",
                   "unsupported", "model_failed", "camera_failed")


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
    turns: list[dict[str, str]] = []
    answer: str = ""
    answer_error: str = ""
    # Where this browser keeps the typed draft of this link (localStorage key prefix; derived
    # from the token's digest so it names nothing).
    draft_prefix: str = ""
    question_number: int = 0
    question_total: int = 0
    deadline_iso: str = ""
    # The candidate's consent choices while they read the notice.
    agree_ai: bool = False
    agree_webcam: bool = True
    webcam_enabled: bool = False
    camera_message: str = ""
    speak_questions: bool = True
    # The language dictation listens in and questions are read aloud in (BCP 47).
    speech_lang: str = "en-US"
    # The ElevenLabs conversation: single-use credentials minted by the server, then started.
    voice_token: str = ""
    voice_signed_url: str = ""
    voice_agent_id: str = ""
    voice_variables: dict[str, str] = {}
    voice_context: str = ""
    voice_started: bool = False
    voice_message: str = ""
    # The team's optional equal-opportunities questions and the candidate's choices so far.
    equal_questions: list[Question] = []
    equal_answers: dict[str, str] = {}
    equal_error: str = ""
    _link_id: int = 0
    # The browser's message when the voice call failed, for HR's record.
    _voice_failure: str = ""

    @rx.var
    def welcome_heading(self) -> str:
        """The welcome, with the candidate's first name when there is one."""
        if not self.first_name:
            return self.t.get("welcome", "")
        return self.t.get("welcome_named", "").replace("{first_name}", self.first_name)

    @rx.var
    def progress_label(self) -> str:
        """'Question 2 of 6' in the room's language."""
        return (self.t.get("progress", "").replace("{number}", str(self.question_number))
                .replace("{total}", str(self.question_total)))

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
        self.turns = [{"speaker": t["speaker"], "text": t["text"]} for t in view.turns]
        self.question_number, self.question_total = view.question_number, view.question_total
        self.deadline_iso = view.deadline_iso
        self.speech_lang = view.speech_lang
        self._use_language(view.language)
        self.webcam_enabled = view.consent_given and not view.webcam_declined

    @rx.event
    def load_room(self):
        """on_load: the token in the address opens this room, or a friendly refusal."""
        token = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        prefix = "hireops-draft:" + hash_token(token)[:16]
        # A reload of the same room keeps the answer typed so far: the browser may have put
        # the saved draft back before this load runs, and it must not be wiped.
        if prefix != self.draft_prefix:
            self.answer = ""
        self._link_id, self.answer_error, self.draft_prefix = 0, "", prefix
        self._use_language("en")
        with session_scope() as session:
            lookup = find_room(session=session, token=token, client_key=self._client_key())
            if lookup.problem:
                if lookup.link is not None:  # a real link: refuse it in its candidate's language
                    self._use_language(room_language(session=session, link=lookup.link))
                session.commit()
                self._link_id = lookup.link.id if lookup.link and lookup.problem == "completed" \
                    else 0
                if self._link_id:
                    self._apply(room_view(session=session, link=lookup.link))
                return self._show_problem(lookup.problem)
            link = lookup.link
            mark_opened(session=session, link=link)
            view = room_view(session=session, link=link)
            # Read now so the step list shows the optional step from the start.
            self.equal_questions = questions(session=session)
            session.commit()
            self._link_id = link.id
        self._apply(view)
        if view.status == "started":
            self.step = "interview"  # a reload resumes where the interview stands
        elif view.consent_given:
            self.step = "check"
        else:
            self.step = "welcome"

    @rx.event
    @room_handler
    def go_to_consent(self):
        self.step = "consent"

    @rx.event
    @room_handler
    def set_agree_ai(self, value: bool):
        self.agree_ai = bool(value)

    @rx.event
    @room_handler
    def set_agree_webcam(self, value: bool):
        self.agree_webcam = bool(value)

    @rx.event
    @room_handler
    def give_consent(self):
        if not self.agree_ai:
            self.camera_message = ""
            return rx.toast.warning(self._say("consent_confirm_first"))
        with session_scope() as session:
            link = session.get(InterviewLink, self._link_id)
            record_consent(session=session, link=link, webcam_analysis=self.agree_webcam,
                           client_key=self._client_key())
            session.commit()
        self.webcam_enabled = self.agree_webcam
        with session_scope() as session:
            self.equal_questions = questions(session=session)
        self.equal_answers = {question.key: "" for question in self.equal_questions}
        self.equal_error = ""
        self.step = "equal" if self.equal_questions else "check"

    @rx.event
    @room_handler
    def decline_consent(self):
        """The candidate does not agree: tell them what happens next, and tell HR."""
        with session_scope() as session:
            link = session.get(InterviewLink, self._link_id)
            refuse_consent(session=session, link=link, client_key=self._client_key())
            session.commit()
        self.problem_message = self._say("declined_message")
        self.step = "declined"

    @rx.event
    @room_handler
    def reconsider_consent(self):
        self.step = "consent"

    @rx.event
    @room_handler
    def set_equal_answer(self, key: str, value: str):
        if key in self.equal_answers:
            self.equal_answers = {**self.equal_answers, key: str(value)}

    @rx.event
    @room_handler
    def save_equal_answers(self):
        """Store the candidate's own answers apart from the application, then go on."""
        with session_scope() as session:
            link = session.get(InterviewLink, self._link_id)
            application = session.get(Application, link.application_id)
            try:
                record_answers(session=session, candidate_id=application.candidate_id,
                               answers=self.equal_answers)
            except AnswersRefused:
                # The questions changed while the page was open: ask again with the new ones.
                self.equal_questions = questions(session=session)
                self.equal_answers = {question.key: "" for question in self.equal_questions}
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

    @rx.event
    @room_handler
    def start(self):
        """Leave the camera check and begin (or resume) the interview."""
        with session_scope() as session:
            link = session.get(InterviewLink, self._link_id)
            mark_started(session=session, link=link)
            step = start_interview(session=session, link=link) \
                if link.provider == "builtin" else None
            view = room_view(session=session, link=link)
            session.commit()
        self._apply(view)
        self.step = "interview"
        if step and step.say and self.speak_questions:
            return speak(step.say, self.speech_lang)

    @rx.event
    @room_handler
    def set_answer(self, value: str):
        self.answer = str(value)[:6000]

    @rx.event
    @room_handler
    def restore_draft(self, text: str):
        """The browser's saved draft of the current question, after a reload."""
        if not self.answer:
            self.answer = str(text)[:6000]

    @rx.event
    @room_handler
    def set_speak_questions(self, value: bool):
        self.speak_questions = bool(value)

    @rx.event
    @room_handler
    def append_dictation(self, text: str):
        """Speech recognised in the browser goes into the answer box, to be read and sent."""
        self.answer = f"{self.answer} {str(text).strip()}".strip()[:6000]

    @rx.event
    @room_handler
    def send_answer(self):
        with session_scope() as session:
            link = session.get(InterviewLink, self._link_id)
            try:
                step = submit_answer(session=session, link=link, text=self.answer)
            except AnswerRefused as refused:
                self.answer_error = self._say(f"answer_{refused.code}",
                                              max_chars=MAX_ANSWER_CHARS)
                return
            if step.finished:
                complete_interview(session=session, link=link)
            view = room_view(session=session, link=link)
            session.commit()
        self.answer, self.answer_error = "", ""
        self._apply(view)
        if step.finished:
            self.step = "done"
            return [InterviewRoomState.evaluate_now]
        after = [rx.set_focus("answer")]
        if step.say and self.speak_questions:
            after.append(speak(step.say, self.speech_lang))
        return after

    @rx.event(background=True)
    @room_link_scoped
    async def evaluate_now(self):
        """Evaluate this room's finished interview right away (the scheduler is the fallback)."""
        link_id = self._link_id

        await asyncio.to_thread(_evaluate, link_id)

    @rx.event
    @room_handler
    def webcam_report(self, report: dict):
        if not self.webcam_enabled or not isinstance(report, dict):
            return
        with session_scope() as session:
            try:
                record_browser_report(session=session, link_id=self._link_id, report=report)
            except (WebcamAnalysisDeclined, InterviewLinkNotFound):
                self.webcam_enabled = False

    @rx.event
    @room_handler
    def webcam_frame(self, frame: dict):
        """A small still from the widget, checked by the server's own face detector (which
        also limits how often one room may ask)."""
        if not self.webcam_enabled or not isinstance(frame, dict):
            return
        faces = frame.get("faces")
        with session_scope() as session:
            try:
                check_frame(session=session, link_id=self._link_id,
                            jpeg_b64=str(frame.get("jpeg", "")),
                            browser_faces=faces if isinstance(faces, int) else None)
            except (WebcamAnalysisDeclined, InterviewLinkNotFound):
                self.webcam_enabled = False

    @rx.event
    @room_handler
    def camera_error(self, error: dict):
        reason = str(error.get("reason", "")) if isinstance(error, dict) else ""
        self.camera_message = self._say(
            f"camera_{reason if reason in CAMERA_PROBLEMS else 'camera_failed'}")

    @rx.event
    @room_handler
    def continue_without_camera(self):
        """The candidate turns camera analysis off (e.g. the camera does not work)."""
        with session_scope() as session:
            decline_webcam(session=session, link=session.get(InterviewLink, self._link_id))
        self.webcam_enabled, self.camera_message = False, ""


    @rx.event(background=True)
    @room_link_scoped
    async def voice_start_request(self):
        """Mint a conversation credential on the server; the component then connects."""
        link_id = self._link_id

        def start():
            provider = ElevenLabsProvider.from_settings()
            try:
                with session_scope() as session:
                    return start_conversation(session=session, link_id=link_id,
                                              provider=provider), provider.agent_id
            finally:
                provider.close()

        try:
            voice, agent_id = await asyncio.to_thread(start)
        except (VoiceProviderError, VoiceSyncError) as problem:
            # The reason can name settings: it goes to HR; the candidate goes on typed.
            view, say = await asyncio.to_thread(_continue_typed, link_id, problem.reason)
            async with self:
                self._continue_typed(view)
                speak_now = self.speak_questions
            if say and speak_now:
                yield speak(say, self.speech_lang)
            return
        async with self:
            self.voice_token = voice.credentials.conversation_token
            self.voice_signed_url = voice.credentials.signed_url
            self.voice_agent_id, self.voice_variables = agent_id, voice.dynamic_variables
            self.voice_context, self.voice_message = voice.resume_context, ""
            self.voice_started = True

    @rx.event(background=True)
    @room_link_scoped
    async def voice_connected(self, data: dict):
        conversation_id = str(data.get("conversation_id", "")) if isinstance(data, dict) else ""
        await asyncio.to_thread(_sync_voice, self._link_id, conversation_id or None)

    @rx.event(background=True)
    @room_link_scoped
    async def voice_turn(self, data: dict):
        """A turn happened in the call: store it from ElevenLabs' own record, not from the
        browser's copy."""
        await asyncio.to_thread(_sync_voice, self._link_id, None)

    @rx.event(background=True)
    @room_link_scoped
    async def voice_disconnected(self, data: dict):
        """The call ended: store the last turns; an ending by the agent or the candidate
        completes the interview, an error lets the candidate resume."""
        reason = str(data.get("reason", "")) if isinstance(data, dict) else ""
        link_id = self._link_id
        finished = await asyncio.to_thread(_finish_voice, link_id, reason in ("agent", "user"))
        async with self:
            self.voice_started, self.voice_token, self.voice_signed_url = False, "", ""
            if finished:
                self.step = "done"
            else:
                self.voice_message = self._say("voice_interrupted")
        if finished:
            await asyncio.to_thread(_evaluate, link_id)

    @rx.event
    @room_handler
    def voice_error(self, data: dict):
        """The call could not connect in the browser: say so plainly and offer the typed
        interview (the browser's own message is kept for HR)."""
        message = str(data.get("message", "")) if isinstance(data, dict) else ""
        self._voice_failure = message[:200] or "no details"
        self.voice_message = self._say("voice_failed")
        self.voice_started = False

    @rx.event
    @room_handler
    def switch_to_typed(self):
        """The candidate leaves a voice call that does not work for the typed interview."""
        failure = self._voice_failure or "interrupted"
        reason = f"the call failed in the candidate's browser: {failure}"
        view, say = _continue_typed(self._link_id, reason)
        self._continue_typed(view)
        if say and self.speak_questions:
            return speak(say, self.speech_lang)

    def _continue_typed(self, view: RoomView) -> None:
        self._apply(view)
        self.voice_started, self.voice_token, self.voice_signed_url = False, "", ""
        self.voice_message, self.room_notice = "", self._say("voice_unavailable")
        self.step = "interview"


def _continue_typed(link_id: int, reason: str) -> tuple[RoomView, str]:
    """Hand the interview to the built-in interviewer and ask (or repeat) its question."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        fall_back_to_typed(session=session, link=link, reason=reason)
        mark_started(session=session, link=link)
        step = start_interview(session=session, link=link)
        view = room_view(session=session, link=link)
        session.commit()
    return view, step.say


def _sync_voice(link_id: int, conversation_id: str | None) -> None:
    provider = ElevenLabsProvider.from_settings()
    try:
        with session_scope() as session:
            sync_conversation(session=session, link_id=link_id, provider=provider,
                              conversation_id=conversation_id)
    except (VoiceProviderError, VoiceSyncError):
        # The webhook and the next turn sync again; the call itself goes on.
        return
    finally:
        provider.close()


def _finish_voice(link_id: int, ended_normally: bool) -> bool:
    _sync_voice(link_id, None)
    if not ended_normally:
        return False
    with session_scope() as session:
        return complete_interview(session=session, link=session.get(InterviewLink, link_id))


def _evaluate(link_id: int) -> None:
    with session_scope() as session:
        run_queued_evaluations(session=session, link_id=link_id)


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
