"""The knowledge files load into typed entries, and a malformed entry is refused by name."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hireops.knowledge import questions, roles, skills
from hireops.knowledge.loading import KnowledgeError, build


@dataclass(frozen=True)
class _Sample:
    name: str
    tags: tuple[str, ...]
    rank: int = 0


def test_build_turns_lists_into_tuples_and_keeps_defaults():
    sample = build(_Sample, {"name": "x", "tags": ["a", "b"]}, "sample")
    assert sample == _Sample(name="x", tags=("a", "b"), rank=0)


@pytest.mark.parametrize(("data", "message"), [
    ({"name": "x"}, "sample: missing field tags"),
    ({"name": "x", "tags": [], "colour": "red"}, "sample: unknown field(s) colour"),
    ({"name": 3, "tags": []}, "sample.name: expected str, got 3"),
    ({"name": "x", "tags": "a"}, "sample.tags: expected a list"),
    ({"name": "x", "tags": [], "rank": True}, "sample.rank: expected int, got True"),
])
def test_build_names_the_entry_at_fault(data, message):
    with pytest.raises(KnowledgeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build(_Sample, data, "sample")


def test_the_shipped_role_catalogue_is_complete():
    assert len(roles.ROLES) >= 44
    for role in roles.ROLES.values():
        assert role.family in roles.FAMILIES
        assert isinstance(role.must_have, tuple) and role.must_have


def test_the_shipped_vocabulary_and_bank_reference_known_things():
    canonical = {line.split("|")[0].strip() for block in skills.VOCABULARY_LINES.values()
                 for line in block}
    assert "PostgreSQL" in skills.IMPLIED_BY["SQL"] and "SQL" in canonical
    keys = [q.key for family in questions.FAMILIES.values() for q in family.questions]
    assert len(keys) == len(set(keys)) > 90
    assert questions.GENERAL["SLOT_QUESTION"].kind == "closing"
