"""Users, passwords and sign-in sessions (the slow-down of failed sign-ins: login_throttle).

Passwords are hashed with argon2id. A browser holds a random session token; the database keeps
only its SHA-256, so a leaked database does not leak live sessions.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Role, User, UserSession, utcnow
from hireops.services.platform import login_throttle
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import hash_token
from hireops.services.platform.login_throttle import ThrottleRule

_hasher = PasswordHasher()
# Verifying against this keeps unknown emails as slow as wrong passwords (no user enumeration).
_DUMMY_HASH = _hasher.hash("not-a-real-password")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10
# Sessions are touched at most this often, so every click is not a database write.
_TOUCH_EVERY = timedelta(minutes=5)


class AuthError(ValueError):
    """A sign-in or user-management request that cannot be honoured; the message is for people."""


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    token: str = ""
    error: str = ""
    retry_after_s: float = 0.0
    # Why it failed, for code: "throttled" or "wrong" ("" on success).
    reason: str = ""


def normalize_email(email: str) -> str:
    """Lower-cased, trimmed email used as the sign-in name."""
    return email.strip().lower()


def hash_password(password: str) -> str:
    """An argon2id hash of `password`."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches `password_hash`."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def get_user_by_email(*, session: Session, email: str) -> User | None:
    """The user with this email, if any."""
    return session.exec(select(User).where(User.email == normalize_email(email))).first()


def create_user(
    *, session: Session, email: str, password: str, role: Role | str, full_name: str = "",
    actor: User | None = None,
) -> User:
    """Create a user after checking the email, the role and the password length."""
    email = normalize_email(email)
    if not _EMAIL_RE.match(email):
        raise AuthError(f"'{email}' is not a valid email address.")
    try:
        role = Role(role)
    except ValueError:
        raise AuthError(f"Unknown role '{role}'; use admin, recruiter or viewer.") from None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if get_user_by_email(session=session, email=email):
        raise AuthError(f"A user with the email {email} already exists.")
    user = User(email=email, full_name=full_name.strip(), role=role,
                password_hash=hash_password(password))
    session.add(user)
    session.flush()
    record_event(session=session, action="user.created", actor=actor, entity_type="user",
                 entity_id=user.id, after={"email": email, "role": role.value})
    return user


def sign_in(*, session: Session, email: str, password: str, client: str = "") -> SignInResult:
    """Check credentials; on success open a session and return its token.

    After a few failures for one email, or more from one client address, each further attempt
    must wait a growing delay; attempts inside that window are refused without checking the
    password. The password check is slow on purpose (argon2): call this off the event loop.
    """
    email = normalize_email(email)
    throttles = [(login_throttle.account_key(email), login_throttle.account_rule())]
    if client:
        throttles.insert(0, (login_throttle.client_key(client), login_throttle.client_rule()))
    wait = _claim_attempt(session, throttles)
    if wait > 0:
        return SignInResult(None, error=f"Too many failed attempts. Try again in "
                            f"{math.ceil(wait)} s.", retry_after_s=wait, reason="throttled")
    user = get_user_by_email(session=session, email=email)
    valid = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and valid and user.is_active):
        # The attempt was counted as a failure when it was claimed.
        record_event(session=session, action="auth.sign_in_failed", actor_label=email,
                     entity_type="user", entity_id=user.id if user else None)
        session.commit()
        return SignInResult(None, error="Wrong email or password.",
                            retry_after_s=_longest_wait(session, throttles), reason="wrong")
    login_throttle.forget(session=session, key=login_throttle.account_key(email))
    if client:
        login_throttle.give_back_attempt(session=session, key=login_throttle.client_key(client))
    token = open_session(session=session, user=user)
    user.last_login_at = utcnow()
    session.add(user)
    record_event(session=session, action="auth.signed_in", actor=user,
                 entity_type="user", entity_id=user.id)
    session.commit()
    return SignInResult(user, token=token)


def _claim_attempt(session: Session, throttles: list[tuple[str, ThrottleRule]]) -> float:
    """Count the attempt as a failure under every throttle, or under none (returning the wait)
    when one of them refuses it. Committed before the slow password check, so simultaneous
    attempts in other workers see it."""
    wait = _longest_wait(session, throttles)
    if wait > 0:
        return wait
    claimed: list[str] = []
    for key, rule in throttles:
        wait = login_throttle.claim_attempt(session=session, key=key, rule=rule)
        if wait > 0:
            for earlier in claimed:
                login_throttle.give_back_attempt(session=session, key=earlier)
            break
        claimed.append(key)
    session.commit()
    return wait


def _longest_wait(session: Session, throttles: list[tuple[str, ThrottleRule]]) -> float:
    return max(login_throttle.seconds_to_wait(session=session, key=key, rule=rule)
               for key, rule in throttles)


def session_digest(token: str) -> str:
    """The SHA-256 of a session token: what the database keys sessions by, and all that the
    app's event socket ever sees of the browser's session cookie."""
    return hash_token(token)


def open_session(*, session: Session, user: User) -> str:
    """Start a sign-in session for `user` and return the token for the browser."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(UserSession(token_hash=session_digest(token), user_id=user.id, created_at=now,
                            last_seen_at=now, expires_at=_expiry(now)))
    return token


def _expiry(now: datetime) -> datetime:
    return now + timedelta(hours=get_settings().session_hours)


def user_for_token(*, session: Session, token: str) -> User | None:
    """The active user behind a live session token, extending the session while it is used."""
    if not token:
        return None
    return user_for_session_digest(session=session, digest=session_digest(token))


def user_for_session_digest(*, session: Session, digest: str) -> User | None:
    """The active user behind a live session's digest, extending the session while it is used."""
    if not digest:
        return None
    row = session.exec(select(UserSession).where(UserSession.token_hash == digest)).first()
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    if now - row.last_seen_at >= _TOUCH_EVERY:
        row.last_seen_at = now
        row.expires_at = _expiry(now)
        session.add(row)
        session.commit()
    return user


def sign_out(*, session: Session, token: str) -> None:
    """End the session behind `token` (no error if it is already gone)."""
    digest = session_digest(token)
    row = session.exec(select(UserSession).where(UserSession.token_hash == digest)).first()
    if row is None or row.revoked_at is not None:
        return
    row.revoked_at = utcnow()
    session.add(row)
    user = session.get(User, row.user_id)
    record_event(session=session, action="auth.signed_out", actor=user, entity_type="user",
                 entity_id=row.user_id)
    session.commit()


# Who may do what, for the pages' handlers and the HTTP routes alike.
READ_ROLES = (Role.admin, Role.recruiter, Role.viewer)
WRITE_ROLES = (Role.admin, Role.recruiter)
ADMIN_ROLES = (Role.admin,)


def role_allows(user: User, allowed: tuple[Role, ...]) -> bool:
    """Whether the user's role is one of `allowed` (admins are allowed everywhere)."""
    return user.role == Role.admin or user.role in allowed
