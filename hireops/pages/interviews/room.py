"""The public interview room at /interview/[token]: no sign-in, one candidate, one link."""

import reflex as rx

from hireops import routes
from hireops.config import get_settings
from hireops.components.recording_consent import (
    interview_recorder, recording_checkbox, recording_notice,
)
from hireops.components.room_widgets import countdown, dictation, draft_keeper, mic_level
from hireops.components.shell import register_page
from hireops.components.ui import error_callout
from hireops.components.voice_interview import voice_interview
from hireops.components.webcam import webcam_tracker
from hireops.services.candidates.equal_opportunities import Question
from hireops.state.interviews.recording import InterviewRecordingState
from hireops.state.interviews.room import InterviewRoomState as Room
from hireops.state.interviews.room_camera import RoomCameraState as Camera
from hireops.state.interviews.room_consent import RoomConsentState as Consent
from hireops.state.interviews.room_equal import RoomEqualState as Equal
from hireops.state.interviews.room_typed import RoomTypedState as Typed
from hireops.state.interviews.room_voice import RoomVoiceState as Voice

# Each step's label is the room text `step_<key>`, in the candidate's language.
STEPS = ["welcome", "consent", "check", "interview", "done"]
# With equal-opportunities questions configured, their optional step follows consent.
STEPS_WITH_EQUAL = [*STEPS[:2], "equal", *STEPS[2:]]


def _panel(*children, **props) -> rx.Component:
    return rx.box(
        *children, width="100%", padding=rx.breakpoints(initial="18px", sm="28px"),
        border_radius="16px",
        background=rx.color("gray", 1), border=f"1px solid {rx.color('gray', 4)}",
        box_shadow="0 8px 24px rgba(16,24,40,0.06)", **props,
    )


def _header() -> rx.Component:
    return rx.hstack(
        rx.hstack(
            rx.center(rx.icon("sparkles", size=18, color="white"), width="32px", height="32px",
                      border_radius="8px", background=rx.color("accent", 9)),
            rx.text(Room.company_name, weight="bold", size="4"),
            align="center", spacing="2",
        ),
        rx.spacer(),
        rx.cond(Room.job_title != "", rx.badge(Room.job_title, size="2", variant="soft")),
        width="100%", align="center",
    )


def _step_list(keys: list[str]) -> rx.Component:
    return rx.hstack(
        *[rx.hstack(
            rx.center(rx.text(str(number + 1), size="1", weight="bold"), width="22px",
                      height="22px", border_radius="11px",
                      background=rx.cond(Room.step == key, rx.color("accent", 9),
                                         rx.color("gray", 4)),
                      color=rx.cond(Room.step == key, "white", rx.color("gray", 11))),
            rx.text(Room.t[f"step_{key}"], size="2",
                    color=rx.cond(Room.step == key, rx.color("gray", 12),
                                  rx.color("gray", 10))),
            align="center", spacing="1",
        ) for number, key in enumerate(keys)],
        spacing="4", wrap="wrap",
    )


def _steps() -> rx.Component:
    return rx.cond(Equal.equal_questions.length() > 0, _step_list(STEPS_WITH_EQUAL),
                   _step_list(STEPS))


def _welcome() -> rx.Component:
    return _panel(
        rx.heading(Room.welcome_heading, size="7"),
        rx.text(Room.t["welcome_intro_before"], rx.text.strong(Room.job_title),
                Room.t["welcome_intro_middle"], rx.text.strong(Room.company_name),
                Room.welcome_intro_after, size="4", margin_top="8px"),
        rx.vstack(
            _point("message-square", Room.t["point_questions"]),
            _point("keyboard", Room.t["point_typing"]),
            _point("clock", Room.t["point_time"]),
            _point("video", Room.t["point_camera"]),
            spacing="3", margin_y="20px",
        ),
        rx.button(Room.t["continue"], on_click=Consent.go_to_consent, size="3", id="room-continue"),
    )


