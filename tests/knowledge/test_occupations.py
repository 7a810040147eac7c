"""Job titles find their O*NET occupation: longest consecutive match, synonyms, plurals."""

from __future__ import annotations

import pytest

from hireops.knowledge.occupations import OCCUPATIONS, find_occupation


@pytest.mark.parametrize(("title", "occupation"), [
    ("Chef", "Chefs and Head Cooks"),
    ("Sous Chef", "Chefs and Head Cooks"),  # a hand-written synonym
    ("Senior Attorney", "Lawyers"),
    ("Civil Engineers", "Civil Engineers"),  # typed in the plural
    ("Database Administrator (m/f/d)", "Database Administrators"),
    ("Network Security Engineer", "Information Security Analysts"),  # "security engineer"
])
def test_titles_find_their_occupation(title, occupation):
    found = find_occupation(title)
    assert found is not None and found.title == occupation


@pytest.mark.parametrize("title", ["Manager", "Yoga Teacher", "Chief Happiness Wizard", "asdf"])
def test_broad_or_unknown_titles_find_nothing(title):
    assert find_occupation(title) is None


def test_every_occupation_has_a_code_a_description_and_a_department():
    assert len(OCCUPATIONS) > 1000
    for occupation in OCCUPATIONS.values():
        assert occupation.description and occupation.code[2] == "-"
        assert occupation.department
