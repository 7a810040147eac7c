"""Communication signals measured from an interview's turns: answer length, pace, pauses and
filler words, with short notes for HR.

These are measurements, not a score: they sit beside the evaluation so a recruiter can see why
communication was rated as it was. Everything follows from the turns given, so the same turns
always give the same figures.

Timing, and what it means:
- an answer's time is `ended_at - started_at`. The built-in room stamps an answer's start with the
  moment its question was shown and its end with the moment it was sent, so for typed answers the
  pace is composing pace (reading, thinking and typing), not speech;
- a voice transcript stamps only when each turn started; there an answer lasts until the next turn
  starts;
- a pause before an answer is the gap from the end of the question to the start of the answer,
  only when both are known and differ: the built-in room starts the answer's clock when the
  question ends, so its gap is zero by construction and says nothing about hesitation.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from hireops.models import InterviewTurn
from hireops.services.text.fillers import count_fillers

VERY_SHORT_WORDS = 8  # fewer words than this is a brush-off, whatever the question
SHORT_MEDIAN_WORDS = 25  # a typical answer below this cannot hold a situation, action and result
FREQUENT_FILLERS = 3.0  # fillers per 100 words above which HR gets a note
LONG_PAUSE_SECONDS = 10.0  # a pause worth a note
# Candidate turns that are logistics or were withdrawn, not communication.
_SKIPPED_KINDS = frozenset({"slot_answer", "replaced"})

TurnTuple = tuple[str, str, datetime | None, datetime | None]


class CommunicationSignals(BaseModel):
    """What the candidate's answers show about how they communicate."""

    model_config = ConfigDict(frozen=True)

    answers: int  # candidate answers measured
    total_words: int
    median_words: float | None  # None without answers
    min_words: int | None
    words_per_minute: float | None  # over answers with a known duration; None when none
    timed_answers: int  # answers whose duration is known
    longest_pause_seconds: float | None  # None when no pause could be measured
    filler_words: int
    fillers_per_100_words: float
    very_short_answers: int  # answers under VERY_SHORT_WORDS words
    notes: list[str]  # readable lines for HR


@dataclass(frozen=True)
class _Turn:
    speaker: str
    text: str
    started_at: datetime | None
    ended_at: datetime | None
    kind: str = ""


@dataclass(frozen=True)
class _Answer:
    words: int
    fillers: int
    seconds: float | None
    pause: float | None


# --- turns -------------------------------------------------------------------------------

def _as_turn(turn: InterviewTurn | Sequence) -> _Turn:
    if isinstance(turn, InterviewTurn):
        return _Turn(turn.speaker, turn.text or "", turn.started_at, turn.ended_at,
                     turn.kind or "")
    speaker, text, started_at, ended_at = turn[:4]
    return _Turn(speaker, text or "", started_at, ended_at)


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds()


def _answers(turns: list[_Turn]) -> list[_Answer]:
    answers = []
    for index, turn in enumerate(turns):
        if turn.speaker != "candidate" or turn.kind in _SKIPPED_KINDS or not turn.text.strip():
            continue
        following = turns[index + 1].started_at if index + 1 < len(turns) else None
        seconds = _seconds(turn.started_at, turn.ended_at or following)
        before = turns[index - 1] if index else None
        pause = None
        if before is not None and before.speaker == "interviewer":
            gap = _seconds(before.ended_at, turn.started_at)
            pause = gap if gap else None  # zero: the room's own stamp, not a measured pause
        answers.append(_Answer(len(turn.text.split()), count_fillers(turn.text),
                               seconds if seconds and seconds > 0 else None,
                               pause if pause and pause > 0 else None))
    return answers


# --- signals -----------------------------------------------------------------------------

def _pace(answers: list[_Answer]) -> float | None:
    timed = [a for a in answers if a.seconds]
    minutes = sum(a.seconds for a in timed) / 60
    return round(sum(a.words for a in timed) / minutes, 1) if timed else None


def _notes(signals: dict) -> list[str]:
    if not signals["answers"]:
        return ["No answers to measure."]
    notes = []
    if signals["median_words"] < SHORT_MEDIAN_WORDS:
        notes.append(f"Answers were short: median {signals['median_words']:g} words")
    if signals["very_short_answers"]:
        count = signals["very_short_answers"]
        notes.append(f"{count} very short answer{'' if count == 1 else 's'} "
                     f"(under {VERY_SHORT_WORDS} words)")
    if signals["fillers_per_100_words"] > FREQUENT_FILLERS:
        notes.append(f"Frequent filler words: {signals['fillers_per_100_words']:g} per 100 words")
    if signals["words_per_minute"] is None:
        notes.append("No answer timing recorded, so pace is unknown")
    else:
        notes.append(f"Pace: {signals['words_per_minute']:g} words per minute of answering time "
                     f"(for typed answers this is composing pace, not speech)")
    pause = signals["longest_pause_seconds"]
    if pause is not None and pause >= LONG_PAUSE_SECONDS:
        notes.append(f"Longest pause before an answer: {pause:g} s")
    return notes


def communication_signals(turns: Sequence[InterviewTurn] | Sequence[TurnTuple],
                          ) -> CommunicationSignals:
    """Measure the candidate's answers in `turns` (rows, or (speaker, text, started_at, ended_at)
    tuples, in the order spoken). Words per minute is words over answering time; for typed
    answers that is composing pace, not speech. Missing times leave pace and pauses unknown."""
    answers = _answers([_as_turn(t) for t in turns])
    words = [a.words for a in answers]
    total, fillers = sum(words), sum(a.fillers for a in answers)
    pauses = [a.pause for a in answers if a.pause is not None]
    signals = {
        "answers": len(answers),
        "total_words": total,
        "median_words": float(statistics.median(words)) if words else None,
        "min_words": min(words) if words else None,
        "words_per_minute": _pace(answers),
        "timed_answers": sum(1 for a in answers if a.seconds),
        "longest_pause_seconds": round(max(pauses), 1) if pauses else None,
        "filler_words": fillers,
        "fillers_per_100_words": round(fillers * 100 / total, 1) if total else 0.0,
        "very_short_answers": sum(1 for n in words if n < VERY_SHORT_WORDS),
    }
    return CommunicationSignals(**signals, notes=_notes(signals))
