"""The built-in interviewer's question plan: 5-8 questions from the job, the resume score and the
recruiter, each screened for protected topics and carrying the points a good answer covers.

Where questions come from, in the order they are asked:
1. a warm-up about the candidate's recent work and interest in the role;
2. one question quoting a concrete resume line (a migration, a measured result, a project), in
   the line's tense (`resume_lines`), and one question per must-have skill the resume shows (or
   that was never checked), from the bank;
3. a kindly phrased probe per must-have the resume lacks (the scorer's gaps);
4. the resume scorer's screening questions that add something new;
5. every custom question the recruiter wrote for the job;
6. a problem-solving question, set in the job's first responsibility when it reads as a task.

When there are more than `max_questions`, customs are kept first, then picks alternate between the
sources (`_PICK_ORDER`) so a plan is never all skills or all gaps. A question that repeats a skill
or the wording of one already picked is skipped. Short plans are topped up with behavioural
questions up to `min_questions`. Everything skipped or replaced is recorded with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hireops.services.text.skills import (
    SKILLS,
    canonical_skill,
    mentions_skill,
    skills_in_text,
)
from hireops.services.interviews.protected_topics import (
    ScreenedQuestion,
    screen_and_replace,
    screen_question,
)
from hireops.services.interviews.question_bank import (
    BEHAVIOURAL,
    GAP_PROBE,
    PROBLEM_SCENARIO,
    PROBLEM_SOLVING,
    SKILL_FALLBACK,
    SLOT_QUESTION,
    WARM_UP,
    BankQuestion,
    QuestionKind,
    family_for_phrase,
    is_written_for,
    questions_for_skills,
)
from hireops.services.interviews.resume_lines import resume_line_questions

Source = Literal["must_have", "gap", "screening", "custom", "general", "resume"]

# Templates filled in per skill: the same bank key may stand behind several questions.
_TEMPLATE_KEYS = frozenset({GAP_PROBE.key, SKILL_FALLBACK.key})
MAX_GAP_PROBES = 3  # more than this turns the interview into a list of what is missing
SIMILAR_WORDING = 0.6  # share of content words above which two questions count as one


class PlannedQuestion(BaseModel):
    """One question of the plan, as the interview room asks it and the evaluator reads it."""

    model_config = ConfigDict(frozen=True)

    key: str  # stable and unique within the plan ("data.sql_query", "gap.kubernetes", "custom.2")
    text: str
    expected_points: list[str]  # what a good answer covers (keyword evidence for follow-ups)
    source: Source
    kind: QuestionKind  # warm_up, skill, gap_probe, screening, custom, problem_solving, ...
    skill: str = ""  # the job skill it probes, as the job words it; "" for general questions
    bank_key: str = ""  # the bank entry it comes from; "" for screening and custom questions
    replaced: ScreenedQuestion | None = None  # the refused original, when this is a stand-in


class SkippedQuestion(BaseModel):
    """A candidate question the plan left out, and why (duplicate or no room left)."""

    model_config = ConfigDict(frozen=True)

    text: str
    source: Source
    reason: str


def slot_question() -> PlannedQuestion:
    """The closing question: the candidate's preferred days and times, with their time zone."""
    return PlannedQuestion(
        key=SLOT_QUESTION.key, text=SLOT_QUESTION.text,
        expected_points=list(SLOT_QUESTION.expected_points), source="general", kind="closing",
        bank_key=SLOT_QUESTION.key)


class QuestionPlan(BaseModel):
    """The questions to ask, in order, with what the protected-topic screen replaced."""

    questions: list[PlannedQuestion]
    screening_log: list[ScreenedQuestion] = Field(default_factory=list)
    skipped: list[SkippedQuestion] = Field(default_factory=list)
    closing: PlannedQuestion = Field(default_factory=slot_question)  # asked after `questions`


# --- job skills --------------------------------------------------------------------------

_LEAD_IN = re.compile(
    r"^(?:\d+\+?\s*(?:years?|yrs)\s+(?:of\s+)?)?"
    r"(?:(?:strong|solid|good|deep|proven|excellent|hands-on|working|advanced|basic|some)\s+)*"
    r"(?:(?:experience|knowledge|proficiency|expertise|familiarity|skills?)\s+(?:with|in|of)\s+)?",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"\s+(?:experience|skills?|knowledge|proficiency)$", re.IGNORECASE)