def _point(icon: str, text: rx.Var) -> rx.Component:
    # The icon keeps its size beside a long line (it would shrink to a dot on a phone).
    return rx.hstack(rx.icon(icon, size=18, color=rx.color("accent", 10), flex_shrink="0"),
                     rx.text(text, size="3"), align="start", spacing="3")


def _consent() -> rx.Component:
    return _panel(
        rx.heading(Room.t["consent_title"], size="6"),
        rx.text(Room.t["consent_lead"], size="3",
                color=rx.color("gray", 11), margin_top="4px"),
        rx.box(
            rx.text.strong(Room.t["consent_ai_label"]),
            rx.text(Room.t["consent_ai_text"], as_="span"),
            rx.text.strong(Room.t["consent_camera_label"]),
            rx.text(Room.t["consent_camera_text"], as_="span"),
            recording_notice(),
            rx.text.strong(Room.t["consent_rights_label"]),
            rx.text(Room.t["consent_rights_text"], as_="span"),
            size="2", padding="16px", margin_y="16px", border_radius="10px",
            background=rx.color("gray", 2), line_height="1.6",
        ),
        rx.vstack(
            rx.checkbox(Room.t["consent_agree_ai"], checked=Consent.agree_ai,
                        on_change=Consent.set_agree_ai, id="consent-ai", size="2"),
            rx.checkbox(Room.t["consent_agree_webcam"],
                        checked=Consent.agree_webcam, on_change=Consent.set_agree_webcam,
                        id="consent-webcam", size="2"),
            recording_checkbox(),
            spacing="3",
        ),
        rx.flex(
            rx.button(Room.t["consent_submit"], size="3",
                      on_click=[Consent.give_consent, InterviewRecordingState.store_consent],
                      disabled=~Consent.agree_ai, id="consent-submit"),
            rx.button(Room.t["consent_refuse"], on_click=Consent.decline_consent, size="3",
                      variant="soft", color_scheme="gray", id="consent-refuse"),
            spacing="3", margin_top="20px", wrap="wrap",
        ),
    )


def _halted(icon: str, title_key: str, *rest: rx.Component) -> rx.Component:
    """In place of the interview, which cannot go on: an icon, a title and why (`rest`)."""
    return _panel(
        rx.vstack(
            rx.icon(icon, size=40, color=rx.color("gray", 10)),
            rx.heading(Room.t[title_key], size="6"),
            *rest,
            align="center", spacing="3", padding_y="24px",
        ),
    )


def _declined() -> rx.Component:
    return _halted(
        "hand", "declined_title",
        rx.text(Room.problem_message, size="3", id="room-declined", line_height="1.6"),
        rx.button(Room.t["declined_reconsider"], on_click=Consent.reconsider_consent, size="2",
                  variant="soft", id="consent-reconsider"),
    )


def _equal_question(question: Question) -> rx.Component:
    return rx.vstack(
        rx.text(question.label, size="3", weight="medium"),
        rx.select.root(
            rx.select.trigger(placeholder=Room.t["equal_placeholder"], width="100%",
                              max_width="360px"),
            rx.select.content(rx.foreach(question.options,
                                         lambda option: rx.select.item(option, value=option))),
            value=Equal.equal_answers[question.key],
            on_change=lambda value: Equal.set_equal_answer(question.key, value),
        ),
        spacing="2", width="100%", class_name="equal-question",
    )


def _equal() -> rx.Component:
    return _panel(
        rx.heading(Room.t["equal_title"], size="6"),
        rx.text(Room.t["equal_lead"], size="3", color=rx.color("gray", 11), margin_top="4px",
                line_height="1.6"),
        rx.vstack(rx.foreach(Equal.equal_questions, _equal_question), spacing="4",
                  margin_y="20px", width="100%"),
        error_callout(Equal.equal_error),
        rx.hstack(
            rx.button(Room.t["equal_save"], on_click=Equal.save_equal_answers, size="3",
                      id="equal-save"),
            rx.button(Room.t["equal_skip"], on_click=Equal.skip_equal_answers, size="3",
                      variant="soft", color_scheme="gray", id="equal-skip"),
            spacing="3", margin_top="8px",
        ),
        id="equal-step",
    )


