"""The public interview room at /interview/[token]: no sign-in, one candidate, one link."""

import reflex as rx

from hireops import routes
from hireops.config import get_settings
from hireops.components.room_widgets import countdown, dictation, draft_keeper, mic_level
from hireops.components.shell import register_page
from hireops.components.ui import error_callout
from hireops.components.voice_interview import voice_interview
from hireops.components.webcam import webcam_tracker
from hireops.services.equal_opportunities import Question
from hireops.state.interview_room import InterviewRoomState as Room

STEP_LABELS = [("welcome", "Welcome"), ("consent", "Consent"), ("check", "Camera check"),
               ("interview", "Interview"), ("done", "Done")]
# With equal-opportunities questions configured, their optional step follows consent.
STEP_LABELS_WITH_EQUAL = [*STEP_LABELS[:2], ("equal", "Equal opportunities"), *STEP_LABELS[2:]]


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


def _step_list(labels: list[tuple[str, str]]) -> rx.Component:
    return rx.hstack(
        *[rx.hstack(
            rx.center(rx.text(str(number + 1), size="1", weight="bold"), width="22px",
                      height="22px", border_radius="11px",
                      background=rx.cond(Room.step == key, rx.color("accent", 9),
                                         rx.color("gray", 4)),
                      color=rx.cond(Room.step == key, "white", rx.color("gray", 11))),
            rx.text(label, size="2", color=rx.cond(Room.step == key, rx.color("gray", 12),
                                                   rx.color("gray", 10))),
            align="center", spacing="1",
        ) for number, (key, label) in enumerate(labels)],
        spacing="4", wrap="wrap",
    )


def _steps() -> rx.Component:
    return rx.cond(Room.equal_questions.length() > 0, _step_list(STEP_LABELS_WITH_EQUAL),
                   _step_list(STEP_LABELS))


def _welcome() -> rx.Component:
    return _panel(
        rx.heading(rx.cond(Room.first_name != "", f"Welcome, {Room.first_name}", "Welcome"),
                   size="7"),
        rx.text("This is the first interview for the ", rx.text.strong(Room.job_title),
                " role at ", rx.text.strong(Room.company_name), ".", size="4", margin_top="8px"),
        rx.vstack(
            _point("message-square", "An AI interviewer asks 5 to 8 questions about the role "
                   "and your experience. The recruiting team reads every answer."),
            _point("keyboard", "Type your answers, or speak them if your browser supports it."),
            _point("clock", "It takes about 20 to 25 minutes. You can reload the page; the "
                   "interview continues where you left it."),
            _point("video", "With your permission, your camera checks that you are present. "
                   "You can decline and still take the interview."),
            spacing="3", margin_y="20px",
        ),
        rx.button("Continue", on_click=Room.go_to_consent, size="3", id="room-continue"),
    )


def _point(icon: str, text: str) -> rx.Component:
    return rx.hstack(rx.icon(icon, size=18, color=rx.color("accent", 10)),
                     rx.text(text, size="3"), align="start", spacing="3")


