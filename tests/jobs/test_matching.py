"""Matching an application to open jobs: a named job wins, else resume similarity, never a default.

`match_jobs` is pure: the pipeline passes only open jobs (closed and draft jobs are also skipped
if passed), so these tests build jobs in memory without a database.
"""

from __future__ import annotations

import time

import pytest

from hireops.models import Job, JobStatus
from hireops.services.jobs.matching import JobMatch, match_jobs, prepare_jobs
from tests.sample_resumes import (
    MATCHING_BACKEND_RESUME as BACKEND_RESUME,
    MATCHING_DATA_RESUME as DATA_RESUME,
    MATCHING_NURSE_RESUME as NURSE_RESUME,
)

BACKEND = Job(id=1, title="Senior Backend Engineer", must_have_skills=[
    "Python, Go or Java", "Django, FastAPI or Spring Boot", "REST APIs", "SQL",
    "PostgreSQL or MySQL", "Unit testing", "Git", "Distributed systems",
], nice_to_have_skills=["Docker", "Kubernetes", "AWS, GCP or Azure", "Kafka or RabbitMQ", "Redis"])
DATA = Job(id=2, title="Data Analyst", must_have_skills=[
    "SQL", "Tableau, Looker or Power BI", "Excel or Google Sheets", "Data visualization",
    "Statistics", "Stakeholder management", "KPIs and metrics",
], nice_to_have_skills=["Python or R", "A/B testing", "dbt", "BigQuery or Snowflake"])
FRONTEND = Job(id=3, title="Frontend Engineer (React)", must_have_skills=[
    "React", "JavaScript", "TypeScript", "HTML", "CSS", "Accessibility",
], nice_to_have_skills=["Next.js", "Figma", "GraphQL"])
DATA_ENGINEER = Job(id=4, title="Senior Data Engineer", must_have_skills=[
    "SQL", "Python or Scala", "Data modeling", "ETL", "Airflow or Dagster",
    "Snowflake, BigQuery or Redshift",
], nice_to_have_skills=["Spark", "Kafka", "dbt", "Terraform"])
JOBS = [BACKEND, DATA, FRONTEND, DATA_ENGINEER]


def _match(subject: str = "My CV", body: str = "", role_hint: str = "",
           resume: str = DATA_RESUME, jobs: list[Job] = JOBS, **kwargs) -> list[JobMatch]:
    return match_jobs(jobs=jobs, subject=subject, body=body, role_hint=role_hint,
                      resume_text=resume, **kwargs)


def test_named_job_wins_over_similarity() -> None:
    # A data resume, but the subject names the backend job.
    result = _match(subject="Application – Backend Engineer (Python)")
    assert result == [JobMatch(job_id=1, title="Senior Backend Engineer", score=1.0,
                               reason="named in the subject")]


@pytest.mark.parametrize("subject, job_id", [
    ("Candidature : Data Analyst", 2),
    ("Application for the Junior Data Analyst position", 2),  # seniority does not matter
    ("Bewerbung als Back-end Developer", 1),  # a catalogue alias of the backend role
    ("Application: Frontend Engineer", 3),  # the job's "(React)" qualifier is optional
    ("Application - Senior Data Engineer", 4),
])
def test_named_by_title_alias_or_without_seniority(subject: str, job_id: int) -> None:
    assert [m.job_id for m in _match(subject=subject, resume=BACKEND_RESUME)] == [job_id]


def test_most_specific_title_wins_when_several_are_named() -> None:
    jobs = [Job(id=10, title="Data Engineer"), Job(id=11, title="Senior Data Engineer")]
    assert _match(subject="Application: Senior Data Engineer", jobs=jobs)[0].job_id == 11
    assert _match(subject="Application: Data Engineer", jobs=jobs)[0].job_id == 10


def test_named_in_role_hint_or_body() -> None:
    assert _match(role_hint="Data Analyst", resume=BACKEND_RESUME)[0].reason == \
        "named as the role applied for"
    body = "Hello,\nI am applying for the Backend Engineer role.\nBest, Maya"
    assert _match(body=body)[0].job_id == 1


