"""Users, passwords, sign-in, throttling of failed sign-ins and session tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import Event, LoginThrottle, Role, User, UserSession, utcnow
from hireops.services.platform import login_throttle
from hireops.services.platform.login_throttle import account_key
from hireops.services.platform.auth import (
    AuthError,
    create_user,
    role_allows,
    sign_in,
    sign_out,
    user_for_token,
    verify_password,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def recruiter(session) -> User:
    user = create_user(session=session, email="rita@example.com", password=PASSWORD,
                       role=Role.recruiter, full_name="Rita")
    session.commit()
    return user


def _events(session, action: str) -> list[Event]:
    return list(session.exec(select(Event).where(Event.action == action).order_by(Event.id)).all())


def _session_row(session, user: User) -> UserSession:
    return session.exec(select(UserSession).where(UserSession.user_id == user.id)).one()


# --- create_user ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("email", "password", "role", "message"),
    [
        ("not-an-email", PASSWORD, "viewer", "not a valid email"),
        ("a b@example.com", PASSWORD, "viewer", "not a valid email"),
        ("ok@example.com", "short", "viewer", "at least 10 characters"),
        ("ok@example.com", PASSWORD, "superuser", "Unknown role 'superuser'"),
    ],
)
def test_create_user_rejects_invalid_input(session, email, password, role, message):
    with pytest.raises(AuthError, match=message):
        create_user(session=session, email=email, password=password, role=role)
    assert session.exec(select(User)).all() == []


def test_create_user_normalises_email_and_refuses_duplicates(session):
    user = create_user(session=session, email="  Mixed.Case@Example.COM ", password=PASSWORD,
                       role="recruiter")
    session.commit()
    assert user.email == "mixed.case@example.com"
    assert user.role == Role.recruiter
    with pytest.raises(AuthError, match="already exists"):
        create_user(session=session, email="MIXED.case@example.com", password=PASSWORD,
                    role="viewer")
    event = _events(session, "user.created")[0]
    assert event.entity_id == user.id
    assert event.after == {"email": "mixed.case@example.com", "role": "recruiter"}


def test_password_is_stored_as_argon2_hash(session, recruiter):
    stored = session.get(User, recruiter.id).password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + "x")
    assert not verify_password("not a hash", PASSWORD)


# --- sign_in -------------------------------------------------------------------------------

def test_sign_in_returns_token_and_records_event(session, recruiter):
    result = sign_in(session=session, email="RITA@example.com ", password=PASSWORD)
    assert result.error == ""
    assert result.user.id == recruiter.id
    assert len(result.token) >= 32
    # Only the hash of the token is stored.
    row = _session_row(session, recruiter)
    assert row.token_hash != result.token
    assert session.get(User, recruiter.id).last_login_at is not None
    [event] = _events(session, "auth.signed_in")
    assert event.actor_user_id == recruiter.id
    assert event.actor_label == "rita@example.com"


def test_wrong_password_and_unknown_email_give_the_same_message(session, recruiter):
    wrong = sign_in(session=session, email="rita@example.com", password="wrong password!")
    unknown = sign_in(session=session, email="nobody@example.com", password=PASSWORD)
    assert wrong.user is None and unknown.user is None
    assert wrong.token == "" and unknown.token == ""
    assert wrong.error == unknown.error == "Wrong email or password."
    failures = _events(session, "auth.sign_in_failed")
    assert [e.actor_label for e in failures] == ["rita@example.com", "nobody@example.com"]
    assert session.exec(select(UserSession)).all() == []


def test_inactive_user_cannot_sign_in(session, recruiter):
    recruiter.is_active = False
    session.add(recruiter)
    session.commit()
    result = sign_in(session=session, email="rita@example.com", password=PASSWORD)
    assert result.user is None
    assert result.error == "Wrong email or password."


@pytest.fixture
def strict_throttle(monkeypatch):
    """Two free attempts, a 4 s cap, and the throttle's clock stopped: the delays checked are
    the rule's, not what a busy machine took between two attempts (hashing a password can take
    over a second there)."""
    monkeypatch.setenv("LOGIN_FREE_ATTEMPTS", "2")
    monkeypatch.setenv("LOGIN_MAX_DELAY_S", "4")
    get_settings.cache_clear()
    stopped = utcnow()
    monkeypatch.setattr(login_throttle, "utcnow", lambda: stopped)


def _fail(session, email="rita@example.com"):
    return sign_in(session=session, email=email, password="wrong password!")


def _throttle(session, email: str = "rita@example.com") -> LoginThrottle | None:
    return session.get(LoginThrottle, account_key(email), populate_existing=True)


def _age_throttle(session, email: str, seconds: float) -> None:
    throttle = _throttle(session, email)
    throttle.last_failure_at = login_throttle.utcnow() - timedelta(seconds=seconds)
    session.add(throttle)
    session.commit()


def test_throttle_refuses_even_the_right_password_until_the_delay_passed(
    session, recruiter, strict_throttle
):
    assert _fail(session).retry_after_s == 0
    third = _fail(session)  # failures == free attempts: the next one must wait 2**0 s
    assert third.error == "Wrong email or password."
    assert 0 < third.retry_after_s <= 1

    refused = sign_in(session=session, email="rita@example.com", password=PASSWORD)
    assert refused.user is None
    assert refused.error.startswith("Too many failed attempts. Try again in")
    assert 0 < refused.retry_after_s <= 1
    # A refused attempt is not checked and not counted.
    assert _throttle(session).failures == 2

    _age_throttle(session, "rita@example.com", 1.5)
    assert _fail(session).retry_after_s > 1  # third failure: delay 2**1 s
    _age_throttle(session, "rita@example.com", 1.5)
    assert sign_in(session=session, email="rita@example.com", password=PASSWORD).user is None

    _age_throttle(session, "rita@example.com", 2.5)
    result = sign_in(session=session, email="rita@example.com", password=PASSWORD)
    assert result.user is not None and result.token


def test_throttle_delay_is_capped(session, recruiter, strict_throttle):
    for _ in range(2):
        _fail(session)
    throttle = _throttle(session)
    throttle.failures = 20  # 2**18 s uncapped
    session.add(throttle)
    session.commit()
    refused = sign_in(session=session, email="rita@example.com", password=PASSWORD)
    assert 3 < refused.retry_after_s <= 4


def test_throttle_applies_to_unknown_emails(session, strict_throttle):
    _fail(session, "ghost@example.com")
    _fail(session, "ghost@example.com")
    refused = _fail(session, "ghost@example.com")
    assert refused.error.startswith("Too many failed attempts")


def test_successful_sign_in_clears_the_throttle(session, recruiter):
    _fail(session)
    assert _throttle(session).failures == 1
    assert sign_in(session=session, email="rita@example.com", password=PASSWORD).token
    assert _throttle(session) is None


# --- sessions ------------------------------------------------------------------------------

def _signed_in(session, user: User) -> str:
    return sign_in(session=session, email=user.email, password=PASSWORD).token


def test_user_for_token_valid_and_unknown(session, recruiter):
    token = _signed_in(session, recruiter)
    assert user_for_token(session=session, token=token).id == recruiter.id
    assert user_for_token(session=session, token="not-a-token") is None
    assert user_for_token(session=session, token="") is None


def test_user_for_token_expired(session, recruiter):
    token = _signed_in(session, recruiter)
    row = _session_row(session, recruiter)
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.add(row)
    session.commit()
    assert user_for_token(session=session, token=token) is None


def test_sign_out_revokes_the_token(session, recruiter):
    token = _signed_in(session, recruiter)
    other = _signed_in(session, recruiter)
    sign_out(session=session, token=token)
    assert user_for_token(session=session, token=token) is None
    assert user_for_token(session=session, token=other).id == recruiter.id
    assert len(_events(session, "auth.signed_out")) == 1
    sign_out(session=session, token=token)  # already gone: no error, no second event
    sign_out(session=session, token="unknown")
    assert len(_events(session, "auth.signed_out")) == 1


def test_user_for_token_inactive_user(session, recruiter):
    token = _signed_in(session, recruiter)
    recruiter.is_active = False
    session.add(recruiter)
    session.commit()
    assert user_for_token(session=session, token=token) is None


def test_session_is_extended_only_after_five_minutes(session, recruiter):
    token = _signed_in(session, recruiter)
    row = _session_row(session, recruiter)
    first_seen, first_expiry = row.last_seen_at, row.expires_at
    assert first_expiry - first_seen == timedelta(hours=get_settings().session_hours)

    row.last_seen_at = first_seen - timedelta(minutes=4)
    session.add(row)
    session.commit()
    user_for_token(session=session, token=token)
    session.expunge_all()
    row = _session_row(session, recruiter)
    assert row.last_seen_at == first_seen - timedelta(minutes=4)
    assert row.expires_at == first_expiry

    row.last_seen_at = first_seen - timedelta(minutes=6)
    session.add(row)
    session.commit()
    before = utcnow()
    assert user_for_token(session=session, token=token) is not None
    session.expunge_all()
    row = _session_row(session, recruiter)
    assert row.last_seen_at >= before
    assert row.expires_at > first_expiry


def test_role_allows():
    admin, recruiter, viewer = (User(email=f"{r.value}@x.com", password_hash="-", role=r)
                                for r in Role)
    write_roles = (Role.recruiter,)
    assert role_allows(admin, write_roles)
    assert role_allows(admin, ())
    assert role_allows(recruiter, write_roles)
    assert not role_allows(viewer, write_roles)
    assert not role_allows(recruiter, (Role.viewer,))
    assert role_allows(viewer, (Role.viewer, Role.recruiter))
