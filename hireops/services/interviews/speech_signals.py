"""Speech signals per answer: speaking time, pace and long pauses, as context for HR.

Where they come from: the candidate's browser measures voice activity on the same microphone
stream it records (Web Audio AnalyserNode, RMS above a threshold) and sends the voiced spans
with each chunk. We chose the browser over decoding the stored WebM here because the browser
already has the raw samples, the server then needs no audio decoder, and the spans sit on the
video's own timeline, the one the question marks use. Only the presence of a voice is kept:
nothing here (or anywhere) infers emotion, and no signal feeds a score or an evaluation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A silence longer than this inside an answer counts as a long pause.
LONG_PAUSE_MS = 3000
SIGNALS_LABEL = "Speech signals - context only, not part of any score"
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class AnswerSpeech:
    """One question's answer as heard by the microphone."""

    question: int
    # Where the question starts in the video, for "jump to question N".
    at_ms: int
    speaking_ms: int
    words: int
    # Words of the answer per minute of speaking (None: nothing heard, e.g. a typed answer).
    words_per_minute: int | None
    long_pauses: int
    longest_pause_ms: int


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def answer_speech(*, marks: list[dict], segments: list[list[int]], duration_ms: int,
                  answers: dict[int, str]) -> list[AnswerSpeech]:
    """Per question mark: the voiced time inside its window (until the next question or the
    end), the pace of its answer text over that time, and the silences over LONG_PAUSE_MS
    between two voiced spans."""
    ordered = sorted(marks, key=lambda mark: mark["at_ms"])
    result = []
    for position, mark in enumerate(ordered):
        start = mark["at_ms"]
        end = ordered[position + 1]["at_ms"] if position + 1 < len(ordered) \
            else max(duration_ms, start)
        voiced = [(max(s, start), min(e, end)) for s, e in segments if e > start and s < end]
        speaking = sum(e - s for s, e in voiced)
        gaps = [later[0] - earlier[1] for earlier, later in zip(voiced, voiced[1:])]
        long_gaps = [gap for gap in gaps if gap > LONG_PAUSE_MS]
        words = count_words(answers.get(mark["question"], ""))
        pace = round(words / (speaking / 60000)) if speaking >= 1000 and words else None
        result.append(AnswerSpeech(question=mark["question"], at_ms=start, speaking_ms=speaking,
                                   words=words, words_per_minute=pace,
                                   long_pauses=len(long_gaps),
                                   longest_pause_ms=max(long_gaps, default=0)))
    return result


@dataclass(frozen=True)
class PartTimeline:
    """One part of a recording (one browser recording session) as the browser measured it."""

    marks: list[dict]
    segments: list[list[int]]
    duration_ms: int


def answer_speech_in_parts(*, parts: list[PartTimeline], answers: dict[int, str]
                           ) -> list[tuple[int, AnswerSpeech]]:
    """answer_speech over a recording in parts, as (part position, signals) per question: a
    question that goes on in the next part (a reload mid-answer) is measured in both and counted
    once, at its first appearance."""
    merged: dict[int, tuple[int, AnswerSpeech, list[AnswerSpeech]]] = {}
    for position, part in enumerate(parts):
        for signal in answer_speech(marks=part.marks, segments=part.segments,
                                    duration_ms=part.duration_ms, answers=answers):
            if signal.question in merged:
                merged[signal.question][2].append(signal)
            else:
                merged[signal.question] = (position, signal, [signal])
    result = []
    for position, first, pieces in merged.values():
        speaking = sum(piece.speaking_ms for piece in pieces)
        pace = round(first.words / (speaking / 60000)) if speaking >= 1000 and first.words \
            else None
        result.append((position, AnswerSpeech(
            question=first.question, at_ms=first.at_ms, speaking_ms=speaking, words=first.words,
            words_per_minute=pace, long_pauses=sum(piece.long_pauses for piece in pieces),
            longest_pause_ms=max(piece.longest_pause_ms for piece in pieces))))
    return sorted(result, key=lambda item: (item[0], item[1].at_ms))
