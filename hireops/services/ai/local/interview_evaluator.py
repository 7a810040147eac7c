"""Rule-based interview evaluator: a rubric over the candidate's answers, with quoted evidence.

Four ratings (0-100), each from plain signals in what the candidate said:
- technical depth: the job's skills discussed from experience (via the skills vocabulary), plus
  specificity (numbers, examples, "I built", outcomes); when the input carries the interviewer's
  planned questions, each answer is also scored on the expected points of its own question and on
  whether it gives a concrete example, and that per-answer quality weighs more than skill names;
- problem solving: reasoning words (because, trade-off, first/then, measured, root cause);
- communication: filler words, very short or rambling answers, balance between answers;
- cultural fit: collaboration words (team, feedback, helped, mentored).
The overall score weighs them by `WEIGHTS`. Its decision is a suggestion by `ADVANCE_AT` and
`REJECT_BELOW`; the app's final decision (resume and interview together) is made elsewhere.
A transcript too short to judge gets low ratings, a concern saying so and "hold", so a person looks
at it instead of an automatic rejection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireops.services.ai.local.skills import (
    canonical_skill,
    find_skill_mentions,
    skill_pattern,
    split_sentences,
)
from hireops.services.ai.schemas import (
    InterviewEvaluation,
    InterviewInput,
    PlannedQuestionInput,
    TranscriptTurn,
)

ADVANCE_AT = 75.0
REJECT_BELOW = 50.0
MIN_WORDS_TO_JUDGE = 40  # fewer candidate words than this: too little to evaluate
FULL_EVIDENCE_WORDS = 150  # ratings are scaled down below this many candidate words
WEIGHTS = {
    "technical_depth": 0.35, "problem_solving": 0.25, "communication": 0.2, "cultural_fit": 0.2,
}

_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|"
                     r"thousand|million|half|double|twice)\b", re.IGNORECASE)
_EXAMPLE = re.compile(r"\b(for example|for instance|e\.g\.|once|at my (last|previous|current)|"
                      r"in my (last|previous|current) (role|job|team|company)|"
                      r"last (year|month|quarter)|"
                      r"recently|one time|when i was)\b", re.IGNORECASE)
_OWNERSHIP = re.compile(r"\bi (built|led|designed|implemented|wrote|migrated|created|set up|"
                        r"introduced|owned|ran|fixed|reduced|improved|managed|trained|launched|"
                        r"shipped|automated|organi[sz]ed|negotiated|closed|delivered|started)\b",
                        re.IGNORECASE)
_OUTCOME = re.compile(r"\b(reduced|increased|improved|saved|cut|grew|result(ed)?|outcome|"
                      r"which meant|dropped|faster|fewer|doubled|halved|went from|down to|up to)\b",
                      re.IGNORECASE)
_REASONING = re.compile(r"\b(because|so that|therefore|trade-?offs?|first|then|finally|measur\w*|"
                        r"tested|root cause|debugg?ed|analy[sz]ed|compared|options?|alternatives?|"
                        r"hypothes[ie]s|metrics?|profiled|benchmark(ed)?|prioriti[sz]ed|instead|"
                        r"the reason|which is why|weighed|constraints?|investigated|looked into|"
                        r"reproduced|narrowed|figured out|identified|found that|reali[sz]ed|"
                        r"looked at|checked|verified|so i)\b",
                        re.IGNORECASE)
# The reasoning words worth quoting first: they show a why, not just a sequence.
_STRONG_REASONING = re.compile(r"\b(because|trade-?offs?|root cause|measured|so that|instead)\b",
                               re.IGNORECASE)
_COLLABORATION = re.compile(r"\b(team|teammates?|together|feedback|helped|help(ing)?|"
                            r"mentor(ed|ing)?|colleagues?|stakeholders?|listened|shared|supported|"
                            r"collaborat\w*|pair(ed)?|customers?|we agreed|learned|learnt)\b",
                            re.IGNORECASE)
# Words about working with people (not just naming a team): these get quoted as a strength.
_STRONG_COLLABORATION = re.compile(r"\b(together|feedback|helped|mentor(ed|ing)?|colleagues?|"
                                   r"listened|collaborat\w*|pair(ed)?|we agreed|supported)\b",
                                   re.IGNORECASE)
_FILLER = re.compile(r"\b(um+|uh+|erm+|er|hmm+|you know|i mean|sort of|kind of|basically)\b|"
                     r"(?:,\s*like\s*,)|(?:\blike,)", re.IGNORECASE)
_NEGATED = re.compile(r"\b(haven'?t|have not|never|no experience|not really|don'?t know|"
                      r"not familiar|didn'?t|did not|not much)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Answer:
    """Everything the candidate said after one interviewer turn."""

    question: str
    text: str
    question_key: str = ""  # the planned question it answers, "" without a plan

    @property
    def words(self) -> int:
        return len(self.text.split())


def _answers(transcript: list[TranscriptTurn]) -> list[_Answer]:
    answers: list[_Answer] = []
    question, key, parts = "", "", []
    for turn in transcript + [TranscriptTurn(speaker="interviewer", text="")]:
        if turn.speaker == "candidate":
            if turn.text.strip():
                parts.append(turn.text.strip())
                key = turn.question_key or key
            continue
        if parts:
            answers.append(_Answer(question, " ".join(parts), key))
            parts = []
        if turn.text.strip():
            question, key = turn.text.strip(), turn.question_key
    return answers


def _quote(text: str, pattern: re.Pattern[str] | None = None, words: int = 14) -> str:
    """A short quotation from `text`, centred on the first match of `pattern`."""
    sentences = split_sentences(text)
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


# --- the rubric --------------------------------------------------------------------------

def _specificity(answer: _Answer) -> float:
    words = answer.words
    # Length: a few words say nothing; 30-250 words is room for a real example; more rambles.
    points = 0 if words < 5 else 10 if words < 15 else 20 if words < 30 else 30
    points -= 5 if words > 250 else 0
    points += 20 if _NUMBER.search(answer.text) else 0
    points += 20 if _EXAMPLE.search(answer.text) else 0
    points += 15 if _OWNERSHIP.search(answer.text) else 0
    points += 15 if _OUTCOME.search(answer.text) else 0
    return min(points, 100)


# Weights of one answer's quality when its question's expected points are known (sum 100): the
# points matter most, since a fluent answer to a different question is still not an answer.
POINTS_WEIGHT = 45.0
CONCRETE_WEIGHT = 15.0
SPECIFICITY_SHARE = 0.4


@dataclass(frozen=True)
class _PointsCheck:
    """How one planned question was answered, over the answer and any follow-up answer."""

    question: str
    expected: tuple[str, ...]
    covered: tuple[str, ...]
    concrete: bool

    @property
    def coverage(self) -> float:
        return len(self.covered) / len(self.expected)


def _points_checks(answers: list[_Answer],
                   questions: list[PlannedQuestionInput]) -> dict[str, _PointsCheck]:
    """Per planned question with expected points, what its answers covered."""
    # Imported here: follow_up imports this module (for slot detection) at load time.
    from hireops.services.interview.follow_up import covered_points, has_concrete_example

    planned = {q.key: q for q in questions if q.key and q.expected_points}
    checks = {}
    for key, question in planned.items():
        text = " ".join(a.text for a in answers if a.question_key == key)
        if not text:
            continue
        covered = covered_points(question.expected_points, text, asked=question.text)
        checks[key] = _PointsCheck(question.text, tuple(question.expected_points),
                                   tuple(covered), has_concrete_example(text))
    return checks


def _answer_quality(answer: _Answer, checks: dict[str, _PointsCheck]) -> float:
    """`_specificity`, or with a known question, a blend with its points and a concrete example."""
    check = checks.get(answer.question_key)
    if check is None:
        return _specificity(answer)
    return (SPECIFICITY_SHARE * _specificity(answer) + POINTS_WEIGHT * check.coverage
            + CONCRETE_WEIGHT * check.concrete)


@dataclass(frozen=True)
class _SkillUse:
    skill: str
    must_have: bool
    sentence: str  # the candidate's sentence about it, "" when never mentioned
    negated: bool  # "I haven't used Kubernetes"


def _skill_uses(interview: InterviewInput, candidate_text: str) -> list[_SkillUse]:
    uses, seen = [], set()
    job = interview.job
    wanted = [(s, True) for s in job.must_have_skills]
    wanted += [(s, False) for s in job.nice_to_have_skills]
    for skill, must in wanted:
        name = canonical_skill(skill)
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        mentions = find_skill_mentions(candidate_text, name)
        positive = [m for m in mentions if not _NEGATED.search(m)]
        sentence = (positive or mentions or [""])[0]
        uses.append(_SkillUse(name, must, sentence, bool(mentions) and not positive))
    return uses


def _technical_depth(uses: list[_SkillUse], specificity: float, by_points: bool = False) -> float:
    """Skill coverage plus answer quality; `by_points` when quality includes expected points,
    which then outweighs naming the job's skills somewhere in the interview."""
    if not uses:
        return 0.9 * specificity
    weight = {True: 2.0, False: 1.0}
    covered = sum(weight[u.must_have] for u in uses if u.sentence and not u.negated)
    coverage = covered / sum(weight[u.must_have] for u in uses)
    if by_points:
        return 35 * coverage + 0.65 * specificity
    return 60 * coverage + 0.4 * specificity


