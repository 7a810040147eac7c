"""The built-in interviewer's question bank: questions per skill family, each with expected points.

The questions are data (hireops/knowledge/data/question_bank.json, loaded by
`hireops.knowledge.questions`); this module finds the ones that fit a skill or a job phrase.

Expected points are short noun phrases a good answer would cover. They are read twice: as
keyword evidence (`follow_up.covered_points` checks an answer against them, word stems and
vocabulary skills) and as prose after "about" in a follow-up ("Could you tell me more about the
query plan?"), so each one names its topic with content words a candidate would actually say.

Texts may hold `{skill}` (the job's wording of a skill), `{title}` or `{responsibility}`;
`BankQuestion.format` fills them. No text may touch a protected characteristic: a test screens
every one with `protected_topics.screen_question`, and the planner screens them again after
filling in the job's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hireops.knowledge.questions import (
    BEHAVIOURAL,
    FAMILIES,
    FAMILY_OF_DOMAIN,
    GENERAL,
    BankQuestion,
    QuestionKind,
    SkillFamily,
)
from hireops.services.text.skills import SKILLS

__all__ = ["BEHAVIOURAL", "FAMILIES", "BankQuestion", "QuestionKind", "SkillFamily"]

_FAMILY_OF_DOMAIN = FAMILY_OF_DOMAIN

WARM_UP = GENERAL["WARM_UP"]
PROBLEM_SOLVING = GENERAL["PROBLEM_SOLVING"]
# Grounds the problem-solving question in the job: {responsibility} is the job's first duty,
# lower-cased ("design and build APIs").
PROBLEM_SCENARIO = GENERAL["PROBLEM_SCENARIO"]
# Used when a must-have skill belongs to no family and matches no keyword.
SKILL_FALLBACK = GENERAL["SKILL_FALLBACK"]
# Kind on purpose: a gap is a question to explore, not a verdict.
GAP_PROBE = GENERAL["GAP_PROBE"]
SLOT_QUESTION = GENERAL["SLOT_QUESTION"]
# A concrete line of the resume ({line}) asked about, by (kind, still going on).
RESUME_LINE_QUESTIONS: dict[tuple[str, bool], BankQuestion] = {
    (kind, ongoing): GENERAL[f"RESUME_{kind.upper()}_{'ONGOING' if ongoing else 'DONE'}"]
    for kind in ("migration", "number", "project") for ongoing in (False, True)}


def all_bank_questions() -> tuple[BankQuestion, ...]:
    """Every question in the bank, family questions first, in a fixed order."""
    family_questions = tuple(q for family in FAMILIES.values() for q in family.questions)
    return family_questions + (WARM_UP, PROBLEM_SOLVING, PROBLEM_SCENARIO, SKILL_FALLBACK,
                               GAP_PROBE, *BEHAVIOURAL, SLOT_QUESTION,
                               *RESUME_LINE_QUESTIONS.values())


# --- finding questions for a skill -------------------------------------------------------

@lru_cache(maxsize=1)
def _family_of_skill() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for family in FAMILIES.values():
        for skill in family.skills:
            mapping.setdefault(skill, family.key)
    return mapping


# Families whose keywords are broad ("planning", "data", "process") are tried last, so
# "lesson planning" reaches teaching before project management.
_BROAD_FAMILIES = ("leadership", "operations", "data", "project", "communication")


@lru_cache(maxsize=1)
def _keyword_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    ordered = [k for k in FAMILIES if k not in _BROAD_FAMILIES] + list(_BROAD_FAMILIES)
    return tuple((key, re.compile(FAMILIES[key].keywords, re.IGNORECASE))
                 for key in ordered if FAMILIES[key].keywords)


def family_for_skill(skill: str) -> SkillFamily | None:
    """The family of a canonical vocabulary skill (or its vocabulary domain's family), or None."""
    key = _family_of_skill().get(skill)
    if key is None and skill in SKILLS:
        key = _FAMILY_OF_DOMAIN.get(SKILLS[skill].domain)
    return FAMILIES.get(key) if key else None


def family_for_phrase(phrase: str) -> SkillFamily | None:
    """The first family whose keywords a job phrase outside the vocabulary matches, or None."""
    return next((FAMILIES[key] for key, regex in _keyword_regexes() if regex.search(phrase)),
                None)


def questions_for_skills(skills: tuple[str, ...], phrase: str = "") -> list[BankQuestion]:
    """Bank questions for a job skill, best first: those written for one of `skills` (canonical
    names), then the general questions of their families (or, for a phrase outside the
    vocabulary, of the family its keywords point to), then the rest of those families.
    Empty when nothing fits (callers use `SKILL_FALLBACK`)."""
    wanted = set(skills)
    found: dict[str, BankQuestion] = {}
    for family in FAMILIES.values():
        for question in family.questions:
            if wanted.intersection(question.skills):
                found.setdefault(question.key, question)
    families = [f for f in (family_for_skill(skill) for skill in skills) if f]
    if not families and phrase:
        families = [f for f in (family_for_phrase(phrase),) if f]
    for general_only in (True, False):
        for family in families:
            for question in family.questions:
                if not general_only or not question.skills:
                    found.setdefault(question.key, question)
    return list(found.values())


def is_written_for(question: BankQuestion, skills: tuple[str, ...]) -> bool:
    """True when the question was written for one of these skills, not just their family."""
    return bool(set(question.skills).intersection(skills))
