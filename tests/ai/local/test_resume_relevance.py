"""The resume score reads the whole job: title meaning, job words and skills evidence."""

from __future__ import annotations

from datetime import date

from hireops.services.ai.local import semantic
from hireops.services.ai.local.job_generator import generate_job_draft
from hireops.services.ai.local.relevance import lexical_relevance, stem
from hireops.services.ai.local.resume_scorer import WEIGHTS, score_resume
from hireops.services.ai.schemas import JobInput

TODAY = date(2026, 11, 21)

CHEF = """Marco Bianchi
Head Chef, Trattoria Roma, 2019 - present
- Run a kitchen of 9 cooks; plan the seasonal menu and price every dish.
- Cut food waste by 18% with daily stock counts and supplier orders.
Sous Chef, Hotel Adler, 2014 - 2019: sauces, fish and pastry sections, HACCP records.
"""
LAWYER = """Dana Whitfield
Associate Attorney, Hale & Stone LLP, 2017 - present
- Represent clients in civil litigation; drafted 40+ motions and settlement agreements.
- Advise businesses on commercial contracts and employment disputes.
Admitted to the State Bar, 2016. J.D., Boston University.
"""
DEVELOPER = """Lena Fischer
Backend Developer, Paystream, 2020 - present
- Built payment APIs in Python and Django on PostgreSQL; cut p95 latency from 900 to 40 ms.
- Wrote the CI pipeline in GitHub Actions and moved services to Docker.
"""


def _job(title: str) -> JobInput:
    draft = generate_job_draft(title)
    return JobInput(**draft.model_dump(include={"title", "must_have_skills",
                                                "nice_to_have_skills", "responsibilities",
                                                "qualifications", "description"}))


def _ranked(title: str) -> list[str]:
    resumes = {"chef": CHEF, "lawyer": LAWYER, "developer": DEVELOPER}
    scores = {name: score_resume(_job(title), text, today=TODAY).match.score
              for name, text in resumes.items()}
    return sorted(scores, key=lambda name: -scores[name])


def test_the_right_resume_comes_first_for_titles_without_technical_skills():
    # Before, a Chef or Lawyer job was only its generic skills: every resume scored alike.
    assert _ranked("Chef")[0] == "chef"
    assert _ranked("Lawyer")[0] == "lawyer"
    assert _ranked("Python Developer")[0] == "developer"


def test_the_skills_evidence_is_still_quoted():
    result = score_resume(_job("Python Developer"), DEVELOPER, today=TODAY)
    evidence = {e.skill: e.resume_evidence for e in result.match.evidence}
    assert evidence["Python"].startswith("Built payment APIs in Python")


def test_weights_add_up_to_the_whole_score():
    assert abs(sum(WEIGHTS.values()) - 1.0) < 1e-9


def test_repeating_a_job_word_buys_less_and_less():
    job = _job("Chef")
    once = lexical_relevance(job, "kitchen menu " + "x " * 200)
    ten = lexical_relevance(job, "kitchen menu " * 10 + "x " * 200)
    fifty = lexical_relevance(job, "kitchen menu " * 50 + "x " * 200)
    assert once < ten < fifty
    assert fifty - ten < ten - once


def test_stems_meet_across_word_forms():
    assert stem("developers") == stem("development") == stem("developing") == "develop"
    assert stem("studies") == "study" and stem("business") == "business"


def test_the_semantic_model_loads_once_from_the_installed_package():
    assert semantic.MODEL_NAME.startswith("wordllama-0.4.0")
    semantic.embed("warm")
    first = semantic._model
    semantic.embed.cache_clear()
    semantic.embed("again")
    assert semantic._model is first
    assert semantic.similarity("head chef", CHEF) > semantic.similarity("head chef", DEVELOPER)


def test_scores_are_deterministic_for_one_model_version():
    job = _job("Lawyer")
    first = score_resume(job, LAWYER, today=TODAY)
    semantic.embed.cache_clear()
    assert score_resume(job, LAWYER, today=TODAY) == first


def test_word_by_word_ids_equal_the_whole_texts_ids():
    model = semantic._load()
    text = "Backend engineer: built PostgreSQL-backed APIs, cut p95 from 900 to 40 ms (PgBouncer)."
    whole = model.tokenizer.encode(text, add_special_tokens=False).ids
    assert [i for word in text.split() for i in semantic._word_ids(word)] == list(whole)


def test_seniority_and_arrangement_words_do_not_blur_the_titles_meaning():
    from hireops.services.ai.local.resume_scorer import role_words, semantic_points

    assert role_words("Senior Backend Engineer (m/f/d), Remote") == "Backend Engineer"
    assert role_words("Operations Manager") == "Operations Manager"
    plain, senior = _job("Python Developer"), _job("Senior Python Developer")
    assert semantic_points(senior, DEVELOPER) == semantic_points(plain, DEVELOPER)


def test_an_experience_requirement_in_the_title_is_not_part_of_the_roles_meaning():
    # Postings put the years wanted in the title; they say how much, not what the work is, and
    # left in they pull the title's embedding towards any text about experience.
    from hireops.services.ai.local.resume_scorer import role_words

    assert role_words("Junior Level Data Engineer (1-4 years experience)") == "Data Engineer"
    assert role_words("Nurse - 5+ yrs of experience") == "Nurse"
    assert role_words("QA Tester, 3 years exp.") == "QA Tester"
    assert role_words("Backend Engineer (Python)") == "Backend Engineer Python"
    assert role_words("Developer - .Net / C#") == "Developer .Net C#"
