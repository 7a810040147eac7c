"""The local resume scorer on a realistic backend resume, a nurse's resume and edge cases."""

from __future__ import annotations

from datetime import date

from hireops.services.ai.local.resume_scorer import (
    estimate_years_experience,
    evidence_points,
    parse_dated_roles,
    score_resume,
)
from hireops.services.ai.schemas import JobInput
from tests.sample_resumes import (
    JOB_HOPPER_RESUME,
    SCORER_BACKEND_RESUME as BACKEND_RESUME,
    SCORER_NURSE_RESUME as NURSE_RESUME,
)

TODAY = date(2025, 6, 1)

BACKEND_JOB = JobInput(
    title="Senior Backend Engineer",
    must_have_skills=["Go", "PostgreSQL", "Kubernetes", "REST APIs", "SQL", "gRPC"],
    nice_to_have_skills=["Kafka", "Terraform", "GraphQL"],
    responsibilities=["Design and operate the services behind our payments API",
                      "Mentor engineers through code reviews"],
    knockout_requirements=["Authorised to work in the EU", "5+ years of experience", "Driving licence"],
)


def _score(job=BACKEND_JOB, resume=BACKEND_RESUME):
    return score_resume(job, resume, today=TODAY)


def test_backend_resume_scores_with_evidence_sentences():
    result = _score()
    evidence = {e.skill: e.resume_evidence for e in result.match.evidence}
    assert evidence["Go"] == ("Designed and built the payment ledger service in Golang, "
                              "handling 3 million transactions a day.")
    assert evidence["PostgreSQL"].startswith("Tuned Postgres queries")
    assert evidence["Kubernetes"].startswith("Migrated 40 microservices")
    assert evidence["REST APIs"].startswith("Built REST APIs in Python")
    assert {e.importance for e in result.match.evidence if e.skill == "Kafka"} == {"nice_to_have"}
    assert result.match.gaps == ["gRPC"]
    assert 65 <= result.match.score < 80
    assert result.match.recommendation == "screen"


def test_synonyms_match_job_skills():
    # The resume says Golang, k8s and Postgres; the job says Go, Kubernetes and PostgreSQL.
    job = BACKEND_JOB.model_copy(update={"must_have_skills": ["golang", "K8S", "postgres"],
                                         "nice_to_have_skills": []})
    result = _score(job=job)
    assert {e.skill for e in result.match.evidence} == {"Go", "Kubernetes", "PostgreSQL"}
    assert evidence_points(job, BACKEND_RESUME) == 100
    assert result.match.recommendation == "shortlist"


def test_backend_candidate_summary():
    summary = _score().candidate_summary
    assert summary.name == "Jane Doe"
    assert summary.current_title == "Senior Backend Engineer"
    # Jan 2015 - May 2025 in three dated roles; the 2011-2015 degree is not work.
    assert 9.5 <= summary.years_experience_est <= 10.5
    assert "Go" in summary.key_strengths


def test_knockouts_pass_from_resume_text():
    results = {k.requirement: k for k in _score().knockouts}
    assert results["Authorised to work in the EU"].result == "pass"
    assert "Authorized to work in the EU" in results["Authorised to work in the EU"].evidence
    assert results["5+ years of experience"].result == "pass"
    assert results["Driving licence"].result == "pass"


def test_knockouts_unknown_and_fail():
    resume = BACKEND_RESUME.replace(
        "Authorized to work in the EU (German citizen). Full driving licence.",
        "I will need visa sponsorship to work in the EU.",
    )
    results = {k.requirement: k.result for k in _score(resume=resume).knockouts}
    assert results["Authorised to work in the EU"] == "fail"
    assert results["Driving licence"] == "unknown"
    result = _score(resume=resume)
    assert result.match.recommendation == "reject"
    assert any("Knockout requirement not met" in risk for risk in result.match.risks)


def test_screening_questions_aim_at_gaps_first():
    questions = _score().screening_questions
    assert 3 <= len(questions) <= 5
    assert "gRPC" in questions[0]


def test_screening_questions_probe_strengths_when_nothing_is_missing():
    job = BACKEND_JOB.model_copy(update={"must_have_skills": ["Go", "Kubernetes"], "knockout_requirements": []})
    questions = _score(job=job).screening_questions
    assert 3 <= len(questions) <= 5
    assert "Go" in questions[0] and "Kubernetes" in questions[1]


def test_nurse_resume_scores_low_against_backend_job():
    result = _score(resume=NURSE_RESUME)
    assert result.match.score < 20
    assert result.match.recommendation == "reject"
    assert set(result.match.gaps) == {"Go", "PostgreSQL", "Kubernetes", "REST APIs", "SQL", "gRPC"}
    assert result.candidate_summary.current_title == "Registered Nurse"
    assert result.candidate_summary.name == "Maria Lopez"


