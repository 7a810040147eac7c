"""The API tokens page (admins): list, create (the secret shown once) and revoke tokens."""

import reflex as rx

from hireops.db import session_scope
from hireops.models import ApiTokenScope
from hireops.services.platform.api_tokens import (
    MAX_NAME_CHARS, ApiTokenError, ApiTokenRow, create_api_token, list_api_tokens,
    revoke_api_token,
)
from hireops.state.access import ADMIN_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.unsaved import unsaved

SCOPES = tuple(scope.value for scope in ApiTokenScope)


class ApiTokensState(unsaved("created_token"), AuthState):
    tokens: list[ApiTokenRow] = []
    # The new token's name and scope as typed in the form.
    new_name: str = ""
    new_scope: str = "read"
    # The plaintext of the token just created; shown once, cleared on dismiss or reload.
    created_token: str = ""
    created_name: str = ""
    error: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        # Leaving the page and coming back must not show an old secret again.
        self.created_token = self.created_name = self.error = ""
        self._refresh()

    def _refresh(self) -> None:
        with session_scope() as session:
            self.tokens = list_api_tokens(session=session)

    # Kept a little past the service's cap, so a name too long is refused with its reason
    # (shown in `error`) rather than cut without a word; an unknown scope is refused likewise.
    set_new_name = text_setter("new_name", 4 * MAX_NAME_CHARS, requires(*ADMIN_ROLES))
    set_new_scope = text_setter("new_scope", 20, requires(*ADMIN_ROLES))

    @event_for(*ADMIN_ROLES)
    def create(self):
        created, refusal = call_service(create_api_token, ApiTokenError, name=self.new_name,
                                        scope=self.new_scope, actor=current_actor())
        if refusal:
            self.error = refusal.message
            return
        token, plaintext = created
        self.created_token, self.created_name = plaintext, token.name
        self.new_name, self.error = "", ""
        self._refresh()

    @event_for(*ADMIN_ROLES)
    def dismiss_created(self):
        self.created_token = self.created_name = ""

    @event_for(*ADMIN_ROLES)
    def revoke(self, token_id: int):
        with session_scope() as session:
            revoke_api_token(session=session, token_id=token_id, actor=current_actor())
        self._refresh()
        return rx.toast.info("Token revoked; programs using it are now refused.")
