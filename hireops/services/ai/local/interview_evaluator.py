"""Rule-based interview evaluator: each answer read for what it says, with quoted evidence.

Every answer is read against its own question (`answer_reading`): does it address what was asked
(the planned question's expected points, or the question's topic, paraphrases included through
the concept groups), what concrete detail it gives (numbers, named systems, own actions,
outcomes, trade-offs) and what reasoning (causes, diagnosis, alternatives, steps). An answer
pasted under several questions is credited once (`answer_repeats`); a keyword list gets no credit
for the names it lists; generic talk ("I always put the customer first") weighs less.

Four ratings (0-100) follow from those readings:
- technical depth: answer quality (addressed, specifics, reasoning, length) over the answers,
  lifted by the job's skills discussed from experience (a mention in a sentence with an own
  action, a number or an outcome counts fully, a bare mention half), never lowered by skill
  names left unsaid;
- problem solving: reasoning, with specifics and addressing the question as support;
- communication: answering the question asked, structure (sentences of readable length that
  connect), a length that fits, few fillers; pasted or list answers lower it;
- cultural fit: working with others described as it happened (a teammate, feedback, a customer,
  a disagreement settled), not named in a list.
The overall score weighs them by `WEIGHTS`. Its decision is a suggestion by `ADVANCE_AT` and
`REJECT_BELOW`; the app's final decision (resume and interview together) is made elsewhere.
A transcript too short to judge gets low ratings, a concern saying so and "hold", so a person
looks at it instead of an automatic rejection.
"""

from __future__ import annotations

from dataclasses import dataclass

from hireops.services.ai.local.answer_reading import (
    AnswerReading,
    JobContext,
    concept_groups,
    read_answer,
    tells_conversation,
)
from hireops.services.text.answer_language import reading_language
from hireops.services.ai.local.answer_repeats import repeated_groups
from hireops.services.ai.local.availability import (
    AVAILABILITY_QUESTION,
    availability_words,
    detect_slots,
)
from hireops.services.ai.local.interview_evidence import (
    Answer,
    EvidenceInput,
    SkillUse,
    concerns,
    email_draft,
    justifications,
    strengths,
    summary,
)
from hireops.services.ai.local.interview_skills import skill_uses
from hireops.services.ai.schemas import (
    InterviewEvaluation,
    InterviewInput,
    JobInput,
    PlannedQuestionInput,
    TranscriptTurn,
)
from hireops.services.text.fillers import count_fillers

__all__ = ["ADVANCE_AT", "REJECT_BELOW", "detect_slots", "evaluate_interview"]

ADVANCE_AT = 75.0
REJECT_BELOW = 50.0
MIN_WORDS_TO_JUDGE = 40  # fewer candidate words than this: too little to evaluate
FULL_EVIDENCE_WORDS = 150  # ratings are scaled down below this many words of evidence
WEIGHTS = {
    "technical_depth": 0.35, "problem_solving": 0.25, "communication": 0.2, "cultural_fit": 0.2,
}
# One answer's quality (sum 1): answering the question and giving real detail matter most;
# reasoning shows how the candidate thinks; length only guards against one-liners and sprawl.
QUALITY_WEIGHTS = {"addressed": 0.35, "specifics": 0.35, "reasoning": 0.2, "length": 0.1}
# Share of an off-question answer's detail that still counts (it shows the candidate can be
# concrete, not that they can do what was asked).
ANSWERED_FLOOR = 0.3
# Technical depth: answer quality first; naming the job's skills from experience adds to it.
SKILL_SHARE = 0.2
# What the one credited copy of a text given under several questions keeps of its quality.
REPEATED_CREDIT = 0.5
# Generic sentences take up to this share off an answer's quality.
GENERIC_PENALTY = 0.5


def _answers(transcript: list[TranscriptTurn]) -> list[Answer]:
    answers: list[Answer] = []
    question, key, parts = "", "", []
    for turn in transcript + [TranscriptTurn(speaker="interviewer", text="")]:
        if turn.speaker == "candidate":
            if turn.text.strip():
                parts.append(turn.text.strip())
                key = turn.question_key or key
            continue
        if parts:
            answers.append(Answer(question, " ".join(parts), key))
            parts = []
        if turn.text.strip():
            question, key = turn.text.strip(), turn.question_key
    return answers


def _merge_follow_ups(answers: list[Answer]) -> list[Answer]:
    """A planned question and its follow-up are one answer: the follow-up completes it."""
    merged: list[Answer] = []
    for answer in answers:
        if merged and answer.question_key and answer.question_key == merged[-1].question_key:
            first = merged[-1]
            merged[-1] = Answer(first.question, f"{first.text} {answer.text}", first.question_key)
        else:
            merged.append(answer)
    return merged


