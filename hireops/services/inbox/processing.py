"""Processing stored mail: read resumes, classify, create candidates, match jobs, score.

Processing is split in two so the slow part can run in worker processes:
- `analyze_email` (no database): extract text, classify, read contact details, match open jobs
  and score; engine calls are made here and described as `AgentRun`s.
- `services.inbox.recording.record_analyses` (database): store the AI call rows, the
  candidate, the applications and the message's final status, a batch at a time, all in the
  caller's transaction.

Messages are claimed first (status new -> processing) so two workers never process the same
one; a claim left behind by a dead worker is taken over after `inbox_claim_timeout_s`.
Recording is idempotent (candidates are deduplicated, one application per candidate and job),
so a message processed again after a crash creates nothing twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import or_, update
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Attachment, Email, Job, JobStatus, utcnow
from hireops.services.ai.calls import AgentRun, execute_agent, resume_scoring
from hireops.services.ai.schemas import EmailInput, JobInput
from hireops.services.platform.attachment_store import read_attachment
from hireops.services.platform.audit import record_event
from hireops.services.candidates.contacts import ContactInfo, parse_contact_info
from hireops.services.text.gazetteer import country_of_time_zone
from hireops.services.jobs.matching import JobMatch, match_jobs, prepare_jobs
from hireops.services.jobs.scoring import RESUME_AGENT, blind_resume, job_input
from hireops.services.candidates.resume_text import extract_text, limits_from_settings, text_from_email_body
from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline
from hireops.services.platform.runtime_settings import current_settings

APPLICATION = "candidate_application"
# An email body shorter than this is a cover note, not a resume.
MIN_BODY_RESUME_CHARS = 300
# How much resume text the classifier sees.
CLASSIFIER_TEXT_CHARS = 4000
T = TypeVar("T")


# --- what analysis needs and returns (plain, picklable data) ------------------------------

@dataclass(frozen=True)
class AttachmentInput:
    id: int
    filename: str
    content_type: str
    storage_path: str  # "" when the bytes were not kept
    stored_error: str  # why they were not kept


@dataclass(frozen=True)
class EmailWork:
    """One message to analyse."""

    email_id: int
    subject: str
    from_address: str
    from_name: str
    body_text: str
    warnings: tuple[str, ...]
    attachments: tuple[AttachmentInput, ...]
    body_format: str = ""  # "text" | "html" (converted, no plain part) | ""
    # `read_resume(self)`'s result when a runner reads ahead (waits for it; raises what the
    # reading raised); None: `analyze_email` reads the files itself. Never sent to a process.
    read_ahead: Callable[[], Analysis] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class AttachmentResult:
    id: int
    status: str
    reason: str
    text: str


@dataclass
class Analysis:
    email_id: int
    attachments: list[AttachmentResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    resume_text: str = ""
    resume_attachment_id: int | None = None
    classification: AgentRun | None = None
    contact: ContactInfo | None = None
    matches: list[JobMatch] = field(default_factory=list)
    scores: dict[int, AgentRun] = field(default_factory=dict)


class OpenJobs:
    """The open jobs of one pass, prepared once for matching and scoring (picklable)."""

    # What matching and scoring read of a job; nothing else is sent to worker processes.
    FIELDS = {"id", "title", "department", "seniority", "must_have_skills", "nice_to_have_skills",
              "responsibilities", "qualifications", "knockout_requirements", "description",
              "version", "blind_screening"}

    def __init__(self, jobs: list[Job]) -> None:
        self.rows = [{**job.model_dump(include=self.FIELDS), "status": JobStatus(job.status)}
                     for job in jobs]
        self._ready: tuple | None = None

    def __getstate__(self) -> dict:
        return {"rows": self.rows}

    def __setstate__(self, state: dict) -> None:
        self.rows, self._ready = state["rows"], None

    def ready(self) -> tuple[list[Job], object, dict[int, JobInput]]:
        if self._ready is None:
            jobs = [Job(**row) for row in self.rows]
            self._ready = (jobs, prepare_jobs(jobs), {job.id: job_input(job) for job in jobs})
        return self._ready

    def is_blind(self, job_id: int) -> bool:
        return any(row["id"] == job_id and row["blind_screening"] for row in self.rows)

    @classmethod
    def load(cls, session: Session) -> OpenJobs:
        return cls(list(session.exec(select(Job).where(Job.status == JobStatus.open)).all()))


# --- claiming ------------------------------------------------------------------------------

def claim_pending(*, session: Session, limit: int) -> list[int]:
    """Claim up to `limit` messages waiting for processing (or abandoned by a dead worker)."""
    now = utcnow()
    stale = now - timedelta(seconds=get_settings().inbox_claim_timeout_s)
    waiting = or_(Email.status == "new",
                  (Email.status == "processing") & (Email.claimed_at < stale))
    ids = session.exec(select(Email.id).where(waiting).order_by(Email.id).limit(limit)).all()
    # The status condition makes each row's claim atomic: one another worker took since the
    # select is skipped. One statement for the batch, returning what it claimed.
    claimed = session.execute(update(Email).where(Email.id.in_(ids)).where(waiting)
                              .values(status="processing", claimed_at=now)
                              .returning(Email.id)).scalars().all() if ids else []
    session.commit()
    return sorted(claimed)


def load_work(*, session: Session, email_ids: list[int]) -> list[EmailWork]:
    """The messages and their attachments, as plain data for `analyze_email`."""
    emails = session.exec(select(Email).where(Email.id.in_(email_ids)).order_by(Email.id)).all()
    by_email: dict[int, list[AttachmentInput]] = {}
    for a in session.exec(select(Attachment).where(Attachment.email_id.in_(email_ids))
                          .order_by(Attachment.id)):
        by_email.setdefault(a.email_id, []).append(AttachmentInput(
            a.id, a.filename, a.content_type, a.storage_path,
            a.extraction_error if not a.storage_path else ""))
    return [EmailWork(e.id, e.subject, e.from_address, e.from_name, e.body_text,
                      tuple(e.warnings), tuple(by_email.get(e.id, ())), e.body_format)
            for e in emails]


# --- analysis (no database) ----------------------------------------------------------------

class MessageTooSlow(Exception):
    """One message's text work ran past `inbox_message_max_seconds`; `str(exc)` is for HR."""