def _marker_rating(answers: list[_Answer], pattern: re.Pattern[str], per_marker: float,
                   per_answer: float) -> float:
    """More distinct markers, spread over more answers, rate higher."""
    distinct = {m.group(0).lower() for a in answers for m in pattern.finditer(a.text)}
    with_any = sum(1 for a in answers if pattern.search(a.text)) / len(answers)
    return min(100.0, per_marker * len(distinct) + per_answer * with_any)


def _communication(answers: list[_Answer]) -> float:
    words = sum(a.words for a in answers)
    fillers = sum(len(_FILLER.findall(a.text)) for a in answers)
    rating = 95.0
    rating -= min(40.0, 8.0 * fillers * 100 / max(words, 1))
    rating -= 30.0 * sum(1 for a in answers if a.words < 8) / len(answers)
    rating -= min(20.0, 10.0 * sum(1 for a in answers if a.words > 250))
    lengths = [a.words for a in answers]
    mean = sum(lengths) / len(lengths)
    spread = (sum((n - mean) ** 2 for n in lengths) / len(lengths)) ** 0.5 / mean if mean else 0
    rating -= 10.0 if spread > 1.0 else 0.0  # some answers thorough, others brushed off
    return max(rating, 0.0)


# --- evidence sentences ------------------------------------------------------------------

