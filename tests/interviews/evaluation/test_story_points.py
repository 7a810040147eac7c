"""Points that name a part of the story ("what you built", "the decision taken", "the task")
are covered by telling that part in any words, as "what you did" and "the outcome" were.

On the untouched set a strong answer about automating a manual setup covered none of its four
points ("the task", "the cost of it", "what you built", "the time saved"): the points were read
by their words only, and "setup now takes 25 minutes" was not an outcome.
"""

from __future__ import annotations

from hireops.services.ai.local.answer_reading import read_answer, specific_kinds

TOIL = "Tell me about a manual task you automated away."
TOIL_POINTS = ("the task", "the cost of it", "what you built", "the time saved")
TOIL_ANSWER = (
    "Every new customer environment was set up by hand, which took an engineer about two days "
    "and often missed a firewall rule. I wrote a Terraform module and a small Go CLI that "
    "creates the network, database and DNS records, then runs a smoke test. Setup now takes 25 "
    "minutes without anyone watching.")
CAPACITY = "Describe a time you planned capacity for a growing service."
CAPACITY_POINTS = ("the decision taken",)


def test_parts_of_a_story_named_by_a_point_are_covered_in_other_words():
    reading = read_answer(TOIL, TOIL_ANSWER, TOIL_POINTS)
    assert set(reading.covered_points) == set(TOIL_POINTS)


def test_a_result_told_in_the_present_is_an_outcome():
    assert "outcome" in specific_kinds("Setup now takes 25 minutes without anyone watching.")


def test_a_decision_is_covered_by_a_choice_told_as_ones_own():
    told = ("I decided to add three machines a week ahead instead of waiting for automatic "
            "scaling, since that needed six minutes to catch up.")
    assert read_answer(CAPACITY, told, CAPACITY_POINTS).covered_points == CAPACITY_POINTS
    vague = "Capacity is hard to get right and it depends on the service."
    assert read_answer(CAPACITY, vague, CAPACITY_POINTS).covered_points == ()
