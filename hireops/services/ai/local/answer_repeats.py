"""Answers given twice: the same paragraph pasted under several questions, or one answer reused.

Two answers are the same text when they share most of their three-word sequences (Jaccard of
word trigrams at or above `SAME_TEXT`), or the shorter one sits almost whole inside the longer.
Short answers ("Yes.", "Not really.") are left out: saying them twice is not pasting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SAME_TEXT = 0.5  # trigram Jaccard from which two answers count as one text
CONTAINED = 0.8  # share of the shorter answer's trigrams found in the longer
MIN_WORDS = 12  # shorter answers are not compared

# Letters of any language: "été" and "Größe" are words, not breaks between words.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return frozenset(tuple(words[i:i + 3]) for i in range(len(words) - 2))


def _same(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= SAME_TEXT or shared / min(len(a), len(b)) >= CONTAINED


def repeated_groups(answers: Sequence[str]) -> list[list[int]]:
    """Indices of answers that are the same text, one list per text given more than once."""
    grams = [(_trigrams(a) if len(a.split()) >= MIN_WORDS else frozenset()) for a in answers]
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for i in range(len(answers)):
        if not grams[i] or i in group_of:
            continue
        members = [i] + [j for j in range(i + 1, len(answers))
                         if j not in group_of and _same(grams[i], grams[j])]
        if len(members) > 1:
            for j in members:
                group_of[j] = len(groups)
            groups.append(members)
    return groups
