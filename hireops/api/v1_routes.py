"""The integration API: jobs, candidates, applications and the audit log, for a bearer token.

GET routes need a read token, POST and PATCH a write token. Routes are plain `def`s, so
FastAPI runs their database work (and resume parsing) in a worker thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from pydantic import Field
from pydantic.json_schema import SkipJsonSchema
from sqlmodel import Session

from hireops.api import ApiError
from hireops.api.auth import actor_label, api_token, get_session, write_token
from hireops.api.schemas import (
    MAX_ID, ApplicationDetail, ApplicationPage, ApplicationRow, CandidateApplication,
    CandidateCreated, CandidateDetail, CandidateOut, CandidatePage, DecisionOut, ErrorBody,
    EvaluationOut, EventOut, EventPage, JobCreate, JobOut, JobPage, RowId, StageChange,
    StageChanged, error_answers,
)
from hireops.config import get_settings
from hireops.models import (
    ApiToken, Application, Candidate, DecisionOutcome, Job, JobStatus, Stage,
)
from hireops.services.candidates import api_reads
from hireops.services.candidates.talent_pool import job_title_of
from hireops.services.inbox.api_intake import ResumeRejected, ResumeUpload, intake_candidate
from hireops.services.privacy.hidden_events import ShownEvent
from hireops.services.jobs.records import JobForm, JobNotFound, create_job
from hireops.services.candidates.resume_text.limits import format_size
from hireops.services.candidates.tracker import (
    PoolStageRefused,
    RejectionNeedsReason,
    SortColumn,
    TrackerFilter,
    TrackerSort,
    move_stage,
    query_tracker_slice,
)

# 400: a body that is not valid JSON or form data.
router = APIRouter(responses=error_answers(400, 401, 403, 404, 422, 429, 500))

Session_ = Annotated[Session, Depends(get_session)]
ReadToken = Annotated[ApiToken, Depends(api_token)]
WriteToken = Annotated[ApiToken, Depends(write_token)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1-200).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Row = TypeVar("Row")


def _not_found(what: str, item_id: int) -> ApiError:
    return ApiError(404, "not_found", f"There is no {what} {item_id}.")


def _found(session: Session, model: type[Row], item_id: int, what: str) -> Row:
    """The `model` row with this id, or the API's 404 naming `what` was asked for."""
    row = session.get(model, item_id)
    if row is None:
        raise _not_found(what, item_id)
    return row


# --- jobs ------------------------------------------------------------------------------------

@router.get("/jobs", response_model=JobPage, tags=["jobs"])
def list_jobs(session: Session_, _token: ReadToken, status: JobStatus | None = None,
              limit: Limit = 50, offset: Offset = 0) -> JobPage:
    """Jobs by id, optionally only those with one status."""
    page = api_reads.list_jobs_slice(session=session, status=status, limit=limit, offset=offset)
    return JobPage(items=[JobOut.model_validate(job, from_attributes=True) for job in page.items],
                   total=page.total, limit=limit, offset=offset)


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["jobs"])
def get_job(job_id: RowId, session: Session_, _token: ReadToken) -> JobOut:
    """One job."""
    job = _found(session, Job, job_id, "job")
    return JobOut.model_validate(job, from_attributes=True)


@router.post("/jobs", response_model=JobOut, status_code=201, tags=["jobs"])
def post_job(body: JobCreate, session: Session_, token: WriteToken) -> JobOut:
    """Create an open job."""
    form = JobForm.model_validate(body.model_dump())
    job = create_job(session=session, form=form, actor=None, actor_label=actor_label(token))
    return JobOut.model_validate(job, from_attributes=True)


# --- candidates ------------------------------------------------------------------------------

def _candidate_out(candidate: Candidate, hidden: bool) -> dict:
    def show(value: str) -> str:
        return "" if hidden else value

    return {"id": candidate.id,
            "name": f"Candidate #{candidate.id}" if hidden else candidate.full_name,
            "email": show(candidate.email), "phone": show(candidate.phone),
            "linkedin_url": show(candidate.linkedin_url),
            "github_url": show(candidate.github_url), "location": show(candidate.location),
            "current_title": candidate.current_title, "source": candidate.source,
            "identity_hidden": hidden, "created_at": candidate.created_at}


@router.get("/candidates", response_model=CandidatePage, tags=["candidates"])
def list_candidates(session: Session_, _token: ReadToken,
                    search: Annotated[str, Query(max_length=200)] = "",
                    limit: Limit = 50, offset: Offset = 0) -> CandidatePage:
    """Candidates by id; `search` matches a name, email or current title."""
    page = api_reads.list_candidates_slice(session=session, search=search, limit=limit,
                                           offset=offset)
    hidden = api_reads.hidden_candidate_ids(session=session,
                                            candidate_ids=[c.id for c in page.items])
    return CandidatePage(items=[CandidateOut(**_candidate_out(c, c.id in hidden))
                                for c in page.items],
                         total=page.total, limit=limit, offset=offset)


