"""A candidate sent by another system: resume read, person deduplicated, application scored.

The resume is read before anything is stored, so a corrupt or unsupported file is refused
with its reason and leaves no half-made candidate behind. A readable file is kept, like a
mail attachment, so HR can open the original and the candidate's data export includes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hireops.models import Attachment
from hireops.services.platform.attachment_store import attachment_row
from hireops.services.candidates.records import find_or_create_candidate, get_or_create_application
from hireops.services.candidates.contacts import parse_contact_info
from hireops.services.text.gazetteer import country_of_time_zone
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.jobs.rescoring import rescore_application
from hireops.services.candidates.resume_text import extract_text, limits_from_settings
from hireops.services.platform.runtime_settings import current_settings


class ResumeRejected(ValueError):
    """The uploaded resume cannot be used; `kind` is "unreadable" or "unsupported"."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class ResumeUpload:
    filename: str
    content_type: str
    payload: bytes


@dataclass(frozen=True)
class IntakeResult:
    candidate_id: int
    candidate_created: bool
    application_id: int | None
    application_created: bool
    # scored | failed | skipped (no resume text or no job)
    scoring: str
    resume_score: float | None
    scoring_note: str


def read_resume(upload: ResumeUpload) -> str:
    """The resume's text, or ResumeRejected with the reason (size limits from settings)."""
    result = extract_text(upload.filename, upload.content_type, upload.payload,
                          limits_from_settings())
    if result.status == "skipped":
        raise ResumeRejected("unsupported", result.reason or "This file is not a resume.")
    if result.status != "ok":
        raise ResumeRejected("unreadable", result.reason or "The file could not be read.")
    return result.text


def intake_candidate(*, session: Session, name: str, email: str, phone: str,
                     job_id: int | None, resume: ResumeUpload | None,
                     actor_label: str, source: str = "api",
                     written_text: str = "") -> IntakeResult:
    """Create or update the candidate, apply them to `job_id` and score the application;
    `source` names where they came from ("api", "Careers page").
    Commits; raises JobNotFound or ResumeRejected before storing anything."""
    if job_id is not None:
        get_job_or_raise(session=session, job_id=job_id)
    resume_text = read_resume(resume) if resume is not None else ""
    original = _keep_original(session, resume, resume_text) if resume is not None else None
    contact = parse_contact_info(
        resume_text=resume_text, from_name=name, from_address=email,
        default_region=country_of_time_zone(current_settings().company_timezone))
    # What the caller says wins over what the resume parser guessed.
    contact.name, contact.email = name, email.lower()
    contact.phone = phone or contact.phone
    candidate, created = find_or_create_candidate(
        session=session, contact=contact, resume_text=resume_text, source=source,
        resume_attachment_id=original.id if original else None, actor_label=actor_label,
        written_text=written_text)
    if original is not None:
        original.candidate_id = candidate.id
        session.add(original)
    if job_id is None:
        session.commit()
        return IntakeResult(candidate.id, created, None, False, "skipped", None, "no job given")
    application, app_created = get_or_create_application(
        session=session, candidate_id=candidate.id, job_id=job_id, source=source,
        actor_label=actor_label)
    session.commit()
    outcome = rescore_application(session=session, application_id=application.id)
    scoring = "scored" if outcome.status == "rescored" else outcome.status
    return IntakeResult(candidate.id, created, application.id, app_created, scoring,
                        outcome.after, outcome.reason)


def _keep_original(session: Session, upload: ResumeUpload, text: str) -> Attachment:
    """The uploaded file stored (once per content) and recorded; flushed for its id."""
    attachment = attachment_row(filename=upload.filename or "resume",
                                content_type=upload.content_type, payload=upload.payload)
    if attachment.extraction_status != "failed":  # kept: its text was read above
        attachment.extraction_status, attachment.extracted_text = "ok", text
    session.add(attachment)
    session.flush()
    return attachment