_PREPOSITION_FIRST = re.compile(r"(?:with|in|of|for|on|to|at|by|across|from|and|or)\b",
                                re.IGNORECASE)
_ALTERNATIVES = re.compile(r"\s*/\s*|\s+or\s+|\s*,\s*")


@dataclass(frozen=True)
class _JobSkill:
    """A must-have as the plan uses it."""

    label: str  # as the question names it: the job's words, or the alternative the resume shows
    names: tuple[str, ...]  # canonical vocabulary skills it stands for (may be empty)
    match_key: str  # casefolded canonical name, as the scorer's evidence and gaps name it


def _job_skill(must_have: str, evidence: dict[str, str]) -> _JobSkill:
    tidy = re.sub(r"\s+", " ", must_have.strip().strip(".,;:"))
    canonical = canonical_skill(tidy)
    label = _TRAILER.sub("", _LEAD_IN.sub("", tidy)) or tidy
    if _PREPOSITION_FIRST.match(label):
        # "Working with engineers" lost its verb to the lead-in ("working knowledge of"):
        # "doesn't mention with engineers" is not English, the job's own words are.
        label = _mid_sentence(tidy)
    if canonical in SKILLS:
        names: tuple[str, ...] = (canonical,)
        # "Fluent German" or "k8s" read better as the vocabulary names them.
        if label.casefold() != canonical.casefold():
            label = _mid_sentence(canonical)
    else:
        parts = [canonical_skill(p) for p in _ALTERNATIVES.split(canonical) if p.strip()]
        names = tuple(p for p in parts if p in SKILLS) if len(parts) > 1 else ()
        names = names or tuple(skills_in_text(tidy))
    match_key = canonical.casefold()
    # "Python, Go or Java" reads better as the one the candidate actually used.
    shown = [n for n in skills_in_text(evidence.get(match_key, "")) if n in names]
    if len(names) > 1 and shown:
        label = shown[0]
    # A job phrase that would itself make a question unlawful ("native English speaker") is
    # named by its vocabulary skills instead.
    if names and not screen_question(f"Tell me about {label}.").allowed:
        label = " or ".join(names)
    return _JobSkill(label=label, names=names, match_key=match_key)


def _mid_sentence(name: str) -> str:
    """ "Machine learning" -> "machine learning"; names with capitals inside stay as they are."""
    words = name.split()
    if len(words) > 1 and all(w.islower() for w in words[1:]) and words[0][1:].islower():
        return name[0].lower() + name[1:]
    return name


def _mentioned_skills(text: str, skills: Sequence[_JobSkill]) -> list[_JobSkill]:
    """The job skills a question names (any of their vocabulary names), in the job's order."""
    return [s for s in skills if any(mentions_skill(text, n) for n in s.names or (s.label,))]


# --- expected points for questions written elsewhere -------------------------------------

_CONFIRM = re.compile(r"\bconfirm (?:this|the following|that you)\b", re.IGNORECASE)
_PAUSE = re.compile(r"\b(pause|gap|break) (from|between|in)\b", re.IGNORECASE)
_FIRST_DAYS = re.compile(r"\bfirst (30|60|90|hundred) days\b|\bfirst (weeks|months)\b",
                         re.IGNORECASE)
_EXAMPLE_POINTS = ("a concrete example", "your own part", "the outcome")


def _derived_points(text: str, skills: Sequence[_JobSkill]) -> list[str]:
    """Expected points for a screening or custom question: the job skills it names and what
    the best bank question for the first of them expects, then the parts of a good example."""
    if _CONFIRM.search(text):
        return ["a clear yes or no", "any conditions or dates", "documents that show it"]
    if _PAUSE.search(text):
        # Enough to understand the period; nothing that invites personal reasons.
        return ["a brief account of the period", "skills kept up or learned",
                "readiness for this role"]
    if _FIRST_DAYS.search(text):
        return ["learning the team and the work", "first priorities", "early results"]
    # The job's skills first; a question naming only other skills is grounded in those.
    mentioned = _mentioned_skills(text, skills) or [
        _JobSkill(label=name, names=(name,), match_key=name.casefold())
        for name in skills_in_text(text)[:2]]
    points = [s.label for s in mentioned[:2]]
    if mentioned:
        bank = questions_for_skills(mentioned[0].names, mentioned[0].label)
    else:
        bank = [q for q in (_closest_in_family(text),) if q]
    points += [p for p in (bank[0].expected_points if bank else ()) if "{" not in p][:2]
    for point in _EXAMPLE_POINTS:
        if len(points) >= 5:
            break
        points.append(point)
    return list(dict.fromkeys(points))


