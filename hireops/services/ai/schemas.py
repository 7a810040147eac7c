"""Typed inputs and outputs of the four AI agents; every engine returns exactly these.

Output models validate what an LLM sends back: a value out of range or a missing field is a
failed call, never a silently repaired one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Unit = float  # a 0-1 confidence
Score = float  # a 0-100 score


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


# --- email classifier -------------------------------------------------------------------

class EmailInput(_Strict):
    subject: str = ""
    from_address: str = ""
    from_name: str = ""
    attachment_names: list[str] = Field(default_factory=list)
    body: str = ""
    # Text read from attachments, when the caller has it (helps tell a CV from an invoice).
    attachment_text: str = ""


class EmailClassification(_Strict):
    category: Literal["candidate_application", "general", "unknown"]
    confidence: Unit = Field(ge=0, le=1)
    reasoning: str
    suggested_action: str = ""
    detected_name: str = ""
    detected_role: str = ""


# --- resume scorer ----------------------------------------------------------------------

class JobInput(_Strict):
    title: str
    must_have_skills: list[str] = Field(default_factory=list)
    nice_to_have_skills: list[str] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    knockout_requirements: list[str] = Field(default_factory=list)
    description: str = ""


class CandidateSummary(_Strict):
    name: str = ""
    years_experience_est: float | None = Field(default=None, ge=0, le=70)
    current_title: str = ""
    key_strengths: list[str] = Field(default_factory=list)


class SkillEvidence(_Strict):
    skill: str
    resume_evidence: str
    # must_have | nice_to_have
    importance: Literal["must_have", "nice_to_have"] = "must_have"


class KnockoutResult(_Strict):
    requirement: str
    result: Literal["pass", "unknown", "fail"]
    evidence: str = ""


class Match(_Strict):
    score: Score = Field(ge=0, le=100)
    confidence: Unit = Field(ge=0, le=1)
    evidence: list[SkillEvidence] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)
    recommendation: Literal["screen", "shortlist", "reject"]


class ResumeScore(_Strict):
    candidate_summary: CandidateSummary
    match: Match
    screening_questions: list[str] = Field(default_factory=list)
    knockouts: list[KnockoutResult] = Field(default_factory=list)


# --- interview evaluator ----------------------------------------------------------------

class TranscriptTurn(_Strict):
    speaker: Literal["interviewer", "candidate"]
    text: str
    seconds: float | None = None  # how long the turn took, when known
    # The planned question this turn asks or answers (`PlannedQuestionInput.key`); "" when the
    # interviewer had no plan (a voice interview) or the turn is a greeting.
    question_key: str = ""


class PlannedQuestionInput(_Strict):
    """A question the interviewer planned, with what a good answer covers."""

    key: str
    text: str
    expected_points: list[str] = Field(default_factory=list)


class InterviewInput(_Strict):
    job: JobInput
    transcript: list[TranscriptTurn]
    resume_score: Score | None = None
    resume_summary: str = ""
    # The plan behind the transcript, when there was one: lets the rubric check each answer
    # against its own question's expected points instead of the job's skills alone.
    questions: list[PlannedQuestionInput] = Field(default_factory=list)
    # The language the interview was held in (en, fr, de, es): the local evaluator reads the
    # answers with that language's words and stems.
    language: str = "en"


class InterviewEvaluation(_Strict):
    score: Score = Field(ge=0, le=100)
    decision: Literal["advance", "hold", "reject"]
    strengths: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)
    communication_rating: Score = Field(ge=0, le=100)
    technical_depth: Score = Field(ge=0, le=100)
    cultural_fit: Score = Field(ge=0, le=100)
    problem_solving: Score = Field(default=0, ge=0, le=100)
    email_draft: str = ""
    scheduling_slots: list[str] = Field(default_factory=list)
    preferred_slot: str = ""
    summary: str
    # One or two sentences per rating, quoting the transcript: keys communication,
    # technical_depth, problem_solving, cultural_fit.
    justifications: dict[
        Literal["communication", "technical_depth", "problem_solving", "cultural_fit"], str
    ] = Field(default_factory=dict)


# --- job generator ----------------------------------------------------------------------

class JobDraft(_Strict):
    """A job posting drafted from a title; `known_role` is False when the engine had to guess."""

    title: str
    department: str
    location: str
    seniority: str
    must_have_skills: list[str] = Field(min_length=1, max_length=8)
    nice_to_have_skills: list[str] = Field(max_length=6)
    responsibilities: list[str] = Field(max_length=8)
    qualifications: list[str] = Field(max_length=5)
    description: str
    known_role: bool = True
    notes: str = ""  # e.g. why an unknown title gave a generic draft
