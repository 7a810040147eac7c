"""How interview answers are read in languages other than English:
`data/answer_language/<code>.json`.

Each file names its Snowball stemmer, the words that carry no topic, the terms by which that
language tells own actions, numbers, outcomes, trade-offs, reasoning, beliefs and negation, and
the concept groups of `answer_concepts.json` in its own words (the same group ids, so a French
answer covers a point or a skill written in English). The loader checks the shape and that every
group exists in `answer_concepts.json`; the evaluator compiles the terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hireops.knowledge.loading import KnowledgeError, read_json

# The languages with a file; English is read by the evaluator's own rules.
ANSWER_LANGUAGES = ("fr", "de", "es")
TERM_KINDS = ("number", "years_claim", "own_action", "habit_action", "outcome", "trade_off",
              "generic", "generalisation", "past", "changed", "talked", "position", "subject",
              "habit_question", "story_question")
REASONING_KINDS = ("cause", "diagnosis", "alternatives", "sequence")
NEGATION_KINDS = ("denial", "experience", "directly", "clause_breaks")


@dataclass(frozen=True)
class AnswerLanguage:
    """One language's words for reading answers (terms as written in the file)."""

    code: str  # "fr", "de", "es"
    stemmer: str  # snowballstemmer's name of the language ("french")
    stopwords: frozenset[str]  # words that carry no topic
    question_words: frozenset[str]  # words every interview question uses
    terms: dict[str, tuple[str, ...]]  # TERM_KINDS -> terms
    reasoning: dict[str, tuple[str, ...]]  # REASONING_KINDS -> terms
    negation: dict[str, tuple[str, ...]]  # NEGATION_KINDS -> terms
    concepts: dict[str, list[str]]  # answer_concepts group id -> terms in this language


def _terms(data: dict, key: str, kinds: tuple[str, ...], name: str) -> dict:
    table = data.get(key)
    if not isinstance(table, dict):
        raise KnowledgeError(f"{name}: {key} must map kinds to lists of terms")
    missing = [kind for kind in kinds if not table.get(kind)]
    if missing:
        raise KnowledgeError(f"{name}: {key} lacks {missing}")
    for kind in kinds:
        if not all(isinstance(t, str) and t.strip() for t in table[kind]):
            raise KnowledgeError(f"{name}: {key}.{kind} has an empty or non-text term")
    return {kind: tuple(t.strip().casefold() for t in table[kind]) for kind in kinds}


def _words(data: dict, key: str, name: str) -> frozenset[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words:
        raise KnowledgeError(f"{name}: {key} must be a list of words")
    return frozenset(str(w).casefold() for w in words)


@cache
def answer_language(code: str) -> AnswerLanguage:
    """The reading words of `code` (one of ANSWER_LANGUAGES), checked."""
    if code not in ANSWER_LANGUAGES:
        raise KnowledgeError(f"no answer_language file for {code!r}")
    name = f"answer_language/{code}.json"
    data = read_json(name)
    if not isinstance(data, dict) or not isinstance(data.get("stemmer"), str):
        raise KnowledgeError(f"{name}: must be an object naming its stemmer")
    concepts = data.get("concepts")
    known = read_json("answer_concepts.json")["groups"]
    if not isinstance(concepts, dict) or not concepts:
        raise KnowledgeError(f"{name}: concepts must map group ids to terms")
    unknown = sorted(set(concepts) - set(known))
    if unknown:
        raise KnowledgeError(f"{name}: concepts names groups not in answer_concepts.json "
                             f"{unknown}")
    for group, terms in concepts.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip()
                                                  for t in terms):
            raise KnowledgeError(f"{name}: concepts.{group} must be a list of terms")
    return AnswerLanguage(
        code=code, stemmer=data["stemmer"], stopwords=_words(data, "stopwords", name),
        question_words=_words(data, "question_words", name),
        terms=_terms(data, "terms", TERM_KINDS, name),
        reasoning=_terms(data, "reasoning", REASONING_KINDS, name),
        negation=_terms(data, "negation", NEGATION_KINDS, name),
        concepts={g: [t.strip().casefold() for t in terms] for g, terms in concepts.items()})
