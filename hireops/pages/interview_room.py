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
from hireops.services.equal_opportunities import Question
from hireops.state.interview_recording import InterviewRecordingState
from hireops.state.interview_room import InterviewRoomState as Room

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
    return rx.cond(Room.equal_questions.length() > 0, _step_list(STEPS_WITH_EQUAL),
                   _step_list(STEPS))


def _welcome() -> rx.Component:
    return _panel(
        rx.heading(Room.welcome_heading, size="7"),
        rx.text(Room.t["welcome_intro_before"], rx.text.strong(Room.job_title),
                Room.t["welcome_intro_middle"], rx.text.strong(Room.company_name),
                Room.t["welcome_intro_after"], size="4", margin_top="8px"),
        rx.vstack(
            _point("message-square", Room.t["point_questions"]),
            _point("keyboard", Room.t["point_typing"]),
            _point("clock", Room.t["point_time"]),
            _point("video", Room.t["point_camera"]),
            spacing="3", margin_y="20px",
        ),
        rx.button(Room.t["continue"], on_click=Room.go_to_consent, size="3", id="room-continue"),
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
            rx.checkbox(Room.t["consent_agree_ai"], checked=Room.agree_ai,
                        on_change=Room.set_agree_ai, id="consent-ai", size="2"),
            rx.checkbox(Room.t["consent_agree_webcam"],
                        checked=Room.agree_webcam, on_change=Room.set_agree_webcam,
                        id="consent-webcam", size="2"),
            recording_checkbox(),
            spacing="3",
        ),
        rx.flex(
            rx.button(Room.t["consent_submit"], size="3",
                      on_click=[Room.give_consent, InterviewRecordingState.store_consent],
                      disabled=~Room.agree_ai, id="consent-submit"),
            rx.button(Room.t["consent_refuse"], on_click=Room.decline_consent, size="3",
                      variant="soft", color_scheme="gray", id="consent-refuse"),
            spacing="3", margin_top="20px", wrap="wrap",
        ),
    )


def _declined() -> rx.Component:
    return _panel(
        rx.vstack(
            rx.icon("hand", size=40, color=rx.color("gray", 10)),
            rx.heading(Room.t["declined_title"], size="6"),
            rx.text(Room.problem_message, size="3", id="room-declined", line_height="1.6"),
            rx.button(Room.t["declined_reconsider"], on_click=Room.reconsider_consent, size="2",
                      variant="soft", id="consent-reconsider"),
            align="center", spacing="3", padding_y="24px",
        ),
    )


def _equal_question(question: Question) -> rx.Component:
    return rx.vstack(
        rx.text(question.label, size="3", weight="medium"),
        rx.select.root(
            rx.select.trigger(placeholder=Room.t["equal_placeholder"], width="100%",
                              max_width="360px"),
            rx.select.content(rx.foreach(question.options,
                                         lambda option: rx.select.item(option, value=option))),
            value=Room.equal_answers[question.key],
            on_change=lambda value: Room.set_equal_answer(question.key, value),
        ),
        spacing="2", width="100%", class_name="equal-question",
    )


def _equal() -> rx.Component:
    return _panel(
        rx.heading(Room.t["equal_title"], size="6"),
        rx.text(Room.t["equal_lead"], size="3", color=rx.color("gray", 11), margin_top="4px",
                line_height="1.6"),
        rx.vstack(rx.foreach(Room.equal_questions, _equal_question), spacing="4",
                  margin_y="20px", width="100%"),
        error_callout(Room.equal_error),
        rx.hstack(
            rx.button(Room.t["equal_save"], on_click=Room.save_equal_answers, size="3",
                      id="equal-save"),
            rx.button(Room.t["equal_skip"], on_click=Room.skip_equal_answers, size="3",
                      variant="soft", color_scheme="gray", id="equal-skip"),
            spacing="3", margin_top="8px",
        ),
        id="equal-step",
    )