def _strengths(answers: list[_Answer], uses: list[_SkillUse], candidate_text: str) -> list[str]:
    strengths = [
        f"Spoke about {u.skill} from experience: {_quote(u.sentence, skill_pattern(u.skill))}."
        for u in uses if u.sentence and not u.negated
    ][:3]
    concrete = [a.text for a in answers if _NUMBER.search(a.text)
                and (_OUTCOME.search(a.text) or _OWNERSHIP.search(a.text))]
    if concrete:
        marker = _OUTCOME if _OUTCOME.search(concrete[0]) else _NUMBER
        strengths.append(f"Gave concrete results: {_quote(concrete[0], marker)}.")
    if _REASONING.search(candidate_text):
        marker = _STRONG_REASONING if _STRONG_REASONING.search(candidate_text) else _REASONING
        strengths.append(f"Explained their reasoning: {_quote(candidate_text, marker)}.")
    if _STRONG_COLLABORATION.search(candidate_text):
        quote = _quote(candidate_text, _STRONG_COLLABORATION)
        strengths.append(f"Described working with others: {quote}.")
    return strengths[:5]


def _concerns(answers: list[_Answer], uses: list[_SkillUse],
              checks: dict[str, _PointsCheck]) -> list[str]:
    concerns = []
    for check in [c for c in checks.values() if not c.covered][:2]:
        concerns.append(f"Did not cover what {_quote(check.question, None, 10)} looked for "
                        f"({', '.join(check.expected[:3])}).")
    missing = [u.skill for u in uses if u.must_have and not u.sentence]
    if missing:
        concerns.append(f"Did not mention {', '.join(missing[:4])}, which the role requires.")
    concerns += [f"Said they lack {u.skill}: {_quote(u.sentence, _NEGATED)}."
                 for u in uses if u.negated][:2]
    words = sum(a.words for a in answers)
    fillers = sum(len(_FILLER.findall(a.text)) for a in answers)
    if fillers and fillers * 100 / words > 3:
        filled = next(a.text for a in answers if _FILLER.search(a.text))
        concerns.append(f"Frequent filler words ({fillers} in {words} words), "
                        f"e.g. {_quote(filled, _FILLER, 10)}.")
    for answer in sorted((a for a in answers if a.words < 8), key=lambda a: a.words)[:2]:
        asked = f" to {_quote(answer.question, None, 10)}" if answer.question else ""
        concerns.append(f"Very short answer{asked}: “{answer.text.rstrip('.!')}”.")
    if not any(_NUMBER.search(a.text) or _EXAMPLE.search(a.text) for a in answers):
        concerns.append("Answers stayed general, with no concrete examples or numbers.")
    return concerns


# --- availability ------------------------------------------------------------------------

_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"mon|tues?|wed|thu(?:rs?)?|fri|"
        r"lundi|mardi|mercredi|jeudi|vendredi|montag|dienstag|mittwoch|donnerstag|freitag|"
        r"lunes|martes|mi[ée]rcoles|jueves|viernes)")
