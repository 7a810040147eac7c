"""General readings of an answer that hold in any trade: which questions are about availability,
and (below) the shape of a story told in the first person.

The sentences here come from roles no graded transcript set uses (a harbour pilot, a
veterinary nurse, a piano tuner, a bakery, a school bus operator).
"""

from __future__ import annotations

from hireops.services.ai.local.availability import AVAILABILITY_QUESTION
from hireops.services.ai.local.interview_evaluator import evaluate_interview
from hireops.services.ai.schemas import (
    InterviewInput,
    JobInput,
    PlannedQuestionInput,
    TranscriptTurn,
)

BAKERY_JOB = JobInput(title="Bakery Production Lead", must_have_skills=["Food Safety"],
                      responsibilities=["Run the night bake and keep deliveries on time"])
SCHEDULE_QUESTION = "How did you keep the night bake on schedule when an oven failed?"
SCHEDULE_ANSWER = (
    "At two in the morning the deck oven lost a heating element with 600 loaves still to bake. "
    "I moved the rye to the rack oven, phoned the engineer and told the drivers to load the "
    "cafés first. Every delivery left by six, only twenty minutes late.")


def _interview(question: str, answer: str, plan: list[PlannedQuestionInput]) -> InterviewInput:
    key = plan[0].key if plan else ""
    return InterviewInput(job=BAKERY_JOB, questions=plan, transcript=[
        TranscriptTurn(speaker="interviewer", text=question, question_key=key),
        TranscriptTurn(speaker="candidate", text=answer, question_key=key)])


def test_questions_about_work_schedules_or_timing_are_not_availability_questions():
    for question in (SCHEDULE_QUESTION, "What did you do when a delivery fell behind schedule?",
                     "When would you stop a bus from leaving the depot?",
                     "When can you refuse to sedate an animal?"):
        assert not AVAILABILITY_QUESTION.search(question), question
    for question in ("When would you be available for a follow-up call?",
                     "Can we schedule a call next week?",
                     "What days and times suit you for a second interview?"):
        assert AVAILABILITY_QUESTION.search(question), question


def test_an_answer_to_a_planned_question_is_evaluated_whatever_its_wording():
    plan = [PlannedQuestionInput(key="oven", text=SCHEDULE_QUESTION,
                                 expected_points=["what failed", "what you did", "the result"])]
    for planned in (plan, []):
        result = evaluate_interview(_interview(SCHEDULE_QUESTION, SCHEDULE_ANSWER, planned))
        assert result.score > 0, planned
        assert "no answers" not in result.summary
