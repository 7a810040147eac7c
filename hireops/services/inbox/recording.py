"""Recording analysed mail: the AI call rows, the candidates, the applications, their audit
events and each message's final status, a whole batch at once in the caller's transaction.

Each message follows the rules of one message at a time, in batch order: it sees the
candidates and applications the messages before it created or filled in, so two messages of
one batch from the same person make one candidate and, for one job, one application. Only the
writing is batched: candidates are matched in memory (`CandidateIndex`), new candidates and new
applications are inserted together, and the `ai_calls` rows and audit events go in one
statement each once the rows they point at have ids. A per-row flush and savepoint used to be
most of the time the app process spent on a message.

Recording is idempotent (candidates are deduplicated, one application per candidate and job),
so a message processed again after a crash creates nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import Application, Attachment, Candidate, Email, Job, Stage, utcnow
from hireops.services.ai.calls import AgentRun, insert_runs
from hireops.services.ai.schemas import ResumeScore
from hireops.services.inbox.analysis_runner import AnalysisError
from hireops.services.platform.audit import PendingEvents
from hireops.services.candidates.records import (
    ApplicationRequest,
    CandidateIndex,
    application_created_event,
    find_or_create_indexed,
    get_or_create_applications,
)
from hireops.services.inbox.processing import APPLICATION, Analysis
from hireops.services.jobs.matching import JobMatch
from hireops.services.candidates.stages import comes_before, move_application
from hireops.services.candidates.talent_pool import keep_in_talent_pool, open_jobs_prepared

ACTOR = "inbox"
NO_MATCH = "No open job matched this application."
NO_RESUME = ("No readable resume: the applicant sent no readable file and the email body is "
             "too short to use.")


@dataclass
class ProcessOutcome:
    email_id: int
    status: str  # processed | failed
    reason: str = ""
    candidate_created: bool = False
    applications_created: int = 0


@dataclass
class _Call:
    """An `ai_calls` row waiting for its batch insert; `id` is set by it."""

    run: AgentRun
    subject: tuple[str, int | None]
    id: int | None = None


@dataclass
class _Message:
    """One message of the batch being recorded."""

    email: Email
    analysis: Analysis | None  # None when the analysis itself raised
    outcome: ProcessOutcome
    warnings: list[str]
    applies: bool = False  # classified as an application: gets a candidate and applications
    candidate: Candidate | None = None
    calls: list[_Call] = field(default_factory=list)  # in the order they were made
    # What failed and the call that says why; the reason quotes the call's id.
    failures: list[tuple[str, _Call]] = field(default_factory=list)
    events: PendingEvents = field(default_factory=PendingEvents)

    def call(self, run: AgentRun, subject: tuple[str, int | None]) -> _Call:
        self.calls.append(_Call(run, subject))
        return self.calls[-1]


def record_analyses(*, session: Session,
                    items: list[Analysis | AnalysisError]) -> list[ProcessOutcome]:
    """Write what analysing each message found, or why it failed; the caller commits."""
    # The lookups below only need rows this module flushes itself when it needs their ids.
    with session.no_autoflush:
        emails = _by_id(session, Email, [item.email_id for item in items])
        attachments = _by_id(session, Attachment, [result.id for item in items
                                                   if isinstance(item, Analysis)
                                                   for result in item.attachments])
        messages = [_start(item, emails[item.email_id], attachments) for item in items]
        applying = [message for message in messages if message.applies]
        _record_candidates(session, applying)
        _record_applications(session, applying)
        _insert_calls(session, messages)
        PendingEvents.write(session=session, pending=[message.events for message in messages])
        return [_finish(message) for message in messages]


def mark_failed(*, session: Session, email_id: int, reason: str) -> ProcessOutcome:
    """Record that processing a message broke unexpectedly (the caller commits)."""
    email = session.get(Email, email_id)
    return _close(email, list(email.warnings), ProcessOutcome(email_id, "failed", reason))


def _by_id(session: Session, model, ids: list[int]) -> dict:
    if not ids:
        return {}
    return {row.id: row for row in session.exec(select(model).where(model.id.in_(ids)))}


def _start(item: Analysis | AnalysisError, email: Email,
           attachments: dict[int, Attachment]) -> _Message:
    """The message's attachments and classification; whether it goes on to candidates."""
    if isinstance(item, AnalysisError):
        return _Message(email, None, ProcessOutcome(email.id, "failed", item.reason),
                        list(email.warnings))
    for result in item.attachments:
        attachment = attachments[result.id]
        attachment.extraction_status = result.status
        attachment.extraction_error = result.reason
        attachment.extracted_text = result.text
    message = _Message(email, item, ProcessOutcome(email.id, "processed"), list(item.warnings))
    classifier = message.call(item.classification, ("email", email.id))
    if item.classification.failed:
        message.failures.append(("Classification failed", classifier))
        return message
    classification = item.classification.result
    email.category = classification.category
    email.confidence = classification.confidence
    email.reasoning = classification.reasoning
    email.classification = classification.model_dump()
    message.applies = classification.category == APPLICATION
    return message


