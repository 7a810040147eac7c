"""The local skills vocabulary: synonyms, case rules for short names, evidence sentences."""

from __future__ import annotations

import pytest

from hireops.services.text.skills import (
    SKILLS,
    canonical_skill,
    find_skill_mentions,
    skills_in_text,
    split_sentences,
)
from tests.sample_resumes import SKILLS_TEST_RESUME as RESUME


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Postgres", "PostgreSQL"),
        ("postgresql", "PostgreSQL"),
        ("JS", "JavaScript"),
        ("ts", "TypeScript"),
        ("k8s", "Kubernetes"),
        ("sklearn", "scikit-learn"),
        ("React.js", "React"),
        ("ReactJS", "React"),
        ("Node.js", "Node.js"),
        ("node", "Node.js"),
        ("Golang", "Go"),
        ("ML", "Machine learning"),
        ("machine-learning", "Machine learning"),
        ("CI/CD", "CI/CD"),
        ("continuous integration", "CI/CD"),
        ("Amazon Web Services", "AWS"),
        ("Google Cloud Platform", "GCP"),
        ("hubspot", "HubSpot"),
        ("search engine optimisation", "SEO"),
        ("Strong knowledge of SQL", "SQL"),
        ("5+ years of Python experience", "Python"),
        ("Experience with REST APIs", "REST APIs"),
    ],
)
def test_canonical_skill_maps_synonyms(spelling, canonical):
    assert canonical_skill(spelling) == canonical


def test_unknown_skill_comes_back_tidied():
    assert canonical_skill("  Experience with quantum annealing ") == "quantum annealing"


def test_vocabulary_covers_many_domains():
    domains = {skill.domain for skill in SKILLS.values()}
    assert {"engineering", "data", "design", "product", "sales", "marketing", "support", "hr",
            "finance", "operations", "healthcare"} <= domains
    assert len(SKILLS) >= 300


def test_implied_skills_name_vocabulary_entries():
    from hireops.services.text.skills import _IMPLIED_BY

    for skill, implied_by in _IMPLIED_BY.items():
        assert skill in SKILLS
        assert set(implied_by) <= set(SKILLS), implied_by


def test_mentions_are_whole_sentences_proving_the_skill():
    assert find_skill_mentions(RESUME, "Kubernetes") == [
        "Built the order service in Golang and moved it onto k8s with Helm."
    ]
    assert find_skill_mentions(RESUME, "postgres") == [
        "Tuned Postgres indexes, cutting the slowest report from 40 s to 3 s."
    ]


def test_go_the_language_is_not_go_the_verb():
    mentions = find_skill_mentions(RESUME, "Go")
    assert mentions == ["Built the order service in Golang and moved it onto k8s with Helm."]
    assert find_skill_mentions("Let's go live. Go-to-market plan. Go ahead.", "Go") == []
    assert find_skill_mentions("Services written in Go and Rust.", "golang")


def test_one_letter_languages_need_exact_case_and_context():
    assert find_skill_mentions(RESUME, "R") == []
    assert find_skill_mentions(RESUME, "C") == []
    assert find_skill_mentions("Statistics in R and Python.", "R") == ["Statistics in R and Python."]
    assert find_skill_mentions("Firmware written in C for ARM boards.", "C")
    assert find_skill_mentions("We used C# and C++ only.", "C") == []
    assert find_skill_mentions("Patients received vitamin C daily.", "C") == []


def test_short_words_that_are_also_units_need_capitals():
    assert find_skill_mentions("Gave 5 ml of saline.", "Machine learning") == []
    assert find_skill_mentions("Led ML projects.", "Machine learning") == ["Led ML projects."]
    assert find_skill_mentions("I excel at teamwork.", "Excel") == []
    # A job posting's "take the guesswork out of your workday" names no HR system.
    assert find_skill_mentions("Take the guesswork out of your workday.", "Workday") == []
    assert find_skill_mentions("Ran payroll in Workday.", "Workday") == ["Ran payroll in Workday."]


def test_implied_skills_count_after_direct_mentions():
    # A PostgreSQL sentence proves SQL; TS and ReactJS prove JavaScript.
    assert find_skill_mentions(RESUME, "SQL") == [
        "Tuned Postgres indexes, cutting the slowest report from 40 s to 3 s."
    ]
    assert "Frontend work in ReactJS and TS; some Node on the side." in find_skill_mentions(RESUME, "JavaScript")


def test_spelling_variants_and_separators():
    assert find_skill_mentions(RESUME, "scikit-learn")
    assert find_skill_mentions(RESUME, "CI/CD") == ["Set up CI/CD with GitHub Actions for 12 repositories."]
    assert find_skill_mentions("Applied machine-learning to fraud.", "machine learning")
    # React Native work is React work, but React alone does not prove React Native.
    assert find_skill_mentions("Built apps in React Native.", "React")
    assert find_skill_mentions("Built web apps in React.", "React Native") == []


def test_unknown_multi_word_skill_matches_its_words_in_one_sentence():
    text = "Designed fault-tolerant distributed payment systems. Wrote docs."
    assert find_skill_mentions(text, "fault-tolerant payment systems") == [
        "Designed fault-tolerant distributed payment systems."
    ]


def test_alternatives_in_a_job_skill_match_either():
    assert find_skill_mentions("Built landing pages with CSS grid.", "HTML/CSS")


def test_skills_in_text_lists_canonical_names_in_order():
    found = skills_in_text(RESUME)
    assert found.index("Go") < found.index("Kubernetes") < found.index("Python")
    assert {"PostgreSQL", "CI/CD", "React", "TypeScript", "Excel", "Salesforce", "Figma"} <= set(found)
    assert "R" not in found and "C" not in found


def test_split_sentences_keeps_initials_and_strips_bullets():
    assert split_sentences("• John C. Smith led it. Then we shipped.\n- Second line") == [
        "John C. Smith led it.", "Then we shipped.", "Second line",
    ]


def test_empty_inputs():
    assert find_skill_mentions("", "Python") == []
    assert find_skill_mentions("Python", "") == []
    assert skills_in_text("") == []


def test_a_code_host_link_is_a_profile_not_evidence_of_git():
    from hireops.services.ai.local.resume_scorer import score_resume
    from hireops.services.text.skills import find_skill_mentions, skills_in_text
    from hireops.services.ai.schemas import JobInput

    header = "Jane Doe | jane@example.com | github.com/janedoe | https://gitlab.com/jd"
    text = header + "\nBuilt Python services for payments."
    assert "GitHub" not in skills_in_text(text) and "GitLab" not in skills_in_text(text)
    assert find_skill_mentions(text, "Git") == []
    result = score_resume(JobInput(title="Backend Engineer", must_have_skills=["Python", "Git"]),
                          text)
    assert "Git" not in [e.skill for e in result.match.evidence]
    # Named as a tool, it still counts.
    assert find_skill_mentions(text + " We reviewed every change on GitHub.", "Git")