def _closest_in_family(text: str) -> BankQuestion | None:
    """The bank question sharing most words with `text`, within the family its keywords
    point to ("a patient who refuses their medication" -> the medication question)."""
    family = family_for_phrase(text)
    if family is None:
        return None
    words = _content_words(text)
    scored = [(len(words & _content_words(q.text + " " + " ".join(q.expected_points))), q)
              for q in family.questions]
    best, question = max(scored, key=lambda pair: pair[0])  # first of equals: bank order
    return question if best else None


# --- candidate questions -----------------------------------------------------------------

Section = Literal["warm_up", "resume", "must_have", "gap", "screening", "custom", "filler",
                  "problem_solving"]
_SECTION_ORDER: tuple[Section, ...] = ("warm_up", "resume", "must_have", "gap", "screening",
                                       "custom", "filler", "problem_solving")
_SOURCE_OF: dict[Section, Source] = {
    "warm_up": "general", "resume": "resume", "must_have": "must_have", "gap": "gap",
    "screening": "screening", "custom": "custom", "filler": "general",
    "problem_solving": "general",
}
# After the customs, one pick per step; steps whose pool is empty are passed over. One question
# from a concrete resume line comes early: it is the most personal question of the plan.
_PICK_ORDER: tuple[Section, ...] = (
    "must_have", "resume", "gap", "warm_up", "problem_solving", "must_have", "screening", "gap",
    "must_have", "screening", "gap", "must_have", "screening", "must_have",
)
MAX_RESUME_LINE_QUESTIONS = 1


@dataclass(frozen=True)
class _Candidate:
    """A question that may enter the plan."""

    section: Section
    key: str
    question: BankQuestion  # placeholders filled
    skill: str = ""
    covers: frozenset[str] = frozenset()  # match keys of the job skills it asks about
    fallbacks: tuple[BankQuestion, ...] = ()  # stand-ins if the screen refuses it
    scenario_task: str = ""  # the responsibility a problem-solving scenario is set in


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:40] or "skill"


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _assign_bank_questions(skills: Sequence[_JobSkill]) -> dict[str, BankQuestion]:
    """One bank question per skill (by match key), no question twice. Questions written for a
    skill go first, to the skills with the fewest such questions ("Month-end close" before
    "Bookkeeping", which has others); the rest get their family's general questions."""
    options = {s.match_key: questions_for_skills(s.names, s.label) for s in skills}
    written = {s.match_key: [q for q in options[s.match_key] if is_written_for(q, s.names)]
               for s in skills}
    chosen: dict[str, BankQuestion] = {}
    used: set[str] = set()
    by_fewest = sorted(skills, key=lambda s: len(written[s.match_key]) or len(options) + 99)
    for pool in (written, options):
        for skill in by_fewest:
            if skill.match_key in chosen:
                continue
            free = [q for q in pool[skill.match_key] if q.key not in used]
            if free:
                chosen[skill.match_key] = free[0]
                used.add(free[0].key)
    return chosen


def _skill_candidates(skills: Sequence[_JobSkill], gap_keys: set[str]) -> list[_Candidate]:
    """A bank question for each must-have the resume does not lack, in the job's order."""
    asked = [s for s in skills if s.match_key not in gap_keys]
    chosen = _assign_bank_questions(asked)
    candidates = []
    for skill in asked:
        question = chosen.get(skill.match_key)
        key = question.key if question else f"skill.{_slug(skill.label)}"
        others = tuple(q.format(skill=skill.label)
                       for q in questions_for_skills(skill.names, skill.label)
                       if q is not question)
        candidates.append(_Candidate(
            "must_have", key, (question or SKILL_FALLBACK).format(skill=skill.label),
            skill.label, frozenset({skill.match_key}), others))
    return candidates


