"""The production app against a browser and a hostile origin: the session cookie is HttpOnly,
no secret is saved with the tabs' states (which are owner-only), every answer carries the
security headers with nothing from another origin, and only the app's own origin gets CORS."""

from __future__ import annotations

import asyncio
import re
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.saved_states import wait_for_saved
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

EVIL = "https://evil.example"
# The app's public address when PUBLIC_BASE_URL is not set (the test app does not set it).
PUBLIC_ORIGIN = "http://localhost:3000"


def test_session_cookie_is_httponly_and_tab_states_keep_no_secret(page: Page, running_app,
                                                                  demo_applications):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()

    assert "hireops_session" not in page.evaluate("document.cookie")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "hireops_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert not cookie["secure"]  # served over plain http here

    page.goto(running_app.url + "/settings/api")
    page.fill("#token-name", "Hardening check")
    page.click("#token-create")
    shown = page.locator("#created-token")
    expect(shown).to_contain_text("hop_")
    api_token = shown.inner_text().strip()

    states = wait_for_saved(running_app, b"Hardening check")
    leaks = [path.name for path, payload in states.items()
             if cookie["value"].encode() in payload or api_token.encode() in payload]
    assert leaks == []
    folder = Path(running_app.env["REFLEX_STATES_WORKDIR"])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in states} == \
        {p.name: 0o600 for p in states}
    # The policy blocks nothing the app itself needs: a handler's toast shows (Reflex runs it
    # through eval), plotly's charts draw.
    page.get_by_role("button", name="Revoke").first.click()
    page.locator(".confirm-action").click()
    expect(page.get_by_text("Token revoked")).to_be_visible()
    page.goto(running_app.url + "/reports")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    assert [line for line in console if "Content Security Policy" in line] == []

    # Sign-out clears the cookie on the server's word.
    page.click("#sign-out")
    expect(page).to_have_url(re.compile(r"/login"))
    assert [c for c in page.context.cookies() if c["name"] == "hireops_session"] == []


@pytest.mark.parametrize("path", ["/login", "/", "/interview/not-a-real-token",
                                  "/api/v1/openapi.json", "/ping"])
def test_every_answer_carries_the_security_headers(running_app, path):
    answer = httpx.get(running_app.url + path, timeout=30)
    csp = answer.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    own_host = urlsplit(running_app.url).netloc
    remote = [source for source in re.findall(r"\b[a-z]+://[^\s;]+", csp)
              if urlsplit(source).netloc != own_host]
    assert remote == []
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"


def test_cors_answers_only_the_apps_own_origin(running_app):
    url = running_app.url + "/api/v1/jobs"
    preflight = {"Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "authorization"}
    hostile = httpx.options(url, headers={"Origin": EVIL, **preflight}, timeout=30)
    assert "access-control-allow-origin" not in hostile.headers
    simple = httpx.get(url, headers={"Origin": EVIL}, timeout=30)
    assert "access-control-allow-origin" not in simple.headers
    own = httpx.options(url, headers={"Origin": PUBLIC_ORIGIN, **preflight}, timeout=30)
    assert own.headers["access-control-allow-origin"] == PUBLIC_ORIGIN


def test_the_event_socket_opens_only_from_the_apps_own_origin(running_app):
    import websockets

    address = running_app.url.replace("http://", "ws://", 1)
    endpoint = f"{address}/_event/?EIO=4&transport=websocket"

    async def opens(origin: str) -> bool:
        try:
            async with websockets.connect(endpoint, origin=origin, open_timeout=30) as socket:
                return (await socket.recv()).startswith("0")
        except websockets.exceptions.InvalidStatus:
            return False

    # A thread of its own: Playwright's loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, opens(EVIL)).result() is False
        assert pool.submit(asyncio.run, opens(running_app.url)).result() is True
