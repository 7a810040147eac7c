"""A loopback fake of the ElevenLabs Agents API speaking its real wire format.

Serves exactly what the `elevenlabs` SDK calls for voice interviews:

    GET /v1/convai/conversation/token?agent_id=...           -> {"token", "conversation_id"}
    GET /v1/convai/conversation/get-signed-url?agent_id=...  -> {"signed_url"}
    GET /v1/convai/conversations/{id}                        -> conversation details + transcript
    GET /v1/convai/conversations/{id}/audio                  -> audio/mpeg bytes

A credential mints a conversation that does not exist until `connect()` plays the browser
joining with its dynamic variables (before that, ElevenLabs answers 404 too). `say()` appends to
the transcript as a live call would; `finish()` ends it. `fail()` scripts HTTP errors, and
`webhook_body()` / `sign()` build a post-call webhook exactly as ElevenLabs sends one.

    with FakeElevenLabsServer(api_key="k", agent_id="agent_1") as fake:
        conversation_id = fake.connect(fake.mint(), dynamic_variables={...})
        fake.say(conversation_id, "agent", "Hello!")
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.loopback_http import FakeHandler, LoopbackHTTPServer

TOKEN_PATH = "/v1/convai/conversation/token"
SIGNED_URL_PATH = "/v1/convai/conversation/get-signed-url"
CONVERSATIONS_PATH = "/v1/convai/conversations/"
# A few bytes that start like an MP3 file (an ID3 tag), enough to prove bytes pass through.
SAMPLE_AUDIO = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 64


@dataclass
class FakeConversation:
    conversation_id: str
    agent_id: str
    status: str = "initiated"  # initiated | in-progress | processing | done | failed
    connected: bool = False
    start_time_unix_secs: int = field(default_factory=lambda: int(time.time()))
    dynamic_variables: dict[str, Any] = field(default_factory=dict)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    audio: bytes = SAMPLE_AUDIO


@dataclass
class RecordedRequest:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


@dataclass
class ScriptedFailure:
    status: int
    path_contains: str
    body: Any
    headers: dict[str, str]


class FakeElevenLabsServer(LoopbackHTTPServer):
    """A scriptable ElevenLabs API on 127.0.0.1 and a free port."""

    requests: list[RecordedRequest]

    def __init__(self, *, api_key: str, agent_id: str) -> None:
        super().__init__(_ElevenLabsHandler)
        self.api_key = api_key
        self.agent_id = agent_id
        self.conversations: dict[str, FakeConversation] = {}
        self._failures: deque[ScriptedFailure] = deque()
        self._ids = itertools.count(1)

    # --- playing the call ---------------------------------------------------------------------

    def mint(self, *, agent_id: str | None = None) -> str:
        """A conversation id as a token would reserve it (not yet visible to GET)."""
        with self._lock:
            conversation_id = f"conv_{next(self._ids):04d}{time.time_ns() % 10**8:08d}"
            self.conversations[conversation_id] = FakeConversation(
                conversation_id=conversation_id, agent_id=agent_id or self.agent_id)
        return conversation_id

    def connect(self, conversation_id: str, *, dynamic_variables: dict[str, Any]) -> str:
        """The browser joins with its dynamic variables; the conversation now exists."""
        with self._lock:
            conversation = self.conversations[conversation_id]
            conversation.connected = True
            conversation.status = "in-progress"
            # ElevenLabs adds its own system variables to the ones the client sent.
            conversation.dynamic_variables = {
                **dynamic_variables, "system__conversation_id": conversation_id,
                "system__agent_id": conversation.agent_id}
        return conversation_id

    def say(self, conversation_id: str, role: str, message: str | None, *,
            at: int | None = None) -> None:
        """Append a transcript entry (role "agent" or "user"; None for a tool-only turn)."""
        with self._lock:
            transcript = self.conversations[conversation_id].transcript
            seconds = at if at is not None else (transcript[-1]["time_in_call_secs"] + 4
                                                 if transcript else 0)
            transcript.append(_transcript_entry(role, message, seconds))

    def revise_last(self, conversation_id: str, message: str) -> None:
        """The last entry's text grows, as it does while the turn is still being spoken."""
        with self._lock:
            self.conversations[conversation_id].transcript[-1]["message"] = message

    def finish(self, conversation_id: str, *, status: str = "done") -> None:
        with self._lock:
            self.conversations[conversation_id].status = status

    def fail(self, status: int, *, times: int = 1, path_contains: str = "",
             headers: dict[str, str] | None = None) -> None:
        """Answer the next `times` matching requests with an HTTP error in ElevenLabs' format.

        The SDK retries 5xx, 408, 409 and 429 itself (1 s, then 2 s): script one failure per
        attempt the test expects.
        """
        body = {"detail": {"status": "internal_error" if status >= 500 else "error",
                           "message": f"fake error {status}"}}
        with self._lock:
            for _ in range(times):
                self._failures.append(ScriptedFailure(status, path_contains, body, headers or {}))

    def requests_to(self, fragment: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if fragment in r.path]

    # --- webhooks -----------------------------------------------------------------------------

    def webhook_body(self, conversation_id: str, *, event_type: str = "post_call_transcription",
                     event_timestamp: int | None = None) -> bytes:
        """A post-call webhook body: the GET conversation payload under `data`."""
        with self._lock:
            data = _conversation_json(self.conversations[conversation_id])
        return json.dumps({"type": event_type,
                           "event_timestamp": event_timestamp or int(time.time()),
                           "data": data}).encode()

    @staticmethod
    def sign(body: bytes, secret: str, *, timestamp: int | None = None) -> str:
        """The `ElevenLabs-Signature` value: t=<seconds>,v0=HMAC_SHA256(secret, "t.body")."""
        stamp = int(time.time()) if timestamp is None else timestamp
        digest = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
        return f"t={stamp},v0={digest.hexdigest()}"

    # --- serving (handler threads) ------------------------------------------------------------

    def _scripted_failure(self, path: str) -> ScriptedFailure | None:
        with self._lock:
            for failure in self._failures:
                if failure.path_contains in path:
                    self._failures.remove(failure)
                    return failure
        return None

    def _answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any, str]:
        if path in (TOKEN_PATH, SIGNED_URL_PATH):
            agent_id = (query.get("agent_id") or [""])[0]
            if not agent_id:
                return 422, {"detail": [{"type": "missing", "loc": ["query", "agent_id"],
                                         "msg": "Field required", "input": None}]}, ""
            if agent_id != self.agent_id:
                return 404, _detail("agent_not_found", f"Agent {agent_id} not found"), ""
            conversation_id = self.mint(agent_id=agent_id)
            if path == TOKEN_PATH:
                return 200, {"token": f"lk_token_{conversation_id}",
                             "conversation_id": conversation_id}, ""
            signed = (f"wss://{self.url.split('://')[1]}/v1/convai/conversation?agent_id="
                      f"{agent_id}&conversation_signature=sig_{conversation_id}")
            if (query.get("include_conversation_id") or [""])[0] == "true":
                signed += f"&conversation_id={conversation_id}"
            return 200, {"signed_url": signed}, ""
        if path.startswith(CONVERSATIONS_PATH):
            conversation_id, _, rest = path[len(CONVERSATIONS_PATH):].partition("/")
            with self._lock:
                conversation = self.conversations.get(conversation_id)
                if conversation is None or not conversation.connected:
                    return 404, _detail("conversation_not_found",
                                        f"Conversation {conversation_id} not found"), ""
                if rest == "":
                    return 200, _conversation_json(conversation), ""
                if rest == "audio":
                    if not conversation.audio:
                        return 404, _detail("audio_not_found", "No audio for this conversation"), ""
                    return 200, conversation.audio, "audio/mpeg"
        return 404, {"detail": "Not Found"}, ""


