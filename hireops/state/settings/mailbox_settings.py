"""The mailbox part of Settings: IMAP account, "Test connection" and save (admins only)."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.mail.sources import (
    ConnectionCheck,
    ImapConfig,
    check_imap_connection,
    clear_imap_config,
    load_imap_config,
    save_imap_config,
    stored_imap_password_for,
)
from hireops.state.access import ADMIN_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_connection_test import CheckOutcome, ConnectionTestMixin

FIELDS = ("host", "port", "security", "username", "folders")
# The app password field: bound to no var, its text comes with Test connection and Save
# (components/secret_field.py); the stored password is never sent to the browser.
PASSWORD_FIELD = "imap-password"


class MailboxSettingsState(ConnectionTestMixin, AuthState):
    host: str = ""
    port: str = "993"
    security: str = "ssl"
    username: str = ""
    password_saved: bool = False
    folders: str = "INBOX"
    error: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        with session_scope() as session:
            config = load_imap_config(session=session)
        self.test_message, self.error = "", ""
        if config is None:
            return
        shown = config.masked()
        self.host, self.port = config.host, str(config.port)
        self.security, self.username = config.security, config.username
        self.folders = ", ".join(config.folders)
        self.password_saved = bool(shown["password_set"])

    @event_for(*ADMIN_ROLES)
    def set_field(self, name: str, value: str):
        if name in FIELDS:
            setattr(self, name, str(value)[:500])

    @rx.event(background=True)
    @requires(*ADMIN_ROLES)
    async def test_connection(self, password: str = ""):
        """Connect with the form as it stands and the password typed in the field ("" uses the
        saved one, only with the server it was saved for)."""
        async with self:
            try:
                config = self._config(need_password=True, typed=password)
            except ValueError as problem:
                self.error = str(problem)
                return
            self.error = ""
        await self._run_test(lambda: _outcome(check_imap_connection(config)))

    @event_for(*ADMIN_ROLES)
    def save(self, password: str = ""):
        """Save the account with the password typed in the field ("" keeps the saved one for
        the same server)."""
        try:
            config = self._config(need_password=False, typed=password)
            with session_scope() as session:
                save_imap_config(session=session, config=config, actor=current_actor())
        except ValueError as problem:
            self.error = str(problem)
            return None
        self.error = ""
        self.password_saved = self.password_saved or bool(config.password)
        return [rx.set_value(PASSWORD_FIELD, ""),
                rx.toast.success("Mailbox saved. The inbox now reads this account.")]

    @event_for(*ADMIN_ROLES)
    def disconnect(self):
        with session_scope() as session:
            clear_imap_config(session=session, actor=current_actor())
        self.host, self.username, self.port = "", "", "993"
        self.password_saved, self.test_message, self.folders = False, "", "INBOX"
        return [rx.set_value(PASSWORD_FIELD, ""),
                rx.toast.info("Mailbox disconnected; the inbox reads the local folder again.")]

    def _config(self, *, need_password: bool, typed: str) -> ImapConfig:
        try:
            port = int(self.port)
        except ValueError:
            raise ValueError("The port must be a number, e.g. 993.") from None
        password = str(typed)[:500]
        if not password and need_password:
            password = self._stored_password(port)
        folders = [f.strip() for f in self.folders.split(",") if f.strip()] or ["INBOX"]
        if not self.host.strip() or not self.username.strip():
            raise ValueError("Enter the mail server and the username.")
        if need_password and not password:
            raise ValueError("Enter the app password (the saved one is used only with the server "
                             "it was saved for).")
        return ImapConfig(host=self.host.strip(), port=port, security=self.security,
                          username=self.username.strip(), password=password, folders=folders)

    def _stored_password(self, port: int) -> str:
        with session_scope() as session:
            return stored_imap_password_for(session=session, host=self.host, port=port,
                                            security=self.security)


def _outcome(check: ConnectionCheck) -> CheckOutcome:
    # What failed, or how many messages wait.
    return check.message, "green" if check.ok else "red"
