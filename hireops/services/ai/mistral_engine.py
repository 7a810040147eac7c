"""The Mistral engine: the real mistralai SDK, by agent id or chat model, in JSON mode.

One request per attempt: the retry loop is ours (not the SDK's `RetryConfig`) because the SDK
bounds retries by elapsed time only and cannot report how many requests it made, while every
AI call records its attempt count and `mistral_max_retries` is a count.
"""

from __future__ import annotations

import json
import random
import ssl
import threading
import time
from typing import Any, TypeVar

import httpx2
from mistralai.client import Mistral
from mistralai.client import errors as mistral_errors
from pydantic import BaseModel, ValidationError

from hireops.config import Settings
from hireops.services.ai.engine import AgentName, AIEngineError, EngineReply
from hireops.services.ai.prompts import PROMPT_VERSIONS, SYSTEM_PROMPTS, user_message
from hireops.services.ai import schemas
from hireops.services.platform.runtime_settings import current_settings

T = TypeVar("T", bound=BaseModel)

JSON_MODE = {"type": "json_object"}
# Bounds on free text sent to the model: cost stays predictable and a pasted book fails cheaply.
MAX_RESUME_CHARS = 40_000
MAX_EMAIL_CHARS = 12_000
RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# What one request can raise; anything else is a bug and propagates as is.
_REQUEST_ERRORS = (mistral_errors.MistralError, mistral_errors.NoResponseError, httpx2.HTTPError)


_ssl_lock = threading.Lock()
_ssl_context: ssl.SSLContext | None = None


def _shared_ssl_context() -> ssl.SSLContext:
    """One TLS context for every engine in the process: loading the CA bundle takes ~50 ms of
    CPU, and an engine per call paid it twice a call, which capped batch throughput."""
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            _ssl_context = httpx2.create_ssl_context()
        return _ssl_context


class InvalidOutputError(AIEngineError):
    """The model answered, but not with the promised JSON; the tokens were still spent."""

    def __init__(self, message: str, *, attempts: int, model: str,
                 input_tokens: int, output_tokens: int) -> None:
        super().__init__(message, attempts=attempts)
        self.model = model
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens


class MistralEngine:
    """Calls one Mistral agent (when `agent_id` is set) or chat model, validating the reply."""

    name = "mistral"

    def __init__(
        self,
        *,
        model: str,
        agent_id: str = "",
        api_key: str | None = None,
        server_url: str | None = None,
        timeout_s: float = 30.0,
        max_retries: int = 2,
        backoff_initial_s: float = 0.5,
        backoff_max_s: float = 8.0,
    ) -> None:
        self.model = model
        self.agent_id = agent_id
        self.api_key = api_key
        self.server_url = server_url or None
        self.timeout_s = timeout_s
        self.max_retries = max(0, max_retries)
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self._client: Mistral | None = None
        self._http: httpx2.Client | None = None

    @classmethod
    def for_agent(cls, agent: AgentName, settings: Settings | None = None) -> MistralEngine:
        """The engine configured for one agent (stored settings over the environment)."""
        settings = settings or current_settings()
        _, agent_id, model = settings.agent_settings(agent)
        key = settings.mistral_api_key
        return cls(
            model=model,
            agent_id=agent_id,
            api_key=key.get_secret_value() if key else None,
            server_url=settings.mistral_server_url,
            timeout_s=settings.mistral_timeout_s,
            max_retries=settings.mistral_max_retries,
            backoff_initial_s=settings.mistral_backoff_initial_s,
            backoff_max_s=settings.mistral_backoff_max_s,
        )

    def prompt_version(self, agent: AgentName) -> str:
        return PROMPT_VERSIONS[agent]

    def close(self) -> None:
        """Release the HTTP connections (safe to call twice)."""
        if self._client is not None:
            self._client.__exit__(None, None, None)
            self._client = None
        if self._http is not None:  # ours, so the SDK leaves closing it to us
            self._http.close()
            self._http = None

    # --- the four agents ------------------------------------------------------------------

    def classify_email(self, email: schemas.EmailInput) -> EngineReply[schemas.EmailClassification]:
        payload = email.model_dump()
        payload["body"] = _clip(email.body, MAX_EMAIL_CHARS)
        payload["attachment_text"] = _clip(email.attachment_text, MAX_EMAIL_CHARS)
        return self._run("classifier", payload, schemas.EmailClassification)

    def score_resume(
            self, job: schemas.JobInput, resume_text: str) -> EngineReply[schemas.ResumeScore]:
        payload = {"job": job.model_dump(), "resume_text": _clip(resume_text, MAX_RESUME_CHARS)}
        return self._run("resume_scorer", payload, schemas.ResumeScore)

    def evaluate_interview(
            self, interview: schemas.InterviewInput) -> EngineReply[schemas.InterviewEvaluation]:
        return self._run("interview_evaluator", interview.model_dump(), schemas.InterviewEvaluation)

    def generate_job(self, title: str) -> EngineReply[schemas.JobDraft]:
        return self._run("job_generator", {"title": title}, schemas.JobDraft)

    # --- one call: send with retries, then parse and validate -----------------------------

    def _run(self, agent: AgentName, payload: dict[str, Any], schema: type[T]) -> EngineReply[T]:
        messages = [
            {"role": "system", "content": SYSTEM_PROMPTS[agent]},
            {"role": "user", "content": user_message(payload)},
        ]
        response, attempts = self._send_with_retries(messages)
        usage = response.usage
        model = response.model or self.model
        tokens = {"input_tokens": usage.prompt_tokens or 0,
                  "output_tokens": usage.completion_tokens or 0}
        choice = response.choices[0] if response.choices else None
        try:
            result = parse_reply(_reply_text(choice), schema,
                                 finish_reason=str(choice.finish_reason) if choice else "")
        except ValueError as exc:
            raise InvalidOutputError(str(exc), attempts=attempts, model=model, **tokens) from exc
        return EngineReply(
            result=result, model=model, attempts=attempts, **tokens,
            extra={"agent_id": self.agent_id, "response_id": response.id},
        )

    def _send_with_retries(self, messages: list[dict]) -> tuple[Any, int]:
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._send(messages), attempt
            except _REQUEST_ERRORS as exc:
                retryable, wait_hint, reason = describe_failure(exc, self.timeout_s)
                if not retryable or attempt > self.max_retries:
                    raise AIEngineError(
                        f"Mistral request failed after {attempt} attempt(s): {reason}",
                        attempts=attempt,
                    ) from exc
                time.sleep(self._backoff(attempt, wait_hint))

    def _send(self, messages: list[dict]) -> Any:
        client = self._get_client()
        if self.agent_id:
            return client.agents.complete(
                agent_id=self.agent_id, messages=messages, response_format=JSON_MODE,
                retries=None,
            )
        return client.chat.complete(
            model=self.model, messages=messages, response_format=JSON_MODE, retries=None,
        )

    def _get_client(self) -> Mistral:
        if self._client is None:
            if not self.api_key and not self.server_url:
                # Without a key the hosted API can only answer 401; fail before any network I/O.
                raise AIEngineError("MISTRAL_API_KEY is not set", attempts=0)
            context = _shared_ssl_context()
            self._http = httpx2.Client(verify=context, follow_redirects=True)
            self._client = Mistral(
                api_key=self.api_key or None,
                server_url=self.server_url,
                timeout_ms=int(self.timeout_s * 1000),
                client=self._http,
                # Never used (calls are synchronous), but the SDK would build its own.
                async_client=httpx2.AsyncClient(verify=context, follow_redirects=True),
            )
        return self._client

    def _backoff(self, attempt: int, wait_hint: float | None) -> float:
        if wait_hint is not None:
            return min(wait_hint, self.backoff_max_s)
        delay = min(self.backoff_initial_s * 2 ** (attempt - 1), self.backoff_max_s)
        # A little jitter so workers that failed together do not retry in lockstep.
        return delay * random.uniform(1.0, 1.2)


