"""What HR sees of an interview's recording on the candidate page: the player's address, a
"jump to question N" per question, and the speech signals beside the transcript."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import Application, InterviewLink, InterviewRecording
from hireops.services.privacy.blind_screening import is_identity_hidden
from hireops.services.interviews.speech_signals import SIGNALS_LABEL, answer_speech
from hireops.services.interviews.turns import list_turns

# The authenticated route that serves the file with Range support (api/recording_routes.py).
VIDEO_PATH = "/api/v1/interview-recordings/{recording_id}/video"
ERROR_WORDS = {"out_of_order": "arrived out of order", "chunk_too_large": "was too large",
               "recording_full": "passed the recording's size limit",
               "storage_full": "found the recordings storage full",
               "unsupported_type": "was not a video", "empty": "was empty"}


@dataclass
class QuestionJump:
    label: str
    # Where the question starts in the video, seconds.
    seconds: float


@dataclass
class RecordingCard:
    link_id: int
    recording_id: int
    # "" while blind screening hides who the candidate is, or before the first chunk.
    video_url: str
    summary: str
    # Why there is no player, in words ("" when there is one).
    note: str = ""
    jumps: list[QuestionJump] = field(default_factory=list)
    # One line per answer, e.g. "Question 2: spoke 48 s, 132 words/min, 1 pause over 3 s".
    signal_lines: list[str] = field(default_factory=list)
    signals_label: str = SIGNALS_LABEL
    problems: list[str] = field(default_factory=list)


def recording_cards(*, session: Session, candidate_id: int) -> list[RecordingCard]:
    """The recordings of the candidate's interviews, newest first."""
    rows = session.exec(select(InterviewRecording, InterviewLink)
                        .join(InterviewLink, InterviewLink.id == InterviewRecording.link_id)
                        .join(Application, Application.id == InterviewRecording.application_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(InterviewRecording.id.desc())).all()
    hidden = is_identity_hidden(session=session, candidate_id=candidate_id) if rows else False
    return [_card(session, recording, link, hidden) for recording, link in rows]


def _card(session: Session, recording: InterviewRecording, link: InterviewLink,
          hidden: bool) -> RecordingCard:
    seconds = recording.duration_ms / 1000
    summary = (f"Recorded with the candidate's consent · {int(seconds // 60)} min "
               f"{int(seconds % 60)} s · {recording.size_bytes / 2**20:.1f} MB")
    note = ""
    if hidden:
        note = "The video shows who the candidate is: it stays hidden while blind screening does."
    elif not recording.storage_path:
        note = "Nothing was recorded (the candidate's browser sent no video)."
    signals = answer_speech(marks=recording.question_marks, segments=recording.speech_segments,
                            duration_ms=recording.duration_ms, answers=_answers(session, link))
    return RecordingCard(
        link_id=link.id, recording_id=recording.id, summary=summary, note=note,
        video_url="" if note else VIDEO_PATH.format(recording_id=recording.id),
        jumps=[QuestionJump(label=f"Question {mark.question}", seconds=mark.at_ms / 1000)
               for mark in signals],
        signal_lines=[_signal_line(mark) for mark in signals],
        problems=[f"Chunk {entry['index']} {ERROR_WORDS.get(entry['error'], entry['error'])}"
                  for entry in recording.chunk_errors[-5:]],
    )


def _answers(session: Session, link: InterviewLink) -> dict[int, str]:
    """The candidate's answer text per question number (1 = the plan's first question)."""
    number = {question["key"]: position + 1
              for position, question in enumerate(link.plan.get("questions", []))}
    answers: dict[int, str] = {}
    for turn in list_turns(session=session, link_id=link.id):
        if turn.speaker == "candidate" and turn.question_key in number:
            key = number[turn.question_key]
            answers[key] = f"{answers.get(key, '')} {turn.text}".strip()
    return answers


def _signal_line(mark) -> str:
    seconds = mark.speaking_ms / 1000
    spoke = f"spoke {seconds:.1f} s" if seconds < 10 else f"spoke {seconds:.0f} s"
    pace = f"{mark.words_per_minute} words/min" if mark.words_per_minute is not None \
        else "pace not measured (no speech heard)"
    pauses = f"{mark.long_pauses} pause{'s' if mark.long_pauses != 1 else ''} over 3 s"
    if mark.long_pauses:
        pauses += f" (longest {mark.longest_pause_ms / 1000:.0f} s)"
    return f"Question {mark.question}: {spoke}, {pace}, {pauses}"
