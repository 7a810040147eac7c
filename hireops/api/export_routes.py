"""HR's exports as plain downloads: the tracker's CSV and XLSX, the audit log's CSV, the
reports page's tables and the AI usage per day as CSV, and one candidate's privacy export (a
zip of their data with their original files and recordings).

An export reads every matching row, which takes seconds at tens of thousands of applications
(and a person's files and recordings can be tens of megabytes).
A page's event handler would spend them on the server's one event loop (every page and
interview room waiting meanwhile) and send the file base64 in a websocket message; a route
builds it in a worker thread (FastAPI runs plain `def` routes there) and the browser downloads
it like any file. Access is the pages': a signed-in session cookie and a role that reads (that
writes, for a privacy export: it is everything held about a person).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from hireops import db, routes
from hireops.api import error_response
from hireops.api.auth import signed_in_as, signed_in_refusal
from hireops.api.download_headers import download_headers, spooled_file, streamed_download
from hireops.api.schemas import MAX_ID, RowId, error_answers
from hireops.services.candidates.export import content_type, export_rows, export_tracker
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort
from hireops.services.platform.auth import READ_ROLES, WRITE_ROLES
from hireops.services.platform.clock import file_stamp
from hireops.services.privacy.rights import (
    CandidateNotFound, candidate_data_name, record_data_export, write_candidate_data,
)
from hireops.services.ai.prices import get_price_table
from hireops.services.candidates.equal_opportunities import KEY_PATTERN
from hireops.services.reports.ai_usage import daily_usage_csv, usage_by_agent_model_day
from hireops.services.reports.audit_log import AuditFilter, export_events_csv
from hireops.services.reports.cohort import ReportFilter
from hireops.services.reports.report_tables import ReportTable, read_report, report_table_csv

router = APIRouter(tags=["exports"], include_in_schema=False)
Parsed = TypeVar("Parsed", bound=BaseModel)
# The tracker's filter and sort as the page holds them (JSON), and the rows picked on it.
MAX_QUERY_CHARS = 4000
MAX_PICKED = 1000
# The compared equal-opportunities question's key, or none.
CHARACTERISTIC = f"^({KEY_PATTERN.pattern.strip('^$')})?$"


@router.get(routes.EXPORT_CANDIDATES + ".{fmt}", response_model=None,
            responses=error_answers(401, 403, 422))
def candidates_export(
    request: Request, fmt: Literal["csv", "xlsx"],
    filter: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "{}",
    sort: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "{}",
    picked: Annotated[str, Query(max_length=MAX_QUERY_CHARS,
                                 pattern=r"^[0-9]*(,[0-9]+)*$")] = "",
) -> Response:
    """The tracker's rows for `filter` and `sort` (all of them, not one page), or only the
    `picked` application ids among them."""
    try:
        tracker_filter = _parsed(TrackerFilter, filter, "filter")
        tracker_sort = _parsed(TrackerSort, sort, "sort")
    except ValueError as invalid:
        return error_response(422, "invalid_request", str(invalid))
    chosen = {int(part) for part in picked.split(",") if part}
    if len(chosen) > MAX_PICKED or any(part > MAX_ID for part in chosen):
        return error_response(422, "invalid_request", "Pick fewer rows to export.")
    with Session(db.get_engine()) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, "export candidates")
        if refused is not None:
            return refused
        rows = export_tracker(session=session, filter=tracker_filter, sort=tracker_sort)
    if chosen:
        rows = [row for row in rows if row.application_id in chosen]
    return _download(export_rows(rows, fmt), content_type(fmt),
                     f"candidates-{file_stamp(minutes=True)}.{fmt}")


@router.get(routes.EXPORT_AUDIT_LOG, response_model=None,
            responses=error_answers(401, 403, 422))
def audit_log_export(
    request: Request,
    action: Annotated[str, Query(max_length=80)] = "",
    actor: Annotated[str, Query(max_length=320)] = "",
    entity_type: Annotated[str, Query(max_length=40)] = "",
    entity_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    date_from: date | None = None, date_to: date | None = None,
) -> Response:
    """Every audit event matching the log page's filters, newest first."""
    audit = AuditFilter(action=action, actor=actor, entity_type=entity_type,
                        entity_id=entity_id, date_from=date_from, date_to=date_to)
    with Session(db.get_engine()) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, "export the audit log")
        if refused is not None:
            return refused
        data = export_events_csv(session=session, audit=audit)
    return _download(data, "text/csv; charset=utf-8", f"audit-log-{file_stamp()}.csv")


