"""Thin answers and the built-in interviewer's one follow-up: short, general or off-point answers
get a friendly follow-up naming what was missing; full answers pass."""

from __future__ import annotations

import pytest

from hireops.services.interviews.follow_up import (
    THIN_WORDS,
    covered_points,
    follow_up_for,
    has_concrete_example,
    is_thin_answer,
)
from hireops.services.interviews.question_plan import (
    PlannedQuestion,
    build_question_plan,
    slot_question,
)


def _questions() -> dict[str, PlannedQuestion]:
    plan = build_question_plan(
        job_title="Data Analyst", must_have_skills=["SQL", "Tableau", "Salesforce"],
        nice_to_have_skills=[], responsibilities=[], custom_questions=[],
        resume_result={"match": {"gaps": ["Tableau"]}})
    return {q.key: q for q in plan.questions}


QUESTIONS = _questions()
SQL = QUESTIONS["data.sql_query"]
GAP = QUESTIONS["gap.tableau"]
PIPELINE = QUESTIONS["sales.pipeline"]
SLOT = slot_question()

FULL_SQL = (
    "At my last job a finance report query took 40 seconds. I ran EXPLAIN ANALYZE and saw a "
    "sequential scan on the orders table, so I added a composite index on customer_id and "
    "created_at and rewrote the join to filter first. It dropped to 300 ms, which we measured "
    "over a week of production traffic.")
VAGUE_SQL = (
    "I usually look at the query and try to make it better, thinking about what could be slow "
    "and asking colleagues when I am stuck, and then I make it faster in general for everyone.")
OFF_POINT_SQL = (
    "We had a dashboard that was slow last year and the team worked on it for a while with the "
    "vendor, and eventually it got better after some changes to the configuration and the "
    "hardware that they recommended to us.")
FULL_PIPELINE = (
    "In Salesforce I keep every opportunity in one of five pipeline stages, and I update the "
    "CRM after every call with a dated next step. Every Friday I review deals with no next "
    "step. Last year my forecast accuracy was within 5% in three of four quarters, and I "
    "tracked conversion rates from demo to close to spot where deals stalled.")


# --- thin or full ------------------------------------------------------------------------

def test_a_full_concrete_answer_is_not_thin():
    assert is_thin_answer(question=SQL, answer=FULL_SQL) is None
    assert is_thin_answer(question=PIPELINE, answer=FULL_PIPELINE) is None


def test_a_short_answer_is_thin():
    reason = is_thin_answer(question=SQL, answer="I add indexes.")
    assert reason is not None
    assert "too_short" in reason.codes
    assert reason.words == 3
    assert reason.covered_points == ("indexes",)
    assert "the query plan (EXPLAIN)" in reason.missing_points


def test_a_long_general_answer_without_points_or_example_is_thin():
    reason = is_thin_answer(question=SQL, answer=VAGUE_SQL)
    assert reason is not None
    assert len(VAGUE_SQL.split()) >= THIN_WORDS
    assert set(reason.codes) == {"off_points", "no_example"}


def test_echoing_the_question_does_not_cover_its_points():
    # "query" comes from the question; it is not evidence of talking about the query plan.
    assert covered_points(SQL.expected_points, VAGUE_SQL, asked=SQL.text) == []


def test_a_concrete_answer_off_the_expected_points_is_thin():
    reason = is_thin_answer(question=SQL, answer=OFF_POINT_SQL)
    assert reason is not None
    assert reason.codes == ("off_points",)


def test_a_warm_up_answer_needs_no_worked_example():
    warm_up = QUESTIONS["general.warm_up"]
    answer = ("I look after reporting for a retail chain and enjoy turning messy data into "
              "decisions, which is what draws me to this role, and I want to grow into "
              "analytics engineering next.")
    assert not has_concrete_example(answer)
    assert is_thin_answer(question=warm_up, answer=answer) is None


def test_empty_answer_is_thin():
    reason = is_thin_answer(question=SQL, answer="")
    assert reason is not None and reason.words == 0
    assert reason.codes[0] == "too_short"


def test_describe_names_every_reason():
    reason = is_thin_answer(question=SQL, answer="It depends.")
    assert reason.describe() == ("Thin answer: short (2 words); none of the expected points; "
                                 "no concrete example.")