def length_fit(words: int) -> float:
    """How well an answer's length fits a spoken interview answer (0-1)."""
    if words < 8:
        return 0.0
    if words < 15:
        return 0.3
    if words < 25:
        return 0.6
    if words < 40:
        return 0.85
    if words <= 220:
        return 1.0
    return 0.7 if words <= 350 else 0.5


@dataclass(frozen=True)
class _Read:
    """An answer, how it reads, and whether it repeats an earlier one."""

    answer: Answer
    reading: AnswerReading
    copy: bool  # the same text as another answer that was credited instead
    repeated: bool  # given under more than one question (the credited one included)

    @property
    def genuine(self) -> bool:
        return not (self.copy or self.reading.keyword_list)

    @property
    def quality(self) -> float:
        """0-1: what this answer contributes."""
        if self.copy:
            return 0.0
        r = self.reading
        # Detail and reasoning about something other than the question are not an answer to
        # it: they count in proportion to how far the answer addresses the question.
        relevant = ANSWERED_FLOOR + (1 - ANSWERED_FLOOR) * r.addressed
        value = (QUALITY_WEIGHTS["addressed"] * r.addressed
                 + (QUALITY_WEIGHTS["specifics"] * r.specific_score
                    + QUALITY_WEIGHTS["reasoning"] * r.reasoning_score) * relevant
                 + QUALITY_WEIGHTS["length"] * length_fit(r.words))
        value *= 1 - GENERIC_PENALTY * r.generic_share
        # The credited copy of a pasted text was written for no question in particular.
        return value * (REPEATED_CREDIT if self.repeated else 1.0)


def _job_context(job: JobInput) -> JobContext:
    return JobContext.of(job.title, *job.must_have_skills, *job.nice_to_have_skills,
                         *job.responsibilities)


def _read_all(answers: list[Answer], plan: list[PlannedQuestionInput],
              context: JobContext, language: str = "en") -> list[_Read]:
    points = {q.key: q.expected_points for q in plan if q.key and q.expected_points}
    readings = [read_answer(a.question, a.text, points.get(a.question_key, ()), context,
                            language) for a in answers]
    copies: set[int] = set()
    repeated: set[int] = set()
    for group in repeated_groups([a.text for a in answers]):
        # The copy that fits its question best keeps the credit; the others are copies.
        keep = max(group, key=lambda i: (readings[i].addressed, -i))
        copies.update(i for i in group if i != keep)
        repeated.update(group)
    return [_Read(a, r, i in copies, i in repeated)
            for i, (a, r) in enumerate(zip(answers, readings))]


# --- ratings -----------------------------------------------------------------------------

def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _technical_depth(reads: list[_Read], uses: list[SkillUse]) -> float:
    quality = _mean([r.quality for r in reads])
    if not uses:
        return 100 * quality
    weight = {True: 2.0, False: 1.0}
    # Named while telling of something done: full credit; named, or done in other words: half.
    credit = sum(weight[u.must_have] * (1.0 if u.in_context else 0.5)
                 for u in uses if (u.sentence and not u.negated) or u.related)
    coverage = credit / sum(weight[u.must_have] for u in uses)
    # Naming the skills from experience lifts the rating; answers concrete about the work
    # asked keep theirs when the skills' names go unsaid (a trade names its work in plain
    # words: "stopped the pour and checked every bay", not "site supervision").
    return 100 * max(quality, (1 - SKILL_SHARE) * quality
                     + SKILL_SHARE * coverage * min(1.0, 2 * quality))


def _problem_solving(reads: list[_Read]) -> float:
    per_answer = [0.0 if r.copy else 0.55 * r.reading.reasoning_score
                  + 0.25 * r.reading.specific_score + 0.2 * r.reading.addressed for r in reads]
    return 100 * _mean(per_answer)


def _structure(reading: AnswerReading) -> float:
    """Readable sentences that connect: one word is no structure, one 80-word run-on is little."""
    if reading.words < 8:
        return 0.0
    per_sentence = reading.words / max(reading.sentences, 1)
    shape = 1.0 if per_sentence <= 35 else 0.6 if per_sentence <= 60 else 0.3
    linked = 1.0 if reading.reasoning or reading.sentences >= 3 else 0.7
    return shape * linked


def _communication(reads: list[_Read]) -> float:
    per_answer = []
    for r in reads:
        reading = r.reading
        fillers = count_fillers(r.answer.text) * 100 / max(reading.words, 1)
        calm = max(0.0, 1 - fillers / 10)  # ten fillers per 100 words: no credit left
        # Clear answers answer the question, in connected sentences of a fitting length, in
        # concrete terms; beliefs and habits in place of an answer lower all of it.
        value = (0.35 * reading.addressed + 0.2 * _structure(reading)
                 + 0.2 * length_fit(reading.words) + 0.1 * calm
                 + 0.15 * reading.specific_score) * (1 - GENERIC_PENALTY * reading.generic_share)
        if r.repeated or reading.keyword_list:
            value *= 0.3  # pasted text or a list answers no question in particular
        per_answer.append(value)
    return 100 * _mean(per_answer)


