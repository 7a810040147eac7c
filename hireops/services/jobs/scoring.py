"""Scoring a resume against a job: what the scorer reads of the job, what it reads of the
resume, and the engine call. New applications are scored by the inbox (inbox/processing.py,
under each message's time budget), old scores again by rescoring.py, a folder of files by
batch_ranking.py. The score itself is the configured engine's: the offline one reads the resume
in ai/local/resume_scorer.py; the decision rule that uses it is decisions/rule.py.
"""

from __future__ import annotations

from hireops.models import Job
from hireops.services.ai.schemas import JobInput
from hireops.services.privacy.redaction import redact_resume

RESUME_AGENT = "resume_scorer"


def job_input(job: Job) -> JobInput:
    """What the resume scorer reads of a job."""
    return JobInput(title=job.title, must_have_skills=job.must_have_skills,
                    nice_to_have_skills=job.nice_to_have_skills,
                    responsibilities=job.responsibilities, qualifications=job.qualifications,
                    knockout_requirements=job.knockout_requirements,
                    description=job.description)


def blind_resume(resume_text: str, *, name: str | None) -> str:
    """What a blind-screening job is scored on: the resume without name, contacts, links or
    gender."""
    return redact_resume(resume_text, names=(name,))

