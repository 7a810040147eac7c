"""The voice-interview provider Protocol and the typed results it returns.

Everything the rest of HireOps knows about a voice agent goes through these types, so the
services, the API and the tests never touch a vendor SDK object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from pydantic import BaseModel

Speaker = Literal["interviewer", "candidate"]
# webrtc: a conversation token (the SDK's default); websocket: a signed URL.
ConnectionType = Literal["webrtc", "websocket"]
# A conversation in these states has stopped changing.
FINISHED_STATUSES = frozenset({"done", "failed"})


class VoiceProviderError(Exception):
    """The provider could not do what was asked; `reason` is written for people."""

    def __init__(self, reason: str, *, status_code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # The provider's HTTP status, when there was a response (404: no such conversation).
        self.status_code = status_code


@dataclass(frozen=True)
class StartCredentials:
    """What the browser needs to open one conversation with the configured agent."""

    connection_type: ConnectionType
    # Single-use token for a WebRTC session (connection_type "webrtc").
    conversation_token: str = ""
    # Signed WebSocket URL (connection_type "websocket").
    signed_url: str = ""
    # Known before the browser connects when the provider says so; "" otherwise.
    conversation_id: str = ""


@dataclass(frozen=True)
class ConversationTurn:
    """One utterance of a conversation as the provider stored it."""

    # Index in the provider's own transcript; stable while a call grows, so it is the turn's seq.
    position: int
    speaker: Speaker
    text: str
    seconds_from_start: float


@dataclass(frozen=True)
class ConversationRecord:
    """A conversation fetched server-side: never what a browser claims it was."""

    conversation_id: str
    # initiated | in-progress | processing | done | failed
    status: str
    agent_id: str
    # The variables the conversation was started with, interview_ref included.
    dynamic_variables: dict[str, str] = field(default_factory=dict)
    turns: list[ConversationTurn] = field(default_factory=list)
    duration_s: float = 0.0
    started_at: datetime | None = None
    has_audio: bool = False

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES


class AgentVariables(BaseModel):
    """The agent's dynamic variables; the agent's prompt refers to them by these names."""

    candidate_name: str
    job_title: str
    company_name: str
    # One question per line, numbered, as the agent reads them.
    screening_questions: str
    language: str = "en"
    timezone: str = "UTC"
    # Non-secret reference of the interview link, checked when the conversation is synced.
    interview_ref: str

    def as_dynamic_variables(self) -> dict[str, str]:
        """The plain mapping `@elevenlabs/react` sends as `dynamicVariables`."""
        return self.model_dump()


class VoiceInterviewProvider(Protocol):
    name: str  # "elevenlabs", or a test double's name
    agent_id: str  # the agent every conversation must belong to

    def start_credentials(
        self, *, connection_type: ConnectionType = "webrtc", participant_name: str = "",
    ) -> StartCredentials: ...

    def fetch_conversation(self, conversation_id: str) -> ConversationRecord: ...

    def fetch_audio(self, conversation_id: str) -> bytes: ...

    def close(self) -> None: ...
