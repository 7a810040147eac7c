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


# --- the shape of a story, in any trade ----------------------------------------------------

from hireops.services.ai.local.answer_reading import (  # noqa: E402
    JobContext,
    read_answer,
    specific_kinds,
)

PUPPY_STORY = (
    "A puppy on our ward could not keep any food down after surgery. I split her meals into "
    "six small ones, warmed them and sat with her for each feed. She ate all of her Friday "
    "meals and went home to her owners.")


def test_quantities_told_in_words_are_specifics():
    for told in ("I carried several hundred sacks of flour up from the cellar.",
                 "The tuner had tens of thousands of pins to check.",
                 "The re-tune took us a full day.",
                 "The ferry was running weeks behind its refit."):
        assert "number" in specific_kinds(told), told
    for vague in ("I have tuned many pianos over several years.",
                  "There are a lot of things to check on a boat."):
        assert "number" not in specific_kinds(vague), vague


def test_the_last_sentence_after_an_own_action_tells_the_outcome_in_any_verb():
    assert "outcome" in specific_kinds(PUPPY_STORY)
    # No action of one's own before it, a present-tense close, or one sentence alone: no outcome.
    assert "outcome" not in specific_kinds("The puppy could not keep food down. She went home.")
    assert "outcome" not in specific_kinds(
        "I split her meals into six small ones. Owners always appreciate that.")
    assert "outcome" not in specific_kinds("I split her meals into six small ones.")


def test_a_cause_given_for_what_happened_covers_the_cause():
    question = "Tell me about a lock that kept jamming."
    answer = ("A shop's front door lock jammed every few days. I took the cylinder out and "
              "found nothing worn; it jammed because the door had dropped on its hinges. I "
              "packed the hinges and re-hung the door.")
    assert "the cause" in read_answer(question, answer, ("the cause",)).covered_points
    told = "A shop's front door lock jammed every few days. I oiled it."
    assert read_answer(question, told, ("the cause",)).covered_points == ()


def test_running_tests_or_checks_is_finding_out():
    reading = read_answer("How did you find the leak?",
                          "I ran pressure tests on each line of the bakery's steam oven.")
    assert "diagnosis" in reading.reasoning


PILOT_JOB = JobContext.of("Harbour Pilot", "Ship Handling", "Bring vessels safely into port")
PILOT_QUESTION = "Tell me about a difficult arrival you piloted into port."
PILOT_POINTS = ("the vessel's draught", "the tidal window", "the tug plan", "the berthing")
PILOT_STORY = (
    "A loaded tanker was due in on a falling tide with a strong crosswind. I boarded early, "
    "checked the latest soundings with the harbour master and asked for a third tug because "
    "the wind was gusting. We came alongside twenty minutes before the window closed and "
    "nothing was damaged.")


def test_a_whole_story_answers_a_planned_question_whatever_words_its_points_use():
    story = read_answer(PILOT_QUESTION, PILOT_STORY, PILOT_POINTS, PILOT_JOB)
    assert story.addressed >= 0.85
    # The same story without its ending is judged by the points it covers.
    unfinished = PILOT_STORY.rsplit(" We came", 1)[0]
    partial = read_answer(PILOT_QUESTION, unfinished, PILOT_POINTS, PILOT_JOB)
    assert partial.addressed == len(partial.covered_points) / len(PILOT_POINTS) <= 0.5
    thin = read_answer(PILOT_QUESTION, "I brought a tanker in once and it went fine.",
                       PILOT_POINTS, PILOT_JOB)
    assert thin.addressed < 0.5


# --- a job's skills told in other forms of their words ---------------------------------------

from hireops.services.ai.local.interview_skills import skill_uses  # noqa: E402

ARBORIST_JOB = JobInput(title="Arborist", must_have_skills=["Tree Climbing", "Crown Reduction"])


def test_a_skill_told_in_other_forms_of_its_words_is_covered():
    told = ("I climbed the two oldest trees on the estate with a second rope and reduced the "
            "crowns by a third, so the storm in March broke nothing.")
    uses = {u.skill: u for u in skill_uses(ARBORIST_JOB, told, told)}
    assert uses["Tree Climbing"].related and uses["Crown Reduction"].related
    # Work in the same field that does not say the skill is not taken for it.
    other = "I pruned the oak by the gate and cleared the ivy off the wall in one afternoon."
    assert not any(u.related for u in skill_uses(ARBORIST_JOB, other, other))


def test_options_weighed_by_what_each_would_bring_are_alternatives():
    for told in ("Replacing the whole boiler meant a week without heating; a new pump meant one "
                 "afternoon. I fitted the pump.",
                 "Re-roofing the barn would have cost thirty thousand, so I patched the valley."):
        assert "alternatives" in read_answer("How did you fix it?", told).reasoning, told
    assert "alternatives" not in read_answer(
        "How did you fix it?", "I fitted a new pump and the heating came back.").reasoning


def test_unsaid_skill_names_do_not_lower_the_depth_of_concrete_answers():
    """A trade tells its work in plain words; naming the skills lifts depth, not naming them
    leaves it at what the answers show."""
    question = "Tell me about a piano that would not hold its tune."
    story = ("A school's upright went flat within a week of every visit. I measured the "
             "humidity in the hall over a month and found it swung from 30 to 70 percent "
             "because the radiator sat beside it. I moved it to the inside wall and fitted a "
             "humidity control unit. It held its pitch for the whole term.")
    turns = [TranscriptTurn(speaker="interviewer", text=question),
             TranscriptTurn(speaker="candidate", text=story)]
    bare = JobInput(title="Piano Tuner")
    skilled = JobInput(title="Piano Tuner", must_have_skills=["Aural Tuning", "Action Voicing"])
    without = evaluate_interview(InterviewInput(job=bare, transcript=turns))
    unsaid = evaluate_interview(InterviewInput(job=skilled, transcript=turns))
    assert unsaid.technical_depth == without.technical_depth
    named = [turns[0], TranscriptTurn(speaker="candidate", text=story + (
        " I did the aural tuning by ear and then the action voicing on the hammers, all in "
        "one visit."))]
    assert evaluate_interview(InterviewInput(job=skilled, transcript=named)).technical_depth \
        > unsaid.technical_depth


def test_questions_about_one_past_occasion_ask_for_a_whole_story_in_any_wording():
    from hireops.services.ai.local.answer_reading import implied_points
    story = {"the situation", "what you did", "the outcome"}
    for question in ("What was the hardest crossing you piloted?",
                     "Have you ever had to refuse a load at the gate?",
                     "Talk me through the last time a hive swarmed.",
                     "Which delivery did you find hardest to plan?"):
        assert story <= set(implied_points(question)), question
    assert not story & set(implied_points("Which tools do you prefer for tuning?"))


def test_a_story_naming_its_job_in_another_form_of_a_word_is_linked_to_the_job():
    question = "Tell me about your most worrying moment."
    story = ("During a spay her heart rate fell from 110 to 60 and her gums went pale. I told "
             "the vet straight away and started warm fluids. Within five minutes her pressure "
             "came back to normal.")
    vet = JobContext.of("Veterinary Nurse", "Monitor animals under anaesthesia")
    florist = JobContext.of("Florist", "Floral Design", "Make bouquets for weddings")
    linked = read_answer(question, story, (), vet)
    unlinked = read_answer(question, story, (), florist)
    assert linked.addressed >= 0.85 > unlinked.addressed
