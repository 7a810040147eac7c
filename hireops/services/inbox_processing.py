"""Processing stored mail: read resumes, classify, create candidates, match jobs, score.

Each message is claimed first (status new -> processing) so two workers never process the same
one; a claim left behind by a dead worker is taken over after `inbox_claim_timeout_s`. AI calls
run before any domain row is written, and a message's candidate, applications and final status
are committed together, so a crash at any point leaves either nothing or everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, Attachment, Email, Job, JobStatus, Stage, utcnow
from hireops.services.ai.calls import AICallFailed, classify_email, score_resume
from hireops.services.ai.schemas import EmailClassification, EmailInput, JobInput, ResumeScore
from hireops.services.attachment_store import read_attachment
from hireops.services.audit import record_event
from hireops.services.candidates import find_or_create_candidate, get_or_create_application
from hireops.services.contacts import parse_contact_info
from hireops.services.matching import JobMatch, match_jobs, prepare_jobs
from hireops.services.resume_text import (
    ExtractionLimits,
    extract_text,
    limits_from_settings,
    text_from_email_body,
)

APPLICATION = "candidate_application"
# An email body shorter than this is a cover note, not a resume.
MIN_BODY_RESUME_CHARS = 300
# How much resume text the classifier sees.
CLASSIFIER_TEXT_CHARS = 4000


@dataclass
class ProcessOutcome:
    email_id: int
    status: str  # processed | failed
    reason: str = ""
    candidate_created: bool = False
    applications_created: int = 0


@dataclass
class ProcessingContext:
    """What every message of one pass shares: open jobs (prepared once) and limits."""

    jobs: list[Job]
    prepared_jobs: object
    limits: ExtractionLimits
    job_inputs: dict[int, JobInput] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> ProcessingContext:
        jobs = list(session.exec(select(Job).where(Job.status == JobStatus.open)).all())
        return cls(jobs=jobs, prepared_jobs=prepare_jobs(jobs), limits=limits_from_settings(),
                   job_inputs={job.id: _job_input(job) for job in jobs})


def claim_pending(*, session: Session, limit: int) -> list[int]:
    """Claim up to `limit` messages waiting for processing (or abandoned by a dead worker)."""
    now = utcnow()
    stale = now - timedelta(seconds=get_settings().inbox_claim_timeout_s)
    candidates = session.exec(
        select(Email.id)
        .where(or_(Email.status == "new",
                   (Email.status == "processing") & (Email.claimed_at < stale)))
        .order_by(Email.id).limit(limit)
    ).all()
    if not candidates:
        return []
    # The status condition makes the claim atomic: a row another worker took is not updated.
    claimed = []
    for email_id in candidates:
        changed = session.exec(
            update(Email)
            .where(Email.id == email_id)
            .where(or_(Email.status == "new",
                       (Email.status == "processing") & (Email.claimed_at < stale)))
            .values(status="processing", claimed_at=now)
        )
        if changed.rowcount:
            claimed.append(email_id)
    session.commit()
    return claimed


def process_email(*, session: Session, email_id: int, context: ProcessingContext) -> ProcessOutcome:
    """Process one claimed message to `processed` or `failed` (with the reason recorded)."""
    email = session.get(Email, email_id)
    attachments = list(session.exec(select(Attachment).where(Attachment.email_id == email_id)))
    warnings = list(email.warnings)
    resume_text, resume_attachment = _read_resume(attachments, context.limits, warnings)
    try:
        classification = classify_email(
            session=session, email=_email_input(email, attachments, resume_text),
            subject_type="email", subject_id=email.id).result
    except AICallFailed as failure:
        return _fail(session, email, warnings,
                     f"Classification failed (AI call #{failure.call_id}): {failure}")
    _record_classification(email, classification)
    if classification.category != APPLICATION:
        return _finish(session, email, warnings, ProcessOutcome(email.id, "processed"))
    if not resume_text:
        resume_text = _body_as_resume(email.body_text)
    matches = match_jobs(jobs=context.jobs, prepared=context.prepared_jobs,
                         subject=email.subject, body=email.body_text,
                         role_hint=classification.detected_role, resume_text=resume_text,
                         floor=get_settings().match_floor, max_jobs=get_settings().match_max_jobs)
    scores, failures = _score_matches(session, email, matches, resume_text, context)
    outcome = _create_records(session, email, classification, resume_text, resume_attachment,
                              matches, scores)
    if not matches:
        warnings.append("No open job matched this application.")
    if not resume_text:
        warnings.append("No readable resume: the applicant sent no readable file and the email "
                        "body is too short to use.")
    if failures:
        return _fail(session, email, warnings, "; ".join(failures), outcome)
    return _finish(session, email, warnings, outcome)


def _read_resume(attachments: list[Attachment], limits: ExtractionLimits,
                 warnings: list[str]) -> tuple[str, Attachment | None]:
    """Read every attachment (the extractor skips non-resume files by their bytes); the longest
    readable text is the resume."""
    best_text, best = "", None
    for attachment in attachments:
        if attachment.extraction_status == "failed" and not attachment.storage_path:
            warnings.append(f"{attachment.filename}: {attachment.extraction_error}")
            continue
        try:
            payload = read_attachment(attachment.storage_path)
        except FileNotFoundError:
            attachment.extraction_status = "failed"
            attachment.extraction_error = "The stored file is missing."
            warnings.append(f"{attachment.filename}: the stored file is missing")
            continue
        result = extract_text(attachment.filename, attachment.content_type, payload, limits)
        attachment.extraction_status = result.status
        attachment.extraction_error = result.reason
        attachment.extracted_text = result.text
        if result.status == "failed":
            warnings.append(f"{attachment.filename}: {result.reason}")
        elif result.status == "ok" and len(result.text) > len(best_text):
            best_text, best = result.text, attachment
    return best_text, best


def _body_as_resume(body: str) -> str:
    text = text_from_email_body(body)
    return text if len(text) >= MIN_BODY_RESUME_CHARS else ""


def _email_input(email: Email, attachments: list[Attachment], resume_text: str) -> EmailInput:
    return EmailInput(subject=email.subject, from_address=email.from_address,
                      from_name=email.from_name,
                      attachment_names=[a.filename for a in attachments], body=email.body_text,
                      attachment_text=resume_text[:CLASSIFIER_TEXT_CHARS])


def _record_classification(email: Email, classification: EmailClassification) -> None:
    email.category = classification.category
    email.confidence = classification.confidence
    email.reasoning = classification.reasoning
    email.classification = classification.model_dump()


def _job_input(job: Job) -> JobInput:
    return JobInput(title=job.title, must_have_skills=job.must_have_skills,
                    nice_to_have_skills=job.nice_to_have_skills,
                    responsibilities=job.responsibilities, qualifications=job.qualifications,
                    knockout_requirements=job.knockout_requirements,
                    description=job.description)


def _score_matches(session: Session, email: Email, matches: list[JobMatch], resume_text: str,
                   context: ProcessingContext) -> tuple[dict[int, tuple], list[str]]:
    """Score the resume against each matched job; a failure is recorded, never invented."""
    scores: dict[int, tuple] = {}
    failures: list[str] = []
    if not resume_text:
        return scores, failures
    for match in matches:
        try:
            reply = score_resume(session=session, job=context.job_inputs[match.job_id],
                                 resume_text=resume_text, subject_type="email",
                                 subject_id=email.id)
        except AICallFailed as failure:
            failures.append(f"Scoring for {match.title} failed (AI call #{failure.call_id}): "
                            f"{failure}")
            continue
        scores[match.job_id] = (reply.result, reply.call.prompt_version)
    return scores, failures


def _create_records(session: Session, email: Email, classification: EmailClassification,
                    resume_text: str, resume_attachment: Attachment | None,
                    matches: list[JobMatch], scores: dict[int, tuple]) -> ProcessOutcome:
    contact = parse_contact_info(resume_text=resume_text, from_name=email.from_name,
                                 from_address=email.from_address)
    if not contact.name and classification.detected_name:
        contact.name = classification.detected_name
    candidate, created = find_or_create_candidate(
        session=session, contact=contact, resume_text=resume_text, source=f"email:{email.source}",
        resume_attachment_id=resume_attachment.id if resume_attachment else None)
    email.candidate_id = candidate.id
    outcome = ProcessOutcome(email.id, "processed", candidate_created=created)
    jobs = {job.id: job for job in session.exec(
        select(Job).where(Job.id.in_([m.job_id for m in matches]))).all()} if matches else {}
    for match in matches:
        application, new = get_or_create_application(
            session=session, candidate_id=candidate.id, job_id=match.job_id, source="email",
            source_email_id=email.id)
        outcome.applications_created += int(new)
        if match.job_id in scores:
            _apply_score(application, jobs[match.job_id], *scores[match.job_id])
        application.last_activity_at = utcnow()
        session.add(application)
        record_event(session=session, action="application.matched", actor_label="inbox",
                     entity_type="application", entity_id=application.id,
                     after={"job": match.title, "reason": match.reason,
                            "resume_score": application.resume_score})
    return outcome


def _apply_score(application: Application, job: Job, result: ResumeScore,
                 prompt_version: str) -> None:
    application.resume_score = result.match.score
    application.resume_result = result.model_dump()
    application.resume_job_version = job.version
    application.resume_prompt_version = prompt_version
    application.resume_stale = False
    if application.stage in (Stage.new, Stage.classified):
        application.stage = Stage.matched
    application.updated_at = utcnow()


def _finish(session: Session, email: Email, warnings: list[str],
            outcome: ProcessOutcome) -> ProcessOutcome:
    email.status = outcome.status
    email.failure_reason = outcome.reason
    email.warnings = list(dict.fromkeys(warnings))  # a reprocessed message repeats its warnings
    email.claimed_at = None
    session.add(email)
    session.commit()
    return outcome


def _fail(session: Session, email: Email, warnings: list[str], reason: str,
          outcome: ProcessOutcome | None = None) -> ProcessOutcome:
    outcome = outcome or ProcessOutcome(email.id, "failed")
    outcome.status, outcome.reason = "failed", reason
    return _finish(session, email, warnings, outcome)


def reprocess_emails(*, session: Session, email_ids: list[int] | None = None,
                     actor=None) -> int:
    """Queue failed messages (all, or the given ones) for another processing pass."""
    query = select(Email).where(Email.status == "failed")
    if email_ids is not None:
        query = query.where(Email.id.in_(email_ids))
    emails = session.exec(query).all()
    for email in emails:
        email.status, email.failure_reason, email.claimed_at = "new", "", None
        session.add(email)
        record_event(session=session, action="email.requeued", actor=actor, entity_type="email",
                     entity_id=email.id)
    session.commit()
    return len(emails)