_PART = r"(?:morning|afternoon|evening|lunchtime|lunch time)"
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h\b|uhr)|\d{1,2}:\d{2}|noon|midday)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_AT = r"(?:at|from|around|after|before)"
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
_UNTIL = rf"(?:\s*(?:-|–|to|until)\s*{_TIME})?"
_SLOT = re.compile(
    # "Tuesday at 3pm", "next Monday from 10:00 to 12:00", "Thursday morning", "Fridays"
    rf"\b(?:(?:next|this)\s+)?{_DAY}s?(?:\s+{_PART}s?)?(?:\s*(?:{_AT}|,)?\s*{_TIME}{_UNTIL})?"
    # "March 14th at 2pm", "3 June"
    rf"|\b(?:{_MONTH}\.?\s+{_DAY_OF_MONTH}|{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH})"
    rf"(?:\s*(?:at|,)?\s*{_TIME})?"
    # "mornings", "any weekday afternoon", "evenings after 6pm"
    rf"|\b(?:any\s+|weekday\s+|early\s+|late\s+)*{_PART}s?\b(?:\s*{_AT}\s*{_TIME})?"
    # "after 4 pm", "from 9:00 to 11:00"
    rf"|\b{_AT}\s+{_TIME}{_UNTIL}"
    rf"|\b(?:tomorrow|next week|any ?time|anytime this week)\b",
    re.IGNORECASE,
)
_AVAILABILITY_QUESTION = re.compile(
    r"availab|when (could|can|would|are) you|what (days|time)|best time|schedul|free (to|for|on)|"
    r"suits? you|works? (best )?for you|convenient|"
    r"dispon|verfügbar|wann|disponibilidad|cu[aá]ndo", re.IGNORECASE)
# Outside an answer about availability, only day-anchored phrases count (not "every morning I...").
_DAY_ANCHORED = re.compile(rf"{_DAY}|{_MONTH}\.?\s+\d|\d\s+(?:of\s+)?{_MONTH}", re.IGNORECASE)


def _tidy_slot(slot: str) -> str:
    slot = re.sub(r"\s+", " ", slot.strip(" ,"))
    return slot[0].upper() + slot[1:] if slot else slot


def detect_slots(transcript: list[TranscriptTurn]) -> list[str]:
    """Times the candidate offered: first from the answer to an availability question."""
    answers = _answers(transcript)
    asked = [a for a in answers if _AVAILABILITY_QUESTION.search(a.question)]
    slots = [m.group(0) for a in asked for m in _SLOT.finditer(a.text)]
    if not slots:
        slots = [m.group(0) for a in answers for m in _SLOT.finditer(a.text)
                 if _DAY_ANCHORED.search(m.group(0))]
    return list(dict.fromkeys(_tidy_slot(s) for s in slots if s.strip()))[:5]


# --- the evaluator -----------------------------------------------------------------------

def _decision(score: float, enough: bool) -> str:
    if not enough:
        return "hold"
    return "advance" if score >= ADVANCE_AT else "reject" if score < REJECT_BELOW else "hold"


def _email_draft(title: str, decision: str, slot: str) -> str:
    if decision == "advance":
        when = (f"You mentioned {slot} suits you; we will propose a time then."
                if slot else "Please reply with a few times that suit you next week.")
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _summary(title: str, answers: list[_Answer], score: float, ratings: dict[str, float],
             uses: list[_SkillUse]) -> str:
    if not answers:
        return (f"The {title} interview transcript has no answers from the candidate, so nothing "
                f"could be assessed. A recruiter should check whether the interview took place.")
    words = sum(a.words for a in answers)
    scores = (f"technical depth {ratings['technical_depth']:g}, problem solving "
              f"{ratings['problem_solving']:g}, communication {ratings['communication']:g}, "
              f"cultural fit {ratings['cultural_fit']:g}")
    first = (f"The candidate gave {_count(len(answers), 'answer')} ({_count(words, 'word')}) "
             f"in the {title} interview and scored {score:g}/100: {scores}.")
    discussed = [u.skill for u in uses if u.sentence and not u.negated]
    missing = [u.skill for u in uses if u.must_have and not (u.sentence and not u.negated)]
    if not uses:
        second = "The job lists no skills, so technical depth rests on how specific answers were."
    elif discussed and missing:
        second = f"They discussed {', '.join(discussed[:4])} but not {', '.join(missing[:4])}."
    elif discussed:
        second = f"They discussed all of the job's skills: {', '.join(discussed[:6])}."
    else:
        listed = ", ".join(u.skill for u in uses[:4])
        second = f"They did not discuss any of the job's skills ({listed})."
    return f"{first} {second}"