def _gap_candidates(gaps: Sequence[str], skills: Sequence[_JobSkill]) -> list[_Candidate]:
    """A kindly worded probe per gap the scorer found, in its order (all of them: the planner
    asks at most `MAX_GAP_PROBES`)."""
    by_key = {s.match_key: s for s in skills}
    candidates = []
    for gap in dict.fromkeys(g.strip() for g in gaps if g and g.strip()):
        match_key = canonical_skill(gap).casefold()
        label = by_key[match_key].label if match_key in by_key else gap
        candidates.append(_Candidate(
            "gap", f"gap.{_slug(label)}", GAP_PROBE.format(skill=label), label,
            frozenset({match_key}), (SKILL_FALLBACK.format(skill=label),)))
    return candidates


_OVERLAPS_WARM_UP = re.compile(r"draws you|most recent role|why (?:do you want|are you "
                               r"interested)|what (?:attracts|interests) you", re.IGNORECASE)


def _written_candidates(section: Section, texts: Iterable[str], skills: Sequence[_JobSkill],
                        job_title: str) -> list[_Candidate]:
    """Screening or custom questions as candidates, with derived expected points."""
    # "your first 90 days as Registered Nurse" names the job, not the skill "nursing".
    title = re.compile(re.escape(_tidy(job_title)), re.IGNORECASE) if job_title.strip() else None
    candidates = []
    for number, text in enumerate(texts, start=1):
        text = _tidy(str(text or ""))
        if not text:
            continue
        mentioned = _mentioned_skills(title.sub(" ", text) if title else text, skills)
        kind: QuestionKind = "custom" if section == "custom" else "screening"
        question = BankQuestion(key=f"{section}.{number}", text=text,
                                expected_points=tuple(_derived_points(text, skills)),
                                family="general", kind=kind)
        candidates.append(_Candidate(
            section, question.key, question, mentioned[0].label if mentioned else "",
            frozenset(s.match_key for s in mentioned)))
    return candidates


# A responsibility becomes a scenario only when it starts like a task ("Design and build ...").
_TASK_VERBS = frozenset("""
    administer analyse analyze assess build care close coordinate create define deliver design
    develop drive ensure explain follow grow handle help implement improve keep lead maintain
    manage mentor monitor negotiate operate optimise optimize organise organize own plan prepare
    present process prospect provide recruit reconcile report research resolve respond review run
    sell set ship support teach test track train work write
""".split())


def _resume_line_candidates(evidence: dict[str, str]) -> list[_Candidate]:
    """A question quoting a concrete line of the resume (a migration, a measured result, a
    project), in the line's tense."""
    candidates = []
    for found in resume_line_questions(evidence.values(), limit=MAX_RESUME_LINE_QUESTIONS):
        question = BankQuestion(key=found.bank_key, text=found.text,
                                expected_points=found.expected_points, family="general",
                                kind="screening")
        # It covers no skill: the bank's question on the same skill asks how the candidate
        # works, this one what they did on that line, and the plan may hold both.
        candidates.append(_Candidate("resume", f"resume.{_slug(found.line)}", question))
    return candidates


def _problem_candidate(responsibilities: Sequence[str]) -> _Candidate:
    first = next((r.strip().rstrip(".") for r in responsibilities if r and r.strip()), "")
    words = first.split()
    if words and words[0].casefold() in _TASK_VERBS:
        task = first[0].lower() + first[1:]
        question = PROBLEM_SCENARIO.format(responsibility=task)
        return _Candidate("problem_solving", PROBLEM_SCENARIO.key, question,
                          fallbacks=(PROBLEM_SOLVING,), scenario_task=task)
    return _Candidate("problem_solving", PROBLEM_SOLVING.key, PROBLEM_SOLVING)


def _warm_up_candidate(job_title: str) -> _Candidate:
    question = WARM_UP.format(title=_tidy(job_title))
    question = BankQuestion(key=question.key, text=_tidy(question.text),
                            expected_points=question.expected_points, family=question.family,
                            kind=question.kind)
    return _Candidate("warm_up", WARM_UP.key, question, fallbacks=(BEHAVIOURAL[0],))


# --- picking -----------------------------------------------------------------------------

_WORD = re.compile(r"[a-zà-ÿ0-9+#]+")
_COMMON = frozenset("""a an and are as at be by can could did do does for from have how i in is it
    me of on or so tell that the this to us was we what when where which who why with would you
    your about any some""".split())


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _COMMON)


