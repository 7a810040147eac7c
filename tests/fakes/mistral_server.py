"""A loopback fake of the Mistral API speaking its real wire format, so the real SDK is tested.

Serves `POST /v1/chat/completions` and `POST /v1/agents/completions` from a thread. Each test
scripts the replies in order (`reply_json`, `reply_text`, `fail`, `hang`) and reads back what
the SDK sent in `requests`. An unscripted request gets a 500 that says so, so a test that
expects fewer calls fails loudly instead of passing on a default answer; batch tests and
benchmarks opt into one with `answer_every_request`.

`latency_s` delays every answer, like a real model's think time, and `max_in_flight` records
how many requests were being answered at once (what a concurrency limit must bound).

    with FakeMistralServer(api_key="test-key") as fake:
        fake.reply_json({"category": "general", ...}, prompt_tokens=50)
        ...  # point MISTRAL_SERVER_URL at fake.url
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.loopback_http import FakeHandler, LoopbackHTTPServer

CHAT_PATH = "/v1/chat/completions"
AGENTS_PATH = "/v1/agents/completions"
# What the agents endpoint reports as the model behind an agent.
DEFAULT_AGENT_MODEL = "mistral-medium-2505"


@dataclass
class Scripted:
    """One scripted reply: a completion (`content`), an HTTP error (`status`), or a delay."""

    content: str | list[dict] | None = None
    status: int = 200
    error_body: dict | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str = "stop"
    model: str | None = None


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeMistralServer(LoopbackHTTPServer):
    """A scriptable Mistral API on 127.0.0.1 and a free port."""

    requests: list[RecordedRequest]

    def __init__(self, *, api_key: str | None = None, latency_s: float = 0.0) -> None:
        super().__init__(_MistralHandler)
        self.api_key = api_key
        self.latency_s = latency_s
        self.in_flight = 0
        self.max_in_flight = 0
        self._script: deque[Scripted] = deque()
        self._default: Callable[[dict], Scripted] | None = None
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers that are "hanging"
        super().stop()

    # --- scripting ------------------------------------------------------------------------

    def reply_json(self, payload: Any, *, prompt_tokens: int = 100,
                   completion_tokens: int = 50, model: str | None = None) -> None:
        """Answer the next request with `payload` serialised as the assistant's content."""
        self.reply_text(json.dumps(payload), prompt_tokens=prompt_tokens,
                        completion_tokens=completion_tokens, model=model)

    def reply_text(self, content: str | list[dict], *, prompt_tokens: int = 100,
                   completion_tokens: int = 50, finish_reason: str = "stop",
                   model: str | None = None) -> None:
        """Answer with raw content (e.g. broken JSON, or a list of content chunks)."""
        self._push(Scripted(content=content, prompt_tokens=prompt_tokens,
                            completion_tokens=completion_tokens,
                            finish_reason=finish_reason, model=model))

    def fail(self, status: int, *, times: int = 1, message: str = "",
             retry_after: float | None = None) -> None:
        """Answer the next `times` requests with an HTTP error in Mistral's error format."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        body = {"object": "error", "message": message or f"fake error {status}",
                "type": "rate_limited" if status == 429 else "internal_error",
                "param": None, "code": str(status)}
        for _ in range(times):
            self._push(Scripted(status=status, error_body=body, headers=headers))

    def hang(self, seconds: float, *, times: int = 1) -> None:
        """Wait `seconds` before answering (longer than the client timeout, usually)."""
        for _ in range(times):
            self._push(Scripted(delay_s=seconds, content="{}"))

    def answer_every_request(self, payload: Callable[[dict], Any], *, prompt_tokens: int = 100,
                             completion_tokens: int = 50) -> None:
        """Once the script is used up, answer each request with `payload(request_body)` as
        JSON content instead of the 500 for an unscripted request."""
        def scripted(body: dict) -> Scripted:
            return Scripted(content=json.dumps(payload(body)), prompt_tokens=prompt_tokens,
                            completion_tokens=completion_tokens)

        self._default = scripted

    def pending(self) -> int:
        """Scripted replies not used yet."""
        with self._lock:
            return len(self._script)

    def _push(self, item: Scripted) -> None:
        with self._lock:
            self._script.append(item)

    # --- serving (called from handler threads) --------------------------------------------

    def _next(self, body: dict) -> Scripted:
        with self._lock:
            if self._script:
                return self._script.popleft()
        if self._default is not None:
            return self._default(body)
        return Scripted(status=500, error_body={"object": "error", "code": "500",
                                                "message": "fake: no scripted reply left"})

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


class _MistralHandler(FakeHandler):
    server_fake: FakeMistralServer

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path not in (CHAT_PATH, AGENTS_PATH):
            return self._send(404, {"detail": "Not Found"})
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            return self._send(400, {"object": "error", "message": "invalid JSON body"})
        fake = self.server_fake
        fake._record(RecordedRequest(path=self.path, body=body,
                                     headers={k.lower(): v for k, v in self.headers.items()}))
        if fake.api_key and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            return self._send(401, {"message": "Unauthorized", "request_id": "fake"})
        problem = _validate_request(self.path, body)
        if problem:
            return self._send(422, {"detail": [{"type": "missing", "loc": ["body", problem],
                                                "msg": "Field required", "input": body}]})
        fake._enter()
        try:
            self._answer(fake._next(body), body)
        finally:
            fake._leave()

    def _answer(self, item: Scripted, body: dict) -> None:
        delay = item.delay_s + self.server_fake.latency_s
        if delay and self.server_fake._stopping.wait(delay):
            return  # server stopping; the client gave up long ago
        if item.status != 200:
            return self._send(item.status, item.error_body or {}, headers=item.headers)
        self._send(200, _completion(self.path, body, item))


def _validate_request(path: str, body: dict) -> str:
    """The name of a missing required field, like the real API's 422, or ''."""
    required = ("messages", "agent_id") if path == AGENTS_PATH else ("messages", "model")
    return next((name for name in required if not body.get(name)), "")


