"""Communication signals from hand-made turns: exact figures, fillers, missing times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from hireops.models import InterviewTurn
from hireops.services.interviews.communication import communication_signals, count_fillers

T0 = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_figures_from_timed_turns():
    turns = [
        ("interviewer", "Tell me about a project.", at(0), at(5)),
        ("candidate", words(30), at(12), at(72)),  # 30 words in 60 s, after a 7 s pause
        ("interviewer", "What went wrong?", at(72), at(75)),
        ("candidate", words(10), at(75), at(105)),  # the room's own stamp: no pause measured
        ("interviewer", "Anything else?", at(105), at(106)),
        ("candidate", "No.", at(106), at(116)),
    ]
    signals = communication_signals(turns)
    assert signals.answers == 3
    assert signals.total_words == 41
    assert signals.median_words == 10.0
    assert signals.min_words == 1
    assert signals.timed_answers == 3
    assert signals.words_per_minute == 24.6  # 41 words / 100 s
    assert signals.longest_pause_seconds == 7.0
    assert signals.very_short_answers == 1
    assert signals.filler_words == 0 and signals.fillers_per_100_words == 0.0
    assert "Answers were short: median 10 words" in signals.notes
    assert "1 very short answer (under 8 words)" in signals.notes
    assert any(n.startswith("Pace: 24.6 words per minute") and "composing pace" in n
               for n in signals.notes)
    assert not any("pause" in n for n in signals.notes)  # 7 s is not worth a note


def test_filler_rate_and_note():
    answer = ("Um, I mean, the migration was kind of slow, you know. Basically we, like, "
              "rewrote the importer and it took about three weeks in the end for the team.")
    signals = communication_signals([("interviewer", "How did it go?", None, None),
                                     ("candidate", answer, None, None)])
    # um, I mean, kind of, you know, basically, like = 6 fillers in 29 words
    assert signals.filler_words == 6
    assert signals.total_words == 29
    assert signals.fillers_per_100_words == 20.7
    assert "Frequent filler words: 20.7 per 100 words" in signals.notes


@pytest.mark.parametrize(("text", "expected"), [
    ("I like Python and I would like to use it more.", 0),
    ("We used tools like Docker and Terraform.", 0),
    ("It was, like, really slow.", 1),
    ("Like, maybe ten servers.", 1),
    ("What kind of database would you pick? This sort of problem is common.", 0),
    ("It was kind of slow and sort of fragile.", 2),
    ("You know the library well. I mean the cache layer.", 0),
    ("It was slow, you know, and I mean, nobody owned it.", 2),
    ("It actually doubled. Actually, it tripled.", 1),
    ("Euh, je pense que oui.", 1),
    ("Ähm, ich habe um 10 Uhr angefangen, um die Daten zu prüfen.", 1),
    ("Este proyecto era grande. Este... o sea, muy grande, eh.", 3),
    ("Uh, hmm, erm.", 3),
])
def test_filler_patterns(text: str, expected: int):
    assert count_fillers(text) == expected


def test_missing_times_leave_pace_and_pauses_unknown():
    signals = communication_signals([
        ("interviewer", "Tell me about your last role.", None, None),
        ("candidate", words(40), None, None),
    ])
    assert signals.words_per_minute is None and signals.timed_answers == 0
    assert signals.longest_pause_seconds is None
    assert signals.median_words == 40.0
    assert "No answer timing recorded, so pace is unknown" in signals.notes


def test_voice_turns_last_until_the_next_turn_starts():
    # A voice transcript stamps only starts: the answer ran from 20 s to 50 s.
    signals = communication_signals([
        ("interviewer", "Why this role?", at(0), None),
        ("candidate", words(60), at(20), None),
        ("interviewer", "Thanks.", at(50), None),
    ])
    assert signals.words_per_minute == 120.0
    assert signals.longest_pause_seconds is None  # the question's end is unknown


def test_long_pause_gets_a_note():
    signals = communication_signals([
        ("interviewer", "Describe a hard bug.", at(0), at(4)),
        ("candidate", words(50), at(19), at(79)),
    ])
    assert signals.longest_pause_seconds == 15.0
    assert "Longest pause before an answer: 15 s" in signals.notes


def test_empty_input():
    signals = communication_signals([])
    assert signals.answers == 0 and signals.total_words == 0
    assert signals.median_words is None and signals.min_words is None
    assert signals.words_per_minute is None and signals.fillers_per_100_words == 0.0
    assert signals.notes == ["No answers to measure."]


def test_rows_skip_the_slot_answer():
    rows = [
        InterviewTurn(link_id=1, seq=1, speaker="interviewer", kind="question",
                      text="Tell me about a project.", started_at=at(0), ended_at=at(0)),
        InterviewTurn(link_id=1, seq=2, speaker="candidate", kind="answer", text=words(45),
                      started_at=at(0), ended_at=at(90)),
        InterviewTurn(link_id=1, seq=3, speaker="interviewer", kind="slot_question",
                      text="When are you free?", started_at=at(90), ended_at=at(90)),
        InterviewTurn(link_id=1, seq=4, speaker="candidate", kind="slot_answer",
                      text="Tuesday 3pm CET", started_at=at(90), ended_at=at(100)),
    ]
    signals = communication_signals(rows)
    assert signals.answers == 1 and signals.very_short_answers == 0
    assert signals.words_per_minute == 30.0
    assert signals.longest_pause_seconds is None
    assert signals.model_dump(mode="json") == communication_signals(rows).model_dump(mode="json")
