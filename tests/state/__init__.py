"""Helpers for calling state handlers without a browser."""

from types import SimpleNamespace

from hireops.services.platform.session_cookie import event_socket_cookie_header


def socket_router(path: str, token: str) -> SimpleNamespace:
    """A state's `router` as Reflex fills it for a tab on `path` whose browser holds the session
    `token` ('' for none): the event socket's Cookie header carries only the token's digest."""
    cookie = event_socket_cookie_header(f"hireops_session={token}" if token else "")
    return SimpleNamespace(url=SimpleNamespace(path=path), headers=SimpleNamespace(cookie=cookie))
