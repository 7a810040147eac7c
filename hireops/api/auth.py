"""Who is calling: the integration API's bearer-token check, as FastAPI dependencies, and
the signed-in person behind a browser's request (their session cookie) for the routes HR's
pages reach (recordings, exports).

Every token lookup is counted per client address before the token is checked, so a caller
guessing tokens is slowed down as much as one using a real token too often.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from hireops import db
from hireops.api import ApiError, error_response
from hireops.models import ApiToken, ApiTokenScope, Role, User
from hireops.services.platform.api_tokens import authenticate_token, register_lookup
from hireops.services.platform.auth import role_allows, user_for_token
from hireops.services.platform.client_address import client_address
from hireops.services.platform.session_cookie import SESSION_COOKIE

# auto_error=False: a missing header gets our JSON 401, not FastAPI's 403.
_bearer = HTTPBearer(auto_error=False, description="An API token created by an admin "
                     "under Settings > API tokens: `Authorization: Bearer hop_...`.")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def get_session() -> Iterator[Session]:
    """One database session per request."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        yield session


def request_client_address(request: Request) -> str:
    """The address an HTTP request comes from, read through TRUSTED_PROXIES."""
    peer = request.client.host if request.client else "unknown"
    forwarded_for = ", ".join(request.headers.getlist("x-forwarded-for"))
    return client_address(peer=peer, forwarded_for=forwarded_for)


def api_token(request: Request,
              credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
              session: Session = Depends(get_session)) -> ApiToken:
    """The live token presented with the request (read scope or more), or a 401/429."""
    verdict = register_lookup(session=session, client=request_client_address(request))
    if not verdict.allowed:
        raise ApiError(429, "rate_limited", "Too many API requests; slow down.",
                       headers={"Retry-After": str(verdict.retry_after_s)})
    if credentials is None:
        raise ApiError(401, "unauthorized", "Send an API token: Authorization: Bearer <token>.",
                       headers=_CHALLENGE)
    token = authenticate_token(session=session, presented=credentials.credentials)
    if token is None:
        raise ApiError(401, "unauthorized", "The API token is unknown or revoked.",
                       headers=_CHALLENGE)
    return token


def write_token(token: ApiToken = Depends(api_token)) -> ApiToken:
    """The presented token, if it has write scope; else a 403."""
    if ApiTokenScope(token.scope) != ApiTokenScope.write:
        raise ApiError(403, "forbidden", "This API token is read-only; this route needs a "
                       "write token.")
    return token


def actor_label(token: ApiToken) -> str:
    """How the audit log names a change made through the API."""
    return f"api:{token.token_prefix} ({token.name})"[:320]


def signed_in_user(session: Session, request: Request) -> User | None:
    """The user whose session cookie `request` carries, if any."""
    return user_for_token(session=session, token=request.cookies.get(SESSION_COOKIE, ""))


def signed_in_as(session: Session, request: Request, roles: tuple[Role, ...],
                 verb: str) -> tuple[User | None, Response | None]:
    """(the signed-in user, None) for a visitor who may `verb`; (None, the answer) for one who
    may not: not signed in (401), or a role not in `roles` (403)."""
    user = signed_in_user(session, request)
    if user is None:
        return None, error_response(401, "not_signed_in", f"Sign in to {verb}.")
    if not role_allows(user, roles):
        return None, error_response(403, "forbidden", f"Your role may not {verb}.")
    return user, None


def signed_in_refusal(session: Session, request: Request, roles: tuple[Role, ...],
                      verb: str) -> Response | None:
    """The answer to a visitor who may not `verb` (see `signed_in_as`); None for one who may."""
    return signed_in_as(session, request, roles, verb)[1]
