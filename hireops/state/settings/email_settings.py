"""The email part of Settings (admins only): edit the candidate email templates with a live
preview, and see and test the outgoing mail server."""

from __future__ import annotations

import reflex as rx

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.outreach.email_templates import (
    PLACEHOLDERS,
    TEMPLATE_KINDS,
    TEMPLATE_TITLES,
    EmailTemplate,
    TemplateError,
    get_template,
    preview,
    reset_template,
    save_template,
)
from hireops.services.mail.sender import SmtpConfig, check_smtp_connection
from hireops.state.access import ADMIN_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_connection_test import CheckOutcome, ConnectionTestMixin
from hireops.state.common_service_call import call_service


def _check_smtp() -> CheckOutcome:
    config = SmtpConfig.from_settings()
    if not config.host:
        return ("Nothing to test: no SMTP server is set, so mail stays in the folder above.",
                "gray")
    problem = check_smtp_connection(config)
    if problem:
        return problem, "red"
    return (f"Connected to {config.where}" + (" and logged in" if config.username else "") + ".",
            "green")


class EmailSettingsState(ConnectionTestMixin, AuthState):
    kind: str = "invite"
    subject: str = ""
    body: str = ""
    is_default: bool = True
    placeholders: list[str] = []
    preview_subject: str = ""
    preview_text: str = ""
    # Why the edited template cannot be previewed or saved ("" when it can).
    template_error: str = ""
    # The outgoing server as configured; the password only as set / not set.
    smtp_host: str = ""
    smtp_port: int = 0
    smtp_security: str = ""
    smtp_user: str = ""
    smtp_password_set: bool = False
    smtp_from: str = ""
    sent_mail_dir: str = ""

    @event_for(*ADMIN_ROLES)
    def load(self):
        self._load_template(self.kind if self.kind in TEMPLATE_KINDS else "invite")
        config = SmtpConfig.from_settings()
        self.smtp_host, self.smtp_port, self.smtp_security = (config.host, config.port,
                                                              config.security)
        self.smtp_user, self.smtp_password_set = config.username, bool(config.password)
        self.smtp_from = (f"{config.from_name} <{config.from_address}>" if config.from_name
                          else config.from_address)
        self.sent_mail_dir = str(get_settings().sent_mail_dir())
        self.test_message = ""

    @event_for(*ADMIN_ROLES)
    def set_kind(self, value: str):
        if value in TEMPLATE_KINDS:
            self._load_template(value)

    @event_for(*ADMIN_ROLES)
    def set_subject(self, value: str):
        self.subject = str(value)[:400]
        self._preview()

    @event_for(*ADMIN_ROLES)
    def set_body(self, value: str):
        self.body = str(value)[:25_000]
        self._preview()

    @event_for(*ADMIN_ROLES)
    def save(self):
        saved, refusal = call_service(save_template, TemplateError, kind=self.kind,
                                      subject=self.subject, body=self.body, actor=current_actor())
        if refusal:
            self.template_error = refusal.message
            return rx.toast.error("The template was not saved: " + refusal.message)
        self.subject, self.body, self.is_default = saved.subject, saved.body, False
        self._preview()
        return rx.toast.success(f"{TEMPLATE_TITLES[saved.kind]} template saved.")

    @event_for(*ADMIN_ROLES)
    def reset_to_default(self):
        with session_scope() as session:
            reset_template(session=session, kind=self.kind, actor=current_actor())
        self._load_template(self.kind)
        return rx.toast.info(f"{TEMPLATE_TITLES[self.kind]} template reset to the default.")

    @rx.event(background=True)
    @requires(*ADMIN_ROLES)
    async def test_smtp(self):
        await self._run_test(_check_smtp)

    def _load_template(self, kind: str) -> None:
        with session_scope() as session:
            template = get_template(session=session, kind=kind)
        self.kind, self.subject, self.body = kind, template.subject, template.body
        self.is_default = template.is_default
        self.placeholders = ["{" + name + "}" for name in PLACEHOLDERS[kind]]
        self._preview()

    def _preview(self) -> None:
        """Fill the edited (unsaved) template with sample values, or say what is wrong."""
        try:
            rendered = preview(self.kind, EmailTemplate(kind=self.kind, subject=self.subject,
                                                        body=self.body))
        except TemplateError as problem:
            self.template_error = str(problem)
            return
        self.template_error = ""
        self.preview_subject, self.preview_text = rendered.subject, rendered.text
