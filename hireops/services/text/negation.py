"""Is a skill denied where it is named? Read at the level of the clause, not the sentence.

"I haven't used Kubernetes" denies Kubernetes; "we built REST endpoints so that customers were
never charged twice" does not deny REST: the "never" sits in another clause. A mention is denied
when, in its own clause and before it, a negation governs a word about using or knowing
something ("never used", "no experience with", "not familiar with"), or the skill directly
follows "no", "without" or "not" ("no Kubernetes", "without Docker").

In French, German and Spanish the words come from `knowledge/data/answer_language/`: a denial
("n'", "nie", "nunca") before the mention in its clause, with a word about using or knowing
anywhere in that clause, since German puts the verb last ("Ich habe nie mit Docker
gearbeitet"); or the mention right after "sans", "ohne", "sin".
"""

from __future__ import annotations

import re

from hireops.services.text.answer_language import lexicon

# Where one clause ends and the next begins.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]!?.…]|\s[-–—]\s|\b(?:but|and|so|because|which|while|although|though|whereas|"
    r"so that|when|where|after|before|until|unless|however|yet|since|whereby|who)\b",
    re.IGNORECASE)
_DENIAL = re.compile(
    r"\b(?:not|never|no|haven'?t|hasn'?t|hadn'?t|didn'?t|don'?t|doesn'?t|can'?t|cannot|"
    r"won'?t|wasn'?t|isn'?t|aren'?t|lack|lacking)\b[^,;.]{0,40}?\b(?:used?|using|worked?|"
    r"working|touched|know|knew|familiar|experience|experienced|tried|done|learn(?:ed|t)?|"
    r"programm(?:ed|ing)|written|wrote|coded|configured|deployed|exposure|chance|opportunity|"
    r"hands-on|much|really|any|professionally|in production)\b",
    re.IGNORECASE)
_DIRECTLY_DENIED = re.compile(r"\b(?:no|without|not|zero)\s*$", re.IGNORECASE)


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


_PUNCTUATION_BREAK = re.compile(r"[,;:()\[\]!?.…]|\s[-–—]\s")


def _is_denied_in(language: str, sentence: str, start: int) -> bool:
    patterns = lexicon(language).negation
    folded = sentence.casefold().replace("’", "'")
    clause_from = 0
    for pattern in (_PUNCTUATION_BREAK, patterns["clause_breaks"]):
        for match in pattern.finditer(folded, 0, start):
            clause_from = max(clause_from, match.end())
    after = _PUNCTUATION_BREAK.search(folded, start)
    clause_to = after.start() if after else len(folded)
    rest = patterns["clause_breaks"].search(folded, start, clause_to)
    # The mention's own word ("Docker") is no clause break: look past it.
    if rest and rest.start() > start + 1:
        clause_to = rest.start()
    before = folded[clause_from:start]
    tail = before.rstrip()
    if any(match.end() == len(tail) for match in patterns["directly"].finditer(tail)):
        return True  # "sans Docker", "pas de Docker"
    return bool(patterns["denial"].search(before)
                and patterns["experience"].search(folded, clause_from, clause_to))


def is_denied(sentence: str, start: int, language: str = "en") -> bool:
    """True when the mention starting at `start` in `sentence` is denied in its own clause."""
    if language != "en":
        return _is_denied_in(language, sentence, start)
    before = sentence[_clause_start(sentence, start):start]
    return bool(_DENIAL.search(before) or _DIRECTLY_DENIED.search(before))