def _camera() -> rx.Component:
    return rx.cond(
        Room.webcam_enabled,
        rx.vstack(
            webcam_tracker(on_signals=Room.webcam_report, on_frame=Room.webcam_frame,
                           on_camera_error=Room.camera_error, active=Room.webcam_enabled,
                           frame_every_ms=int(get_settings().webcam_frame_check_seconds * 1000),
                           texts=Room.t),
            rx.cond(Room.camera_message != "", rx.vstack(
                rx.callout(Room.camera_message, icon="triangle_alert", color_scheme="amber",
                           size="1", id="camera-message"),
                rx.button(Room.t["camera_continue_without"], size="1", variant="soft",
                          color_scheme="gray", on_click=Room.continue_without_camera,
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
        rx.flex(dictation(on_text=Room.append_dictation, lang=Room.speech_lang,
                          texts=Room.t, id="dictation-check"),
                rx.text(Room.answer, size="2", color=rx.color("gray", 11)),
                align="center", spacing="3", wrap="wrap", margin_top="12px"),
        rx.button(Room.t["check_start"], on_click=Room.start, size="3", margin_top="20px",
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
        voice_interview(conversation_token=Room.voice_token, signed_url=Room.voice_signed_url,
                        agent_id=Room.voice_agent_id, dynamic_variables=Room.voice_variables,
                        started=Room.voice_started, context_update=Room.voice_context,
                        start_label=Room.t["voice_start"], stop_label=Room.t["voice_stop"],
                        texts=Room.t,
                        on_start_request=Room.voice_start_request,
                        on_connect=Room.voice_connected, on_message=Room.voice_turn,
                        on_disconnect=Room.voice_disconnected, on_error=Room.voice_error),
        rx.cond(Room.voice_message != "", rx.vstack(
            rx.callout(Room.voice_message, icon="triangle_alert", color_scheme="amber",
                       size="1", id="voice-message"),
            rx.button(Room.t["voice_continue_typed"], on_click=Room.switch_to_typed, size="2",
                      variant="soft", id="switch-to-typed"),
            spacing="2", width="100%", margin_top="8px")),
        flex="1",
    )


def _interview() -> rx.Component:
    return rx.cond(Room.provider == "elevenlabs", _voice_panel(), _typed_interview())


def _typed_interview() -> rx.Component:
    answer_box = rx.vstack(
        rx.text_area(value=Room.answer, on_change=Room.set_answer,
                     placeholder=Room.t["answer_placeholder"], rows="5", width="100%",
                     id="answer", size="3"),
        draft_keeper(prefix=Room.draft_prefix, question=Room.question_number, value=Room.answer,
                     on_restore=Room.restore_draft),
        error_callout(Room.answer_error),
        # Wraps on a phone rather than squeezing a longer label (French, German) into lines.
        rx.flex(
            dictation(on_text=Room.append_dictation, lang=Room.speech_lang, texts=Room.t,
                      id="dictation"),
            rx.button(Room.t["send_answer"], on_click=Room.send_answer, size="3", id="send-answer",
                      margin_left="auto"),
            width="100%", align="center", wrap="wrap", spacing="2",
        ),
        width="100%", spacing="2",
    )
    transcript = rx.vstack(rx.foreach(Room.turns, _turn), spacing="3", width="100%",
                           id="transcript")
    return _panel(
        rx.hstack(
            rx.text(Room.progress_label, size="2",
                    weight="medium", id="progress"),
            rx.spacer(),
            rx.cond(Room.deadline_iso != "", countdown(deadline=Room.deadline_iso,
                                                       texts=Room.t, id="timer")),
            rx.checkbox(Room.t["read_aloud"], checked=Room.speak_questions,
                        on_change=Room.set_speak_questions, size="1"),
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
    return _panel(
        rx.vstack(
            rx.icon("link-2-off", size=40, color=rx.color("gray", 10)),
            rx.heading(Room.t["problem_title"], size="6"),
            rx.text(Room.problem_message, size="3", text_align="center", id="room-problem"),
            align="center", spacing="3", padding_y="24px",
        ),
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
              on_load=[Room.load_room, InterviewRecordingState.load])
