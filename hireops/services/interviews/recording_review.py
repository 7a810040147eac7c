"""What HR sees of an interview's recording on the candidate page: the player's address, a
"jump to question N" per question, and the speech signals beside the transcript."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import Application, InterviewLink, InterviewRecording
from hireops.services.privacy.blind_screening import is_identity_hidden
from hireops.services.interviews.speech_signals import (
    SIGNALS_LABEL,
    PartTimeline,
    answer_speech_in_parts,
)
from hireops.services.interviews.turns import list_turns

# The authenticated route that serves the file with Range support (api/recording_routes.py).
VIDEO_PATH = "/api/v1/interview-recordings/{recording_id}/video"
ERROR_WORDS = {"out_of_order": "arrived out of order", "chunk_too_large": "was too large",
               "recording_full": "passed the recording's size limit",
               "storage_full": "found the recordings storage full",
               "unsupported_type": "was not a video", "empty": "was empty",
               "unknown_part": "belonged to no part being recorded"}


@dataclass
class QuestionJump:
    label: str
    # Where the question starts in its part's video, seconds.
    seconds: float
    # The part's video (a reload mid-interview recorded the rest in a new part).
    video_url: str = ""


@dataclass
class RecordingCard:
    """One interview's recording, in one or more parts played in sequence."""

    link_id: int
    # The first part's id (the player's first video).
    recording_id: int
    # The first part's video; "" while blind screening hides who the candidate is, or before
    # the first chunk.
    video_url: str
    summary: str
    # Why there is no player, in words ("" when there is one).
    note: str = ""
    jumps: list[QuestionJump] = field(default_factory=list)
    # Every part's video in order, space-separated: the player goes on to the next at the end.
    playlist: str = ""
    # "Part 1", "Part 2", ... when a reload split the recording (empty for one part).
    parts: list[QuestionJump] = field(default_factory=list)
    # One line per answer, e.g. "Question 2: spoke 48 s, 132 words/min, 1 pause over 3 s".
    signal_lines: list[str] = field(default_factory=list)
    signals_label: str = SIGNALS_LABEL
    problems: list[str] = field(default_factory=list)


def recording_cards(*, session: Session, candidate_id: int) -> list[RecordingCard]:
    """The recordings of the candidate's interviews, newest first, one card per interview."""
    rows = session.exec(select(InterviewRecording, InterviewLink)
                        .join(InterviewLink, InterviewLink.id == InterviewRecording.link_id)
                        .join(Application, Application.id == InterviewRecording.application_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(InterviewRecording.link_id.desc(),
                                  InterviewRecording.part)).all()
    hidden = is_identity_hidden(session=session, candidate_id=candidate_id) if rows else False
    by_link: dict[int, tuple[InterviewLink, list[InterviewRecording]]] = {}
    for recording, link in rows:
        by_link.setdefault(link.id, (link, []))[1].append(recording)
    return [_card(session, link, parts, hidden) for link, parts in by_link.values()]


def _card(session: Session, link: InterviewLink, parts: list[InterviewRecording],
          hidden: bool) -> RecordingCard:
    recorded = [part for part in parts if part.storage_path]
    seconds = sum(part.duration_ms for part in parts) / 1000
    size = sum(part.size_bytes for part in parts)
    in_parts = f" · {len(recorded)} parts (the page was reloaded)" if len(recorded) > 1 else ""
    summary = (f"Recorded with the candidate's consent · {int(seconds // 60)} min "
               f"{int(seconds % 60)} s · {size / 2**20:.1f} MB{in_parts}")
    note = ""
    if hidden:
        note = "The video shows who the candidate is: it stays hidden while blind screening does."
    elif not recorded:
        note = "Nothing was recorded (the candidate's browser sent no video)."
    urls = [VIDEO_PATH.format(recording_id=part.id) for part in recorded]
    timelines = [PartTimeline(part.question_marks, part.speech_segments, part.duration_ms)
                 for part in recorded]
    signals = answer_speech_in_parts(parts=timelines, answers=_answers(session, link))
    several = len(recorded) > 1
    first = recorded[0] if recorded else parts[0]
    return RecordingCard(
        link_id=link.id, recording_id=first.id, summary=summary, note=note,
        video_url="" if note else urls[0],
        playlist="" if note else " ".join(urls),
        parts=[QuestionJump(label=f"Part {position + 1}", seconds=0, video_url=url)
               for position, url in enumerate(urls)] if several and not note else [],
        jumps=[QuestionJump(label=f"Question {mark.question}"
                            + (f" (part {position + 1})" if several else ""),
                            seconds=mark.at_ms / 1000, video_url=urls[position])
               for position, mark in signals] if not note else [],
        signal_lines=[_signal_line(mark) for _, mark in signals],
        problems=[f"{'Part ' + str(part.part + 1) + ', c' if several else 'C'}hunk "
                  f"{entry['index']} {ERROR_WORDS.get(entry['error'], entry['error'])}"
                  for part in parts for entry in part.chunk_errors[-5:]],
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
