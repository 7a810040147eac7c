"""The skills vocabulary is widened from O*NET's Technology Skills: new tools are found in
resumes under O*NET's spellings, known skills gain O*NET's names as synonyms, initials are
matched only in capitals, and a malformed entry is refused by name."""

from __future__ import annotations

import pytest

from hireops.knowledge.loading import KnowledgeError
from hireops.knowledge.technology import TECHNOLOGIES, VERSION, merged_vocabulary
from hireops.services.text.skills import canonical_skill, skills_in_text


@pytest.mark.parametrize(("text", "skill"), [
    ("Drafted site plans in AutoCAD and Civil 3D.", "AutoCAD"),  # not in the hand-written list
    ("Modelled parts in SolidWorks for the gearbox line.", "SolidWorks"),
    ("Built the ETL packages in SQL Server Integration Services.",
     "SQL Server Integration Services"),
    ("Maintained SSIS packages for the nightly load.", "SQL Server Integration Services"),
    ("Wrote J2EE services on WebLogic Server.", "Java 2 Platform Enterprise Edition"),
])
def test_onet_tools_are_found_in_resumes(text, skill):
    assert skill in skills_in_text(text)


@pytest.mark.parametrize(("spelling", "skill"), [
    ("Atlassian JIRA", "Jira"),  # O*NET's name joins the skill already known
    ("Oracle Java", "Java"),
    ("Microsoft Power BI", "Power BI"),
    ("Hibernate ORM", "Hibernate"),
    ("Jenkins CI", "Jenkins"),
])
def test_onet_names_become_synonyms_of_known_skills(spelling, skill):
    assert canonical_skill(spelling) == skill


def test_initials_and_ordinary_words_are_not_read_in_plain_prose():
    # "sis", "pms" and "word" are words; only the capitals name the systems.
    prose = "My sis helped with the pms schedule and I gave my word to the team."
    found = skills_in_text(prose)
    assert "Student information systems" not in found
    assert "Property management system" not in found
    assert "Microsoft Word" not in found and "Word" not in found
    # Oracle's "SQL Developer" tool is not the job title.
    assert skills_in_text("Senior SQL Developer, 2019 - present") == ["SQL"]


def test_the_import_records_its_release_and_every_entry_is_usable():
    assert VERSION.startswith("O*NET 29.2")
    assert len(TECHNOLOGIES) > 250
    for entry in TECHNOLOGIES:
        assert (entry.joins is None) != (entry.name is None), entry.example
        assert set(entry.exact) <= set(entry.aliases), entry.example


@pytest.mark.parametrize(("entry", "message"), [
    ({"example": "X", "commodity": "c", "occupations": 1, "aliases": ["X"], "exact": []},
     "names neither a skill it joins nor a new name"),
    ({"example": "X", "commodity": "c", "occupations": 1, "aliases": ["X"], "exact": ["Y"],
      "name": "X", "domain": "engineering"}, "exact names no alias"),
    ({"example": "X", "commodity": "c", "occupations": 1, "aliases": ["X"], "exact": [],
      "joins": "No Such Skill"}, "joins unknown skill No Such Skill"),
])
def test_a_malformed_entry_is_refused_by_name(entry, message):
    with pytest.raises(KnowledgeError, match=message):
        merged_vocabulary({"engineering": ("Python | Python3",)}, frozenset(),
                          {"version": "test", "technologies": [entry]})
