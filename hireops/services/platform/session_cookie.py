"""The browser's sign-in cookie, and the digest of it that Reflex's event socket gets instead.

Reflex keeps each connection's request headers in the tab's state, and saves that state to disk
or Redis; the session token must not be among them. The app's middleware gives the socket's
handshake the token's SHA-256 (the value the database keys sessions by), recomputed on every
connection, so a digest a client sends is never believed.
"""

from __future__ import annotations

from hireops.services.platform.auth import session_digest

# Set and cleared only by the server (HttpOnly): scripts in the page never see it.
SESSION_COOKIE = "hireops_session"
# What the event socket sees of it.
SESSION_DIGEST_COOKIE = "hireops_session_digest"


def parse_cookie_header(header: str) -> dict[str, str]:
    """Cookie name -> value from a Cookie header (the first of a repeated name wins)."""
    cookies: dict[str, str] = {}
    for pair in header.split(";"):
        name, sep, value = pair.partition("=")
        name = name.strip()
        if sep and name and name not in cookies:
            cookies[name] = value.strip().strip('"')
    return cookies


def event_socket_cookie_header(header: str) -> str:
    """The Cookie header the event socket is given: the session's digest only, or ''."""
    token = parse_cookie_header(header).get(SESSION_COOKIE, "")
    return f"{SESSION_DIGEST_COOKIE}={session_digest(token)}" if token else ""


def session_digest_from_socket_cookies(header: str) -> str:
    """The session digest an event socket's handshake carried ('' when signed out)."""
    return parse_cookie_header(header).get(SESSION_DIGEST_COOKIE, "")