def _consent() -> rx.Component:
    return _panel(
        rx.heading("Before we start", size="6"),
        rx.text("Please read how this interview works and what is recorded.", size="3",
                color=rx.color("gray", 11), margin_top="4px"),
        rx.box(
            rx.text.strong("AI interviewer. "),
            rx.text("The questions come from an automated interviewer. Your answers are stored "
                    "as a written transcript with their timing, and an automated evaluation "
                    "helps the recruiting team. A person reviews it; no decision is made by the "
                    "software alone without the team being able to check and reverse it.",
                    as_="span"),
            rx.text.strong(" Camera analysis (optional). "),
            rx.text("If you allow it, your browser measures whether a face is visible and "
                    "facing the screen, and a small still image is checked on our server every "
                    "few seconds. No video is recorded. These signals are shown to the team "
                    "beside the evaluation, not mixed into your score.", as_="span"),
            rx.text.strong(" Your rights. "),
            rx.text("You can ask the recruiter for a copy of your data or for it to be "
                    "deleted.", as_="span"),
            size="2", padding="16px", margin_y="16px", border_radius="10px",
            background=rx.color("gray", 2), line_height="1.6",
        ),
        rx.vstack(
            rx.checkbox("I have read this notice and agree to an interview with an AI "
                        "interviewer, with my answers stored.", checked=Room.agree_ai,
                        on_change=Room.set_agree_ai, id="consent-ai", size="2"),
            rx.checkbox("Allow camera analysis during the interview (optional).",
                        checked=Room.agree_webcam, on_change=Room.set_agree_webcam,
                        id="consent-webcam", size="2"),
            spacing="3",
        ),
        rx.flex(
            rx.button("Agree and continue", on_click=Room.give_consent, size="3",
                      disabled=~Room.agree_ai, id="consent-submit"),
            rx.button("I do not agree", on_click=Room.decline_consent, size="3",
                      variant="soft", color_scheme="gray", id="consent-refuse"),
            spacing="3", margin_top="20px", wrap="wrap",
        ),
    )


def _declined() -> rx.Component:
    return _panel(
        rx.vstack(
            rx.icon("hand", size=40, color=rx.color("gray", 10)),
            rx.heading("No AI interview", size="6"),
            rx.text(Room.problem_message, size="3", id="room-declined", line_height="1.6"),
            rx.button("I changed my mind", on_click=Room.reconsider_consent, size="2",
                      variant="soft", id="consent-reconsider"),
            align="center", spacing="3", padding_y="24px",
        ),
    )


