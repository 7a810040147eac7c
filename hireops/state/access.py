"""Server-side access checks for event handlers.

A browser can fire any event by hand, so every handler of a recruiter page is wrapped by
`requires(...)`: it re-reads the session from the database and refuses anonymous or wrong-role
callers before the handler body runs. `current_actor()` gives the body the checked user.
`@event_for(*ROLES)` declares a handler in one line (`rx.event` over `requires`); a handler
that needs `rx.event`'s options (background tasks) writes the two decorators itself.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextvars import ContextVar

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.models import Role, User
from hireops.services.platform.auth import (  # noqa: F401  (the role sets: re-exported)
    ADMIN_ROLES,
    READ_ROLES,
    WRITE_ROLES,
    role_allows,
    user_for_session_digest,
)
from hireops.services.platform.session_cookie import session_digest_from_socket_cookies

ACCESS_MARKER = "_hireops_roles"

_actor: ContextVar[User | None] = ContextVar("hireops_actor", default=None)
# The roles that may open each signed-in page, by route; filled as the pages are registered and
# read by the access check, so the browser never tells the server which roles a page allows.
PAGE_ROLES: dict[str, tuple[Role, ...]] = {}


def current_actor() -> User:
    """The user checked by the enclosing `requires` wrapper."""
    user = _actor.get()
    if user is None:
        raise RuntimeError("current_actor() called outside a handler wrapped by requires()")
    return user


def page_roles(path: str) -> tuple[Role, ...] | None:
    """The roles allowed on the page at `path` (None: not a signed-in page we know)."""
    return PAGE_ROLES.get(path.rstrip("/") or "/")


def session_digest_of(state) -> str:
    """The digest of the browser's session cookie, as this tab's event socket carried it.

    The cookie itself is HttpOnly and never reaches the state (hireops.api.security)."""
    return session_digest_from_socket_cookies(state.router.headers.cookie)


def load_user(digest: str) -> User | None:
    """The live user behind a session digest, read from the database."""
    with session_scope() as session:
        return user_for_session_digest(session=session, digest=digest)


def sign_in_redirect(path: str):
    """Send the browser to sign-in, coming back to `path` afterwards."""
    path = path.rstrip("/")
    return rx.redirect(f"{routes.LOGIN}?next={path}" if path else routes.LOGIN)


def _denial(state, user: User | None):
    if user is None:
        redirect = sign_in_redirect(state.router.url.path)
        # A stale token means the session ran out; say so. A stranger just gets the form.
        return [rx.toast.warning("Your session has ended; please sign in again."), redirect] \
            if session_digest_of(state) else redirect
    return rx.toast.error("Your role does not allow this action.")


def requires(*roles: Role) -> Callable:
    """Wrap an event handler so it runs only for a signed-in user with one of `roles`."""

    def decorate(handler: Callable) -> Callable:
        if inspect.isasyncgenfunction(handler):
            @functools.wraps(handler)
            async def wrapper(self, *args, **kwargs):
                user = load_user(session_digest_of(self))
                if user is None or not role_allows(user, roles):
                    yield _denial(self, user)
                    return
                reset = _actor.set(user)
                try:
                    async for update in handler(self, *args, **kwargs):
                        yield update
                finally:
                    _actor.reset(reset)
        else:
            @functools.wraps(handler)
            async def wrapper(self, *args, **kwargs):
                user = load_user(session_digest_of(self))
                if user is None or not role_allows(user, roles):
                    return _denial(self, user)
                reset = _actor.set(user)
                try:
                    result = handler(self, *args, **kwargs)
                    if inspect.isawaitable(result):
                        result = await result
                    return result
                finally:
                    _actor.reset(reset)

        setattr(wrapper, ACCESS_MARKER, roles)
        return wrapper

    return decorate


def event_for(*roles: Role) -> Callable:
    """An event handler that runs only for a signed-in user with one of `roles`."""

    def decorate(handler: Callable) -> Callable:
        return rx.event(requires(*roles)(handler))

    return decorate
