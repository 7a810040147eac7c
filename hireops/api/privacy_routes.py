"""A candidate's data for another system acting on a privacy request: the full export, and
erasure. Both need a write token: an export is everything held about a person."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from hireops.api import ApiError
from hireops.api.auth import actor_label, get_session, write_token
from hireops.api.download_headers import spooled_file, streamed_download
from hireops.api.schemas import RowId, error_answers
from hireops.models import ApiToken
from hireops.services.privacy.rights import (
    CandidateNotFound, candidate_data_name, erase_candidate, write_candidate_data,
    record_data_export,
)

router = APIRouter(responses=error_answers(400, 401, 403, 404, 422, 429, 500),
                   tags=["privacy"])


class Erasure(BaseModel):
    # Why the data is erased (e.g. the candidate's request); kept in the audit tombstone.
    reason: str = Field(min_length=3, max_length=1000, pattern=r"\S")


class Erased(BaseModel):
    id: int
    # Rows deleted by kind, and files removed.
    deleted: dict[str, int]


@router.get("/candidates/{candidate_id}/export", tags=["privacy"],
            response_class=Response,
            responses={200: {"content": {"application/zip": {}},
                             "description": "data.json and the original files"}})
def export_candidate(candidate_id: RowId, session: Annotated[Session, Depends(get_session)],
                     token: Annotated[ApiToken, Depends(write_token)]) -> Response:
    """Everything held about one candidate, as a zip (for a subject-access request); the
    audit log records the token that took it."""
    archive = spooled_file()
    try:
        write_candidate_data(session=session, candidate_id=candidate_id, out=archive)
    except CandidateNotFound:
        archive.close()
        raise ApiError(404, "not_found", f"There is no candidate {candidate_id}.") from None
    # Committed before the file leaves: no export goes unrecorded.
    record_data_export(session=session, candidate_id=candidate_id, actor=None,
                       actor_label=actor_label(token))
    session.commit()
    # Personal data, named as the pages' export is: kept by no shared or on-disk cache, and
    # sent from a file in pieces (a person's videos can be large).
    return streamed_download(archive, "application/zip", candidate_data_name(candidate_id))


@router.post("/candidates/{candidate_id}/erase", response_model=Erased, tags=["privacy"])
def erase(candidate_id: RowId, body: Erasure, session: Annotated[Session, Depends(get_session)],
          token: Annotated[ApiToken, Depends(write_token)]) -> Erased:
    """Delete the candidate's data and files; the audit log keeps a tombstone."""
    try:
        counts = erase_candidate(session=session, candidate_id=candidate_id, actor=None,
                                 reason=body.reason, actor_label=actor_label(token))
    except CandidateNotFound:
        raise ApiError(404, "not_found", f"There is no candidate {candidate_id}.") from None
    return Erased(id=candidate_id, deleted=counts)