@pytest.mark.parametrize("answer", [
    "We cut the backlog by 40 in a month.",
    "I migrated our reports to a new server.",
    "For example, at my last job the close ran late every month.",
    "We moved everything into Salesforce and PostgreSQL.",
    "I've rewritten the invoicing flow.",
    "Most of my work is for the finance team at Brightcall.",
])
def test_concrete_examples(answer):
    assert has_concrete_example(answer)


@pytest.mark.parametrize("answer", [
    "I think communication is very important in any team.",
    "I need to understand the problem first and then solve it properly.",
    "It depends on the situation and the people involved.",
    "I like helping customers and working on customer support.",
])
def test_general_statements_are_not_examples(answer):
    assert not has_concrete_example(answer)


def test_points_match_word_forms_and_vocabulary_skills():
    points = ["indexes", "joins and filters", "Salesforce", "how you measured the improvement"]
    answer = "I was indexing the table, joined two sources in SFDC and measured it twice."
    assert covered_points(points, answer) == points


def test_a_longer_point_needs_half_its_words():
    points = ["virtual environments or dependency pinning"]
    assert covered_points(points, "I pin every dependency.") == []
    assert covered_points(points, "I pin dependencies in a virtual environment.") == points


# --- follow-ups --------------------------------------------------------------------------

def test_follow_up_to_a_short_answer_asks_for_an_example_and_names_a_missing_point():
    text = follow_up_for(question=SQL, answer="I add indexes.")
    assert "example" in text or "specific time" in text or "real situation" in text
    assert "the query plan (EXPLAIN)" in text
    assert text.startswith(("Thanks", "Thank you", "That's useful"))


def test_follow_up_to_an_off_point_answer_names_the_first_missing_point():
    text = follow_up_for(question=SQL, answer=OFF_POINT_SQL)
    assert "the query plan (EXPLAIN)" in text
    assert "example" not in text


def test_follow_up_to_a_gap_admission_is_kind_and_asks_about_similar_tools():
    answer = "I haven't used Tableau, sorry."
    reason = is_thin_answer(question=GAP, answer=answer)
    assert "no_experience" in reason.codes
    text = follow_up_for(question=GAP, answer=answer)
    assert text.startswith("That's completely fine")
    assert "similar to Tableau" in text and "learning Tableau" in text


def test_follow_up_to_a_full_answer_still_reads_well():
    # Callers only ask after a thin answer; called anyway, it asks for more, politely.
    text = follow_up_for(question=SQL, answer=FULL_SQL)
    assert text.startswith("Thank")
    assert text.endswith("?")


def test_follow_ups_are_deterministic_and_vary_across_questions():
    first = follow_up_for(question=SQL, answer="No idea.")
    assert first == follow_up_for(question=SQL, answer="No idea.")
    phrasings = {follow_up_for(question=q, answer="No idea.").split("?")[0]
                 for q in QUESTIONS.values()}
    assert len(phrasings) >= 2


def test_every_follow_up_is_a_single_friendly_question_without_placeholders():
    for question in QUESTIONS.values():
        for answer in ("", "No idea.", VAGUE_SQL, OFF_POINT_SQL):
            text = follow_up_for(question=question, answer=answer)
            assert "{" not in text and text.count("?") == 1, text
            assert text.startswith(("Thank", "That"))


# --- the closing slot question -----------------------------------------------------------

@pytest.mark.parametrize(("answer", "codes"), [
    ("Whenever suits you.", ("no_slot", "no_time_zone")),
    ("Any time really.", ("no_slot", "no_time_zone")),
    ("Tuesday at 3pm or Thursday morning.", ("no_time_zone",)),
    ("Mornings work best, UTC+1.", None),
    ("Tuesday at 3pm CET or Thursday morning, London time.", None),
])
def test_slot_answers(answer, codes):
    reason = is_thin_answer(question=SLOT, answer=answer)
    assert (reason.codes if reason else None) == codes


def test_slot_follow_ups():
    assert follow_up_for(question=SLOT, answer="Tuesday at 3pm.") == (
        "Thanks, that works. Which time zone is that in?")
    assert "specific days and times" in follow_up_for(question=SLOT, answer="Any time.")
