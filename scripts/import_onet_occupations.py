"""Turn O*NET's `Occupation Data.txt` into hireops/knowledge/data/occupations.json.

    .venv/bin/python scripts/import_onet_occupations.py "PATH/Occupation Data.txt" VERSION

Each occupation keeps its O*NET-SOC code, title and description, and gains the singular job
titles that name it ("Chefs and Head Cooks" -> "chef", "head cook"), which is how people type
them. Hand-written synonyms O*NET titles lack (attorney, advocate) live beside it in
occupation_synonyms.json and are not touched here. O*NET is (c) the U.S. Department of Labor,
Employment and Training Administration, licensed under CC BY 4.0.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "hireops" / "knowledge" / "data"
# Qualifiers after a comma that narrow an occupation without naming a job title.
_QUALIFIER = re.compile(r"\b(all other|except|including|and related|postsecondary)\b", re.I)


# One-word names too broad to stand for one occupation ("Technical Directors/Managers").
_TOO_BROAD = frozenset(
    "manager director worker assistant specialist technician operator agent helper engineer "
    "developer analyst consultant coordinator supervisor administrator laborer teacher "
    "instructor officer clerk aide inspector".split())


def singular(word: str) -> str:
    """The singular of the last word of an English occupation title."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if lower.endswith("men"):
        return word[:-3] + "man"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _singular_phrase(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


def job_titles(title: str) -> list[str]:
    """Singular titles an O*NET occupation title stands for."""
    head, _, qualifier = title.partition(",")
    names = []
    parts = [p for p in re.split(r"\s+and\s+|\s*/\s*|\s+or\s+", head) if p.split()]

    def plural(part: str) -> bool:
        return singular(part.split()[-1]) != part.split()[-1]

    # "Chefs and Head Cooks" names two jobs; "Heating and Air Conditioning Mechanics" and
    # "Fitness and Wellness Coordinators" name one.
    if len(parts) > 1 and all(plural(p) for p in parts):
        names += [_singular_phrase(p) for p in parts
                  if p.lower() not in ("related workers", "other workers")]
    elif len(parts) == 1 or plural(parts[-1]):
        names.append(_singular_phrase(head))
    qualifier = qualifier.strip()
    if (qualifier and not _QUALIFIER.search(qualifier) and len(qualifier.split()) <= 2
            and not set(qualifier.lower().split()) & set(head.lower().split())):
        names.append(f"{qualifier} {_singular_phrase(head)}")
    return [n for n in dict.fromkeys(n.strip().lower() for n in names)
            if n and n not in _TOO_BROAD]


def main() -> None:
    source, version = Path(sys.argv[1]), sys.argv[2]
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    occupations = [{"code": r["O*NET-SOC Code"], "title": r["Title"],
                    "job_titles": job_titles(r["Title"]), "description": r["Description"]}
                   for r in rows]
    data = {"source": "O*NET Occupation Data", "version": version,
            "licence": "CC BY 4.0, U.S. Department of Labor, Employment and Training "
                       "Administration (USDOL/ETA)",
            "occupations": occupations}
    text = json.dumps(data, indent=1, ensure_ascii=False)
    (TARGET / "occupations.json").write_text(text + "\n", encoding="utf-8")
    print(f"{len(occupations)} occupations written")


if __name__ == "__main__":
    main()
