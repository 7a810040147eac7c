"""Occupations from O*NET (data/occupations.json) and hand-written title synonyms
(data/occupation_synonyms.json): any common job title the role catalogue does not know still
finds an occupation with real duties ("Chef" -> Chefs and Head Cooks, "Attorney" -> Lawyers).

The O*NET data is (c) the U.S. Department of Labor, Employment and Training Administration,
used under CC BY 4.0; data/ONET_NOTICE.md gives the release and how it was converted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hireops.knowledge.loading import KnowledgeError, build, read_json

_WORD = re.compile(r"[a-z0-9+#]+")


@dataclass(frozen=True)
class Occupation:
    """One O*NET occupation."""

    code: str  # O*NET-SOC code, "35-1011.00"
    title: str  # O*NET's title, plural ("Chefs and Head Cooks")
    job_titles: tuple[str, ...]  # singular, lower-case titles it stands for ("chef", "head cook")
    description: str  # O*NET's description: imperative sentences ("Direct and may ...")

    @property
    def department(self) -> str:
        """The department of its SOC major group ("35" -> Food and Hospitality)."""
        return DEPARTMENTS.get(self.code[:2], "General")


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a title, as occupations are indexed."""
    return tuple(_WORD.findall(text.casefold()))


def _load() -> tuple[dict[str, Occupation], dict[tuple[str, ...], str], dict[str, str]]:
    data = read_json("occupations.json")
    occupations = {}
    for index, entry in enumerate(data["occupations"]):
        occupation = build(Occupation, entry, f"occupations.json: occupations[{index}]")
        occupations[occupation.code] = occupation
    index: dict[tuple[str, ...], str] = {}
    for occupation in occupations.values():
        for name in occupation.job_titles:
            index.setdefault(words(name), occupation.code)
    extra = read_json("occupation_synonyms.json")
    for name, code in extra["synonyms"].items():
        if code not in occupations:
            raise KnowledgeError(f"occupation_synonyms.json: {name} names unknown code {code}")
        index[words(name)] = code  # a hand-written synonym wins over a derived title
    return occupations, index, dict(extra["departments"])


OCCUPATIONS, _INDEX, DEPARTMENTS = _load()
VERSION: str = read_json("occupations.json")["version"]


@cache
def find_occupation(title: str) -> Occupation | None:
    """The occupation whose job title appears, as consecutive words, in `title`: the longest
    such title wins ("network security engineer" -> security engineer before engineer); a
    plural word in the title is read as its singular."""
    tokens = words(title)
    best: tuple[int, str] | None = None
    for size in range(min(len(tokens), 6), 0, -1):
        for start in range(len(tokens) - size + 1):
            phrase = tokens[start:start + size]
            code = _INDEX.get(phrase) or _INDEX.get(phrase[:-1] + (_singular(phrase[-1]),))
            if code:
                best = best or (size, code)
        if best:
            break
    return OCCUPATIONS[best[1]] if best else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
