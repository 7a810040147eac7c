"""Answers read by the shape of what they tell, in any words and any case.

Expected points often name a part of an account ("how it was traced", "the correction",
"prevention afterwards") rather than a topic: a detailed answer covers them by telling that
part, whatever words it uses. Keyword lists are lists in lower case too. The cases here belong
to neither graded transcript set (a kitchen and an electrician's job).
"""

from __future__ import annotations

from hireops.services.ai.local.answer_reading import read_answer
from hireops.services.ai.local.interview_evaluator import ADVANCE_AT, evaluate_interview
from hireops.services.ai.schemas import (
    InterviewInput,
    JobInput,
    PlannedQuestionInput,
    TranscriptTurn,
)

FAULT_QUESTION = "Tell me about an electrical fault that kept coming back."
FAULT_POINTS = ("how it was traced", "the cause", "the repair", "prevention afterwards")
FAULT_ANSWER = (
    "A bakery's ovens tripped the main breaker about twice a week. I logged every trip with the "
    "time and which ovens were on, and measured the load on each phase with a clamp meter: "
    "phase two carried 48 amps at peak while the others carried 20. Two ovens had been moved "
    "onto the same circuit during a refit. I rewired one oven to phase three and replaced a "
    "burnt terminal in the board. Since then I label every circuit after a refit and the "
    "breaker has not tripped in five months.")
VAGUE_FAULT_ANSWER = (
    "Faults like that are always frustrating for the customer and I understand that. Every "
    "building is different, so it depends. I believe in doing things properly and safely and I "
    "always take pride in my work.")


def test_a_detailed_account_covers_points_named_by_their_part_of_the_story():
    reading = read_answer(FAULT_QUESTION, FAULT_ANSWER, FAULT_POINTS)
    assert set(reading.covered_points) == set(FAULT_POINTS)
    assert reading.addressed == 1.0


def test_a_vague_answer_covers_none_of_those_points():
    reading = read_answer(FAULT_QUESTION, VAGUE_FAULT_ANSWER, FAULT_POINTS)
    assert reading.covered_points == ()
    assert reading.addressed < 0.3


def test_lower_case_keyword_lists_are_lists():
    listed = read_answer("How do you run a clean kitchen?",
                         "haccp, allergen matrix, stock rotation, fifo, temperature logs, "
                         "deep cleaning, pest control, food safety level 3.")
    assert listed.keyword_list


def test_a_lower_case_sentence_with_commas_is_not_a_list():
    told = read_answer("How do you run a clean kitchen?",
                       "i checked the walk-in, the freezers, the dry store, the labels and the "
                       "dates every morning, and one day found two trays of chicken past their "
                       "date, so i binned them and retrained the prep cook on labelling.")
    assert not told.keyword_list


def test_consequences_and_reviews_read_as_reasoning():
    reading = read_answer("How did you change the rota?",
                          "I reviewed six weeks of covers per hour and moved one cook to the "
                          "late shift, so nobody was alone during the Saturday rush.")
    assert {"cause", "diagnosis"} <= set(reading.reasoning)


ELECTRICIAN = JobInput(title="Electrician", must_have_skills=["Fault Finding", "Wiring"],
                       nice_to_have_skills=["Solar PV"],
                       responsibilities=["Install and repair wiring in homes and small shops"])
PLAN = [
    PlannedQuestionInput(key="el.fault", text=FAULT_QUESTION, expected_points=list(FAULT_POINTS)),
    PlannedQuestionInput(key="el.safety", text="Describe a time you stopped a job for safety.",
                         expected_points=["what was unsafe", "who was told",
                                          "what was done instead", "the result"]),
    PlannedQuestionInput(key="el.customer", text="Tell me about explaining a costly repair to "
                         "a customer.", expected_points=["the customer's worry", "how it was "
                         "explained", "what they decided", "follow-up"]),
]
STRONG_ANSWERS = [
    FAULT_ANSWER,
    "On a kitchen refit I found the old cable under the worktop had no earth and was sheathed "
    "in rubber that crumbled. I switched the circuit off, put a lock and a tag on the board and "
    "told the site manager and the owner the same morning. Instead of connecting the new "
    "hob to it, I ran a new 6 mm cable from the board, which added a day. The installation "
    "passed its test first time.",
    "A shop owner was worried a full rewire would cost more than 4,000 euros and close her shop "
    "for a week. I showed her the test results, circuit by circuit, and explained that only the "
    "two back rooms failed. She chose to rewire those two rooms first, over a weekend, for "
    "1,300 euros. I called her a month later and booked the rest for the summer.",
]


def test_a_strong_interview_for_a_role_of_neither_set_advances():
    turns = []
    for question, answer in zip(PLAN, STRONG_ANSWERS):
        turns += [TranscriptTurn(speaker="interviewer", text=question.text,
                                 question_key=question.key),
                  TranscriptTurn(speaker="candidate", text=answer, question_key=question.key)]
    result = evaluate_interview(InterviewInput(job=ELECTRICIAN, transcript=turns,
                                               questions=PLAN))
    assert result.score >= ADVANCE_AT, (result.score, result.concerns)


def test_generalisations_and_self_descriptions_are_generic_talk():
    reading = read_answer("How do you keep service calm on a busy night?",
                          "Every kitchen has its own rhythm. Chefs always feel the pressure on a "
                          "Saturday. I am a calm person under stress. Nobody likes a shouting "
                          "head chef.")
    assert reading.generic_share == 1.0


def test_a_past_account_in_general_words_is_not_generic():
    reading = read_answer("How did you make the pass more reliable?",
                          "Every order still had a second check at the pass. Most tickets were "
                          "out within twelve minutes after that.")
    assert reading.generic_share == 0.0