def _detail(status: str, message: str) -> dict[str, Any]:
    return {"detail": {"status": status, "message": message}}


def _transcript_entry(role: str, message: str | None, seconds: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "role": role, "message": message, "time_in_call_secs": seconds,
        "tool_calls": [], "tool_results": [], "feedback": None, "llm_override": None,
        "conversation_turn_metrics": None, "rag_retrieval_info": None, "llm_usage": None,
        "interrupted": False, "original_message": None, "source_medium": "audio",
    }
    if message is None:  # a tool-only agent turn carries no text
        entry["tool_calls"] = [{"type": "system", "request_id": "end_call_1",
                                "tool_name": "end_call", "params_as_json": "{}",
                                "tool_has_been_called": True}]
    return entry


def _conversation_json(conversation: FakeConversation) -> dict[str, Any]:
    transcript = conversation.transcript
    duration = transcript[-1]["time_in_call_secs"] + 3 if transcript else 0
    return {
        "agent_id": conversation.agent_id,
        "agent_name": "HireOps interviewer",
        "conversation_id": conversation.conversation_id,
        "status": conversation.status,
        "user_id": None,
        "branch_id": None,
        "transcript": list(transcript),
        "metadata": {
            "start_time_unix_secs": conversation.start_time_unix_secs,
            "accepted_time_unix_secs": conversation.start_time_unix_secs,
            "call_duration_secs": duration,
            "cost": 120,
            "termination_reason": "" if conversation.status == "in-progress" else "end_call",
            "main_language": "en",
            "authorization_method": "signed_url",
            "text_only": False,
        },
        "analysis": None,
        "conversation_initiation_client_data": {
            "conversation_config_override": {"agent": None, "tts": None, "conversation": None},
            "custom_llm_extra_body": {},
            "user_id": None,
            "source_info": {"source": "react_sdk", "version": "1.15.2"},
            "dynamic_variables": dict(conversation.dynamic_variables),
        },
        "has_audio": bool(conversation.audio),
        "has_user_audio": bool(conversation.audio),
        "has_response_audio": bool(conversation.audio),
        "has_auxiliary_audio": False,
        "user_message_count": sum(1 for t in transcript if t["role"] == "user" and t["message"]),
        "agent_message_count": sum(1 for t in transcript if t["role"] == "agent" and t["message"]),
    }


class _ElevenLabsHandler(FakeHandler):
    server_fake: FakeElevenLabsServer

    def do_GET(self) -> None:
        fake = self.server_fake
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        fake._record(RecordedRequest(parts.path, query,
                                     {k.lower(): v for k, v in self.headers.items()}))
        if self.headers.get("xi-api-key") != fake.api_key:
            return self._send(401, _detail("invalid_api_key", "Invalid API key"))
        failure = fake._scripted_failure(parts.path)
        if failure is not None:
            return self._send(failure.status, failure.body, headers=failure.headers)
        status, payload, content_type = fake._answer(parts.path, query)
        self._send(status, payload, content_type=content_type)
