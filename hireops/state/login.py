"""The sign-in form."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.services.auth import SignInResult, sign_in
from hireops.state.access import load_user
from hireops.state.auth import AuthState
from hireops.state.client import request_client


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
    async def submit(self, form: dict):
        email = str(form.get("email", "")).strip()
        password = str(form.get("password", ""))
        if not email or not password:
            self.error = "Enter your email and password."
            return
        # argon2 takes ~0.1 s of CPU by design; on the event loop a burst of wrong passwords
        # stalled every other user's events (median 6 ms -> 404 ms). Only this tab waits.
        result = await asyncio.to_thread(_sign_in, email, password, request_client(self.router))
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


def _sign_in(email: str, password: str, client: str) -> SignInResult:
    with session_scope() as session:
        return sign_in(session=session, email=email, password=password, client=client)
