"""The files HR opens from the pages: a mail's attachment and a candidate's original resume.

Streamed from disk by a route (a plain `def`, run in a worker thread), not read whole by a
page's event handler and sent base64 through the websocket every page and interview room
shares. Access is the pages': a signed-in session cookie and a role that reads; blind screening
withholds a hidden person's files, as the inbox and the candidate page do.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from sqlmodel import Session

from hireops import db, routes
from hireops.api import error_response
from hireops.api.auth import signed_in_refusal
from hireops.api.download_headers import download_headers, media_type
from hireops.api.schemas import RowId, error_answers
from hireops.services.inbox.listing import (
    AttachmentWithheld, StoredFile, get_attachment_file, get_resume_file,
)
from hireops.services.platform.attachment_store import attachment_path
from hireops.services.platform.auth import READ_ROLES

router = APIRouter(tags=["files"], include_in_schema=False)


@router.get(routes.ATTACHMENT_FILES + "/{attachment_id}", response_model=None,
            responses=error_answers(401, 403, 404))
def attachment_file(request: Request, attachment_id: RowId) -> Response:
    """One attachment's file, as the sender sent it."""
    return _stored_file(request, "download attachments",
                        lambda session: get_attachment_file(session=session,
                                                            attachment_id=attachment_id))


@router.get(routes.RESUME_FILES + "/{candidate_id}", response_model=None,
            responses=error_answers(401, 403, 404))
def resume_file(request: Request, candidate_id: RowId) -> Response:
    """The candidate's original resume file."""
    return _stored_file(request, "download resumes",
                        lambda session: get_resume_file(session=session,
                                                        candidate_id=candidate_id))


def _stored_file(request: Request, verb: str,
                 find: Callable[[Session], StoredFile]) -> Response:
    with Session(db.get_engine()) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, verb)
        if refused is not None:
            return refused
        try:
            stored = find(session)
        except AttachmentWithheld as withheld:
            return error_response(403, "blind_screening", str(withheld))
        except LookupError as missing:
            return error_response(404, "not_found", str(missing))
    try:
        path = attachment_path(stored.path)
    except FileNotFoundError:
        return error_response(404, "not_found", "The file is no longer on the server.")
    return FileResponse(path, media_type=media_type(stored.content_type),
                        headers=download_headers(stored.filename))
