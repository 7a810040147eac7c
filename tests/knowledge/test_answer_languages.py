"""Every language file for reading answers loads, names only known concept groups, and covers
the groups the evaluator's collaboration and people readings rely on."""

from __future__ import annotations

import pytest

from hireops.knowledge.answer_languages import ANSWER_LANGUAGES, TERM_KINDS, answer_language
from hireops.knowledge.loading import read_json


@pytest.mark.parametrize("code", ANSWER_LANGUAGES)
def test_each_language_file_loads_with_every_kind(code):
    words = answer_language(code)
    assert set(words.terms) == set(TERM_KINDS)
    assert set(words.concepts) <= set(read_json("answer_concepts.json")["groups"])
    # Cultural fit reads these groups; a language without them would score teamwork as absent.
    assert {"collaboration", "conflict", "resolution", "explaining", "outcome"} <= set(
        words.concepts)


def test_a_language_without_a_file_is_refused():
    from hireops.knowledge.loading import KnowledgeError

    with pytest.raises(KnowledgeError):
        answer_language("it")
