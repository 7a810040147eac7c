"""Speech signals per answer (speaking time, pace, long pauses): measured right, shown to HR
as context, and never an input of the evaluation or its score."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlmodel import select

from hireops.models import InterviewRecording
from hireops.services.ai.local.interview_evaluator import evaluate_interview
from hireops.services.interviews.builtin_interviewer import submit_answer
from hireops.services.interviews.evaluation_queue import interview_input
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.recording_review import recording_cards
from hireops.services.interviews.recordings import (
    append_chunk,
    record_recording_consent,
    set_job_recording,
)
from hireops.services.interviews.speech_signals import SIGNALS_LABEL, answer_speech
from tests.interviews.room_steps import start_typed_interview

PACKAGE = Path(__file__).resolve().parents[2] / "hireops"
SIGNAL_MODULES = {"hireops.services.interviews.speech_signals",
                  "hireops.services.interviews.recordings",
                  "hireops.services.interviews.recording_review",
                  "hireops.services.interviews.voice.speech_signals"}


def test_speaking_time_pace_and_long_pauses_per_answer():
    marks = [{"question": 1, "at_ms": 0}, {"question": 2, "at_ms": 60_000}]
    # Question 1: 10 s + 20 s of voice with a 5 s silence between; question 2: nothing heard.
    segments = [[2_000, 12_000], [17_000, 37_000], [37_500, 38_000]]
    first, second = answer_speech(marks=marks, segments=segments, duration_ms=90_000,
                                  answers={1: " ".join(["word"] * 61), 2: "typed answer"})
    assert (first.question, first.speaking_ms, first.words) == (1, 30_500, 61)
    assert first.words_per_minute == 120  # 61 words over 30.5 s
    assert (first.long_pauses, first.longest_pause_ms) == (1, 5_000)  # the 0.5 s gap is not one
    assert (second.at_ms, second.speaking_ms, second.words_per_minute) == (60_000, 0, None)


def _answered_link(session, make_application, recruiter):
    application = make_application(90)
    set_job_recording(session=session, job_id=application.job_id, enabled=True, actor=recruiter)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    start_typed_interview(session, link)
    for text in ("I designed a Python REST API on PostgreSQL serving payments for two years.",
                 "We profiled slow queries, added indexes and cut latency by half."):
        submit_answer(session=session, link=link, text=text)
    session.commit()
    return application, link


def test_speech_signals_never_change_the_evaluation(session, make_application, recruiter):
    application, link = _answered_link(session, make_application, recruiter)
    before = interview_input(session=session, link=link)
    score_before = evaluate_interview(before).score

    record_recording_consent(session=session, link=link, agreed=True, client_key="t")
    session.commit()
    # A very slow, hesitant speaker: long silences everywhere.
    append_chunk(session=session, link=link, index=0, payload=b"video", content_type="video/webm",
                 duration_ms=120_000, marks=[{"question": 1, "at_ms": 0},
                                             {"question": 2, "at_ms": 60_000}],
                 segments=[[1_000, 2_000], [20_000, 21_000], [70_000, 71_000]])
    card = recording_cards(session=session, candidate_id=application.candidate_id)[0]
    assert card.signals_label == SIGNALS_LABEL
    assert card.signal_lines[0].startswith("Question 1: spoke 2.0 s")
    assert "over 3 s" in card.signal_lines[0]

    after = interview_input(session=session, link=link)
    assert after == before
    assert evaluate_interview(after).score == score_before
    assert session.exec(select(InterviewRecording)).one().speech_segments


def test_no_scoring_or_decision_code_reads_speech_signals():
    """The evaluation, the engines and the decision rule never import the signals."""
    # The engines read answers with the shared text readers (services/text/) too.
    scoring = [*PACKAGE.glob("services/ai/**/*.py"), *PACKAGE.glob("services/text/**/*.py"),
               PACKAGE / "services/decisions/rule.py",
               PACKAGE / "services/decisions/flow.py",
               PACKAGE / "services/interviews/evaluation_queue.py"]
    assert len(scoring) > 5
    for path in scoring:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
        assert not imported & SIGNAL_MODULES, path


def test_a_recording_in_two_parts_jumps_into_the_right_part(session, make_application,
                                                            recruiter):
    application, link = _answered_link(session, make_application, recruiter)
    record_recording_consent(session=session, link=link, agreed=True, client_key="t")
    session.commit()
    # Question 1 and the start of question 2, then a reload: question 2 goes on in part 2.
    append_chunk(session=session, link=link, index=0, payload=b"video", content_type="video/webm",
                 duration_ms=50_000, marks=[{"question": 1, "at_ms": 0},
                                            {"question": 2, "at_ms": 40_000}],
                 segments=[[1_000, 11_000], [41_000, 45_000]])
    append_chunk(session=session, link=link, index=0, payload=b"more", content_type="video/webm",
                 duration_ms=20_000, marks=[{"question": 2, "at_ms": 0}],
                 segments=[[2_000, 8_000]], part=1)
    card = recording_cards(session=session, candidate_id=application.candidate_id)[0]
    first, second = session.exec(select(InterviewRecording.id)
                                 .order_by(InterviewRecording.part)).all()
    urls = [f"/api/v1/interview-recordings/{first}/video",
            f"/api/v1/interview-recordings/{second}/video"]
    assert card.video_url == urls[0] and card.playlist == " ".join(urls)
    assert [(p.label, p.video_url, p.seconds) for p in card.parts] == [
        ("Part 1", urls[0], 0), ("Part 2", urls[1], 0)]
    # Each question at its first appearance: its part and its offset in that part's video.
    assert [(j.label, j.video_url, j.seconds) for j in card.jumps] == [
        ("Question 1 (part 1)", urls[0], 0.0), ("Question 2 (part 1)", urls[0], 40.0)]
    # Question 2's speaking time counts both parts: 4 s before the reload and 6 s after.
    assert card.signal_lines[1].startswith("Question 2: spoke 10 s")
    assert "2 parts" in card.summary


def test_a_call_that_ends_on_the_candidates_turn_leaves_it_unmeasured():
    from datetime import datetime, timedelta, timezone

    from hireops.services.interviews.voice.speech_signals import TimedTurn, voice_answer_speech

    start = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
    turns = [TimedTurn("interviewer", "Why this team?", start),
             TimedTurn("candidate", "Because of the product and the people.", start
                       + timedelta(seconds=4))]
    [only] = voice_answer_speech(turns=turns)
    assert (only.answer, only.speaking_ms, only.words, only.words_per_minute) == (1, 0, 7, None)
