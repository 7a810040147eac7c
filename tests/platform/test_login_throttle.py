"""Failed sign-ins slow down guessing per account and per client address: every simultaneous
attempt is counted (on SQLite and PostgreSQL), a client spraying many accounts is held back,
old failures are forgotten, and the README states the waits the code applies."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import Session

from hireops import db
from hireops.config import PROJECT_ROOT, get_settings
from hireops.models import LoginThrottle, RateLimitBucket, Role, utcnow
from hireops.services.platform.auth import create_user, sign_in
from hireops.services.platform.login_throttle import (
    account_key,
    account_rule,
    client_key,
    purge_forgotten,
)
from hireops.services.operations.background_jobs import InboxPoller
from tests.parallel import in_parallel

PASSWORD = "correct horse battery"
WRONG = "Wrong email or password."
REFUSED = "Too many failed attempts"


@pytest.fixture
def settings(monkeypatch):
    def apply(**values):
        for name, value in values.items():
            monkeypatch.setenv(name.upper(), str(value))
        get_settings.cache_clear()
    return apply


@pytest.fixture
def stopped_clock(monkeypatch):
    """The throttle's clock stands still, as if every attempt arrived in the same instant:
    argon2 on a loaded machine can otherwise take longer than the first 1 s wait, and an
    attempt after the wait is rightly let through."""
    instant = utcnow()
    monkeypatch.setattr("hireops.services.platform.login_throttle.utcnow", lambda: instant)


def _add_user(email: str = "rita@example.com") -> None:
    with Session(db.get_engine()) as session:
        create_user(session=session, email=email, password=PASSWORD, role=Role.recruiter)
        session.commit()


def _row(key: str) -> LoginThrottle | None:
    with Session(db.get_engine()) as session:
        return session.get(LoginThrottle, key)


def _sign_in(email: str, password: str, client: str = "198.51.100.7"):
    with Session(db.get_engine(), expire_on_commit=False) as session:
        return sign_in(session=session, email=email, password=password, client=client)


def test_simultaneous_guesses_are_each_counted_and_stop_at_the_free_attempts(
        any_database_url, settings, stopped_clock):
    settings(login_free_attempts=3, login_client_free_attempts=100)
    _add_user()
    results = in_parallel(16, lambda session: sign_in(
        session=session, email="rita@example.com", password="a guess", client="203.0.113.66"))
    errors = [result.error for result in results]
    # Only the free attempts reach the password check; the rest wait, uncounted.
    assert errors.count(WRONG) == 3
    assert sum(error.startswith(REFUSED) for error in errors) == 13
    assert _row(account_key("rita@example.com")).failures == 3
    assert _row(client_key("203.0.113.66")).failures == 3


def test_one_client_guessing_many_accounts_is_slowed_down(database_url, settings,
                                                          stopped_clock):
    settings(login_free_attempts=3, login_client_free_attempts=4)
    _add_user()
    for number in range(4):  # one guess each: no single account reaches its limit
        assert _sign_in(f"user{number}@example.com", "a guess").error == WRONG
    refused = _sign_in("rita@example.com", PASSWORD)
    assert refused.user is None and refused.error.startswith(REFUSED)
    assert refused.retry_after_s == 1
    # The same account from another address is not held back by that client's failures.
    assert _sign_in("rita@example.com", PASSWORD, client="192.0.2.10").user is not None


def test_successful_sign_ins_do_not_use_up_a_shared_address(database_url, settings):
    settings(login_free_attempts=3, login_client_free_attempts=4)
    _add_user()
    for _ in range(12):  # an office behind one address, signing in all day
        assert _sign_in("rita@example.com", PASSWORD, client="192.0.2.20").token
    assert _row(client_key("192.0.2.20")).failures == 0
    assert _row(account_key("rita@example.com")) is None


def test_old_failures_are_forgotten_and_purged(database_url, settings):
    settings(login_free_attempts=2, login_failures_expire_s=600)
    _add_user()
    for _ in range(2):
        _sign_in("rita@example.com", "a guess")
    assert _sign_in("rita@example.com", PASSWORD).error.startswith(REFUSED)
    long_ago = utcnow() - timedelta(seconds=601)
    with Session(db.get_engine()) as session:
        for key in (account_key("rita@example.com"), client_key("198.51.100.7")):
            row = session.get(LoginThrottle, key)
            row.last_failure_at = long_ago
            session.add(row)
        session.add(LoginThrottle(key=account_key("gone@example.com"), failures=9,
                                  last_failure_at=long_ago))
        session.commit()
    # A new failure starts the count again instead of waiting on a stale one.
    assert _sign_in("rita@example.com", "a typo").retry_after_s == 0
    assert _row(account_key("rita@example.com")).failures == 1
    assert _row(client_key("198.51.100.7")).failures == 1
    with Session(db.get_engine()) as session:
        assert purge_forgotten(session=session) == 1  # gone@ only: the typo renewed the rest
        session.commit()
    assert _row(account_key("gone@example.com")) is None
    assert _row(account_key("rita@example.com")).failures == 1


def test_the_readme_states_the_waits_the_code_applies():
    readme = (PROJECT_ROOT / "README.md").read_text()
    stated = re.search(r"after (\d+) failures\b[^.]*?must wait ((?:\d+, )+(?:then )?\d+) s",
                       readme)
    assert stated, "the README no longer describes the sign-in waits"
    free, waits = int(stated[1]), [float(w) for w in re.findall(r"\d+", stated[2])]
    rule = account_rule()
    assert free == rule.free_attempts
    assert waits == [rule.delay_after(free + n) for n in range(len(waits))]
    assert waits[-1] == rule.max_delay_s == rule.delay_after(free + len(waits))


def test_housekeeping_drops_stale_throttle_rows(database_url):
    long_ago = utcnow() - timedelta(days=2)
    with Session(db.get_engine()) as session:
        session.add(LoginThrottle(key=client_key("192.0.2.99"), failures=4,
                                  last_failure_at=long_ago))
        session.add(RateLimitBucket(key="interview-token:192.0.2.99",
                                    window_started_at=long_ago, hits=30))
        session.commit()
    done = InboxPoller(0, holder="housekeeper").housekeeping_once()
    assert done["throttles_purged"] == 2
    assert _row(client_key("192.0.2.99")) is None
