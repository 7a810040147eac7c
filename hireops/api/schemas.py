"""The integration API's request and response bodies (they make the OpenAPI document)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from hireops.models import JobStatus, Stage
from hireops.services.jobs.records import JobForm

# Ids are 32-bit in PostgreSQL; a larger one could never exist, so it is refused up front.
MAX_ID = 2_147_483_647
# A row's id in a route's path.
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ErrorBody(BaseModel):
    """Every error: a stable code for programs and a message for people."""

    error: str = Field(examples=["not_found"])
    message: str


def error_answers(*statuses: int) -> dict:
    """The documented error answers of a route (all in the API's one error shape)."""
    return {status: {"model": ErrorBody} for status in statuses}


class JobCreate(JobForm):
    """A new job; thresholds and weights as in the job editor."""

    model_config = ConfigDict(extra="forbid")

    # Set only by the editor's auto-fill; not part of the API.
    generated_by: SkipJsonSchema[str] = Field(default="", exclude=True)

    @field_validator("title", "department", "location", "seniority", "employment_type",
                     "description")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        # PostgreSQL text cannot hold NUL characters.
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


class JobOut(BaseModel):
    id: int
    title: str
    department: str
    location: str
    seniority: str
    employment_type: str
    status: JobStatus
    description: str
    must_have_skills: list[str]
    nice_to_have_skills: list[str]
    responsibilities: list[str]
    qualifications: list[str]
    resume_min: float
    interview_min: float
    reject_below: float
    resume_weight: float
    interview_weight: float
    blind_screening: bool
    version: int
    created_at: datetime
    updated_at: datetime


class JobPage(BaseModel):
    items: list[JobOut]
    total: int
    limit: int
    offset: int


class CandidateOut(BaseModel):
    id: int
    # "Candidate #<id>" and empty contact fields while blind screening hides the identity.
    name: str
    email: str
    phone: str
    linkedin_url: str
    github_url: str
    location: str
    current_title: str
    source: str
    identity_hidden: bool
    created_at: datetime


class CandidatePage(BaseModel):
    items: list[CandidateOut]
    total: int
    limit: int
    offset: int


class ApplicationSummary(BaseModel):
    """An application's job, where it stands in the job's flow, and its scores (0-100)."""

    id: int
    # null for the talent pool (a candidate who fits no open job; job_title "Talent pool").
    job_id: int | None
    job_title: str
    # A Stage value, or the key of a stage the job added ("custom_...").
    stage: str
    resume_score: float | None
    interview_score: float | None
    final_score: float | None
    # advance | hold | reject, or "" before a decision.
    decision: str


class CandidateApplication(ApplicationSummary):
    created_at: datetime


class CandidateDetail(CandidateOut):
    applications: list[CandidateApplication]


class CandidateCreated(BaseModel):
    candidate_id: int
    # False when the email or phone matched a candidate already on file.
    candidate_created: bool
    application_id: int | None
    application_created: bool
    # scored | failed | skipped (no job or no resume text)
    scoring: Literal["scored", "failed", "skipped"]
    resume_score: float | None
    scoring_note: str


class ApplicationRow(ApplicationSummary):
    candidate_id: int
    candidate_name: str
    candidate_email: str
    source: str
    applied_on: date
    resume_stale: bool
    blind: bool


class ApplicationPage(BaseModel):
    items: list[ApplicationRow]
    total: int
    limit: int
    offset: int


class EvaluationOut(BaseModel):
    score: float | None
    communication: float | None
    technical_depth: float | None
    problem_solving: float | None
    cultural_fit: float | None
    strengths: list[str]
    concerns: list[str]
    summary: str
    # engine | human
    source: str
    created_at: datetime


class DecisionOut(BaseModel):
    outcome: str
    # pending_hr | confirmed | overridden
    status: str
    final_score: float | None
    reason: str
    created_at: datetime


class ApplicationDetail(BaseModel):
    id: int
    candidate_id: int
    candidate_name: str
    identity_hidden: bool
    # null for the talent pool (job_title "Talent pool").
    job_id: int | None
    job_title: str
    # A Stage value, or the key of a stage the job added ("custom_...").
    stage: str
    source: str
    resume_score: float | None
    resume_stale: bool
    # The scorer's result: candidate_summary, match (score, evidence, gaps, risks,
    # recommendation), screening_questions.
    resume_result: dict[str, Any]
    interview_score: float | None
    final_score: float | None
    decision: str
    rejection_reason: str
    evaluation: EvaluationOut | None
    latest_decision: DecisionOut | None
    created_at: datetime
    updated_at: datetime


class StageChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage: Stage
    # Why; kept in the audit log (and as the rejection reason when rejecting).
    reason: str = Field(default="", max_length=2000)


class StageChanged(BaseModel):
    id: int
    stage: Stage
    changed: bool


class EventOut(BaseModel):
    id: int
    at: datetime
    actor_label: str
    action: str
    entity_type: str
    entity_id: int | None
    before: dict[str, Any]
    after: dict[str, Any]
    note: str


class EventPage(BaseModel):
    items: list[EventOut]
    total: int
    limit: int
    offset: int
