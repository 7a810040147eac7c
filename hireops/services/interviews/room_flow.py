"""The interview room's hand-offs, one transaction each: open a link, consent, start, answer,
leave a voice call for typing, end a call, and hand a finished interview to evaluation.

The room's states call these and only show what they return. Each function is the outermost
caller of its work, so it opens the session and commits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hireops.db import session_scope
from hireops.models import Application, InterviewLink
from hireops.services.candidates.equal_opportunities import Question, questions, record_answers
from hireops.services.interviews.builtin_interviewer import start_interview, submit_answer
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.recordings import (
    next_part,
    record_recording_consent,
    recording_agreed,
    recording_offered,
)
from hireops.services.interviews.room import (
    RoomView,
    complete_interview,
    decline_webcam,
    fall_back_to_typed,
    find_room,
    mark_opened,
    mark_started,
    record_consent,
    refuse_consent,
    room_language,
    room_view,
)
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import VoiceProviderError
from hireops.services.interviews.voice.transcript_sync import (
    VoiceStart,
    VoiceSyncError,
    start_conversation,
    sync_conversation,
)


@dataclass(frozen=True)
class RoomOpening:
    """What a token opened: the room, or why not (one of room.PROBLEMS)."""

    problem: str
    # The language to speak: the link's candidate's, English when the token names no link.
    language: str = "en"
    # The room's view when it opens, and a completed link's (its thank-you page).
    view: RoomView | None = None
    # The team's optional equal-opportunities questions (read only when the room opens).
    equal_questions: list[Question] = field(default_factory=list)


@dataclass(frozen=True)
class RoomProgress:
    """The room after a step of the interview, and what the interviewer says next."""

    view: RoomView
    say: str = ""
    finished: bool = False


def open_room(*, token: str, client_key: str) -> RoomOpening:
    """Look the token up (rate-limited), mark a found link opened and read its view."""
    with session_scope() as session:
        lookup = find_room(session=session, token=token, client_key=client_key)
        if lookup.problem:
            link = lookup.link  # a real link is refused in its candidate's language
            language = room_language(session=session, link=link) if link is not None else "en"
            session.commit()
            view = room_view(session=session, link=link) \
                if link is not None and lookup.problem == "completed" else None
            return RoomOpening(lookup.problem, language, view)
        mark_opened(session=session, link=lookup.link)
        view = room_view(session=session, link=lookup.link)
        # Read now so the step list shows the optional step from the start.
        equal = questions(session=session)
        session.commit()
        return RoomOpening("", view.language, view, equal)


def current_view(*, link_id: int) -> RoomView:
    """The room's view of its link as it stands."""
    with session_scope() as session:
        return room_view(session=session, link=session.get(InterviewLink, link_id))


def give_consent(*, link_id: int, webcam_analysis: bool, client_key: str) -> list[Question]:
    """Store the candidate's consent; returns the equal-opportunities questions to ask next."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        record_consent(session=session, link=link, webcam_analysis=webcam_analysis,
                       client_key=client_key)
        session.commit()
        return questions(session=session)


def decline_consent(*, link_id: int, client_key: str) -> None:
    """The candidate does not agree: HR is told."""
    with session_scope() as session:
        refuse_consent(session=session, link=session.get(InterviewLink, link_id),
                       client_key=client_key)
        session.commit()


@dataclass(frozen=True)
class RecordingChoice:
    """Whether the link's job records interviews, and whether this room records now (into
    which part: a reload mid-interview records the next one)."""

    offered: bool
    recording: bool
    part: int = 0


def recording_choice(*, link_id: int) -> RecordingChoice:
    """Read the link's recording choice when the room (re)opens."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        offered = recording_offered(session=session, link=link)
        part = next_part(session=session, link_id=link.id) \
            if offered and recording_agreed(link) else None
        return RecordingChoice(offered, part is not None, part or 0)


def give_recording_consent(*, link_id: int, agreed: bool, client_key: str) -> bool:
    """Store the candidate's separate answer to the recording notice, after the AI consent;
    returns whether the interview is recorded (never without the AI consent given first)."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        if link.consent_at is None or not recording_offered(session=session, link=link):
            return False
        record_recording_consent(session=session, link=link, agreed=agreed,
                                 client_key=client_key)
        session.commit()
        return agreed


def save_equal_answers(*, link_id: int, answers: dict[str, str]) -> None:
    """Store the candidate's own answers apart from the application (AnswersRefused when the
    questions changed meanwhile)."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        application = session.get(Application, link.application_id)
        record_answers(session=session, candidate_id=application.candidate_id, answers=answers)


def equal_questions() -> list[Question]:
    """The equal-opportunities questions the team asks now."""
    with session_scope() as session:
        return questions(session=session)


def turn_camera_off(*, link_id: int) -> None:
    """Camera analysis off after consent (the camera does not work, or the candidate says so)."""
    with session_scope() as session:
        decline_webcam(session=session, link=session.get(InterviewLink, link_id))


def begin_interview(*, link_id: int) -> RoomProgress:
    """Start (or resume) the interview; the built-in interviewer greets or repeats its question."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        mark_started(session=session, link=link)
        step = start_interview(session=session, link=link) \
            if link.provider == "builtin" else None
        view = room_view(session=session, link=link)
        session.commit()
    return RoomProgress(view, step.say if step else "")


def answer_question(*, link_id: int, text: str) -> RoomProgress:
    """Take a typed answer (AnswerRefused when it cannot be taken); the last one completes the
    interview and queues its evaluation."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        step = submit_answer(session=session, link=link, text=text)
        if step.finished:
            complete_interview(session=session, link=link)
        view = room_view(session=session, link=link)
        session.commit()
    return RoomProgress(view, step.say, step.finished)


def continue_typed(*, link_id: int, reason: str) -> RoomProgress:
    """Hand the interview to the built-in interviewer and ask (or repeat) its question; HR
    reads `reason`."""
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        fall_back_to_typed(session=session, link=link, reason=reason)
        mark_started(session=session, link=link)
        step = start_interview(session=session, link=link)
        view = room_view(session=session, link=link)
        session.commit()
    return RoomProgress(view, step.say)


def start_voice(*, link_id: int) -> tuple[VoiceStart, str]:
    """Mint single-use credentials for the voice call; returns them and the agent's id.
    Raises VoiceProviderError or VoiceSyncError when the call cannot start."""
    provider = ElevenLabsProvider.from_settings()
    try:
        with session_scope() as session:
            return start_conversation(session=session, link_id=link_id,
                                      provider=provider), provider.agent_id
    finally:
        provider.close()


def sync_voice(*, link_id: int, conversation_id: str | None = None) -> None:
    """Store the call's turns from ElevenLabs' own record (never the browser's copy)."""
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


def finish_voice(*, link_id: int, ended_normally: bool) -> bool:
    """Store the call's last turns; a call ended by the agent or the candidate completes the
    interview (True), an error lets the candidate resume."""
    sync_voice(link_id=link_id)
    if not ended_normally:
        return False
    with session_scope() as session:
        return complete_interview(session=session, link=session.get(InterviewLink, link_id))


def evaluate_finished(*, link_id: int) -> None:
    """Evaluate this link's finished interview now (the scheduler is the fallback)."""
    with session_scope() as session:
        run_queued_evaluations(session=session, link_id=link_id)
