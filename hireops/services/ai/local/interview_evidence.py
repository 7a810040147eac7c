"""The evaluator's words for HR: strengths, concerns, a summary and why each rating is what it
is, each quoting what the candidate actually said.

Nothing here may claim what the transcript does not show: a strength quotes a genuine answer (not
a pasted or listed one), and "did not mention X" is said only when X was neither named nor talked
about in other words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hireops.services.ai.local.answer_reading import AnswerReading
from hireops.services.text.skills import skill_pattern, split_sentences
from hireops.services.ai.schemas import PlannedQuestionInput
from hireops.services.text.fillers import count_fillers

RAMBLING_WORDS = 180  # a longer answer that neither answers nor gives detail is rambling
VERY_SHORT_WORDS = 8
# Below this, an answer that covered none of its question's points did not answer it; above, it
# talked about the question's topic in other words, and saying it missed the point would be
# unfair.
POINTS_MISSED = 0.4


@dataclass(frozen=True)
class Answer:
    """Everything the candidate said after one interviewer turn."""

    question: str
    text: str
    question_key: str = ""  # the planned question it answers, "" without a plan

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SkillUse:
    """One job skill as the candidate spoke of it."""

    skill: str
    must_have: bool
    sentence: str  # the candidate's sentence about it, "" when never named in a genuine answer
    negated: bool  # "I haven't used Kubernetes"
    in_context: bool = False  # named in a sentence telling of something done
    named_anywhere: bool = False  # named at all, pasted and listed answers included
    related: bool = False  # talked about in other words (a shared concept group)
    soft: bool = False  # a general skill (communication), shown rather than named


@dataclass(frozen=True)
class EvidenceInput:
    """What the evaluator found, for the sentences below."""

    title: str
    answers: list[Answer]
    readings: list[AnswerReading]
    copies: list[bool]
    repeated: list[bool]
    uses: list[SkillUse]
    ratings: dict[str, float]
    score: float
    questions: Sequence[PlannedQuestionInput] = field(default_factory=list)

    def genuine(self) -> list[tuple[Answer, AnswerReading]]:
        """Answers written for their question: not pasted elsewhere too, not keyword lists."""
        return [(a, r) for a, r, c, twice in zip(self.answers, self.readings, self.copies,
                                                 self.repeated)
                if not c and not twice and not r.keyword_list]


_CAUSE = re.compile(r"\b(?:because|so that|which meant|the reason|trade-?offs?|instead|"
                    r"root cause|measured|compared|found that)\b", re.IGNORECASE)
# Words about working with people, quoted before a plain mention of "the team".
_WITH_PEOPLE = re.compile(r"\b(?:together|feedback|helped|mentor(?:ed|ing)?|colleagues?|"
                          r"listened|collaborat\w*|pair(?:ed)?|we agreed|supported|"
                          r"teammates?|sat down with)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_OUTCOME = re.compile(r"\b(?:reduced|increased|improved|saved|cut|went from|down to|dropped|"
                      r"halved|doubled|resolved|renewed|retained|signed|won|fell|rose|grew)\b",
                      re.IGNORECASE)
_TOGETHER = re.compile(r"\b(?:together|feedback|helped|mentor(?:ed|ing)?|colleagues?|listened|"
                       r"collaborat\w*|pair(?:ed)?|we agreed|supported|teammates?|the team|"
                       r"our team|my team|sat down with|stakeholders?)\b", re.IGNORECASE)


def quote(text: str, pattern: re.Pattern[str] | None = None, words: int = 14) -> str:
    """A short quotation from `text`, centred on the first match of `pattern`."""
    sentences = split_sentences(text) or [text]
    sentence = next((s for s in sentences if pattern is None or pattern.search(s)), text)
    tokens = sentence.split()
    at = 0
    if pattern is not None and (match := pattern.search(sentence)):
        at = len(sentence[: match.start()].split())
    start = max(0, min(at - words // 3, len(tokens) - words))
    suffix = "…" if start + words < len(tokens) else ""
    piece = " ".join(tokens[start: start + words]).strip(" ,;")
    piece = piece.rstrip(".!?,;:") if suffix or piece.endswith(".") else piece
    prefix = "…" if start > 0 else ""
    return f"“{prefix}{piece}{suffix}”"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _discussed(uses: list[SkillUse]) -> list[SkillUse]:
    return [u for u in uses if u.sentence and not u.negated]


# --- strengths ---------------------------------------------------------------------------

def strengths(e: EvidenceInput) -> list[str]:
    genuine = e.genuine()
    found = [f"Spoke about {u.skill} from experience: {quote(u.sentence, skill_pattern(u.skill))}."
             for u in _discussed(e.uses) if u.in_context][:3]
    concrete = [a.text for a, r in genuine if r.addressed >= 0.5
                and "number" in r.specifics and ("outcome" in r.specifics
                                                 or "own_action" in r.specifics)]
    if concrete:
        marker = _OUTCOME if _OUTCOME.search(concrete[0]) else _NUMBER
        found.append(f"Gave concrete results: {quote(concrete[0], marker)}.")
    reasoned = [a.text for a, r in genuine if r.reasoning_score >= 0.6 and _CAUSE.search(a.text)]
    if reasoned:
        found.append(f"Explained their reasoning: {quote(reasoned[0], _CAUSE)}.")
    together = [a.text for a, r in genuine if _TOGETHER.search(a.text)
                and "own_action" in r.specifics]
    if together:
        text = next((t for t in together if _WITH_PEOPLE.search(t)), together[0])
        marker = _WITH_PEOPLE if _WITH_PEOPLE.search(text) else _TOGETHER
        found.append(f"Described working with others: {quote(text, marker)}.")
    return found[:5]


# --- concerns ----------------------------------------------------------------------------

def _asked_about(e: EvidenceInput, skill: str) -> bool:
    """True when an answer to a question naming the skill addressed it."""
    pattern = skill_pattern(skill)
    return any(pattern.search(a.question) and r.addressed >= 0.5 for a, r in e.genuine())


def _repeat_concern(e: EvidenceInput) -> list[str]:
    repeated = [a for a, flag in zip(e.answers, e.repeated) if flag]
    if not repeated:
        return []
    return [f"The same answer was given to {_count(len(repeated), 'question')} (pasted or "
            f"repeated text, credited once): {quote(repeated[0].text, None, 10)}."]


def _list_concern(e: EvidenceInput) -> list[str]:
    listed = [a for a, r, c in zip(e.answers, e.readings, e.copies) if r.keyword_list and not c]
    if not listed:
        return []
    asked = quote(listed[0].question, None, 10) if listed[0].question else "a question"
    return [f"{_count(len(listed), 'answer')} listed keywords without saying what was done "
            f"with them (keyword stuffing), e.g. to {asked}: {quote(listed[0].text, None, 10)}."]


def _rambling_concern(e: EvidenceInput) -> list[str]:
    rambling = [a for a, r in e.genuine() if r.words >= RAMBLING_WORDS and r.addressed < 0.5
                and r.specific_score < 0.45]
    if not rambling:
        return []
    return [f"Long answers that did not get to the point ({_count(len(rambling), 'answer')} of "
            f"{rambling[0].words}+ words without a concrete example), e.g. "
            f"{quote(rambling[0].text, None, 12)}."]


def _points_concerns(e: EvidenceInput) -> list[str]:
    points = {q.key: q for q in e.questions if q.key and q.expected_points}
    found = []
    for answer, reading in e.genuine():
        question = points.get(answer.question_key)
        if question and not reading.covered_points and reading.addressed < POINTS_MISSED:
            found.append(f"Did not cover what {quote(question.text, None, 10)} looked for "
                         f"({', '.join(question.expected_points[:3])}).")
    return found[:2]


def concerns(e: EvidenceInput) -> list[str]:
    found = _repeat_concern(e) + _list_concern(e) + _points_concerns(e)
    # Soft skills (communication, teamwork) show in how the interview went, not in naming them.
    missing = [u.skill for u in e.uses if u.must_have and not u.sentence and not u.related
               and not u.named_anywhere and not u.soft and not _asked_about(e, u.skill)]
    if missing:
        found.append(f"Did not mention {', '.join(missing[:4])}, which the role requires.")
    found += [f"Said they lack {u.skill}: {quote(u.sentence, skill_pattern(u.skill))}."
              for u in e.uses if u.negated][:2]
    words = sum(a.words for a in e.answers)
    fillers = sum(count_fillers(a.text) for a in e.answers)
    if fillers and fillers * 100 / max(words, 1) > 3:
        filled = max(e.answers, key=lambda a: count_fillers(a.text))
        found.append(f"Frequent filler words ({fillers} in {words} words), "
                     f"e.g. {quote(filled.text, None, 10)}.")
    for answer in sorted((a for a in e.answers if a.words < VERY_SHORT_WORDS),
                         key=lambda a: a.words)[:2]:
        asked = f" to {quote(answer.question, None, 10)}" if answer.question else ""
        found.append(f"Very short answer{asked}: “{answer.text.rstrip('.!')}”.")
    found += _rambling_concern(e)
    genuine = e.genuine()
    if genuine and not any({"number", "own_action"} & set(r.specifics) for _, r in genuine):
        found.append("Answers stayed general, with no concrete examples or numbers.")
    return found


# --- summary and justifications ------------------------------------------------------------

def summary(e: EvidenceInput) -> str:
    if not e.answers:
        return (f"The {e.title} interview transcript has no answers from the candidate, so "
                f"nothing could be assessed. A recruiter should check whether the interview "
                f"took place.")
    words = sum(a.words for a in e.answers)
    r = e.ratings
    scores = (f"technical depth {r['technical_depth']:g}, problem solving "
              f"{r['problem_solving']:g}, communication {r['communication']:g}, "
              f"cultural fit {r['cultural_fit']:g}")
    first = (f"The candidate gave {_count(len(e.answers), 'answer')} ({_count(words, 'word')}) "
             f"in the {e.title} interview and scored {e.score:g}/100: {scores}.")
    discussed = [u.skill for u in _discussed(e.uses)]
    missing = [u.skill for u in e.uses if u.must_have and u.skill not in discussed]
    if not e.uses:
        second = "The job lists no skills, so technical depth rests on how specific answers were."
    elif discussed and missing:
        second = f"They discussed {', '.join(discussed[:4])} but not {', '.join(missing[:4])}."
    elif discussed:
        second = f"They discussed all of the job's skills: {', '.join(discussed[:6])}."
    else:
        listed = ", ".join(u.skill for u in e.uses[:4])
        second = f"They did not discuss any of the job's skills ({listed})."
    return f"{first} {second}"


def _first_quote(answers: list[Answer], pattern: re.Pattern[str]) -> str:
    for answer in answers:
        if pattern.search(answer.text):
            return quote(answer.text, pattern)
    return ""


def justifications(e: EvidenceInput) -> dict[str, str]:
    """Why each rating is what it is, with the candidate's own words where there are some."""
    if not e.answers:
        return dict.fromkeys(("communication", "technical_depth", "problem_solving",
                              "cultural_fit"), "No answers to judge.")
    r = e.ratings
    words = sum(a.words for a in e.answers)
    fillers = sum(count_fillers(a.text) for a in e.answers)
    addressed = sum(1 for x in e.readings if x.addressed >= 0.5)
    genuine = [a for a, _ in e.genuine()]
    fullest = max(genuine or e.answers, key=lambda a: a.words)
    communication = (f"{_count(len(e.answers), 'answer')}, {addressed} of them on the question "
                     f"asked, {round(words / len(e.answers))} words on average, "
                     f"{_count(fillers, 'filler word')}; the fullest: {quote(fullest.text)}.")
    spoken = _discussed(e.uses)
    technical = (f"Discussed {', '.join(u.skill for u in spoken[:4])}, e.g. "
                 f"{quote(spoken[0].sentence, skill_pattern(spoken[0].skill))}."
                 if spoken else "No job skill was discussed from experience.")
    reasoning = _first_quote(genuine, _CAUSE)
    together = _first_quote(genuine, _WITH_PEOPLE) or _first_quote(genuine, _TOGETHER)
    return {
        "communication": f"Rated {r['communication']:g}: {communication}",
        "technical_depth": f"Rated {r['technical_depth']:g}: {technical}",
        "problem_solving": f"Rated {r['problem_solving']:g}: " + (
            f"explained reasoning, e.g. {reasoning}." if reasoning
            else "no reasoning, trade-offs or measurement were described."),
        "cultural_fit": f"Rated {r['cultural_fit']:g}: " + (
            f"spoke about working with others, e.g. {together}." if together
            else "said nothing about working with others."),
    }


def email_draft(title: str, decision: str, availability: str) -> str:
    if decision == "advance":
        when = (f"You mentioned this suits you: “{availability}”; we will propose a time then."
                if availability else "Please reply with a few times that suit you next week.")
        middle = (f"Thank you for interviewing for the {title} role. We enjoyed the conversation "
                  f"and would like to invite you to the next step. {when}")
    elif decision == "hold":
        middle = (f"Thank you for interviewing for the {title} role. We are still reviewing the "
                  f"interviews and will come back to you within a few working days.")
    else:
        middle = (f"Thank you for the time you gave to the {title} interview. After careful review "
                  f"we have decided not to move forward with your application. We wish you every "
                  f"success in your search.")
    return f"Hello,\n\n{middle}\n\nBest regards,\nThe hiring team"
