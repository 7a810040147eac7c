"""Software and technologies from O*NET's Technology Skills (data/onet_technology.json), merged
into the skills vocabulary: the tools O*NET marks as hot or in demand across occupations.

Each entry either joins a skill the hand-written vocabulary already has, adding O*NET's names
for it as synonyms ("Atlassian JIRA" -> Jira), or adds a new skill in a vocabulary domain
("AutoCAD", "SQL Server Integration Services | SSIS"). `exact` spellings (initials, names that
are also words) are matched only as written. `scripts/import_onet_technology.py` derives the
spellings from O*NET's names and writes the file; it is data, reviewed like any other.

The O*NET data is (c) the U.S. Department of Labor, Employment and Training Administration,
used under CC BY 4.0; data/ONET_NOTICE.md gives the release.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hireops.knowledge.loading import KnowledgeError, build, read_json


@dataclass(frozen=True)
class Technology:
    """One O*NET technology example and the spellings it brings to the vocabulary."""

    example: str  # O*NET's name ("Microsoft SQL Server Integration Services SSIS")
    commodity: str  # its UNSPSC commodity ("Enterprise application integration software")
    occupations: int  # how many O*NET occupations list it as hot or in demand
    aliases: tuple[str, ...]  # spellings the vocabulary did not have yet
    exact: tuple[str, ...]  # those of `aliases` matched only as written
    joins: str | None = None  # the canonical skill it adds synonyms to, or
    name: str | None = None  # the canonical name of the new skill it adds,
    domain: str | None = None  # in this vocabulary domain


def _entries(data: Any) -> tuple[Technology, ...]:
    items = data.get("technologies") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise KnowledgeError("onet_technology.json: technologies must be a list")
    entries = []
    for index, item in enumerate(items):
        where = f"onet_technology.json: technologies[{index}]"
        entry = build(Technology, item, where)
        if (entry.joins is None) == (entry.name is None) or (entry.name and not entry.domain):
            raise KnowledgeError(f"{where} names neither a skill it joins nor a new name "
                                 "and domain (or both)")
        if set(entry.exact) - set(entry.aliases):
            raise KnowledgeError(f"{where}: exact names no alias: {sorted(entry.exact)}")
        entries.append(entry)
    return tuple(entries)


def merged_vocabulary(lines: dict[str, tuple[str, ...]], case_sensitive: frozenset[str],
                      data: Any) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """The vocabulary `lines` (domain -> "Canonical | alias" lines) and its case-sensitive
    aliases, with every technology of `data` merged in."""
    merged = {domain: list(block) for domain, block in lines.items()}
    domain_of = {line.split("|")[0].strip(): domain
                 for domain, block in lines.items() for line in block}
    exact = set(case_sensitive)
    for entry in _entries(data):
        canonical = entry.joins or entry.name
        if entry.joins and entry.joins not in domain_of:
            raise KnowledgeError(f"onet_technology.json: {entry.example} joins unknown skill "
                                 f"{entry.joins}")
        domain = domain_of.setdefault(canonical, entry.domain or "")
        spellings = list(dict.fromkeys([canonical, *entry.aliases]))
        if len(spellings) > 1 or entry.name:
            merged.setdefault(domain, []).append(" | ".join(spellings))
        exact |= set(entry.exact)
    return {domain: tuple(block) for domain, block in merged.items()}, frozenset(exact)


_DATA = read_json("onet_technology.json")
VERSION: str = _DATA["version"]
TECHNOLOGIES: tuple[Technology, ...] = _entries(_DATA)
