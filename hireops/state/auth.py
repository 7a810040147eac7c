"""Who is signed in: the session cookie and the user shown in the shell."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import Role
from hireops.services.auth import role_allows, sign_out
from hireops.state.access import load_user, page_roles, sign_in_redirect

SESSION_COOKIE = "hireops_session"


class AuthState(rx.State):
    """Base of every recruiter page's state; holds the browser's session token."""

    # Random token of the sign-in session; the database keeps only its hash.
    session_token: str = rx.Cookie("", name=SESSION_COOKIE, same_site="strict",
                                   max_age=int(get_settings().session_hours * 3600))
    # Shown in the sidebar; set only after the server has checked the token.
    user_email: str = ""
    user_name: str = ""
    user_role: str = ""
    # True once the page's access check passed; pages render their content only then.
    access_granted: bool = False
    # True when a signed-in user's role may not open the page.
    access_denied: bool = False

    @rx.var
    def can_edit(self) -> bool:
        return self.user_role in (Role.admin.value, Role.recruiter.value)

    @rx.var
    def is_admin(self) -> bool:
        return self.user_role == Role.admin.value

    @rx.event
    def check_access(self):
        """on_load of every recruiter page: send strangers to sign-in, refuse wrong roles.

        The allowed roles come from the server's own table (PAGE_ROLES): the event carries no
        arguments, and a browser that sends some (e.g. a role list of its choosing) is refused
        by Reflex before this runs."""
        user = load_user(self.session_token)
        self.access_granted = self.access_denied = False
        if user is None:
            self.user_email = self.user_name = self.user_role = ""
            return sign_in_redirect(self.router.url.path)
        self.user_email, self.user_name = user.email, user.full_name
        self.user_role = Role(user.role).value
        roles = page_roles(self.router.url.path)
        if roles is None or not role_allows(user, roles):
            self.access_denied = True
            return
        self.access_granted = True

    @rx.event
    def sign_out(self):
        """End the session on the server and forget it in the browser."""
        if self.session_token:
            with session_scope() as session:
                sign_out(session=session, token=self.session_token)
        self.session_token = ""
        self.user_email = self.user_name = self.user_role = ""
        self.access_granted = False
        return rx.redirect(routes.LOGIN)