_COLLABORATION_GROUPS = ("collaboration", "conflict", "resolution", "stakeholders", "explaining",
                         "family_communication")


def _cultural_fit(reads: list[_Read], language: str = "en") -> float:
    """Working with others as it happened: distinct kinds (teamwork, a disagreement, settling
    it, stakeholders, explaining) over genuine answers, and how many answers show any."""
    genuine = [r for r in reads if r.genuine]
    if not genuine:
        return 0.0
    kinds: set[str] = set()
    showing = 0
    for r in genuine:
        groups = concept_groups(r.answer.text, language=language) & set(_COLLABORATION_GROUPS)
        # Telling what was said to someone is working with them, whatever the trade calls them.
        if tells_conversation(r.answer.text, language):
            groups |= {"conversation"}
        if groups and ("own_action" in r.reading.specifics or r.reading.reasoning):
            kinds |= groups
            showing += 1
        elif groups:
            kinds |= groups
            showing += 0.4  # named, not told as something that happened
    breadth = min(1.0, len(kinds) / 4)
    spread = min(1.0, showing / max(2.0, len(reads) / 2))
    return 100 * (0.6 * breadth + 0.4 * spread) * min(1.0, 0.4 + _mean(
        [r.quality for r in reads]))


# --- the evaluator -----------------------------------------------------------------------

def _decision(score: float, enough: bool) -> str:
    if not enough:
        return "hold"
    return "advance" if score >= ADVANCE_AT else "reject" if score < REJECT_BELOW else "hold"


def evaluate_interview(interview: InterviewInput) -> InterviewEvaluation:
    """Score an interview transcript by reading its answers; never raises on thin transcripts."""
    # Answers about availability are logistics, not part of the rubric; an answer to a planned
    # question is part of it, whatever words its question uses.
    rubric = {q.key for q in interview.questions
              if q.key and not AVAILABILITY_QUESTION.search(q.text)}
    answers = _merge_follow_ups([a for a in _answers(interview.transcript)
                                 if a.question_key in rubric
                                 or not AVAILABILITY_QUESTION.search(a.question)])
    # Answers in French, German or Spanish are read with that language's words; a transcript
    # recorded as English but plainly in another language is read in that one.
    language = reading_language(interview.language, [a.text for a in answers])
    reads = _read_all(answers, interview.questions, _job_context(interview.job), language)
    genuine_text = "\n".join(r.answer.text for r in reads if r.genuine)
    words = sum(a.words for a in answers)
    uses = skill_uses(interview.job, genuine_text, "\n".join(a.text for a in answers),
                      language=language)
    if reads:
        raw = {
            "technical_depth": _technical_depth(reads, uses),
            "problem_solving": _problem_solving(reads),
            "communication": _communication(reads),
            "cultural_fit": _cultural_fit(reads, language),
        }
    else:
        raw = dict.fromkeys(WEIGHTS, 0.0)
    # Thin evidence pulls every rating down, gently: half the words keep about 70% of the rating.
    # Evidence is what the genuine answers say, less their generic sentences: four paragraphs
    # of beliefs are long, not evidence, and outscored four short answers about real work.
    evidence_words = sum(r.reading.words * (1 - r.reading.generic_share)
                         for r in reads if r.genuine)
    evidence_factor = min(1.0, evidence_words / FULL_EVIDENCE_WORDS) ** 0.5
    ratings = {name: round(min(100.0, value * evidence_factor), 1) for name, value in raw.items()}
    score = round(sum(WEIGHTS[name] * ratings[name] for name in WEIGHTS), 1)
    enough = words >= MIN_WORDS_TO_JUDGE
    decision = _decision(score, enough)
    slots = detect_slots(interview.transcript)
    evidence = EvidenceInput(
        title=interview.job.title, answers=[r.answer for r in reads],
        readings=[r.reading for r in reads], copies=[r.copy for r in reads],
        repeated=[r.repeated for r in reads], uses=uses, ratings=ratings, score=score,
        questions=interview.questions)
    found = concerns(evidence) if answers else []
    if not answers:
        found.insert(0, "The transcript is empty: the candidate gave no answers to evaluate.")
    elif not enough:
        found.insert(0, f"The transcript is too short to judge ({words} word"
                        f"{'' if words == 1 else 's'} from the candidate).")
    preferred = availability_words(interview.transcript)
    return InterviewEvaluation(
        score=score,
        decision=decision,
        strengths=strengths(evidence) if answers else [],
        concerns=found,
        communication_rating=ratings["communication"],
        technical_depth=ratings["technical_depth"],
        cultural_fit=ratings["cultural_fit"],
        problem_solving=ratings["problem_solving"],
        email_draft=email_draft(interview.job.title, decision, preferred),
        scheduling_slots=slots,
        preferred_slot=preferred,
        summary=summary(evidence),
        justifications=justifications(evidence),
    )
