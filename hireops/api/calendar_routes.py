"""GET /calendar/<token>.ics: a user's private calendar feed, for Google, Outlook or Apple
calendars to subscribe to. The token is the only credential, so every request (failed ones
too) counts towards the per-client limit, and an unknown or revoked token is a plain 404."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response

from hireops.api.auth import request_client_address
from hireops.db import session_scope
from hireops.models import utcnow
from hireops.services.calendar.feed import feed_calendar
from hireops.services.calendar.feed_tokens import feed_owner, register_feed_lookup

router = APIRouter()
FEED_PATH = "/calendar/{token}.ics"


@router.get(FEED_PATH, include_in_schema=False)
async def calendar_feed(token: str, request: Request) -> Response:
    """The feed's .ics, or 404 / 429."""
    return await run_in_threadpool(_answer, token, request_client_address(request))


def _answer(token: str, client: str) -> Response:
    with session_scope() as session:
        verdict = register_feed_lookup(session=session, client=client)
        if not verdict.allowed:
            return PlainTextResponse("Too many calendar requests; try again later.", 429,
                                     headers={"Retry-After": str(verdict.retry_after_s)})
        user = feed_owner(session=session, presented=token)
        if user is None:
            return PlainTextResponse("No such calendar.", 404)
        body = feed_calendar(session=session, user=user, now=utcnow())
    # Private to the owner: shared caches must not keep it; calendars poll anyway.
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": "private, no-store",
                             "Content-Disposition": 'inline; filename="interviews.ics"'})
