"""Each user's private calendar feed address: `/calendar/<token>.ics`, shown once, stored as a
SHA-256 hash, replaced or revoked by its owner.

The token is `hcal_` and 43 URL-safe characters (256 random bits): a plain SHA-256 is enough
(nobody brute-forces that much), and the lookup is one indexed query. A user has at most one
live token; making a new one revokes the old, so a leaked address is shut by resetting it.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import CalendarFeedToken, User, utcnow
from hireops.services.audit import record_event
from hireops.services.clock import format_local
from hireops.services.crypto import hash_token
from hireops.services.rate_limit import RateLimitVerdict, register_hit
from hireops.services.runtime_settings import current_settings

TOKEN_PREFIX = "hcal_"
PREFIX_CHARS = 12
_MAX_PRESENTED_CHARS = 100
# last_used_at is written at most this often: calendar apps poll every few minutes.
_TOUCH_EVERY = timedelta(minutes=5)
_LOOKUP_WINDOW_S = 60


@dataclass(frozen=True)
class FeedStatus:
    """What the owner sees of their feed (never the secret, which is shown once)."""

    active: bool
    token_prefix: str
    created_at: str
    last_used: str


def feed_url(token: str) -> str:
    """The subscription address of a feed token, on the app's public address."""
    return f"{current_settings().public_base_url.rstrip('/')}/calendar/{token}.ics"


def create_feed_token(*, session: Session, user: User) -> str:
    """A new feed token for `user` (their previous one stops working); returns the plaintext,
    which is never stored. Commits."""
    _revoke_live(session, user)
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = CalendarFeedToken(user_id=user.id, token_prefix=plaintext[:PREFIX_CHARS],
                              token_hash=hash_token(plaintext))
    session.add(token)
    session.flush()
    record_event(session=session, action="calendar_feed.created", actor=user,
                 entity_type="user", entity_id=user.id, after={"prefix": token.token_prefix})
    session.commit()
    return plaintext


def revoke_feed_token(*, session: Session, user: User) -> bool:
    """Stop `user`'s feed address from working; False when there was none. Commits."""
    revoked = _revoke_live(session, user)
    session.commit()
    return revoked


def _revoke_live(session: Session, user: User) -> bool:
    live = session.exec(select(CalendarFeedToken).where(
        CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None))).all()
    for token in live:
        token.revoked_at = utcnow()
        session.add(token)
        record_event(session=session, action="calendar_feed.revoked", actor=user,
                     entity_type="user", entity_id=user.id,
                     after={"prefix": token.token_prefix})
    return bool(live)


def feed_status(*, session: Session, user_id: int) -> FeedStatus:
    """The user's live feed token as they see it, or an inactive status."""
    token = session.exec(select(CalendarFeedToken).where(
        CalendarFeedToken.user_id == user_id, CalendarFeedToken.revoked_at.is_(None))
        .order_by(CalendarFeedToken.id.desc())).first()
    if token is None:
        return FeedStatus(False, "", "", "")
    return FeedStatus(True, token.token_prefix, format_local(token.created_at),
                      format_local(token.last_used_at) or "never")


def register_feed_lookup(*, session: Session, client: str) -> RateLimitVerdict:
    """Count one feed request from `client` (failed ones too, so guessing is bounded). Commits."""
    verdict = register_hit(session=session, key=f"calendar-feed:{client}",
                           limit=get_settings().api_token_lookups_per_minute,
                           window_s=_LOOKUP_WINDOW_S)
    session.commit()
    return verdict


def feed_owner(*, session: Session, presented: str) -> User | None:
    """The active user whose live feed token `presented` is, or None."""
    if not presented.startswith(TOKEN_PREFIX) or len(presented) > _MAX_PRESENTED_CHARS:
        return None
    digest = hash_token(presented)
    token = session.exec(select(CalendarFeedToken).where(
        CalendarFeedToken.token_hash == digest)).first()
    # Found by the index; compared again in constant time so timing tells nothing of a guess.
    if token is None or not hmac.compare_digest(token.token_hash, digest) \
            or token.revoked_at is not None:
        return None
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= _TOUCH_EVERY:
        token.last_used_at = now
        session.add(token)
        session.commit()
    return user