def describe_failure(exc: Exception, timeout_s: float) -> tuple[bool, float | None, str]:
    """(retryable?, server-requested wait in seconds, readable reason) for one failed request."""
    if isinstance(exc, httpx2.TimeoutException):
        return True, None, f"no reply within {timeout_s:g} s (timeout)"
    if isinstance(exc, (httpx2.TransportError, mistral_errors.NoResponseError)):
        return True, None, f"connection error: {exc}"
    if isinstance(exc, mistral_errors.ResponseValidationError):
        return False, None, f"unexpected response shape: {exc}"
    if isinstance(exc, mistral_errors.MistralError):
        status = exc.status_code
        body = (exc.body or "")[:300]
        return status in RETRYABLE_STATUS, _retry_after(exc.headers), f"HTTP {status}: {body}"
    return False, None, f"{type(exc).__name__}: {exc}"


def _retry_after(headers: Any) -> float | None:
    value = headers.get("retry-after") if headers is not None else None
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date; rare from Mistral, our own backoff is good enough


def parse_reply(text: str, schema: type[T], *, finish_reason: str = "") -> T:
    """Validate the model's JSON text into `schema`; ValueError says exactly what was wrong."""
    if not text.strip():
        raise ValueError("model returned an empty reply")
    try:
        data = json.loads(_strip_fence(text))
    except json.JSONDecodeError as exc:
        cut = " (reply was cut off at the token limit)" if finish_reason == "length" else ""
        raise ValueError(f"model reply is not valid JSON{cut}: {exc}; "
                         f"reply starts with {text[:120]!r}") from None
    if not isinstance(data, dict):
        raise ValueError(f"model reply is JSON {type(data).__name__}, expected an object")
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"model reply does not match {schema.__name__}: "
                         f"{_summarise(exc)}") from None


def _summarise(exc: ValidationError, limit: int = 5) -> str:
    problems = [
        f"{'.'.join(str(part) for part in err['loc']) or '(root)'}: {err['msg']}"
        for err in exc.errors()[:limit]
    ]
    more = exc.error_count() - len(problems)
    return "; ".join(problems) + (f"; and {more} more" if more > 0 else "")


def _reply_text(choice: Any) -> str:
    """The assistant text; JSON mode may still deliver it as a list of text chunks."""
    content = choice.message.content if choice and choice.message else None
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(getattr(chunk, "text", "") for chunk in content)
    return ""


def _strip_fence(text: str) -> str:
    # Some models wrap JSON in a Markdown fence even in JSON mode; the content is unchanged.
    stripped = text.strip()
    if stripped.startswith("```") and stripped.endswith("```"):
        stripped = stripped[3:-3]
        if stripped.startswith("json"):
            stripped = stripped[4:]
    return stripped


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n[... {len(text) - limit} more characters not sent]"
