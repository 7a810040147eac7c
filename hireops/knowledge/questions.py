"""The built-in interviewer's question bank as data: `data/question_bank.json`.

- `families`: skill families, each with the vocabulary skills it covers, a keyword regex for job
  phrases outside the vocabulary, and its questions;
- `family_of_domain`: the family a vocabulary domain falls back on;
- `general`: the named questions every interview may use (warm-up, gap probe, slot, ...);
- `behavioural`: fillers for short plans and safe replacements for screened-out questions.

Expected points are short noun phrases a good answer would cover (see `question_bank.py` in
services/interview for how they are read). Texts may hold `{skill}`, `{title}` or
`{responsibility}`; `BankQuestion.format` fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from hireops.knowledge.loading import KnowledgeError, build, read_json

QuestionKind = Literal[
    "warm_up", "skill", "gap_probe", "behavioural", "problem_solving", "closing", "custom",
    "screening",
]


@dataclass(frozen=True)
class BankQuestion:
    """One question the interviewer may ask, with what a good answer covers."""

    key: str  # stable identifier, "family.topic"; unique across the bank
    text: str  # may hold {skill}, {title} or {responsibility}
    expected_points: tuple[str, ...]  # 3-5 noun phrases a good answer covers
    family: str  # key of FAMILIES, or "general"
    kind: QuestionKind
    skills: tuple[str, ...] = ()  # canonical vocabulary skills it suits best; () = whole family

    def format(self, **values: str) -> BankQuestion:
        """This question with its placeholders filled ({skill}, {title}, {responsibility})."""
        return replace(self, text=_fill(self.text, values),
                       expected_points=tuple(_fill(p, values) for p in self.expected_points))


def _fill(text: str, values: dict[str, str]) -> str:
    # str.format would choke on any other brace; only the known placeholders are replaced.
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


@dataclass(frozen=True)
class SkillFamily:
    """A group of skills that share interview questions."""

    key: str
    label: str  # shown to recruiters ("Data and SQL")
    skills: tuple[str, ...]  # canonical vocabulary names that belong to it
    keywords: str  # regex for job phrases outside the vocabulary ("lesson planning")
    questions: tuple[BankQuestion, ...]


def _families(data: dict) -> dict[str, SkillFamily]:
    families = {}
    for key, entry in data["families"].items():
        family = build(SkillFamily, {"key": key, **entry}, f"question_bank.json: families.{key}")
        stray = [q.key for q in family.questions if q.family != key]
        if stray:
            raise KnowledgeError(f"question_bank.json: families.{key} holds questions of "
                                 f"another family: {stray}")
        families[key] = family
    return families


def _check_unique(questions: tuple[BankQuestion, ...]) -> None:
    seen: set[str] = set()
    for question in questions:
        if question.key in seen:
            raise KnowledgeError(f"question_bank.json: question key {question.key} is repeated")
        seen.add(question.key)


_DATA = read_json("question_bank.json")

FAMILIES: dict[str, SkillFamily] = _families(_DATA)
# A vocabulary skill no family lists falls back on its vocabulary domain's family.
FAMILY_OF_DOMAIN: dict[str, str] = dict(_DATA["family_of_domain"])
GENERAL: dict[str, BankQuestion] = {
    name: build(BankQuestion, entry, f"question_bank.json: general.{name}")
    for name, entry in _DATA["general"].items()}
BEHAVIOURAL: tuple[BankQuestion, ...] = tuple(
    build(BankQuestion, entry, f"question_bank.json: behavioural[{index}]")
    for index, entry in enumerate(_DATA["behavioural"]))
_check_unique(tuple(q for f in FAMILIES.values() for q in f.questions)
              + tuple(GENERAL.values()) + BEHAVIOURAL)
_unknown_families = set(FAMILY_OF_DOMAIN.values()) - set(FAMILIES)
if _unknown_families:
    raise KnowledgeError(f"question_bank.json: family_of_domain names {_unknown_families}")
