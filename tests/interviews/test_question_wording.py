"""Interviewer questions read like a person wrote them for this candidate: a question from a
concrete resume line in that line's tense, gaps named in whole words, and follow-ups that thank
without praising, keep the question's tense and come only after a thin answer."""

from __future__ import annotations

from hireops.services.interviews.follow_up import follow_up_for, is_thin_answer
from hireops.services.interviews.question_plan import PlannedQuestion, build_question_plan

MIGRATION = "Migrated 40 services from Heroku to Kubernetes in 2022, cutting hosting costs by 30%"
CURRENT = "Leading a team of 5 engineers that builds the payments platform"


def _plan(evidence: dict[str, str], gaps=(), must_have=("Kubernetes", "Python")):
    result = {"match": {"evidence": [{"skill": k, "resume_evidence": v}
                                     for k, v in evidence.items()], "gaps": list(gaps)}}
    return build_question_plan(job_title="Platform Engineer", must_have_skills=list(must_have),
                               nice_to_have_skills=[], responsibilities=[], custom_questions=[],
                               resume_result=result)


def test_a_question_quotes_a_concrete_resume_line_in_the_past_tense():
    plan = _plan({"Kubernetes": MIGRATION, "Python": "Python"})
    [question] = [q for q in plan.questions if q.source == "resume"]
    assert f"“{MIGRATION}”" in question.text
    assert "what you did yourself" in question.text and "had worked" in question.text
    assert question.expected_points


def test_work_still_going_on_is_asked_about_in_the_present():
    plan = _plan({"Python": CURRENT})
    [question] = [q for q in plan.questions if q.source == "resume"]
    assert "what you do yourself" in question.text and "how it is going" in question.text


def test_a_gap_is_named_in_the_jobs_own_words():
    plan = _plan({}, gaps=["Working with engineers"],
                 must_have=("Working with engineers", "Roadmapping"))
    [probe] = [q for q in plan.questions if q.source == "gap"]
    assert "doesn't mention working with engineers" in probe.text
    assert "mention with" not in probe.text


QUESTION = PlannedQuestion(
    key="support.angry", text="Tell me about an angry customer you helped.",
    expected_points=["the problem", "how you calmed them", "the resolution"], source="general",
    kind="behavioural")
PLAN_QUESTION = PlannedQuestion(
    key="ops.plan", text="How would you plan the migration of a busy database?",
    expected_points=["a rollback plan", "testing on a copy", "a maintenance window"],
    source="general", kind="problem_solving")
EVASIVE = ("I think customer service is all about empathy, that is what I truly believe. I "
           "always try to stay calm and positive, and I believe every customer deserves the best "
           "experience, because at the end of the day a happy customer is the key to everything.")


def test_an_evasive_answer_gets_a_follow_up_that_does_not_praise_it():
    assert is_thin_answer(question=QUESTION, answer=EVASIVE) is not None
    asked = follow_up_for(question=QUESTION, answer=EVASIVE).casefold()
    for praise in ("helpful", "useful", "great", "that's clear", "that helps"):
        assert praise not in asked


def test_a_follow_up_keeps_the_tense_of_a_hypothetical_question():
    answer = ("I would take a full backup first and test the whole migration on a copy of the "
              "production data, because that shows how long each step takes and what breaks.")
    asked = follow_up_for(question=PLAN_QUESTION, answer=answer)
    assert "how did that part go" not in asked and "turned out" not in asked


def test_a_full_answer_in_other_words_needs_no_follow_up():
    answer = ("A restaurant owner called in a fury because his booking page had shown no tables "
              "all Saturday. I let him vent, told him I understood it had cost him real money, "
              "and reconnected the calendar sync with him on the phone. I arranged a month's "
              "credit, and he is still a customer two years later.")
    assert is_thin_answer(question=QUESTION, answer=answer) is None
