"""Groups of words that talk about the same thing in an interview answer:
`data/answer_concepts.json`.

Each group maps an id ("data_quality") to terms. A term of one word matches any word that starts
with it ("dedup" matches "deduplicated"), unless it ends with "$", which asks for the exact word
("ms$" is milliseconds, not "msg"); a term with a space or a hyphen matches that phrase. The
evaluator reads a question's point as covered when the answer shares a group with it, which is
how a paraphrase counts. `parents` names the topic a narrow group belongs to ("indexing" is
about the "database"): an answer's narrow groups bring their topic with them, a point's do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from hireops.knowledge.loading import KnowledgeError, read_json

_MIN_PREFIX = 3  # a shorter open-ended term would match half the dictionary


@dataclass(frozen=True)
class ConceptTerms:
    """The terms of all groups, split by how they match."""

    prefixes: dict[str, tuple[str, ...]]  # word prefix -> group ids
    exact: dict[str, tuple[str, ...]]  # whole word -> group ids
    phrases: dict[str, tuple[str, ...]]  # phrase (with a space or hyphen) -> group ids
    parents: dict[str, str]  # narrow group -> the topic group it belongs to


def _check_parents(parents: object, groups: dict) -> dict[str, str]:
    if not isinstance(parents, dict):
        raise KnowledgeError("answer_concepts.json: parents must map groups to groups")
    unknown = sorted({*parents, *parents.values()} - set(groups))
    if unknown:
        raise KnowledgeError(f"answer_concepts.json: parents names unknown groups {unknown}")
    return dict(parents)


def _index(groups: dict, parents: dict[str, str]) -> ConceptTerms:
    prefixes: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    phrases: dict[str, list[str]] = {}
    for group, terms in groups.items():
        if not isinstance(terms, list) or not terms:
            raise KnowledgeError(f"answer_concepts.json: groups.{group} must be a list of terms")
        for term in terms:
            if not isinstance(term, str) or not term.strip():
                raise KnowledgeError(f"answer_concepts.json: groups.{group} has an empty term")
            word = term.strip().casefold()
            if word.endswith("$"):
                exact.setdefault(word[:-1], []).append(group)
            elif " " in word or "-" in word or "/" in word:
                phrases.setdefault(word, []).append(group)
            elif len(word) < _MIN_PREFIX:
                raise KnowledgeError(f"answer_concepts.json: groups.{group}: {term!r} is too "
                                     f"short to match as a prefix; end it with '$'")
            else:
                prefixes.setdefault(word, []).append(group)
    freeze = lambda d: {k: tuple(dict.fromkeys(v)) for k, v in d.items()}  # noqa: E731
    return ConceptTerms(freeze(prefixes), freeze(exact), freeze(phrases), parents)


def _load() -> ConceptTerms:
    data = read_json("answer_concepts.json")
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, dict) or not groups:
        raise KnowledgeError("answer_concepts.json: groups must map ids to lists of terms")
    return _index(groups, _check_parents(data.get("parents", {}), groups))


CONCEPT_TERMS: ConceptTerms = _load()
