"""Answers about people work, told in other words, cover the points they make.

The fresh set's paraphrased HR interview fell short of the advance threshold because its
answers were read as thin: "we could face a tribunal claim" did not cover "the risk", "I
suggested a back-to-work conversation" did not cover "what you advised", "departures went down
by about a third" was no outcome and "lined them up with" no comparison.
"""

from __future__ import annotations

from hireops.services.ai.local.answer_reading import read_answer, specific_kinds

MANAGER = "Describe advising a manager who wanted to handle a people issue the wrong way."
MANAGER_POINTS = ("what the manager wanted", "the risk", "what you advised", "outcome")
MANAGER_ANSWER = (
    "A manager wanted to let someone go for being late again and again, just two weeks after he "
    "returned from months off sick. I told him that without warnings and with a possible health "
    "link, we could face a tribunal claim for unfair treatment. I suggested a back-to-work "
    "conversation first, a referral to our workplace doctor and a written plan. The doctor "
    "recommended a later start for six weeks; the lateness ended and the manager thanked me.")
DATA = "Tell me about using HR data to change something."
DATA_POINTS = ("the question", "the data used", "the finding", "the change made")
DATA_ANSWER = (
    "The leadership team wanted to know why so many newcomers left within a year. I took a year "
    "and a half of departures from our people system and lined them up with what leavers told us "
    "on the way out. More than half had started on nights, and most said they had not been "
    "trained properly there. We put every newcomer on days for their first month with a buddy. "
    "Departures in the first year went down by about a third the next year.")


def test_risk_and_advice_in_other_words_are_covered():
    reading = read_answer(MANAGER, MANAGER_ANSWER, MANAGER_POINTS)
    assert "the risk" in reading.covered_points
    assert "what you advised" in reading.covered_points
    assert reading.addressed == 1.0


def test_the_question_and_the_data_in_other_words_are_covered():
    reading = read_answer(DATA, DATA_ANSWER, DATA_POINTS)
    assert {"the question", "the data used"} <= set(reading.covered_points)
    assert "diagnosis" in reading.reasoning  # lined the departures up with the exit answers


def test_a_fall_told_as_going_down_is_an_outcome():
    assert "outcome" in specific_kinds("Departures went down by about a third the next year.")


def test_a_vague_answer_does_not_cover_the_risk_by_naming_it():
    """Naming the word is the stem match that always counted; a risk-free answer covers none."""
    reading = read_answer(MANAGER, "I told the manager to follow the process and he did.",
                          MANAGER_POINTS)
    assert "the risk" not in reading.covered_points
