"""Fixtures of the careers page tests: a published job, a resume as a DOCX file."""

from __future__ import annotations

import io

import docx
import pytest
from sqlmodel import Session

from hireops.models import Job
from hireops.services.inbox.api_intake import ResumeUpload
from tests.sample_resumes import SCORER_BACKEND_RESUME
from tests.factories import make_job


@pytest.fixture
def published_job(session: Session) -> Job:
    job = make_job(session, title="Senior Backend Engineer", location="Berlin",
                   department="Platform", description="Build the payment ledger.",
                   published_on_careers=True, must_have_skills=["Go", "Kubernetes", "PostgreSQL"],
                   nice_to_have_skills=["Kafka"])
    session.commit()
    return job


def docx_resume(text: str = SCORER_BACKEND_RESUME, name: str = "jane-doe.docx") -> ResumeUpload:
    """`text` as a real Word file, one paragraph per line."""
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return ResumeUpload(name, "application/vnd.openxmlformats-officedocument."
                        "wordprocessingml.document", buffer.getvalue())
