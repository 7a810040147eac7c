"""The candidate page's conversation: write from a template or free text, preview, send, and
the thread with the replies that came back."""

from __future__ import annotations

import uuid

import reflex as rx
from hireops.db import session_scope
from hireops.services.outreach.conversations import (
    FREE_TEXT, ConversationEntry, ConversationRefused, draft_from_template, follow_up_subject,
    list_conversation, message_subjects, preview_message, send_message,
)
from hireops.services.outreach.email_templates import (
    CONVERSATION_TEMPLATE_KINDS, MAX_BODY_CHARS, MAX_SUBJECT_CHARS, TEMPLATE_TITLES,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url
from hireops.state.auth import AuthState
from hireops.state.candidates.profile.page import CandidateState

# (value, label) of the "Start from" choice: free text first, then the editable templates.
STARTING_POINTS = [(FREE_TEXT, "Free text"),
                   *[(kind, TEMPLATE_TITLES[kind].removeprefix("Message: ").capitalize())
                     for kind in CONVERSATION_TEMPLATE_KINDS]]


class CandidateConversationState(AuthState):
    entries: list[ConversationEntry] = []
    # The applications to write about, as [id, job title] (the job title fills {job_title}),
    # the talent-pool entry last as [id, "Talent pool"] (a message about it names no job).
    application_choices: list[list[str]] = []
    application_id: str = ""
    template_kind: str = FREE_TEXT
    subject: str = ""
    body: str = ""
    preview_subject: str = ""
    preview_text: str = ""
    error: str = ""
    composing: bool = False
    _candidate_id: int = 0
    # Names this draft, so a double click or a second tab sends it once.
    _draft_key: str = ""
    # [subject, body] as the chosen template gave them: while the draft is still that text,
    # choosing another application rewords it (a job's wording or the pool's).
    _drafted: list[str] = []

    @event_for(*READ_ROLES)
    def load_conversation(self):
        self._candidate_id = id_in_url(self)
        if not self._candidate_id:
            return
        self._reset_draft()
        self.composing = False
        self._refresh()

    @event_for(*WRITE_ROLES)
    def start_writing(self):
        self.composing = True
        self._reset_draft()
        # Answering the candidate's last message: keep their subject, as a mail client would.
        self.subject = follow_up_subject(self.entries)

    @event_for(*WRITE_ROLES)
    def stop_writing(self):
        self.composing = False
        self._reset_draft()

    @event_for(*WRITE_ROLES)
    def choose_template(self, kind: str):
        self._redraft(str(kind))

    @event_for(*WRITE_ROLES)
    def choose_application(self, value: str):
        self.application_id = str(value)[:12]
        self.preview_subject = self.preview_text = ""
        if self.template_kind != FREE_TEXT and [self.subject, self.body] == self._drafted:
            self._redraft(self.template_kind)

    def _redraft(self, kind: str) -> None:
        """Start from template `kind`, worded for the application chosen."""
        draft, refusal = call_service(draft_from_template, ConversationRefused,
                                      template_kind=kind, candidate_id=self._candidate_id,
                                      application_id=self._application_id())
        if refusal:
            self.error = refusal.message
            return
        self.subject, self.body = draft
        self._drafted = list(draft)
        self.template_kind = kind
        self.preview_subject = self.preview_text = self.error = ""

    @event_for(*WRITE_ROLES)
    def set_subject(self, value: str):
        self.subject = str(value)[:MAX_SUBJECT_CHARS]
        self.preview_subject = self.preview_text = ""

    @event_for(*WRITE_ROLES)
    def set_body(self, value: str):
        self.body = str(value)[:MAX_BODY_CHARS]
        self.preview_subject = self.preview_text = ""

    @event_for(*WRITE_ROLES)
    def preview(self):
        mail, refusal = call_service(preview_message, ConversationRefused, **self._message())
        if refusal:
            self.error = refusal.message
            return
        self.error, self.preview_subject, self.preview_text = "", mail.subject, mail.text

    @event_for(*WRITE_ROLES)
    def send(self):
        _, refusal = call_service(send_message, ConversationRefused, **self._message(),
                                  template_kind=self.template_kind, draft_key=self._draft_key)
        if refusal:
            self.error = refusal.message
            return
        self.composing = False
        self._reset_draft()
        self._refresh()
        # The timeline (the candidate page's own state) shows the message too.
        return [rx.toast.success("Message queued in the outbox; replies appear here."),
                CandidateState.load]

    def _message(self) -> dict:
        """The message as written, the same for its preview and for sending it."""
        return {"candidate_id": self._candidate_id, "application_id": self._application_id(),
                "subject": self.subject, "body": self.body, "actor": current_actor()}

    def _application_id(self) -> int | None:
        return int(self.application_id) if self.application_id.isdigit() else None

    def _reset_draft(self) -> None:
        self._draft_key = uuid.uuid4().hex
        self.template_kind, self.subject, self.body, self._drafted = FREE_TEXT, "", "", []
        self.preview_subject = self.preview_text = self.error = ""

    def _refresh(self) -> None:
        with session_scope() as session:
            self.entries = list_conversation(session=session, candidate_id=self._candidate_id)
            about = message_subjects(session=session, candidate_id=self._candidate_id)
        self.application_choices = [[str(app_id), title] for app_id, title in about]
        self.application_id = self.application_choices[0][0] if self.application_choices else ""