def _camera() -> rx.Component:
    return rx.cond(
        Room.webcam_enabled,
        rx.vstack(
            webcam_tracker(on_signals=Camera.webcam_report, on_frame=Camera.webcam_frame,
                           on_camera_error=Camera.camera_error, active=Room.webcam_enabled,
                           frame_every_ms=int(get_settings().webcam_frame_check_seconds * 1000),
                           texts=Room.t),
            rx.cond(Camera.camera_message != "", rx.vstack(
                rx.callout(Camera.camera_message, icon="triangle_alert", color_scheme="amber",
                           size="1", id="camera-message"),
                rx.button(Room.t["camera_continue_without"], size="1", variant="soft",
                          color_scheme="gray", on_click=Camera.continue_without_camera,
                          id="no-camera"),
                spacing="2", width="100%")),
            width="100%", spacing="2",
        ),
        rx.callout(Room.t["camera_off"],
                   icon="video-off", color_scheme="gray", size="1", id="camera-declined"),
    )


def _check() -> rx.Component:
    return _panel(
        rx.heading(Room.t["check_title"], size="6"),
        rx.text(Room.t["check_lead"], size="3",
                color=rx.color("gray", 11), margin_y="8px"),
        mic_level(texts=Room.t, id="mic-check"),
        rx.flex(dictation(on_text=Typed.append_dictation, lang=Room.speech_lang,
                          texts=Room.t, id="dictation-check"),
                rx.text(Typed.answer, size="2", color=rx.color("gray", 11)),
                align="center", spacing="3", wrap="wrap", margin_top="12px"),
        rx.button(Room.t["check_start"], on_click=Typed.start, size="3", margin_top="20px",
                  id="room-start"),
    )


def _turn(turn: dict) -> rx.Component:
    interviewer = turn["speaker"] == "interviewer"
    return rx.box(
        rx.text(rx.cond(interviewer, Room.t["speaker_interviewer"], Room.t["speaker_you"]),
                size="1", weight="bold",
                color=rx.color("gray", 10)),
        rx.text(turn["text"], size="3", white_space="pre-wrap"),
        align_self=rx.cond(interviewer, "flex-start", "flex-end"),
        max_width="85%", padding="10px 14px", border_radius="12px",
        background=rx.cond(interviewer, rx.color("accent", 3), rx.color("gray", 3)),
        class_name="room-turn",
    )


def _voice_panel() -> rx.Component:
    return _panel(
        rx.heading(Room.t["voice_title"], size="5"),
        rx.text(Room.t["voice_lead"], size="3", color=rx.color("gray", 11),
                margin_y="8px"),
        voice_interview(conversation_token=Voice.voice_token, signed_url=Voice.voice_signed_url,
                        agent_id=Voice.voice_agent_id, dynamic_variables=Voice.voice_variables,
                        started=Voice.voice_started, context_update=Voice.voice_context,
                        start_label=Room.t["voice_start"], stop_label=Room.t["voice_stop"],
                        texts=Room.t,
                        on_start_request=Voice.voice_start_request,
                        on_connect=Voice.voice_connected, on_message=Voice.voice_turn,
                        on_disconnect=Voice.voice_disconnected, on_error=Voice.voice_error),
        rx.cond(Voice.voice_message != "", rx.vstack(
            rx.callout(Voice.voice_message, icon="triangle_alert", color_scheme="amber",
                       size="1", id="voice-message"),
            rx.button(Room.t["voice_continue_typed"], on_click=Voice.switch_to_typed, size="2",
                      variant="soft", id="switch-to-typed"),
            spacing="2", width="100%", margin_top="8px")),
        flex="1",
    )


def _interview() -> rx.Component:
    return rx.cond(Room.provider == "elevenlabs", _voice_panel(), _typed_interview())


