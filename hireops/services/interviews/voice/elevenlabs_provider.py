"""The ElevenLabs voice provider, through the official `elevenlabs` SDK.

Conversation tokens and signed URLs are minted here, on the server, so the API key never reaches
the browser. Transcripts and audio are fetched here too, by conversation id: what a browser
reports about a call is never taken as the transcript.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from elevenlabs.client import ElevenLabs
from elevenlabs.core.api_error import ApiError
from elevenlabs.core.request_options import RequestOptions

from hireops.config import Settings
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.interviews.voice.provider import (
    ConnectionType,
    ConversationRecord,
    ConversationTurn,
    StartCredentials,
    VoiceProviderError,
)

# ElevenLabs roles -> HireOps speakers; other entries (tool calls without text) are skipped.
SPEAKERS = {"agent": "interviewer", "user": "candidate"}
# A recording larger than this is refused rather than held in memory (a 30-minute MP3 is ~30 MB).
MAX_AUDIO_BYTES = 200 * 1024 * 1024
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_RETRIES = 2


class ElevenLabsProvider:
    """`VoiceInterviewProvider` backed by ElevenLabs Agents."""

    name = "elevenlabs"

    def __init__(
        self, *, api_key: str, agent_id: str, base_url: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S, max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        self.agent_id = agent_id
        self.base_url = base_url
        self._http = httpx.Client(timeout=timeout_s, follow_redirects=True)
        # base_url None is ElevenLabs' production API; tests point it at a loopback fake.
        self._client = ElevenLabs(api_key=api_key, base_url=base_url, httpx_client=self._http)
        self._options: RequestOptions = {"max_retries": max_retries,
                                         "timeout_in_seconds": int(max(1, timeout_s))}

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ElevenLabsProvider:
        """The provider for the configured account and agent."""
        settings = settings or current_settings()
        if settings.elevenlabs_api_key is None or not settings.elevenlabs_agent_id:
            raise VoiceProviderError("ElevenLabs is not configured: set ELEVENLABS_API_KEY and "
                                     "ELEVENLABS_AGENT_ID.")
        return cls(api_key=settings.elevenlabs_api_key.get_secret_value(),
                   agent_id=settings.elevenlabs_agent_id,
                   base_url=settings.elevenlabs_base_url)

    def close(self) -> None:
        self._http.close()

    def start_credentials(
        self, *, connection_type: ConnectionType = "webrtc", participant_name: str = "",
    ) -> StartCredentials:
        """A single-use credential for one conversation with the configured agent."""
        conversations = self._client.conversational_ai.conversations
        if connection_type == "webrtc":
            reply = self._call("start a conversation", lambda: conversations.get_webrtc_token(
                agent_id=self.agent_id, participant_name=participant_name or None,
                request_options=self._options))
            return StartCredentials(connection_type="webrtc", conversation_token=reply.token,
                                    conversation_id=getattr(reply, "conversation_id", "") or "")
        reply = self._call("start a conversation", lambda: conversations.get_signed_url(
            agent_id=self.agent_id, include_conversation_id=True, request_options=self._options))
        query = parse_qs(urlsplit(reply.signed_url).query)
        return StartCredentials(connection_type="websocket", signed_url=reply.signed_url,
                                conversation_id=(query.get("conversation_id") or [""])[0])

    def fetch_conversation(self, conversation_id: str) -> ConversationRecord:
        """The conversation as ElevenLabs stored it, transcript included."""
        reply = self._call(f"fetch conversation {conversation_id}", lambda: (
            self._client.conversational_ai.conversations.get(
                conversation_id, request_options=self._options)))
        return conversation_record(reply)

    def fetch_audio(self, conversation_id: str) -> bytes:
        """The conversation's full recording (MP3)."""

        def download() -> bytes:
            chunks, size = [], 0
            for chunk in self._client.conversational_ai.conversations.audio.get(
                    conversation_id, request_options={**self._options, "chunk_size": 64 * 1024}):
                size += len(chunk)
                if size > MAX_AUDIO_BYTES:
                    raise VoiceProviderError(
                        f"The recording of conversation {conversation_id} is larger than "
                        f"{MAX_AUDIO_BYTES // (1024 * 1024)} MB.")
                chunks.append(chunk)
            return b"".join(chunks)

        return self._call(f"fetch the audio of conversation {conversation_id}", download)

    def _call(self, action: str, request: Any) -> Any:
        try:
            return request()
        except VoiceProviderError:
            raise
        except ApiError as exc:
            raise VoiceProviderError(_api_error_reason(action, exc),
                                     status_code=exc.status_code) from None
        except httpx.TimeoutException:
            raise VoiceProviderError(f"ElevenLabs did not answer in time; could not {action}.") \
                from None
        except httpx.HTTPError as exc:
            raise VoiceProviderError(
                f"Could not reach ElevenLabs to {action}: {type(exc).__name__}.") from None


def conversation_record(reply: Any) -> ConversationRecord:
    """Read the SDK's conversation model (GET /v1/convai/conversations/{id}) into our record."""
    metadata = getattr(reply, "metadata", None)
    start = getattr(metadata, "start_time_unix_secs", None)
    client_data = getattr(reply, "conversation_initiation_client_data", None)
    variables = getattr(client_data, "dynamic_variables", None) or {}
    turns = []
    for position, item in enumerate(getattr(reply, "transcript", None) or []):
        speaker = SPEAKERS.get(str(getattr(item, "role", "")))
        text = (getattr(item, "message", None) or "").strip()
        if speaker and text:
            turns.append(ConversationTurn(
                position=position, speaker=speaker, text=text,
                seconds_from_start=float(getattr(item, "time_in_call_secs", 0) or 0)))
    return ConversationRecord(
        conversation_id=str(getattr(reply, "conversation_id", "")),
        status=str(getattr(reply, "status", "") or ""),
        agent_id=str(getattr(reply, "agent_id", "") or ""),
        dynamic_variables={str(k): "" if v is None else str(v) for k, v in variables.items()},
        turns=turns,
        duration_s=float(getattr(metadata, "call_duration_secs", 0) or 0),
        started_at=datetime.fromtimestamp(start, timezone.utc) if start else None,
        has_audio=bool(getattr(reply, "has_audio", False)),
    )


def _api_error_reason(action: str, exc: ApiError) -> str:
    status = exc.status_code
    detail = _detail_message(exc.body)
    suffix = f": {detail}" if detail else "."
    if status == 401:
        return f"ElevenLabs refused the API key (HTTP 401); could not {action}{suffix}"
    if status == 403:
        return f"The API key may not {action} (HTTP 403){suffix}"
    if status == 404:
        return f"ElevenLabs does not know this: could not {action} (HTTP 404){suffix}"
    if status == 429:
        return f"ElevenLabs is rate-limiting requests (HTTP 429); could not {action}{suffix}"
    if status is not None and status >= 500:
        return f"ElevenLabs failed (HTTP {status}) after retries; could not {action}{suffix}"
    return f"ElevenLabs rejected the request (HTTP {status}); could not {action}{suffix}"


def _detail_message(body: Any) -> str:
    """The human part of an ElevenLabs error body ({"detail": {"status", "message"}} or text)."""
    detail = body.get("detail", body) if isinstance(body, dict) else body
    if isinstance(detail, dict):
        detail = detail.get("message") or detail.get("status") or ""
    if isinstance(detail, list):  # FastAPI-style validation errors
        detail = "; ".join(str(item.get("msg", item)) if isinstance(item, dict) else str(item)
                           for item in detail)
    return str(detail or "")[:300]