@router.get("/candidates/{candidate_id}", response_model=CandidateDetail, tags=["candidates"])
def get_candidate(candidate_id: RowId, session: Session_, _token: ReadToken) -> CandidateDetail:
    """One candidate with their applications."""
    candidate = _found(session, Candidate, candidate_id, "candidate")
    rows = api_reads.candidate_applications(session=session, candidate_id=candidate_id)
    hidden = any(job is not None and job.blind_screening for _, job in rows)
    applications = [CandidateApplication(
        id=a.id, job_id=a.job_id, job_title=job_title_of(job), stage=a.stage,
        resume_score=a.resume_score,
        interview_score=a.interview_score, final_score=a.final_score, decision=a.decision,
        created_at=a.created_at) for a, job in rows]
    return CandidateDetail(**_candidate_out(candidate, hidden), applications=applications)


@router.post("/candidates", response_model=CandidateCreated, status_code=201,
             tags=["candidates"],
             responses={413: {"model": ErrorBody}, 415: {"model": ErrorBody}})
def post_candidate(
    session: Session_, token: WriteToken,
    name: Annotated[str, Form(min_length=1, max_length=200, pattern=r"\S")],
    email: Annotated[str, Form(max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")],
    phone: Annotated[str, Form(max_length=60)] = "",
    # Optional fields leave null out of the schema: a multipart form cannot send a null.
    job_id: Annotated[Annotated[int, Field(ge=1, le=MAX_ID)] | SkipJsonSchema[None],
                      Form()] = None,
    resume: Annotated[UploadFile | SkipJsonSchema[None],
                      File(description="PDF, DOCX, TXT or LaTeX")] = None,
) -> CandidateCreated:
    """Add a candidate (deduplicated by email and phone), optionally with a resume file and an
    application to a job, which is then scored."""
    if "\x00" in name + email + phone:
        raise ApiError(422, "invalid_request", "Fields must not contain NUL characters.")
    upload = _read_upload(resume) if resume is not None and resume.filename else None
    try:
        result = intake_candidate(session=session, name=name.strip(), email=email.strip(),
                                  phone=phone.strip(), job_id=job_id, resume=upload,
                                  actor_label=actor_label(token))
    except JobNotFound:
        raise _not_found("job", job_id) from None
    except ResumeRejected as rejected:
        if rejected.kind == "unsupported":
            raise ApiError(415, "unsupported_file", rejected.reason) from None
        raise ApiError(422, "unreadable_resume", rejected.reason) from None
    return CandidateCreated(**vars(result))


def _read_upload(resume: UploadFile) -> ResumeUpload:
    """The uploaded file's bytes, refused (413) past the extraction size limit."""
    limit = get_settings().extraction_max_bytes
    payload = resume.file.read(limit + 1)
    if len(payload) > limit:
        raise ApiError(413, "too_large", f"The resume is larger than {format_size(limit)}.")
    return ResumeUpload(filename=resume.filename or "", payload=payload,
                        content_type=resume.content_type or "")


# --- applications ----------------------------------------------------------------------------

@router.get("/applications", response_model=ApplicationPage, tags=["applications"])
def list_applications(
    session: Session_, _token: ReadToken,
    job_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    stage: Stage | None = None,
    decision: Annotated[DecisionOutcome | Literal["none"] | None,
                        Query(description="advance, hold, reject, or none (undecided)")] = None,
    min_score: Annotated[float | None, Query(ge=0, le=100, description="Final score")] = None,
    min_resume_score: Annotated[float | None, Query(ge=0, le=100)] = None,
    search: Annotated[str, Query(max_length=200)] = "",
    sort: SortColumn = "last_activity", order: Literal["asc", "desc"] = "desc",
    limit: Limit = 50, offset: Offset = 0,
) -> ApplicationPage:
    """Applications filtered and sorted as in the tracker."""
    decisions = [] if decision is None else ["" if decision == "none" else decision.value]
    filter_ = TrackerFilter(job_ids=[job_id] if job_id else [], stages=[stage] if stage else [],
                            decisions=decisions, final_min=min_score,
                            resume_min=min_resume_score, search=search)
    rows, total = query_tracker_slice(session=session, filter=filter_,
                                      sort=TrackerSort(column=sort, direction=order),
                                      limit=limit, offset=offset, honour_reveals=False)
    items = [ApplicationRow(
        id=r.application_id, candidate_id=r.candidate_id, candidate_name=r.candidate_name,
        candidate_email=r.candidate_email, job_id=r.job_id, job_title=r.job_title,
        stage=r.stage, resume_score=r.resume_score, interview_score=r.interview_score,
        final_score=r.final_score, decision=r.decision, source=r.source,
        applied_on=r.applied_on, resume_stale=r.resume_stale, blind=r.blind) for r in rows]
    return ApplicationPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/applications/{application_id}", response_model=ApplicationDetail,
            tags=["applications"])
def get_application(application_id: RowId, session: Session_,
                    _token: ReadToken) -> ApplicationDetail:
    """One application with its scores, latest evaluation and latest decision."""
    application = _found(session, Application, application_id, "application")
    job = session.get(Job, application.job_id) if application.job_id is not None else None
    candidate = session.get(Candidate, application.candidate_id)
    hidden = bool(api_reads.hidden_candidate_ids(session=session,
                                                 candidate_ids=[candidate.id]))
    evaluation = api_reads.latest_evaluation(session=session, application_id=application.id)
    decision = api_reads.latest_decision(session=session, application_id=application.id)
    return ApplicationDetail(
        id=application.id, candidate_id=candidate.id, identity_hidden=hidden,
        candidate_name=f"Candidate #{candidate.id}" if hidden else candidate.full_name,
        job_id=application.job_id, job_title=job_title_of(job), stage=application.stage,
        source=application.source,
        resume_score=application.resume_score, resume_stale=application.resume_stale,
        resume_result=_resume_result(application.resume_result, candidate, hidden),
        interview_score=application.interview_score, final_score=application.final_score,
        decision=application.decision, rejection_reason=application.rejection_reason,
        evaluation=_evaluation_out(evaluation, candidate, hidden) if evaluation else None,
        latest_decision=DecisionOut.model_validate(
            {**decision.model_dump(), "outcome": DecisionOutcome(decision.outcome).value},
        ) if decision else None,
        created_at=application.created_at, updated_at=application.updated_at)


def _resume_result(result: dict, candidate: Candidate, hidden: bool) -> dict:
    """The scorer's result; while the identity is hidden, without the name it read or the
    contact details its quotes hold (a score made before the job turned blind has them)."""
    return api_reads.redact_values(candidate, result) if hidden else result


def _evaluation_out(evaluation, candidate: Candidate, hidden: bool) -> EvaluationOut:
    out = EvaluationOut.model_validate(evaluation, from_attributes=True)
    if not hidden:
        return out
    return out.model_copy(update={
        "summary": api_reads.redact_values(candidate, out.summary),
        "strengths": api_reads.redact_values(candidate, out.strengths),
        "concerns": api_reads.redact_values(candidate, out.concerns)})


@router.patch("/applications/{application_id}/stage", response_model=StageChanged,
              tags=["applications"])
def patch_stage(application_id: RowId, body: StageChange, session: Session_,
                token: WriteToken) -> StageChanged:
    """Move an application to another pipeline stage (audited)."""
    _found(session, Application, application_id, "application")
    try:
        moved = move_stage(session=session, application_ids=[application_id], stage=body.stage,
                           actor=None, reason=body.reason.strip(), actor_label=actor_label(token))
    except RejectionNeedsReason as refused:
        raise ApiError(422, "reason_required", str(refused)) from None
    except PoolStageRefused as refused:
        raise ApiError(422, "stage_not_allowed", str(refused)) from None
    return StageChanged(id=application_id, stage=body.stage, changed=bool(moved))


# --- events ----------------------------------------------------------------------------------

@router.get("/events", response_model=EventPage, tags=["events"])
def list_events(
    session: Session_, _token: ReadToken,
    entity_type: Annotated[str, Query(max_length=40)] = "",
    entity_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    action: Annotated[str, Query(max_length=80)] = "",
    since: Annotated[str | SkipJsonSchema[None], Query(
        max_length=40, json_schema_extra={"format": "date-time"},
        description="Only events after this time (ISO 8601 with a time zone)")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> EventPage:
    """The audit log, oldest first."""
    page = api_reads.list_events_slice(session=session, entity_type=entity_type,
                                       entity_id=entity_id, action=action,
                                       since=_parse_since(since),
                                       limit=limit, offset=offset)
    shown = api_reads.shown_events(session=session, events=page.items)
    return EventPage(items=[_event_out(e, shown[e.id]) for e in page.items], total=page.total,
                     limit=limit, offset=offset)


def _parse_since(since: str | None) -> datetime | None:
    """An ISO 8601 time with its zone; pydantic alone would also take "0.5" as a Unix time."""
    if since is None:
        return None
    try:
        parsed = datetime.fromisoformat(since)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ApiError(422, "invalid_request",
                       "since: give an ISO 8601 time with a time zone, e.g. 2026-01-01T00:00Z.")
    return parsed


def _event_out(event, shown: ShownEvent) -> EventOut:
    out = EventOut.model_validate(event, from_attributes=True)
    return out.model_copy(update={"before": shown.before, "after": shown.after,
                                  "note": shown.note})
