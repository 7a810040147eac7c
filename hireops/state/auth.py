"""Who is signed in: the user shown in the shell, checked on every page load.

The session cookie is set and cleared by the server (hireops.api.session_routes) and is not
part of any state: handlers read the digest the event socket carried (state.access).
"""

from __future__ import annotations

import reflex as rx

from hireops.models import Role
from hireops.services.platform.auth import role_allows
from hireops.services.platform.session_cookie import SESSION_COOKIE  # noqa: F401  (one name for it)
from hireops.state.access import load_user, page_roles, session_digest_of, sign_in_redirect


class AuthState(rx.State):
    """Base of every recruiter page's state: who is signed in, as the server checked it."""

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
        user = load_user(session_digest_of(self))
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