@router.get(routes.EXPORT_CANDIDATE_DATA + "/{candidate_id}.zip", response_model=None,
            responses=error_answers(401, 403, 404))
def candidate_data_export(request: Request, candidate_id: RowId) -> Response:
    """Everything held about one candidate, as a zip (for a subject-access request); who took
    it is on the audit log before the file leaves."""
    with Session(db.get_engine()) as session:
        user, refused = signed_in_as(session, request, WRITE_ROLES, "export a candidate's data")
        if refused is not None:
            return refused
        archive = spooled_file()
        try:
            write_candidate_data(session=session, candidate_id=candidate_id, out=archive)
        except CandidateNotFound:
            archive.close()
            return error_response(404, "not_found", f"There is no candidate {candidate_id}: "
                                  "the id is unknown, or their data was erased.")
        record_data_export(session=session, candidate_id=candidate_id, actor=user)
        session.commit()
    return streamed_download(archive, "application/zip", candidate_data_name(candidate_id))


@router.get(routes.EXPORT_REPORTS + "/{table}.csv", response_model=None,
            responses=error_answers(401, 403, 422))
def report_table_export(
    request: Request, table: ReportTable,
    job_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    date_from: date | None = None, date_to: date | None = None,
    characteristic: Annotated[str, Query(max_length=40, pattern=CHARACTERISTIC)] = "",
) -> Response:
    """One of the reports page's tables for the page's filter (its job, the applications'
    days, the compared equal-opportunities question), read from the report's cache."""
    if date_from and date_to and date_from > date_to:
        return error_response(422, "invalid_request", "date_from: the start date is after "
                              "the end date.")
    report = ReportFilter(job_id=job_id, date_from=date_from, date_to=date_to)
    with Session(db.get_engine()) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, "download reports")
        if refused is not None:
            return refused
        read = read_report(session=session, report=report, characteristic=characteristic)
    return _download(report_table_csv(table, read), "text/csv; charset=utf-8",
                     f"{table}-{file_stamp()}.csv")


@router.get(routes.EXPORT_AI_USAGE, response_model=None, responses=error_answers(401, 403, 422))
def ai_usage_export(request: Request, date_from: date | None = None,
                    date_to: date | None = None) -> Response:
    """The AI usage page's calls per agent, model and day over its date range, priced with
    today's price table as the page shows them."""
    with Session(db.get_engine()) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, "download AI usage")
        if refused is not None:
            return refused
        rows = usage_by_agent_model_day(session=session, prices=get_price_table(session=session),
                                        date_from=date_from, date_to=date_to)
    return _download(daily_usage_csv(rows), "text/csv; charset=utf-8",
                     f"ai-usage-{file_stamp()}.csv")


def _download(data: bytes, media_type: str, filename: str) -> Response:
    # Personal data: never kept by a shared or on-disk cache.
    return Response(data, media_type=media_type, headers=download_headers(filename))


def _parsed(model: type[Parsed], text: str, name: str) -> Parsed:
    """`text` (JSON) as `model`; a ValueError naming the parameter and the field otherwise."""
    try:
        return model.model_validate_json(text)
    except ValidationError as invalid:
        error = invalid.errors()[0]
        where = ".".join([name, *(str(part) for part in error.get("loc", ()))])
        raise ValueError(f"{where}: {error.get('msg', 'invalid')}") from None
