"""The offline engine: wraps the deterministic rule-based agents in the engine Protocol.

The agents are imported inside each method so that importing this module stays cheap (the
skills vocabulary and question bank load only when an agent is first used).
"""

from __future__ import annotations

from hireops.services.ai.engine import AgentName, EngineReply
from hireops.services.ai.local.semantic import MODEL_NAME as SEMANTIC_MODEL
from hireops.services.ai import schemas

# Recorded as the model and prompt version of every local call; bump when the rules change.
# The semantic model's name and version are part of it: the same rules with another embedding
# model score differently.
# Also stored as the prompt version, a column of 40 characters.
LOCAL_MODEL = f"local-v6+{SEMANTIC_MODEL}"


class LocalEngine:
    """Rules, vocabularies and question banks on this machine: no network, no tokens, no cost."""

    name = "local"
    model = LOCAL_MODEL
    agent_id = ""

    def prompt_version(self, agent: AgentName) -> str:
        return LOCAL_MODEL

    def close(self) -> None:
        """Nothing to release; present so callers can treat every engine alike."""

    def classify_email(self, email: schemas.EmailInput) -> EngineReply[schemas.EmailClassification]:
        from hireops.services.ai.local.classifier import classify_email

        return EngineReply(result=classify_email(email), model=LOCAL_MODEL)

    def score_resume(
            self, job: schemas.JobInput, resume_text: str) -> EngineReply[schemas.ResumeScore]:
        from hireops.services.ai.local.resume_scorer import score_resume

        return EngineReply(result=score_resume(job, resume_text), model=LOCAL_MODEL)

    def evaluate_interview(
            self, interview: schemas.InterviewInput) -> EngineReply[schemas.InterviewEvaluation]:
        from hireops.services.ai.local.interview_evaluator import evaluate_interview

        return EngineReply(result=evaluate_interview(interview), model=LOCAL_MODEL)

    def generate_job(self, title: str) -> EngineReply[schemas.JobDraft]:
        from hireops.services.ai.local.job_generator import generate_job_draft

        return EngineReply(result=generate_job_draft(title), model=LOCAL_MODEL)