def _first_quote(answers: list[_Answer], pattern: re.Pattern[str]) -> str:
    for answer in answers:
        if pattern.search(answer.text):
            return _quote(answer.text, pattern)
    return ""


def _justifications(answers: list[_Answer], uses: list[_SkillUse],
                    ratings: dict[str, float]) -> dict[str, str]:
    """Why each rating is what it is, with the candidate's own words where there are some."""
    if not answers:
        return dict.fromkeys(WEIGHTS, "No answers to judge.")
    words = sum(a.words for a in answers)
    fillers = sum(len(_FILLER.findall(a.text)) for a in answers)
    longest = max(answers, key=lambda a: a.words)
    communication = (f"{_count(len(answers), 'answer')}, {round(words / len(answers))} words on "
                     f"average, {_count(fillers, 'filler word')}; the fullest: "
                     f"{_quote(longest.text)}.")
    spoken = [u for u in uses if u.sentence and not u.negated]
    technical = (f"Discussed {', '.join(u.skill for u in spoken[:4])}, e.g. "
                 f"{_quote(spoken[0].sentence, skill_pattern(spoken[0].skill))}."
                 if spoken else "No job skill was discussed from experience.")
    # The clearest evidence first ("because", "mentored"), any marker otherwise.
    reasoning = _first_quote(answers, _STRONG_REASONING) or _first_quote(answers, _REASONING)
    collaboration = (_first_quote(answers, _STRONG_COLLABORATION)
                     or _first_quote(answers, _COLLABORATION))
    return {
        "communication": f"Rated {ratings['communication']:g}: {communication}",
        "technical_depth": f"Rated {ratings['technical_depth']:g}: {technical}",
        "problem_solving": f"Rated {ratings['problem_solving']:g}: " + (
            f"explained reasoning, e.g. {reasoning}." if reasoning
            else "no reasoning, trade-offs or measurement were described."),
        "cultural_fit": f"Rated {ratings['cultural_fit']:g}: " + (
            f"spoke about working with others, e.g. {collaboration}." if collaboration
            else "said nothing about working with others."),
    }


def evaluate_interview(interview: InterviewInput) -> InterviewEvaluation:
    """Score an interview transcript with the rubric above; never raises on thin transcripts."""
    # Answers about availability are logistics, not part of the rubric.
    answers = [a for a in _answers(interview.transcript)
               if not _AVAILABILITY_QUESTION.search(a.question)]
    candidate_text = "\n".join(a.text for a in answers)
    words = sum(a.words for a in answers)
    uses = _skill_uses(interview, candidate_text)
    slots = detect_slots(interview.transcript)
    title = interview.job.title
    checks = _points_checks(answers, interview.questions)
    if answers:
        specificity = sum(_answer_quality(a, checks) for a in answers) / len(answers)
        raw = {
            "technical_depth": _technical_depth(uses, specificity, by_points=bool(checks)),
            "problem_solving": _marker_rating(answers, _REASONING, 12.0, 40.0),
            "communication": _communication(answers),
            "cultural_fit": _marker_rating(answers, _COLLABORATION, 12.0, 40.0),
        }
    else:
        raw = dict.fromkeys(WEIGHTS, 0.0)
    # Thin evidence pulls every rating down, gently: half the words keep about 70% of the rating.
    evidence_factor = min(1.0, words / FULL_EVIDENCE_WORDS) ** 0.5
    ratings = {name: round(value * evidence_factor, 1) for name, value in raw.items()}
    score = round(sum(WEIGHTS[name] * ratings[name] for name in WEIGHTS), 1)
    enough = words >= MIN_WORDS_TO_JUDGE
    concerns = _concerns(answers, uses, checks) if answers else []
    if not answers:
        concerns.insert(0, "The transcript is empty: the candidate gave no answers to evaluate.")
    elif not enough:
        concerns.insert(0, f"The transcript is too short to judge ({_count(words, 'word')} "
                           f"from the candidate).")
    decision = _decision(score, enough)
    return InterviewEvaluation(
        score=score,
        decision=decision,
        strengths=_strengths(answers, uses, candidate_text) if answers else [],
        concerns=concerns,
        communication_rating=ratings["communication"],
        technical_depth=ratings["technical_depth"],
        cultural_fit=ratings["cultural_fit"],
        problem_solving=ratings["problem_solving"],
        email_draft=_email_draft(title, decision, slots[0] if slots else ""),
        scheduling_slots=slots,
        preferred_slot=slots[0] if slots else "",
        summary=_summary(title, answers, score, ratings, uses),
        justifications=_justifications(answers, uses, ratings),
    )
