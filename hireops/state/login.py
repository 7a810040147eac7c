"""The sign-in page: the form posts to the server (hireops.api.session_routes), which sets the
session cookie and sends the browser on, or back here with the reason in the address."""

from __future__ import annotations


import reflex as rx

from hireops import routes
from hireops.state.access import load_user, session_digest_of
from hireops.state.auth import AuthState

# What the sign-in route's `?error=` codes mean to the person at the form.
SIGN_IN_ERRORS = {
    "missing": "Enter your email and password.",
    "wrong": "Wrong email or password.",
    "throttled": "Too many failed attempts. Try again in {wait} s.",
}


class LoginState(AuthState):
    # The message under the form after a failed attempt.
    error: str = ""
    # Where the form sends the browser after signing in (a local path).
    next_path: str = routes.DASHBOARD

    @rx.event
    def open_page(self):
        """Skip the form when the browser already has a live session; else show why the last
        attempt failed."""
        if load_user(session_digest_of(self)) is not None:
            return rx.redirect(self._next_path())
        params = self.router.url.query_parameters
        self.next_path = self._next_path()
        wait = params.get("wait", "")
        self.error = SIGN_IN_ERRORS.get(params.get("error", ""), "").format(
            wait=wait if wait.isdigit() else "a few")

    def _next_path(self) -> str:
        target = self.router.url.query_parameters.get("next", routes.DASHBOARD)
        return routes.local_path_or_dashboard(target)
