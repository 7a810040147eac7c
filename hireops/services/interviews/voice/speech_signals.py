"""Speech signals of a voice interview, from the provider's own transcript times.

ElevenLabs stores each turn with the second of the call it started at (time_in_call_secs) and no
end time. A candidate's turn is taken to last until the next turn starts (the agent answers
within a second of the candidate stopping); a call that ends on the candidate's turn leaves that
turn unmeasured. The stored turns keep no end of their own (the evaluation reads them as they
are), so the ends are worked out here. The agent's
turn-taking ends the candidate's turn when it hears a silence, so a long pause shows up as the
candidate going on in a new turn with no agent turn between: those gaps are the long pauses.
As with the recorded room: only when and how long the candidate spoke, nothing about how they
sound or feel, and nothing here feeds a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hireops.services.interviews.speech_signals import count_words


@dataclass(frozen=True)
class TimedTurn:
    speaker: str  # interviewer | candidate
    text: str
    started_at: datetime | None


@dataclass(frozen=True)
class VoiceAnswerSpeech:
    """One answer: the candidate's turns after one interviewer turn."""

    answer: int
    speaking_ms: int
    words: int
    # Words per minute of the answer's turns (None: too short to tell).
    words_per_minute: int | None
    # Times the candidate went on in a new turn after a silence the agent heard as the end of
    # their turn.
    long_pauses: int


def voice_answer_speech(*, turns: list[TimedTurn]) -> list[VoiceAnswerSpeech]:
    """Per answer, in order; empty when the turns carry no times (nothing to measure)."""
    timed = [turn for turn in turns if turn.started_at is not None and turn.text.strip()]
    if not any(turn.speaker == "candidate" for turn in timed):
        return []
    answers: list[list[tuple[TimedTurn, int]]] = []
    previous_speaker = ""
    for position, turn in enumerate(timed):
        if turn.speaker == "candidate":
            following = timed[position + 1].started_at if position + 1 < len(timed) else None
            span = int((following - turn.started_at).total_seconds() * 1000) \
                if following else 0
            if previous_speaker != "candidate":
                answers.append([])
            answers[-1].append((turn, max(span, 0)))
        previous_speaker = turn.speaker
    result = []
    for number, pieces in enumerate(answers, start=1):
        speaking = sum(span for _, span in pieces)
        words = sum(count_words(turn.text) for turn, _ in pieces)
        pace = round(words / (speaking / 60000)) if speaking >= 1000 and words else None
        result.append(VoiceAnswerSpeech(answer=number, speaking_ms=speaking, words=words,
                                        words_per_minute=pace, long_pauses=len(pieces) - 1))
    return result


def voice_signal_line(signal: VoiceAnswerSpeech) -> str:
    seconds = signal.speaking_ms / 1000
    spoke = f"spoke about {seconds:.0f} s"
    pace = f"{signal.words_per_minute} words/min" if signal.words_per_minute is not None \
        else "pace not measured"
    pauses = f"{signal.long_pauses} pause{'s' if signal.long_pauses != 1 else ''} " \
             "long enough to end a turn"
    return f"Answer {signal.answer}: {spoke}, {pace}, {pauses}"
