"""Integration API tokens: created by an admin, shown once, stored as a SHA-256 hash.

A token is `hop_` and 43 URL-safe characters (256 random bits), so a plain SHA-256 is enough:
nobody brute-forces that much entropy, and lookups stay one indexed query. Only the first
8 characters are kept readable, so an admin can tell tokens apart in the list.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import ApiToken, ApiTokenScope, CalendarFeedToken, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import hash_token
from hireops.services.platform.rate_limit import RateLimitVerdict, register_hit
from hireops.services.platform.clock import format_local

TOKEN_PREFIX = "hop_"
PREFIX_CHARS = 8
MAX_NAME_CHARS = 120
# The scopes a token may have, as the form offers them.
SCOPES = tuple(scope.value for scope in ApiTokenScope)
# last_used_at is written at most this often, so every API call is not a row update.
_TOUCH_EVERY = timedelta(minutes=1)
_LOOKUP_WINDOW_S = 60
Token = TypeVar("Token", ApiToken, CalendarFeedToken)


class ApiTokenError(ValueError):
    """A token request that cannot be honoured; the message is for people."""


@dataclass(frozen=True)
class ApiTokenRow:
    """A token as the admin list shows it (never the secret)."""

    id: int
    name: str
    token_prefix: str
    scope: str
    created_by: str
    created_at: str
    last_used: str
    revoked: bool


def create_api_token(*, session: Session, name: str, scope: ApiTokenScope | str,
                     actor: User | None) -> tuple[ApiToken, str]:
    """Create a token and return it with its plaintext, which is never stored. Commits."""
    # One line in the list: line breaks and runs of spaces become one space.
    name = " ".join(str(name).split())
    # The refusals start with the field's label on the Settings form ("Name", "Scope").
    if not name or len(name) > MAX_NAME_CHARS:
        raise ApiTokenError(f"Name: give the token a name of 1 to {MAX_NAME_CHARS} characters"
                            + (f" (this one has {len(name)})." if name else "."))
    if scope not in SCOPES:
        raise ApiTokenError(f"Scope: choose {' or '.join(SCOPES)}.")
    scope = ApiTokenScope(scope)
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name, token_prefix=plaintext[:PREFIX_CHARS],
                     token_hash=hash_token(plaintext), scope=scope,
                     created_by_id=actor.id if actor else None)
    session.add(token)
    session.flush()
    record_event(session=session, action="api_token.created", actor=actor,
                 entity_type="api_token", entity_id=token.id,
                 after={"name": name, "scope": scope.value, "prefix": token.token_prefix})
    session.commit()
    return token, plaintext


def list_api_tokens(*, session: Session) -> list[ApiTokenRow]:
    """Every token, live ones first, newest first."""
    rows = session.exec(
        select(ApiToken, User.email).join(User, User.id == ApiToken.created_by_id, isouter=True)
        .order_by(ApiToken.revoked_at.is_not(None), ApiToken.id.desc())).all()
    return [_to_row(token, email) for token, email in rows]


def _to_row(token: ApiToken, creator_email: str | None) -> ApiTokenRow:
    return ApiTokenRow(
        id=token.id, name=token.name, token_prefix=token.token_prefix,
        scope=ApiTokenScope(token.scope).value, created_by=creator_email or "system",
        created_at=format_local(token.created_at),
        last_used=format_local(token.last_used_at) if token.last_used_at
        else "never",
        revoked=token.revoked_at is not None)


def revoke_api_token(*, session: Session, token_id: int, actor: User | None) -> ApiToken:
    """Revoke a token for good (a no-op if already revoked). Commits."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise ApiTokenError(f"There is no API token {token_id}.")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.add(token)
        record_event(session=session, action="api_token.revoked", actor=actor,
                     entity_type="api_token", entity_id=token.id,
                     after={"name": token.name, "prefix": token.token_prefix})
        session.commit()
    return token


def register_lookup(*, session: Session, client: str) -> RateLimitVerdict:
    """Count one token lookup from `client` (failed ones included, so guessing is bounded).
    Commits, so the hit counts even when the request then fails."""
    return register_token_lookup(session=session, key=f"api-token:{client}")


def authenticate_token(*, session: Session, presented: str) -> ApiToken | None:
    """The live token matching `presented`, or None; notes when it was last used."""
    if not presented.startswith(TOKEN_PREFIX) or len(presented) > 200:
        return None
    token = live_token(session=session, table=ApiToken, presented=presented)
    if token is not None:
        note_use(session=session, token=token, every=_TOUCH_EVERY)
    return token


# --- shared by every bearer token stored as a digest (API tokens, calendar feeds) ----------

def register_token_lookup(*, session: Session, key: str) -> RateLimitVerdict:
    """Count one lookup under `key` (the kind of token and the client) against the shared
    per-minute limit. Commits, so the hit counts even when the request then fails."""
    verdict = register_hit(session=session, key=key,
                           limit=get_settings().api_token_lookups_per_minute,
                           window_s=_LOOKUP_WINDOW_S)
    session.commit()
    return verdict


def live_token(*, session: Session, table: type[Token], presented: str) -> Token | None:
    """The unrevoked row of `table` whose digest is that of `presented`, or None."""
    digest = hash_token(presented)
    token = session.exec(select(table).where(table.token_hash == digest)).first()
    # The index finds the row by hash; comparing again in constant time keeps the final
    # check from leaking how much of a guess was right.
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        return None
    return None if token.revoked_at is not None else token


def note_use(*, session: Session, token: ApiToken | CalendarFeedToken,
             every: timedelta) -> None:
    """Stamp when a token was last used, at most once per `every` (clients poll often).
    Commits when it writes."""
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= every:
        token.last_used_at = now
        session.add(token)
        session.commit()