def test_a_habit_of_ones_own_and_an_irregular_past_are_not_generic():
    habit = read_answer("How do you keep the stock right?",
                        "Every delivery has a note; on Friday I go through whatever has none.")
    past = read_answer("How did the new menu go?",
                       "Almost every table came back for a second visit that month.")
    assert habit.generic_share == 0.0 and past.generic_share == 0.0


# Without a plan, a question still asks for the parts of a story by its own wording.
PLUMBING_QUESTION = "Walk me through how you found a leak a customer reported."
PLUMBING_ANSWER = (
    "A tenant on the fourth floor saw a stain spreading on her ceiling. I asked when it grew "
    "and she said only in the mornings, so I ran each flat's shower above her in turn and "
    "watched with a thermal camera. The culprit was a cracked waste joint under the bath two "
    "floors up. I replaced the joint and resealed the tray, and she called a week later to say "
    "the stain had dried.")


def test_without_a_plan_a_story_in_other_words_answers_a_story_question():
    reading = read_answer(PLUMBING_QUESTION, PLUMBING_ANSWER)
    assert reading.addressed >= 0.85


def test_without_a_plan_a_story_shape_alone_does_not_answer_an_unrelated_question():
    reading = read_answer("Which brands of boiler do you prefer and why?", PLUMBING_ANSWER)
    assert reading.addressed < 0.85


def test_outcomes_told_as_a_return_or_comparison_and_prevention_told_as_since():
    reading = read_answer(
        "Tell me about a dish that kept coming back from the pass.",
        "Looking at the returned plates with the sous chef, we saw the risotto sat ten minutes "
        "under the lamp. I moved it to be finished to order. Within two weeks returns were back "
        "under one a night, better than any month before, and nothing similar has happened "
        "there since.",
        ("investigation", "the change", "measured result", "prevention afterwards"))
    assert set(reading.covered_points) == {"investigation", "the change", "measured result",
                                           "prevention afterwards"}


def test_priorities_replies_sides_and_research_are_read_in_any_words():
    disagreement = read_answer(
        "Tell me about a disagreement with the head chef.",
        "The head chef wanted to buy a second combi oven before Christmas. I thought the money "
        "was better spent on a blast chiller, because we were binning 8 kilos of stock a week. "
        "We each costed our option, and agreed to get the chiller first and rent an oven for "
        "December.",
        ("the disagreement", "arguments on both sides"))
    rush = read_answer(
        "How did you handle a night when bookings doubled?",
        "Bookings went from 60 to 120 after a review. I took the large tables first, wrote one "
        "message to every booking asking them to order ahead, and replied to each complaint "
        "myself. Every table was served within 40 minutes.",
        ("prioritisation", "communication with guests"))
    menu = read_answer(
        "How do you plan a seasonal menu?",
        "Before I write a menu I read the suppliers' lists and last year's sales to see what sold. "
        "I then cost each dish, test it on staff a week ahead, and print it the Monday after.",
        ("research", "order of steps"))
    assert set(disagreement.covered_points) == {"the disagreement", "arguments on both sides"}
    assert set(rush.covered_points) == {"prioritisation", "communication with guests"}
    assert set(menu.covered_points) == {"research", "order of steps"}


def test_troubleshooting_in_other_words_answers_a_troubleshooting_question():
    from hireops.services.ai.local.answer_reading import JobContext

    job = JobContext.of("IT Support Technician", "Hardware", "Answer staff by phone")
    reading = read_answer(
        "Walk me through how you troubleshot a fault a user reported.",
        "A nurse said her badge reader stopped working at 7 each morning. I made the same thing "
        "happen on a spare reader by cutting its power at 6:55, and the card cache stayed stuck "
        "until a restart. I gave the vendor exact steps and set a daily restart meanwhile; "
        "their next firmware corrected it.", context=job)
    assert reading.addressed >= 0.85


def test_a_skill_named_by_its_initials_or_its_own_word_is_not_missing():
    job = JobInput(title="Shop Manager", must_have_skills=["Point of Sale", "Stock Control"])
    answers = [
        "Every night I reconciled the POS totals against the cash drawers, and in March I found "
        "a till that double-counted refunds, so I had it replaced the next day.",
        "I counted the stock in the back room every Friday and found 3 percent of the shoes "
        "went missing, so we moved the sizes on display to one of each and shrinkage halved.",
    ]
    turns = []
    for question, answer in zip(["How did you keep the tills right?",
                                 "Tell me about a problem with missing goods."], answers):
        turns += [TranscriptTurn(speaker="interviewer", text=question),
                  TranscriptTurn(speaker="candidate", text=answer)]
    result = evaluate_interview(InterviewInput(job=job, transcript=turns))
    assert not [c for c in result.concerns if c.startswith("Did not mention")], result.concerns


def test_a_terse_list_of_actions_is_not_a_keyword_list():
    reading = read_answer("What did you do when the site went down?",
                          "checked the logs, restarted the pods, rolled back, paged on-call, "
                          "wrote the postmortem.")
    assert not reading.keyword_list


def test_a_skill_named_by_its_subject_and_a_kind_word_is_not_missing():
    job = JobInput(title="Restaurant Manager", must_have_skills=["Menu Management"])
    turns = [TranscriptTurn(speaker="interviewer", text="What did you change last spring?"),
             TranscriptTurn(speaker="candidate",
                            text="I rewrote the menu in May, cut it from 40 dishes to 22, and "
                                 "food waste fell by a third within two months.")]
    result = evaluate_interview(InterviewInput(job=job, transcript=turns))
    assert not [c for c in result.concerns if c.startswith("Did not mention")], result.concerns