def _completion(path: str, body: dict, item: Scripted) -> dict:
    model = item.model or body.get("model") or DEFAULT_AGENT_MODEL
    return {
        "id": f"fake-{time.time_ns():x}",
        "object": "chat.completion",
        "model": model,
        "created": int(time.time()),
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": item.content, "tool_calls": None,
                        "prefix": False},
            "finish_reason": item.finish_reason,
        }],
        "usage": {
            "prompt_tokens": item.prompt_tokens,
            "completion_tokens": item.completion_tokens,
            "total_tokens": item.prompt_tokens + item.completion_tokens,
        },
    }


# Well-formed replies for each agent, as a model following the prompts would send them.
SAMPLE_REPLIES: dict[str, dict[str, Any]] = {
    "classifier": {
        "category": "candidate_application", "confidence": 0.93,
        "reasoning": "Subject says 'Application' and a CV is attached.",
        "suggested_action": "Parse the attached resume", "detected_name": "Ada Lovelace",
        "detected_role": "Backend Engineer",
    },
    "resume_scorer": {
        "candidate_summary": {"name": "Ada Lovelace", "years_experience_est": 6,
                              "current_title": "Software Engineer",
                              "key_strengths": ["Python", "PostgreSQL"]},
        "match": {"score": 82, "confidence": 0.8,
                  "evidence": [{"skill": "Python", "resume_evidence": "6 years of Python",
                                "importance": "must_have"}],
                  "gaps": ["Kubernetes"], "risks": [], "recommendation": "shortlist"},
        "screening_questions": ["How have you run Python services in production?"],
        "knockouts": [],
    },
    "interview_evaluator": {
        "score": 77, "decision": "advance", "strengths": ["Clear answer on indexing"],
        "concerns": ["Little testing experience"], "communication_rating": 80,
        "technical_depth": 74, "cultural_fit": 78, "problem_solving": 72,
        "email_draft": "Dear Ada, thank you for your time...",
        "scheduling_slots": ["Tuesday 10:00"], "preferred_slot": "Tuesday morning",
        "summary": "Solid backend fundamentals; testing needs probing.",
    },
    "job_generator": {
        "title": "Backend Engineer", "department": "Engineering", "location": "Remote",
        "seniority": "Mid-level",
        "must_have_skills": ["Python", "SQL", "REST APIs", "Git", "Testing", "Docker"],
        "nice_to_have_skills": ["Kubernetes", "Redis", "AWS", "GraphQL"],
        "responsibilities": ["Build services", "Review code", "Write tests",
                             "Design schemas", "Operate services", "Mentor peers"],
        "qualifications": ["3+ years backend work", "CS degree or equivalent",
                           "Fluent English"],
        "description": "We are looking for a backend engineer... " * 20,
        "known_role": True, "notes": "",
    },
}
