"""The session cookie is set and cleared by the server (HttpOnly, SameSite=Strict, Secure over
https), from this app's own sign-in page only, and Reflex's event socket sees only its digest."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from hireops.api.app import build_api
from hireops.api.security import SessionDigestMiddleware
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.auth import create_user, session_digest, user_for_token

PASSWORD = "correct horse battery"
OWN = {"Origin": "http://localhost:3000"}


@pytest.fixture
def browser(database_url) -> TestClient:
    with session_scope() as session:
        create_user(session=session, email="hr@example.com", password=PASSWORD, role=Role.admin)
    with TestClient(build_api(), base_url="http://localhost:3000",
                    follow_redirects=False) as client:
        yield client


def _sign_in(client: TestClient, password: str = PASSWORD, headers=OWN, next_path="/jobs"):
    return client.post("/auth/sign-in", headers=headers,
                       data={"email": "hr@example.com", "password": password, "next": next_path})


def test_sign_in_sets_an_httponly_strict_cookie_and_goes_on(browser):
    answer = _sign_in(browser)
    assert answer.status_code == 303 and answer.headers["location"] == "/jobs"
    cookie = answer.headers["set-cookie"]
    token = browser.cookies["hireops_session"]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path", "max-age"} <= attributes
    assert "samesite=strict" in cookie.lower()
    assert "secure" not in attributes  # plain http: a Secure cookie would never come back
    with session_scope() as session:
        assert user_for_token(session=session, token=token).email == "hr@example.com"


def test_the_cookie_is_secure_when_the_app_is_served_over_https(browser, monkeypatch):
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://hire.example.com")
    get_settings.cache_clear()
    answer = _sign_in(browser, headers={"Origin": "https://hire.example.com"})
    assert answer.status_code == 303
    assert "secure" in {p.strip().lower() for p in answer.headers["set-cookie"].split(";")}


def test_a_wrong_password_goes_back_to_the_form_with_a_reason_and_no_cookie(browser):
    answer = _sign_in(browser, password="not-the-password", next_path="//evil.example")
    assert answer.status_code == 303 and "set-cookie" not in answer.headers
    target = urlsplit(answer.headers["location"])
    assert target.path == "/login"
    assert parse_qs(target.query) == {"next": ["/"], "error": ["wrong"]}


def test_posts_from_other_sites_are_refused(browser):
    assert _sign_in(browser, headers={"Origin": "https://evil.example"}).status_code == 403
    assert _sign_in(browser, headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"}
                    ).status_code == 403
    assert _sign_in(browser, headers={}).status_code == 403
    assert "hireops_session" not in browser.cookies


def test_sign_out_ends_the_session_and_clears_the_cookie(browser):
    _sign_in(browser)
    token = browser.cookies["hireops_session"]
    assert browser.post("/auth/sign-out", headers={"Origin": "https://evil.example"}
                        ).status_code == 403
    answer = browser.post("/auth/sign-out", headers=OWN)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert "max-age=0" in answer.headers["set-cookie"].lower()
    with session_scope() as session:
        assert user_for_token(session=session, token=token) is None


def _headers_seen_by(path: str, kind: str, cookie: bytes) -> dict[bytes, bytes]:
    seen = {}

    async def inner(scope, _receive, _send):
        seen.update(scope["headers"])

    scope = {"type": kind, "path": path, "headers": [(b"host", b"app"), (b"cookie", cookie)]}
    asyncio.run(SessionDigestMiddleware(inner)(scope, None, None))
    return seen


@pytest.mark.parametrize("kind", ["websocket", "http"])
def test_the_event_socket_gets_the_digest_never_the_token(kind):
    sent = b"theme=dark; hireops_session=tok-123; hireops_session_digest=forged"
    seen = _headers_seen_by("/_event/", kind, sent)
    assert seen[b"cookie"] == f"hireops_session_digest={session_digest('tok-123')}".encode()
    assert b"tok-123" not in b"".join(seen.values())
    # A digest sent without a session cookie is dropped, not believed.
    assert b"cookie" not in _headers_seen_by("/_event/", kind, b"hireops_session_digest=forged")
    # Other routes (the voice playback reads the cookie itself) keep it as sent.
    assert _headers_seen_by("/api/v1/x", kind, sent)[b"cookie"] == sent