def _similar(a: str, b: str) -> bool:
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return a.strip().casefold() == b.strip().casefold()
    return len(words_a & words_b) / len(words_a | words_b) >= SIMILAR_WORDING


class _Planner:
    """Picks candidates into a plan, screening each one as it enters."""

    def __init__(self, max_questions: int) -> None:
        self.max_questions = max_questions
        self.picked: list[tuple[_Candidate, PlannedQuestion]] = []
        self.screening_log: list[ScreenedQuestion] = []
        self.skipped: list[SkippedQuestion] = []
        self.covered: set[str] = set()
        self.bank_keys: set[str] = set()
        self.keys: set[str] = set()

    @property
    def full(self) -> bool:
        return len(self.picked) >= self.max_questions

    def _duplicate_reason(self, candidate: _Candidate, question: BankQuestion) -> str:
        if candidate.section != "custom" and candidate.covers & self.covered:
            return "Another question already covers this skill."
        if question.key in self.bank_keys and question.key not in _TEMPLATE_KEYS:
            return "The same bank question is already in the plan."
        # Two probes from one template share most words by design; only their skills differ.
        if any(_similar(question.text, p.text) for _, p in self.picked
               if not (question.key in _TEMPLATE_KEYS and p.bank_key == question.key)):
            return "Another question in the plan asks nearly the same."
        if candidate.section == "screening" and _OVERLAPS_WARM_UP.search(question.text) and any(
                c.section == "warm_up" for c, _ in self.picked):
            return "The warm-up question already asks this."
        return ""

    def try_pick(self, candidate: _Candidate) -> bool:
        """Add the candidate (or its screened stand-in) unless it repeats the plan."""
        source = _SOURCE_OF[candidate.section]
        question, record = screen_and_replace(
            candidate.question, candidate.fallbacks, source=source,
            exclude_keys=self.bank_keys)
        reason = self._duplicate_reason(candidate, question)
        if reason:
            self.skipped.append(SkippedQuestion(text=candidate.question.text, source=source,
                                                reason=reason))
            return False
        if record:
            self.screening_log.append(record)
        key = candidate.key
        while key in self.keys:  # only when a job repeats itself; keeps keys unique
            key += "_again"
        from_bank = candidate.section not in ("screening", "custom") or record is not None
        planned = PlannedQuestion(
            key=key, text=question.text, expected_points=list(question.expected_points),
            source=source, kind=question.kind, skill=candidate.skill if not record else "",
            bank_key=question.key if from_bank else "", replaced=record)
        self.picked.append((candidate, planned))
        self.keys.add(key)
        if record is None:  # a stand-in no longer asks about the original's skills
            self.covered |= candidate.covers
        if from_bank:
            self.bank_keys.add(question.key)
        return True

    def take_from(self, pool: list[_Candidate]) -> None:
        """Pick the first candidate of `pool` that is not a duplicate, removing what it tries."""
        while pool and not self.full:
            if self.try_pick(pool.pop(0)):
                return

    def plan(self) -> QuestionPlan:
        ordered = sorted(self.picked, key=lambda pair: _SECTION_ORDER.index(pair[0].section))
        return QuestionPlan(questions=[planned for _, planned in ordered],
                            screening_log=self.screening_log, skipped=self.skipped)


def _fill_pools(planner: _Planner, pools: dict[Section, list[_Candidate]]) -> None:
    while pools["custom"] and not planner.full:
        planner.take_from(pools["custom"])
    while not planner.full and any(pools[s] for s in _PICK_ORDER):
        for section in _PICK_ORDER:
            planner.take_from(pools[section])
    # One warm-up and one problem-solving question at most: drop what is left of them.
    pools["warm_up"].clear()
    pools["problem_solving"].clear()