class _Budget:
    """The time left for one message's text work. Each step runs under the deadline of
    `resume_text.deadline` with what is left, so a text that makes some rule crawl fails its
    own message, not the batch. Waiting on a remote engine is not counted: its own timeout and
    retries bound it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def run(self, work: Callable[[], T]) -> T:
        if self.seconds <= 0:
            return work()
        try:
            left = self.ends - time.monotonic()
            if left <= 0:
                raise DeadlineExceeded
            return run_with_deadline(work, left)
        except DeadlineExceeded:
            raise MessageTooSlow(
                f"Resume text too complex to read in {self.seconds:g} s: processing stopped at "
                "the message's time budget; requeue it to try again.") from None

    def run_agent(self, agent: str, payload: dict, invoke: Callable) -> AgentRun:
        """`execute_agent`, under the budget when the agent runs on the local engine."""
        settings = current_settings()  # read here: no database work under the deadline
        call = lambda: execute_agent(agent=agent, payload=payload, invoke=invoke,  # noqa: E731
                                     settings=settings)
        return self.run(call) if settings.agent_settings(agent)[0] == "local" else call()


def read_resume(work: EmailWork) -> Analysis:
    """The first step of `analyze_email`: the message's files read (each under its own
    deadline, extraction_max_seconds), the longest text as the resume. A runner may call it
    ahead, so the resume reader's process reads the next message while this one is analysed."""
    analysis = Analysis(email_id=work.email_id, warnings=list(work.warnings))
    _read_resume(work, analysis)
    return analysis


