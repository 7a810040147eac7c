"""Interview recordings over HTTP: the room's chunk uploads, and HR's playback.

Uploads are authenticated by the interview link's token (the room has no sign-in) and counted
like every token lookup, so guessing stays slow; playback needs a signed-in HR session and
answers Range requests, so the player can seek to each question.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlmodel import Session

from hireops import db
from hireops.api import error_response
from hireops.api.auth import request_client_address, signed_in_as
from hireops.api.schemas import RowId, error_answers
from hireops.api.voice_routes import read_capped_body, recording_headers
from hireops.config import get_settings
from hireops.models import Application, InterviewRecording
from hireops.services.platform.auth import READ_ROLES
from hireops.services.privacy.blind_screening import is_identity_hidden
from hireops.services.interviews.recordings import (
    MAX_PARTS,
    ChunkRefused,
    append_chunk,
    recording_path,
)
from hireops.services.interviews.recording_views import note_recording_view, starts_a_view
from hireops.services.interviews.room import find_room

router = APIRouter(tags=["interview recordings"])
# The highest chunk index taken: hours of 3-second chunks.
MAX_CHUNK_INDEX = 100_000
# The chunk's metadata (new question marks and voiced spans) travels in one header.
META_HEADER = "x-recording-meta"
MAX_META_CHARS = 6000


@router.post("/interview-recordings/{token}/parts/{part}/chunks/{index}", responses=error_answers(
    400, 401, 403, 409, 413, 415, 429, 507))
async def upload_chunk(request: Request, token: str = Path(max_length=200),
                       part: int = Path(ge=0, lt=MAX_PARTS),
                       index: int = Path(ge=0, le=MAX_CHUNK_INDEX)) -> JSONResponse:
    """One chunk of one part of the room's recording (a part is one browser recording: a
    reload starts the next), in order; a chunk sent again is acknowledged."""
    limit = get_settings().recording_chunk_max_bytes
    payload = await read_capped_body(request, limit)
    if payload is None:
        return error_response(413, "chunk_too_large", "The chunk is larger than the limit.")
    try:
        meta = _meta(request.headers.get(META_HEADER, ""))
    except ValueError:
        return error_response(400, "bad_meta", f"{META_HEADER} must be a small JSON object.")
    return await run_in_threadpool(_store, token, part, index, payload,
                                   request.headers.get("content-type", ""), meta,
                                   request_client_address(request))


def _meta(raw: str) -> dict:
    if not raw:
        return {}
    if len(raw) > MAX_META_CHARS:
        raise ValueError(raw[:20])
    meta = json.loads(raw)
    if not isinstance(meta, dict):
        raise ValueError("not an object")
    return meta


def _store(token: str, part: int, index: int, payload: bytes, content_type: str, meta: dict,
           client: str) -> JSONResponse:
    with db.session_scope() as session:
        lookup = find_room(session=session, token=token, client_key=client)
        session.commit()
        if lookup.problem == "rate_limited":
            return error_response(429, "rate_limited", "Too many attempts; wait a minute.",
                                  headers={"Retry-After": str(lookup.retry_after_s)})
        if lookup.link is None:
            return error_response(401, "unknown_link", "This interview link is not valid.")
        duration = meta.get("duration_ms")
        try:
            outcome = append_chunk(
                session=session, link=lookup.link, index=index, payload=payload,
                content_type=content_type,
                duration_ms=duration if isinstance(duration, int) else 0,
                marks=meta.get("marks", []), segments=meta.get("speech", []), part=part)
        except ChunkRefused as refused:
            return error_response(refused.status, refused.code, refused.message)
    return JSONResponse({"status": outcome.status, "next_index": outcome.next_index,
                         "size_bytes": outcome.size_bytes})


@router.get("/interview-recordings/{recording_id}/video", response_model=None,
            responses={200: {"content": {"video/webm": {}}}, **error_answers(401, 403, 404)})
def recording_video(request: Request, recording_id: RowId) -> Response:
    """The recorded interview, for signed-in users (viewer and up); Range requests seek."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        viewer, refused = signed_in_as(session, request, READ_ROLES, "watch interviews")
        if refused is not None:
            return refused
        recording = session.get(InterviewRecording, recording_id)
        application = session.get(Application, recording.application_id) if recording else None
        if recording is None or application is None:
            return error_response(404, "not_found", "There is no such recording.")
        if is_identity_hidden(session=session, candidate_id=application.candidate_id):
            return error_response(403, "blind_screening",
                                  "The video shows who the candidate is: hidden while blind "
                                  "screening hides them.")
        path, mime = recording_path(recording), recording.mime_type or "video/webm"
        if path is None:
            return error_response(404, "not_found", "This recording has no video.")
        if starts_a_view(request.headers.get("range", "")):
            # Who watched whom is on the record; the route is the outermost caller.
            note_recording_view(session=session, user=viewer, recording=recording)
            session.commit()
    # FileResponse answers Range requests (206 with Content-Range), which <video> needs to seek.
    return FileResponse(path, media_type=mime,
                        headers=recording_headers(f"interview-recording-{recording_id}.webm"))
