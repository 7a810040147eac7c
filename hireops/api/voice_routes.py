"""Voice interview routes: the ElevenLabs post-call webhook and recruiter audio playback.

The webhook is believed only after its `ElevenLabs-Signature` checks out against the raw body;
the audio is proxied from ElevenLabs so the browser never needs (or sees) the API key.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session

from hireops import db
from hireops.api import error_response
from hireops.api.schemas import RowId, error_answers
from hireops.config import get_settings
from hireops.api.auth import signed_in_refusal
from hireops.models import InterviewLink
from hireops.services.platform.auth import READ_ROLES
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import VoiceProviderError
from hireops.services.interviews.voice.transcript_sync import complete_from_webhook, conversation_ids
from hireops.services.interviews.voice.webhooks import (
    SIGNATURE_HEADER,
    WebhookRejected,
    verify_elevenlabs_signature,
)

def recording_headers(filename: str) -> dict[str, str]:
    """The headers of a recording played back to HR: it is personal data (no shared or
    on-disk caches), shown in the page's player under `filename`."""
    return {"Cache-Control": "private, no-store",
            "Content-Disposition": f'inline; filename="{filename}"',
            "X-Content-Type-Options": "nosniff"}


# A post-call transcription is a few hundred KB at most; audio webhooks are not used.
MAX_WEBHOOK_BYTES = 10 * 1024 * 1024

logger = logging.getLogger(__name__)
router = APIRouter()


@router.post("/webhooks/elevenlabs", responses=error_answers(401, 413, 502, 503))
async def elevenlabs_webhook(request: Request) -> JSONResponse:
    """ElevenLabs' post-call webhook: verify, sync the transcript, complete the interview."""
    secret = current_settings().elevenlabs_webhook_secret
    if secret is None or not secret.get_secret_value():
        return error_response(503, "not_configured", "The ElevenLabs webhook secret is not set.")
    raw_body = await read_capped_body(request, MAX_WEBHOOK_BYTES)
    if raw_body is None:
        return error_response(413, "too_large", "Webhook body too large.")
    try:
        payload = verify_elevenlabs_signature(
            raw_body=raw_body, header=request.headers.get(SIGNATURE_HEADER),
            secret=secret.get_secret_value(),
            tolerance_s=get_settings().elevenlabs_webhook_tolerance_s)
    except WebhookRejected as rejected:
        logger.warning("ElevenLabs webhook rejected: %s", rejected.reason)
        return error_response(401, "invalid_signature", rejected.reason)
    # Database and SDK calls block: they run in a worker thread, not on the event loop.
    return await run_in_threadpool(_complete, payload)


async def read_capped_body(request: Request, limit: int) -> bytes | None:
    """The body, read as it streams in; None when it declares more than `limit` bytes (nothing
    is read then) or as soon as it passes them.

    A chunked body declares no length, and `request.body()` would hold all of it before its
    size could be checked: one such request once grew the process from 215 to 941 MB.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None  # the rest is never read; the server closes the connection
        chunks.append(chunk)
    return b"".join(chunks)


def _complete(payload: dict) -> JSONResponse:
    try:
        provider = ElevenLabsProvider.from_settings()
    except VoiceProviderError as problem:
        return error_response(503, "not_configured", problem.reason)
    try:
        with Session(db.get_engine(), expire_on_commit=False) as session:
            outcome = complete_from_webhook(session=session, payload=payload, provider=provider)
    except VoiceProviderError as problem:
        # A 5xx lets ElevenLabs deliver again (when retries are on) once the API answers.
        logger.warning("ElevenLabs webhook: could not fetch the conversation: %s", problem.reason)
        return error_response(502, "provider_unavailable", problem.reason)
    finally:
        provider.close()
    if outcome.status == "ignored":
        logger.info("ElevenLabs webhook ignored: %s", outcome.note)
    return JSONResponse({"status": outcome.status, "link_id": outcome.link_id,
                         "turns_written": outcome.turns_written, "note": outcome.note})


@router.get("/interviews/{link_id}/audio", response_model=None,
            responses={200: {"content": {"audio/mpeg": {}}},
                       **error_answers(401, 403, 404, 502, 503)})
def interview_audio(request: Request, link_id: RowId,
                    part: int = Query(default=1, ge=1)) -> Response:
    """The recording of one part of a voice interview, for signed-in users (viewer and up)."""
    # The database is only needed for the checks; the download runs without holding it.
    with Session(db.get_engine(), expire_on_commit=False) as session:
        refused = signed_in_refusal(session, request, READ_ROLES, "listen to interviews")
        if refused is not None:
            return refused
        link = session.get(InterviewLink, link_id)
        parts = conversation_ids(link) if link is not None else []
    if not parts:
        return error_response(404, "not_found", "This interview has no voice recording.")
    if part > len(parts):
        return error_response(404, "not_found",
                              f"This interview has {len(parts)} recorded part(s).")
    try:
        provider = ElevenLabsProvider.from_settings()
    except VoiceProviderError as problem:
        return error_response(503, "not_configured", problem.reason)
    try:
        audio = provider.fetch_audio(parts[part - 1])
    except VoiceProviderError as problem:
        if problem.status_code == 404:
            return error_response(404, "not_found",
                                  "ElevenLabs has no recording for this part.")
        return error_response(502, "provider_unavailable", problem.reason)
    finally:
        provider.close()
    return Response(audio, media_type="audio/mpeg", headers={
        **recording_headers(f"interview-{link_id}-part-{part}.mp3"),
        # The player learns how many parts a resumed interview has.
        "X-Audio-Parts": str(len(parts)),
    })