def _new_screening(pools: dict[Section, list[_Candidate]],
                   skipped: list[SkippedQuestion]) -> list[_Candidate]:
    """The scorer's screening questions that ask about something the plan's own skill, gap and
    problem-solving questions do not (knockouts, pauses, responsibilities); the rest go to
    `skipped`."""
    own = {key for section in ("must_have", "gap") for c in pools[section] for key in c.covers}
    scenario = pools["problem_solving"][0].scenario_task.casefold()
    kept = []
    for candidate in pools["screening"]:
        if scenario and scenario in candidate.question.text.casefold():
            skipped.append(SkippedQuestion(
                text=candidate.question.text, source="screening",
                reason="The problem-solving question is set in this responsibility."))
        elif candidate.covers and candidate.covers <= own:
            skipped.append(SkippedQuestion(
                text=candidate.question.text, source="screening",
                reason=f"The plan's own question on {candidate.skill} asks this."))
        else:
            kept.append(candidate)
    return kept


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class _ResumeFindings:
    """What the plan reads from a scorer result; anything malformed reads as absent."""

    evidence: dict[str, str]  # match key -> the resume sentence that proves the skill
    gaps: list[str]
    screening_questions: list[str]


def _read_resume_result(resume_result: object) -> _ResumeFindings:
    result = resume_result if isinstance(resume_result, dict) else {}
    match = result.get("match") if isinstance(result.get("match"), dict) else {}
    evidence = {canonical_skill(str(e.get("skill", ""))).casefold():
                str(e.get("resume_evidence", ""))
                for e in _as_list(match.get("evidence")) if isinstance(e, dict)}
    return _ResumeFindings(evidence=evidence, gaps=[str(g) for g in _as_list(match.get("gaps"))],
                           screening_questions=[str(q) for q in
                                                _as_list(result.get("screening_questions"))])


def _candidate_pools(*, job_title: str, evidence: dict[str, str], skills: list[_JobSkill],
                     grounding: list[_JobSkill],
                     gaps: list[_Candidate], responsibilities: Sequence[str],
                     custom_questions: Sequence[str],
                     screening_questions: list[str]) -> dict[Section, list[_Candidate]]:
    return {
        "warm_up": [_warm_up_candidate(job_title)],
        "resume": _resume_line_candidates(evidence),
        # A skill the resume lacks gets a gap probe or nothing, never a question assuming it.
        "must_have": _skill_candidates(skills, {key for g in gaps for key in g.covers}),
        "gap": gaps[:MAX_GAP_PROBES],
        "screening": _written_candidates("screening", screening_questions, grounding, job_title),
        "custom": _written_candidates("custom", custom_questions, grounding, job_title),
        "problem_solving": [_problem_candidate(responsibilities)],
        "filler": [],
    }


def _left_over(pools: dict[Section, list[_Candidate]]) -> list[SkippedQuestion]:
    return [SkippedQuestion(text=c.question.text, source=_SOURCE_OF[c.section],
                            reason="The plan reached its question limit.")
            for section in ("custom", "must_have", "gap", "screening") for c in pools[section]]


def build_question_plan(*, job_title: str, must_have_skills: Sequence[str],
                        nice_to_have_skills: Sequence[str], responsibilities: Sequence[str],
                        custom_questions: Sequence[str], resume_result: dict,
                        max_questions: int = 8, min_questions: int = 5) -> QuestionPlan:
    """The built-in interviewer's questions for one application; same input, same plan."""
    if not 1 <= min_questions <= max_questions:
        raise ValueError("need 1 <= min_questions <= max_questions")
    found = _read_resume_result(resume_result)
    skills = [_job_skill(s, found.evidence) for s in dict.fromkeys(must_have_skills)
              if s and s.strip()]
    # Nice-to-haves get no questions of their own, but a custom question naming one is grounded.
    grounding = skills + [_job_skill(s, found.evidence) for s in nice_to_have_skills
                          if s and s.strip()]
    gaps = _gap_candidates(found.gaps, skills)
    pools = _candidate_pools(job_title=job_title, evidence=found.evidence, skills=skills,
                             grounding=grounding, gaps=gaps,
                             responsibilities=responsibilities,
                             custom_questions=custom_questions,
                             screening_questions=found.screening_questions)
    planner = _Planner(max_questions)
    planner.skipped += [SkippedQuestion(text=c.question.text, source="gap",
                                        reason=f"The plan probes at most {MAX_GAP_PROBES} gaps.")
                        for c in gaps[MAX_GAP_PROBES:]]
    pools["screening"] = _new_screening(pools, planner.skipped)
    _fill_pools(planner, pools)
    planner.skipped += _left_over(pools)
    fillers = [_Candidate("filler", q.key, q) for q in BEHAVIOURAL]
    while len(planner.picked) < min_questions and fillers:
        planner.take_from(fillers)
    return planner.plan()