def _typed_interview() -> rx.Component:
    answer_box = rx.vstack(
        rx.text_area(value=Typed.answer, on_change=Typed.set_answer,
                     placeholder=Room.t["answer_placeholder"], rows="5", width="100%",
                     id="answer", size="3"),
        draft_keeper(prefix=Typed.draft_prefix, question=Typed.question_number, value=Typed.answer,
                     on_restore=Typed.restore_draft),
        error_callout(Typed.answer_error),
        # Wraps on a phone rather than squeezing a longer label (French, German) into lines.
        rx.flex(
            dictation(on_text=Typed.append_dictation, lang=Room.speech_lang, texts=Room.t,
                      id="dictation"),
            rx.button(Room.t["send_answer"], on_click=Typed.send_answer, size="3", id="send-answer",
                      margin_left="auto"),
            width="100%", align="center", wrap="wrap", spacing="2",
        ),
        width="100%", spacing="2",
    )
    transcript = rx.vstack(rx.foreach(Typed.turns, _turn), spacing="3", width="100%",
                           id="transcript")
    return _panel(
        rx.hstack(
            rx.text(Typed.progress_label, size="2",
                    weight="medium", id="progress"),
            rx.spacer(),
            rx.cond(Typed.deadline_iso != "", countdown(deadline=Typed.deadline_iso,
                                                       texts=Room.t, id="timer")),
            rx.checkbox(Room.t["read_aloud"], checked=Typed.speak_questions,
                        on_change=Typed.set_speak_questions, size="1"),
            width="100%", align="center", spacing="3", padding_bottom="12px", wrap="wrap",
        ),
        rx.cond(Room.room_notice != "", rx.callout(Room.room_notice, icon="info", size="1",
                                                   color_scheme="blue", id="room-notice",
                                                   margin_bottom="12px")),
        transcript,
        rx.divider(margin_y="16px"),
        answer_box,
    )


def _done() -> rx.Component:
    return _panel(
        rx.vstack(
            rx.icon("circle-check", size=44, color=rx.color("green", 9)),
            rx.heading(Room.t["done_title"], size="7"),
            rx.text(Room.t["done_message"], size="4", text_align="center"),
            align="center", spacing="3", padding_y="24px",
        ),
        id="room-done",
    )


def _problem() -> rx.Component:
    return _halted(
        "link-2-off", "problem_title",
        rx.text(Room.problem_message, size="3", text_align="center", id="room-problem"),
    )


def interview_room() -> rx.Component:
    body = rx.match(
        Room.step,
        ("welcome", _welcome()),
        ("consent", _consent()),
        ("declined", _declined()),
        ("equal", _equal()),
        ("check", _check()),
        ("interview", _interview()),
        ("done", _done()),
        ("problem", _problem()),
        rx.center(rx.spinner(size="3"), padding="48px"),
    )
    # The camera column stays in place from the check to the interview: rendered inside each
    # step, the widget would restart (camera, model) just as the interview begins.
    camera_steps = (Room.step == "check") | (Room.step == "interview")
    return rx.box(
        rx.vstack(
            _header(),
            rx.cond((Room.step != "problem") & (Room.step != "loading"), _steps()),
            rx.flex(
                rx.box(body, flex="1", width="100%", min_width="0"),
                rx.cond(camera_steps, rx.box(interview_recorder(), _camera(),
                                             width=["100%", "100%", "300px"],
                                             flex_shrink="0", id="camera-column")),
                direction=rx.breakpoints(initial="column", md="row"), spacing="4",
                width="100%", align="start",
            ),
            spacing="5", width="100%", max_width="980px", margin_x="auto",
            padding=["16px", "24px", "32px"],
        ),
        min_height="100vh", background=rx.color("gray", 2),
    )


register_page(interview_room, route=routes.INTERVIEW, title="Your interview",
              # The room opens (or refuses) first; then the steps read their own data.
              on_load=[Room.load_room, Equal.load_questions, Typed.load_interview,
                       InterviewRecordingState.load])