def _record_candidates(session: Session, applying: list[_Message]) -> None:
    """Find, fill in or create each message's candidate, in batch order."""
    if not applying:
        return
    index = CandidateIndex.load(session=session,
                                contacts=[message.analysis.contact for message in applying])
    for message in applying:
        analysis = message.analysis
        message.candidate, message.outcome.candidate_created = find_or_create_indexed(
            session=session, index=index, contact=analysis.contact,
            resume_text=analysis.resume_text, source=f"email:{message.email.source}",
            resume_attachment_id=analysis.resume_attachment_id, actor_label=ACTOR,
            events=message.events, written_text=message.email.body_text or "")
    session.flush()  # the new candidates get their ids, in one insert
    for message in applying:
        message.email.candidate_id = message.candidate.id
        if not message.analysis.matches:
            message.warnings.append(NO_MATCH)
        if not message.analysis.resume_text:
            message.warnings.append(NO_RESUME)
    _keep_unmatched(session, [message for message in applying if not message.analysis.matches])


def _keep_unmatched(session: Session, unmatched: list[_Message]) -> None:
    """Candidates who fit no open job go to the talent pool, not out of sight."""
    if not unmatched:
        return
    prepared = open_jobs_prepared(session=session)
    for message in unmatched:
        keep_in_talent_pool(
            session=session, candidate_id=message.candidate.id,
            resume_text=message.analysis.resume_text or message.email.body_text or "",
            prepared=prepared, source="email", source_email_id=message.email.id,
            actor_label=ACTOR, events=message.events)


def _record_applications(session: Session, applying: list[_Message]) -> None:
    """One application per message and matched job (created once per candidate and job), with
    its score."""
    pairs = [(message, match) for message in applying for match in message.analysis.matches]
    if not pairs:
        return
    jobs = {job.id: job for job in session.exec(
        select(Job).where(Job.id.in_({match.job_id for _, match in pairs})))}
    applications = get_or_create_applications(session=session, requests=[
        ApplicationRequest(message.candidate.id, match.job_id, source="email",
                           source_email_id=message.email.id) for message, match in pairs])
    for (message, match), (application, created) in zip(pairs, applications):
        _record_match(message, match, application, created, jobs)


def _record_match(message: _Message, match: JobMatch, application: Application, created: bool,
                  jobs: dict[int, Job]) -> None:
    message.outcome.applications_created += int(created)
    if created:
        message.events.add(entity=application, **application_created_event(application, ACTOR))
    run = message.analysis.scores.get(match.job_id)
    if run is not None:
        call = message.call(run, ("application", application.id))
        if run.failed:
            message.failures.append((f"Scoring for {match.title} failed", call))
        else:
            _apply_score(application, jobs[match.job_id], run.result,
                         run.call_fields["prompt_version"])
            _move_to_matched(message, application)
    application.last_activity_at = utcnow()
    message.events.add(entity=application, action="application.matched", actor_label=ACTOR,
                       entity_type="application",
                       after={"job": match.title, "reason": match.reason,
                              "resume_score": application.resume_score})


def _apply_score(application: Application, job: Job, result: ResumeScore,
                 prompt_version: str) -> None:
    application.resume_score = result.match.score
    application.resume_result = result.model_dump()
    application.resume_job_version = job.version
    application.resume_prompt_version = prompt_version
    application.resume_stale = False
    application.updated_at = utcnow()


def _move_to_matched(message: _Message, application: Application) -> None:
    """A first score moves the application to "matched", recorded like every stage move (the
    event joins the batch's single insert; the reports and the audit log read them)."""
    if comes_before(application.stage, Stage.matched):
        message.events.add(entity=application, actor_label=ACTOR,
                           **move_application(application, Stage.matched,
                                              reason="resume scored"))


def _insert_calls(session: Session, messages: list[_Message]) -> None:
    calls = [call for message in messages for call in message.calls]
    ids = insert_runs(session=session, runs=[(call.run, call.subject) for call in calls])
    for call, call_id in zip(calls, ids, strict=True):
        call.id = call_id


def _finish(message: _Message) -> ProcessOutcome:
    outcome = message.outcome
    if message.failures:
        outcome.status = "failed"
        outcome.reason = "; ".join(f"{what} (AI call #{call.id}): {call.run.call_fields['error']}"
                                   for what, call in message.failures)
    return _close(message.email, message.warnings, outcome)


def _close(email: Email, warnings: list[str], outcome: ProcessOutcome) -> ProcessOutcome:
    email.status = outcome.status
    email.failure_reason = outcome.reason
    email.warnings = list(dict.fromkeys(warnings))  # a reprocessed message repeats its warnings
    email.claimed_at = None
    return outcome