def analyze_email(work: EmailWork, open_jobs: OpenJobs) -> Analysis:
    """Everything about one message that needs no database; engine failures are recorded in
    the returned runs, never raised. Raises `MessageTooSlow` past the message's time budget."""
    jobs, prepared, job_inputs = open_jobs.ready()
    # Read ahead by the runner, or here; an error reading is raised here either way.
    analysis = work.read_ahead() if work.read_ahead else read_resume(work)
    settings = get_settings()
    # The company's country checks phone numbers written without a country code. Read before
    # the message's clock starts: no database work, nor the gazetteer's one-off loading (0.5-2
    # s in a new process), counts against the message's time budget.
    region = country_of_time_zone(current_settings().company_timezone)
    budget = _Budget(settings.inbox_message_max_seconds)
    email_input = EmailInput(subject=work.subject, from_address=work.from_address,
                             from_name=work.from_name,
                             attachment_names=[a.filename for a in work.attachments],
                             body=work.body_text,
                             attachment_text=analysis.resume_text[:CLASSIFIER_TEXT_CHARS])
    analysis.classification = budget.run_agent(
        "classifier", email_input.model_dump(),
        lambda engine: engine.classify_email(email_input))
    classification = analysis.classification.result
    if classification is None or classification.category != APPLICATION:
        return analysis
    if not analysis.resume_text:
        analysis.resume_text = budget.run(lambda: _body_as_resume(work.body_text))
        if analysis.resume_text:
            analysis.warnings.append(body_resume_note(work))
    analysis.matches = budget.run(lambda: match_jobs(
        jobs=jobs, prepared=prepared, subject=work.subject, body=work.body_text,
        role_hint=classification.detected_role, resume_text=analysis.resume_text,
        floor=settings.match_floor, max_jobs=settings.match_max_jobs))
    analysis.contact = budget.run(lambda: parse_contact_info(
        resume_text=analysis.resume_text, from_name=work.from_name,
        from_address=work.from_address, default_region=region))
    if not analysis.contact.name and classification.detected_name:
        analysis.contact.name = classification.detected_name
    for match in analysis.matches if analysis.resume_text else []:
        analysis.scores[match.job_id] = _score(analysis, job_inputs[match.job_id],
                                               open_jobs.is_blind(match.job_id), budget)
    return analysis


def _score(analysis: Analysis, job: JobInput, blind: bool, budget: _Budget) -> AgentRun:
    """Scoring (jobs/scoring.py) under the message's time budget."""
    resume = (budget.run(lambda: blind_resume(analysis.resume_text, name=analysis.contact.name))
              if blind else analysis.resume_text)
    return budget.run_agent(RESUME_AGENT, *resume_scoring(job, resume))


def _read_resume(work: EmailWork, analysis: Analysis) -> None:
    """Read every attachment (the extractor skips non-resume files by their bytes); the longest
    readable text is the resume."""
    limits = limits_from_settings()
    for attachment in work.attachments:
        if not attachment.storage_path:
            analysis.warnings.append(f"{attachment.filename}: {attachment.stored_error}")
            continue
        try:
            payload = read_attachment(attachment.storage_path)
        except FileNotFoundError:
            result = AttachmentResult(attachment.id, "failed", "The stored file is missing.", "")
        else:
            extracted = extract_text(attachment.filename, attachment.content_type, payload,
                                     limits)
            result = AttachmentResult(attachment.id, extracted.status, extracted.reason,
                                      extracted.text)
        analysis.attachments.append(result)
        if result.status == "failed":
            analysis.warnings.append(f"{attachment.filename}: {result.reason}")
        elif result.status == "ok" and len(result.text) > len(analysis.resume_text):
            analysis.resume_text, analysis.resume_attachment_id = result.text, attachment.id


def body_resume_note(work: EmailWork) -> str:
    """What HR reads when the resume is the mail itself, not a file."""
    shape = " (HTML)" if work.body_format == "html" else ""
    return f"No resume file: the resume read from the email body{shape} is scored."


def _body_as_resume(body: str) -> str:
    text = text_from_email_body(body)
    return text if len(text) >= MIN_BODY_RESUME_CHARS else ""


# --- requeueing -------------------------------------------------------------------------

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
