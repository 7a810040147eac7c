"""Each user's private calendar feed address: `/calendar/<token>.ics`, shown once, stored as a
SHA-256 hash, replaced or revoked by its owner.

The token is `hcal_` and 43 URL-safe characters (256 random bits): a plain SHA-256 is enough
(nobody brute-forces that much), and the lookup is one indexed query. A user has at most one
live token; making a new one revokes the old, so a leaked address is shut by resetting it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from hireops.models import CalendarFeedToken, User, utcnow
from hireops.services.platform.api_tokens import live_token, note_use, register_token_lookup
from hireops.services.platform.audit import record_event
from hireops.services.platform.clock import format_local
from hireops.services.platform.crypto import hash_token
from hireops.services.platform.rate_limit import RateLimitVerdict
from hireops.services.platform.runtime_settings import current_settings

TOKEN_PREFIX = "hcal_"
PREFIX_CHARS = 12
_MAX_PRESENTED_CHARS = 100
# last_used_at is written at most this often: calendar apps poll every few minutes.
_TOUCH_EVERY = timedelta(minutes=5)


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
    return register_token_lookup(session=session, key=f"calendar-feed:{client}")


def feed_owner(*, session: Session, presented: str) -> User | None:
    """The active user whose live feed token `presented` is, or None."""
    if not presented.startswith(TOKEN_PREFIX) or len(presented) > _MAX_PRESENTED_CHARS:
        return None
    token = live_token(session=session, table=CalendarFeedToken, presented=presented)
    if token is None:
        return None
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        return None
    note_use(session=session, token=token, every=_TOUCH_EVERY)
    return user
