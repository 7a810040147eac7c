"""The engine Protocol every AI backend implements, and the agent names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel

from hireops.services.ai import schemas

AgentName = Literal["classifier", "resume_scorer", "interview_evaluator", "job_generator"]
AGENTS: tuple[AgentName, ...] = (
    "classifier", "resume_scorer", "interview_evaluator", "job_generator",
)

T = TypeVar("T", bound=BaseModel)


@dataclass
class EngineReply(Generic[T]):
    """A validated result plus what the call cost."""

    result: T
    model: str = ""  # model name or agent id actually used
    input_tokens: int = 0
    output_tokens: int = 0
    attempts: int = 1
    extra: dict = field(default_factory=dict)


class AIEngineError(Exception):
    """An engine could not produce a valid result (after its retries)."""

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        super().__init__(message)
        self.attempts = attempts


class AIEngine(Protocol):
    name: str  # "local" or "mistral"
    model: str  # the model name or rules version used
    agent_id: str  # the remote agent id, "" when a chat model is used

    def prompt_version(self, agent: AgentName) -> str: ...

    def close(self) -> None: ...

    def classify_email(
            self, email: schemas.EmailInput) -> EngineReply[schemas.EmailClassification]: ...

    def score_resume(
            self, job: schemas.JobInput, resume_text: str) -> EngineReply[schemas.ResumeScore]: ...

    def evaluate_interview(
            self, interview: schemas.InterviewInput,
    ) -> EngineReply[schemas.InterviewEvaluation]: ...

    def generate_job(self, title: str) -> EngineReply[schemas.JobDraft]: ...