def test_titles_inside_a_resume_body_do_not_name_a_job() -> None:
    # An email whose body is the resume: the past title is not an application sentence.
    body = "Tom Baker\nFrontend Engineer at Acme 2019-2022\nBuilt REST APIs in Python."
    assert _match(body=body, resume=BACKEND_RESUME)[0].job_id == 1


def test_similarity_picks_the_data_job_for_a_data_resume() -> None:
    result = _match(resume=DATA_RESUME)
    assert result[0].job_id == 2
    assert result[0].score > 0.5
    assert "SQL" in result[0].reason and "Tableau" in result[0].reason
    assert all(m.score >= 0.25 for m in result) and len(result) <= 2


def test_similarity_picks_the_backend_job_for_a_backend_resume() -> None:
    result = _match(resume=BACKEND_RESUME)
    assert result[0].job_id == 1
    assert "Django" in result[0].reason and "SQL (through PostgreSQL)" in result[0].reason


def test_nurse_resume_matches_no_tech_job() -> None:
    assert _match(resume=NURSE_RESUME) == []


def test_no_open_jobs_gives_nothing() -> None:
    assert _match(jobs=[]) == []
    assert _match(subject="Application: Data Analyst", jobs=[]) == []


def test_closed_and_draft_jobs_are_skipped_if_passed() -> None:
    # The pipeline passes open jobs only; this is a second line of defence.
    closed = Job(id=2, title="Data Analyst", status=JobStatus.closed,
                 must_have_skills=DATA.must_have_skills)
    draft = Job(id=5, title="Data Analyst", status=JobStatus.draft)
    assert _match(subject="Candidature : Data Analyst", jobs=[closed, draft]) == []


def test_floor_and_max_jobs_are_respected() -> None:
    everything = _match(floor=0.0, max_jobs=10)
    assert len(everything) == len([m for m in everything if m.score > 0])
    assert [m.score for m in everything] == sorted((m.score for m in everything), reverse=True)
    best = everything[0].score
    assert _match(floor=best + 0.01) == []
    assert len(_match(floor=0.0, max_jobs=1)) == 1


def test_empty_resume_and_unnamed_job_gives_nothing() -> None:
    assert _match(resume="", body="") == []


def test_deterministic_and_prepared_jobs_give_the_same_answer() -> None:
    prepared = prepare_jobs(JOBS)
    first = _match(resume=DATA_RESUME)
    assert _match(resume=DATA_RESUME, jobs=[], prepared=prepared) == first
    assert _match(resume=DATA_RESUME) == first


def test_fast_with_many_jobs() -> None:
    jobs = [Job(id=100 + i, title=job.title, must_have_skills=job.must_have_skills,
                nice_to_have_skills=job.nice_to_have_skills) for i, job in
            enumerate(JOBS * 10)]
    prepared = prepare_jobs(jobs)
    started = time.perf_counter()
    for resume in (DATA_RESUME, BACKEND_RESUME, NURSE_RESUME) * 3:
        _match(resume=resume * 5, jobs=jobs, prepared=prepared)
    assert time.perf_counter() - started < 2.0


def test_a_job_pasted_as_a_posting_is_compared_on_the_skills_it_names() -> None:
    # No skill lists, only the posting's text: it is read for skills the way the scorer reads
    # it, so a candidate's nearest jobs compare it with drafted jobs on the same footing
    # instead of giving it "little in common" whatever the resume.
    from hireops.services.jobs.matching import nearest_jobs

    posted = Job(id=5, title="Reporting Analyst", description=(
        "We value communication and teamwork. You will build dashboards in Tableau and Power "
        "BI, write SQL against our warehouse, keep models in Excel, run A/B testing and report "
        "KPIs to stakeholders."))
    nearest = nearest_jobs(resume_text=DATA_RESUME,
                           prepared=prepare_jobs([BACKEND, posted, FRONTEND]), limit=3)
    assert nearest[0].job_id == 5 and nearest[0].score > nearest[1].score
    assert "SQL" in nearest[0].reason and "Tableau" in nearest[0].reason