def _equal_question(question: Question) -> rx.Component:
    return rx.vstack(
        rx.text(question.label, size="3", weight="medium"),
        rx.select.root(
            rx.select.trigger(placeholder="Choose an answer (optional)", width="100%",
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
        rx.heading("Equal opportunities (optional)", size="6"),
        rx.text("We want to check that our hiring process treats everyone fairly. Answering is "
                "voluntary and skipping changes nothing. Your answers are kept apart from your "
                "application: the people assessing you do not see them, they are never used to "
                "score you, and they are only ever counted together with everyone else's.",
                size="3", color=rx.color("gray", 11), margin_top="4px", line_height="1.6"),
        rx.vstack(rx.foreach(Room.equal_questions, _equal_question), spacing="4",
                  margin_y="20px", width="100%"),
        error_callout(Room.equal_error),
        rx.hstack(
            rx.button("Save answers", on_click=Room.save_equal_answers, size="3",
                      id="equal-save"),
            rx.button("Skip", on_click=Room.skip_equal_answers, size="3", variant="soft",
                      color_scheme="gray", id="equal-skip"),
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
                           frame_every_ms=int(get_settings().webcam_frame_check_seconds * 1000)),
            rx.cond(Room.camera_message != "", rx.vstack(
                rx.callout(Room.camera_message, icon="triangle_alert", color_scheme="amber",
                           size="1", id="camera-message"),
                rx.button("Continue without camera analysis", size="1", variant="soft",
                          color_scheme="gray", on_click=Room.continue_without_camera,
                          id="no-camera"),
                spacing="2", width="100%")),
            width="100%", spacing="2",
        ),
        rx.callout("Camera analysis is off, as you chose. The interview runs without it.",
                   icon="video-off", color_scheme="gray", size="1", id="camera-declined"),
    )


def _check() -> rx.Component:
    return _panel(
        rx.heading("Camera and microphone check", size="6"),
        rx.text("Make sure your face is visible and well lit. Test your microphone: the bar "
                "moves when it hears you. If you want to speak your answers, try the voice "
                "button below; typing works everywhere.", size="3",
                color=rx.color("gray", 11), margin_y="8px"),
        mic_level(id="mic-check"),
        rx.flex(dictation(on_text=Room.append_dictation, lang=Room.speech_lang,
                          id="dictation-check"),
                rx.text(Room.answer, size="2", color=rx.color("gray", 11)),
                align="center", spacing="3", wrap="wrap", margin_top="12px"),
        rx.button("Start the interview", on_click=Room.start, size="3", margin_top="20px",
                  id="room-start"),
    )


def _turn(turn: dict) -> rx.Component:
    interviewer = turn["speaker"] == "interviewer"
    return rx.box(
        rx.text(rx.cond(interviewer, "Interviewer", "You"), size="1", weight="bold",
                color=rx.color("gray", 10)),
        rx.text(turn["text"], size="3", white_space="pre-wrap"),
        align_self=rx.cond(interviewer, "flex-start", "flex-end"),
        max_width="85%", padding="10px 14px", border_radius="12px",
        background=rx.cond(interviewer, rx.color("accent", 3), rx.color("gray", 3)),
        class_name="room-turn",
    )


def _voice_panel() -> rx.Component:
    return _panel(
        rx.heading("Your interview", size="5"),
        rx.text("The interviewer speaks with you by voice. Press start, allow the microphone, "
                "and answer as you would in a call. The interview ends when the interviewer "
                "says goodbye or you press stop.", size="3", color=rx.color("gray", 11),
                margin_y="8px"),
        voice_interview(conversation_token=Room.voice_token, signed_url=Room.voice_signed_url,
                        agent_id=Room.voice_agent_id, dynamic_variables=Room.voice_variables,
                        started=Room.voice_started, context_update=Room.voice_context,
                        start_label="Start the voice interview", stop_label="End the interview",
                        on_start_request=Room.voice_start_request,
                        on_connect=Room.voice_connected, on_message=Room.voice_turn,
                        on_disconnect=Room.voice_disconnected, on_error=Room.voice_error),
        rx.cond(Room.voice_message != "", rx.vstack(
            rx.callout(Room.voice_message, icon="triangle_alert", color_scheme="amber",
                       size="1", id="voice-message"),
            rx.button("Continue in writing", on_click=Room.switch_to_typed, size="2",
                      variant="soft", id="switch-to-typed"),
            spacing="2", width="100%", margin_top="8px")),
        flex="1",
    )


def _interview() -> rx.Component:
    return rx.cond(Room.provider == "elevenlabs", _voice_panel(), _typed_interview())


def _typed_interview() -> rx.Component:
    answer_box = rx.vstack(
        rx.text_area(value=Room.answer, on_change=Room.set_answer, placeholder="Type your "
                     "answer here…", rows="5", width="100%", id="answer", size="3"),
        draft_keeper(prefix=Room.draft_prefix, question=Room.question_number, value=Room.answer,
                     on_restore=Room.restore_draft),
        error_callout(Room.answer_error),
        rx.hstack(
            dictation(on_text=Room.append_dictation, lang=Room.speech_lang, id="dictation"),
            rx.spacer(),
            rx.button("Send answer", on_click=Room.send_answer, size="3", id="send-answer"),
            width="100%", align="center",
        ),
        width="100%", spacing="2",
    )
    transcript = rx.vstack(rx.foreach(Room.turns, _turn), spacing="3", width="100%",
                           id="transcript")
    return _panel(
        rx.hstack(
            rx.text(f"Question {Room.question_number} of {Room.question_total}", size="2",
                    weight="medium", id="progress"),
            rx.spacer(),
            rx.cond(Room.deadline_iso != "", countdown(deadline=Room.deadline_iso,
                                                       id="timer")),
            rx.checkbox("Read questions aloud", checked=Room.speak_questions,
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
            rx.heading("Thank you", size="7"),
            rx.text("Your interview is complete and the team has your answers. You will hear "
                    "from us by email. You can close this page.", size="4", text_align="center"),
            align="center", spacing="3", padding_y="24px",
        ),
        id="room-done",
    )


def _problem() -> rx.Component:
    return _panel(
        rx.vstack(
            rx.icon("link-2-off", size=40, color=rx.color("gray", 10)),
            rx.heading("This link cannot be used", size="6"),
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
                rx.cond(camera_steps, rx.box(_camera(), width=["100%", "100%", "300px"],
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
              on_load=Room.load_room)