def test_nurse_resume_scores_well_against_a_nursing_job():
    job = JobInput(title="Registered Nurse", must_have_skills=["Patient care", "Medication administration",
                                                               "BLS", "EHR"],
                   nice_to_have_skills=["IV therapy", "Wound care"])
    result = _score(job=job, resume=NURSE_RESUME)
    assert result.match.score >= 70
    assert "Wound care" not in {e.skill for e in result.match.evidence}
    # Epic proves electronic health records.
    assert any(e.skill == "Electronic health records" and "Epic" in e.resume_evidence
               for e in result.match.evidence)


def test_years_from_date_formats():
    assert estimate_years_experience("Engineer 2018 - 2022", today=TODAY) == 4.0
    assert estimate_years_experience("Engineer, Jan 2019 – Present", today=TODAY) == 6.4
    assert estimate_years_experience("Engineer 03/2017-06/2020", today=TODAY) == 3.2
    assert estimate_years_experience("Ingenieur, März 2020 – heute", today=TODAY) == 5.2
    # Overlapping roles count once.
    assert estimate_years_experience("A 2018 - 2022\nB 2020 - 2021", today=TODAY) == 4.0
    assert estimate_years_experience("I have 7 years of experience in sales.") == 7.0
    assert estimate_years_experience("No dates here.") is None


def test_education_dates_are_not_work():
    roles = parse_dated_roles("EDUCATION\nBSc Physics 2010 - 2014\nEXPERIENCE\nAnalyst 2015 - 2016",
                              today=TODAY)
    assert [r.line for r in roles] == ["Analyst 2015 - 2016"]


def test_short_tenures_and_gaps_are_risks():
    job = JobInput(title="Data Analyst", must_have_skills=["SQL", "Tableau", "Excel"])
    result = score_resume(job, JOB_HOPPER_RESUME, today=TODAY)
    risks = " ".join(result.match.risks)
    assert "3 roles lasted under a year" in risks
    assert "A gap of about 25 months between roles (Dec 2018 to Jan 2021)" in risks
    assert result.candidate_summary.current_title == "Data Analyst"
    assert any("Dec 2018" in q for q in result.screening_questions)


def test_listed_only_skill_earns_partial_credit():
    job = JobInput(title="Backend Engineer", must_have_skills=["Redis"])
    result = _score(job=job)
    assert evidence_points(job, BACKEND_RESUME) == 80
    assert result.match.evidence[0].resume_evidence.startswith("Go, Python, PostgreSQL")


def test_short_resume_gives_lower_confidence():
    short = "Jane Doe\nGo developer. Built APIs in Go."
    assert _score(resume=short).match.confidence < _score().match.confidence
    assert _score(resume=short).match.confidence <= 0.3


def test_empty_resume_is_rejected_with_a_reason():
    result = _score(resume="")
    assert result.match.score == 0
    assert result.match.recommendation == "reject"
    assert result.match.risks[0] == "The resume text is empty."
    assert len(result.screening_questions) >= 3


def test_scoring_is_deterministic():
    assert _score() == _score()
    assert _score().model_dump_json() == _score().model_dump_json()


def test_skills_under_a_skills_heading_count_as_listed():
    resume = "Sam Lee\nEXPERIENCE\nBuilt APIs in Python at Acme, 2019 - 2024.\nSKILLS\nKafka\n"
    result = score_resume(JobInput(title="Engineer", must_have_skills=["Kafka", "Python"]), resume,
                          today=TODAY)
    # Python used (1.0), Kafka only listed (0.8)
    assert evidence_points(JobInput(title="Engineer", must_have_skills=["Kafka", "Python"]),
                           resume) == 90


# A posting pasted as the description, no skill lists: it opens with the qualities every
# posting asks for and the company's own business, and names the trade's skills later.
PASTED_POSTING = JobInput(
    title="Warehouse Shift Supervisor",
    description=(
        "Our customers love us: we value attention to detail, communication and teamwork, and "
        "our customer support team answers every call. You will show leadership and time "
        "management on every shift. What you need: inventory management, warehouse management, "
        "logistics, procurement, quality control, health and safety, demand planning and a "
        "forklift licence. We offer a competitive compensation package."))


def test_a_pasted_posting_is_matched_on_its_trades_skills_before_generic_qualities():
    # All eight skills the scorer asks for are the warehouse trade's, the posting's own field:
    # soft qualities and other fields' words (customer support, a compensation package) say
    # little about fit and would crowd them out if taken in the order they were written.
    result = score_resume(PASTED_POSTING, "Sam Lee\nWarehouse operative since 2019.", today=TODAY)
    assert result.match.gaps == [
        "Inventory management", "Warehouse management", "Logistics", "Procurement",
        "Quality control", "Health and safety", "Demand planning", "Forklift"]


def test_a_pasted_posting_with_few_trade_skills_is_filled_with_the_others_in_order():
    job = JobInput(title="Support Lead", description=(
        "We value attention to detail and communication. You will run Zendesk and our "
        "customer support queue, and report in Excel."))
    result = score_resume(job, "Sam Lee\nSupport agent.", today=TODAY)
    assert result.match.gaps == ["Zendesk", "Customer support", "Excel",
                                 "Attention to detail", "Communication"]
