"""The skills vocabulary as data: `data/skills.json`.

- `vocabulary`: per domain, lines that read ``Canonical | alias | alias``; a canonical name on
  a later line adds aliases to the same skill.
- `case_sensitive`: aliases that are also ordinary words, units or initials ("Go", "R", "Excel"),
  matched only as written.
- `implied_by`: a skill and the skills whose mention also proves it (PostgreSQL proves SQL).

The vocabulary is then widened with O*NET's Technology Skills (`technology.py`): new tools and
O*NET's names for skills already here. The matching itself lives in
`services/text/skills.py`.
"""

from __future__ import annotations

from hireops.knowledge.loading import KnowledgeError, read_json
from hireops.knowledge.technology import merged_vocabulary


def _lines(data: dict) -> dict[str, tuple[str, ...]]:
    vocabulary = data.get("vocabulary")
    if not isinstance(vocabulary, dict) or not vocabulary:
        raise KnowledgeError("skills.json: vocabulary must map domains to lists of lines")
    for domain, lines in vocabulary.items():
        for index, line in enumerate(lines):
            if not isinstance(line, str) or not line.split("|")[0].strip():
                raise KnowledgeError(f"skills.json: vocabulary.{domain}[{index}] has no name")
    return {domain: tuple(lines) for domain, lines in vocabulary.items()}


def _check_references(lines: dict[str, tuple[str, ...]], case_sensitive: frozenset[str],
                      implied_by: dict[str, tuple[str, ...]]) -> None:
    canonical = {line.split("|")[0].strip() for block in lines.values() for line in block}
    aliases = {part.strip() for block in lines.values() for line in block
               for part in line.split("|")}
    for skill, sources in implied_by.items():
        unknown = [s for s in (skill, *sources) if s not in canonical]
        if unknown:
            raise KnowledgeError(f"skills.json: implied_by.{skill} names unknown skills {unknown}")
    stray = sorted(case_sensitive - aliases)
    if stray:
        raise KnowledgeError(f"skills.json: case_sensitive names no alias: {stray}")


_DATA = read_json("skills.json")

# Domain -> "Canonical | alias | alias" lines, the hand-written ones and O*NET's.
VOCABULARY_LINES, CASE_SENSITIVE = merged_vocabulary(
    _lines(_DATA), frozenset(_DATA["case_sensitive"]), read_json("onet_technology.json"))
IMPLIED_BY: dict[str, tuple[str, ...]] = {skill: tuple(sources)
                                          for skill, sources in _DATA["implied_by"].items()}
_check_references(VOCABULARY_LINES, CASE_SENSITIVE, IMPLIED_BY)
