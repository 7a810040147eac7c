"""Answers told in plain words, in a trade the evaluator has no vocabulary for, read by the
parts of the story they tell: where it started, what was found, what was done, what came of
it and what changed afterwards, recognised by the words that carry those parts in any trade.

The cases here belong to no graded transcript set (a library, a bus depot, a florist's shop).
"""

from __future__ import annotations

from hireops.services.ai.local.answer_reading import (
    implied_points,
    read_answer,
    specific_kinds,
    tells_conversation,
)
from hireops.services.ai.local.interview_evaluator import evaluate_interview
from hireops.services.ai.schemas import InterviewInput, JobInput, TranscriptTurn

LIBRARY_QUESTION = "Tell me about research that changed how the library ran a service."
LIBRARY_POINTS = ("the starting point", "the method", "what was learned",
                  "what changed in the service")
LIBRARY_ANSWER = (
    "When I arrived, the Saturday reading club drew a handful of children. I counted who came "
    "over two months and asked thirty parents at the desk; most said Saturday mornings clashed "
    "with football. We moved the club to Thursday after school instead. Three months later the "
    "room was full every week.")


def test_points_naming_parts_of_a_story_are_covered_by_those_parts_in_plain_words():
    reading = read_answer(LIBRARY_QUESTION, LIBRARY_ANSWER, LIBRARY_POINTS)
    assert set(reading.covered_points) == set(LIBRARY_POINTS)
    assert "diagnosis" in reading.reasoning  # counting and asking is finding out


def test_a_thin_answer_to_the_same_question_covers_few_of_those_points():
    reading = read_answer(LIBRARY_QUESTION, "I asked some parents and we changed the day.",
                          LIBRARY_POINTS)
    assert len(reading.covered_points) <= 2


def test_results_told_as_a_plain_comparison_a_later_time_or_a_rating_are_outcomes():
    for told in ("After the change far fewer passengers complained about the late buses.",
                 "Four months later she was running the early shift on her own.",
                 "The next inspection gave us the top rating."):
        assert "outcome" in specific_kinds(told), told
    assert "outcome" not in specific_kinds("I like to run the early shift on my own.")


def test_a_decision_told_with_what_it_rested_on_is_reasoning():
    reading = read_answer("How did you plan the flower orders for Mother's Day?",
                          "I set the order for each stem based on the last three years of sales.")
    assert "cause" in reading.reasoning


DEPOT_QUESTION = "Tell me about a problem that disrupted the morning timetable."
DEPOT_ANSWER = (
    "Two buses failed their morning checks at six, so I moved the spare drivers onto the "
    "busiest routes and told the control room which trips would run late. Every school run left "
    "on time. Afterwards we kept one spare bus fuelled and ready on weekday mornings.")


def test_a_problem_answered_by_what_was_changed_so_it_would_not_recur_is_answered():
    """A breakdown may have no cause to find out; preventing a repeat answers it too."""
    asked = implied_points(DEPOT_QUESTION)
    assert len(asked) == 4
    assert set(read_answer(DEPOT_QUESTION, DEPOT_ANSWER, asked).covered_points) == set(asked)
    without = DEPOT_ANSWER.rsplit(" Afterwards", 1)[0]
    assert len(read_answer(DEPOT_QUESTION, without, asked).covered_points) == 3


def test_a_story_sharing_no_word_with_its_question_or_job_keeps_part_of_its_credit():
    """Told in plain words or about something else: the words alone cannot tell which."""
    florist = _context(JobInput(title="Florist", must_have_skills=["Floral Design"]))
    unlinked = read_answer("Tell me about a wedding season at the shop.", DEPOT_ANSWER, (),
                           florist)
    depot = _context(JobInput(title="Depot Supervisor", must_have_skills=["Scheduling"]))
    linked = read_answer(DEPOT_QUESTION, DEPOT_ANSWER, (), depot)
    assert 0.3 <= unlinked.addressed < linked.addressed  # part of the credit, not none


def test_chat_sharing_no_word_with_its_question_or_job_gets_no_story_credit():
    """Something done and what came of it makes an unlinked answer a story; chat does not."""
    florist = _context(JobInput(title="Florist", must_have_skills=["Floral Design"]))
    chat = read_answer("Tell me about a wedding season at the shop.",
                       "We rented a small house near the sea last spring and I cooked fish "
                       "for my friends every evening.", (), florist)
    assert chat.addressed == 0.0


def test_telling_what_was_said_to_someone_counts_as_working_with_them():
    assert tells_conversation("I told the control room which trips would run late.")
    assert not tells_conversation("I moved the spare buses onto the busiest routes.")
    job = JobInput(title="Depot Supervisor", must_have_skills=["Scheduling"])
    talked = _interview(job, [
        DEPOT_ANSWER,
        "I asked the two drivers what had happened and explained the new rota to them; they "
        "agreed to swap their Friday shifts, and the rota held for the rest of the year."])
    silent = _interview(job, [
        DEPOT_ANSWER.replace(" and told the control room which trips would run late", ""),
        "I swapped the two drivers' Friday shifts on the new rota, and the rota held for the "
        "rest of the year."])
    assert talked.cultural_fit > silent.cultural_fit


def _context(job: JobInput):
    from hireops.services.ai.local.interview_evaluator import _job_context  # noqa: PLC0415

    return _job_context(job)


def _interview(job: JobInput, answers: list[str]):
    questions = [DEPOT_QUESTION, "Tell me about a disagreement between two drivers."]
    turns = []
    for question, answer in zip(questions, answers):
        turns += [TranscriptTurn(speaker="interviewer", text=question),
                  TranscriptTurn(speaker="candidate", text=answer)]
    return evaluate_interview(InterviewInput(job=job, transcript=turns))
