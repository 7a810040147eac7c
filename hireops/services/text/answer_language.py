"""An answer's language as the evaluator reads it: the terms of
`knowledge/data/answer_language/<code>.json` compiled once per process, Snowball stems, and the
language of a transcript when it was not recorded.

English is read by the rules in `answer_reading` and `negation`; French, German and Spanish by
these lexicons, which give the same measures (own actions, numbers, outcomes, reasoning, beliefs,
negation, concept groups) so one rubric scores every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from hireops.knowledge.answer_languages import ANSWER_LANGUAGES, answer_language
from hireops.services.text.language.detection import detect_language

# Other words of the language in front of these letters make a word end ("*é" in "lideré").
_LEADING_LETTERS = 3
DETECT_CHARS = 1_500


def _term_regex(term: str) -> str:
    """One term as a regex fragment: '*' at a word's end lets it go on, at its start asks for
    letters before it, alone it stands for one word."""
    parts = []
    for word in term.split():
        if word == "*":
            parts.append(r"\S+")
            continue
        lead = word.startswith("*")
        body = re.escape(word.strip("*")).replace(r"\*", r"\w*")
        parts.append((rf"\w{{{_LEADING_LETTERS},}}" if lead else "") + body
                     + (r"\w*" if word.endswith("*") and len(word) > 1 else ""))
    regex = r"\s+".join(parts)
    # An elided word ("n'", "j'") is followed by its word, not by a boundary.
    return rf"(?<!\w){regex}" + ("" if term.endswith("'") else r"(?!\w)")


def terms_pattern(terms: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """Any of `terms` (longest first), on folded text."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return re.compile("|".join(_term_regex(t) for t in ordered))


@dataclass(frozen=True)
class Lexicon:
    """One language's reading terms, compiled."""

    code: str
    stem: Callable[[str], str]
    stopwords: frozenset[str]
    question_words: frozenset[str]
    terms: dict[str, re.Pattern[str]]  # knowledge TERM_KINDS -> pattern
    reasoning: dict[str, re.Pattern[str]]  # reasoning kind -> pattern
    negation: dict[str, re.Pattern[str]]  # denial, experience, directly, clause_breaks
    concepts: tuple[tuple[str, re.Pattern[str]], ...]  # (group id, its terms)


@cache
def lexicon(code: str) -> Lexicon:
    """The compiled lexicon of `code` (fr, de or es)."""
    # Imported here: English answers, the most common, need no stemmer package.
    import snowballstemmer

    words = answer_language(code)
    stemmer = snowballstemmer.stemmer(words.stemmer)
    return Lexicon(
        code=code, stem=cache(stemmer.stemWord), stopwords=words.stopwords,
        question_words=words.question_words,
        terms={kind: terms_pattern(t) for kind, t in words.terms.items()},
        reasoning={kind: terms_pattern(t) for kind, t in words.reasoning.items()},
        negation={kind: terms_pattern(t) for kind, t in words.negation.items()},
        concepts=tuple((group, terms_pattern(t)) for group, t in words.concepts.items()))


def reading_language(declared: str, answers: list[str]) -> str:
    """The language the answers are read in: the recorded one, or, when the transcript came in
    as English (a voice provider, an interview from before languages), the language the answers
    are plainly written in; English when unclear."""
    if declared in ANSWER_LANGUAGES:
        return declared
    # The first answers decide as well as all of them, at a third of the cost.
    detected = detect_language(" ".join(answers)[:DETECT_CHARS])
    return detected if detected in ANSWER_LANGUAGES else "en"
