"""The sign-in form."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.services.auth import sign_in
from hireops.state.access import load_user
from hireops.state.auth import AuthState


class LoginState(AuthState):
    # The message under the form after a failed attempt.
    error: str = ""
    # True while the server checks the password.
    checking: bool = False

    @rx.event
    def open_page(self):
        """Skip the form when the browser already has a live session."""
        # The error is left alone: on_load can run again after a quick first submit (the route
        # settles on /login/ after hydration), and clearing it then hid "Wrong email or
        # password" from the person who just typed it. Each submit sets or clears it.
        if load_user(self.session_token) is not None:
            return rx.redirect(self._next_path())

    @rx.event
    def submit(self, form: dict):
        email = str(form.get("email", "")).strip()
        password = str(form.get("password", ""))
        if not email or not password:
            self.error = "Enter your email and password."
            return
        with session_scope() as session:
            result = sign_in(session=session, email=email, password=password)
        if result.user is None:
            self.error = result.error
            return
        self.error = ""
        self.session_token = result.token
        return rx.redirect(self._next_path())

    def _next_path(self) -> str:
        target = self.router.url.query_parameters.get("next", routes.DASHBOARD)
        # Only local paths: a crafted ?next= must not send a user to another site.
        if not target.startswith("/") or target.startswith("//") or target == routes.LOGIN:
            return routes.DASHBOARD
        return target
