"""MistralEngine through the real mistralai SDK against the loopback fake Mistral server."""

from __future__ import annotations

import copy
import json
import time

import pytest

from hireops.services.ai.engine import AIEngineError
from hireops.services.ai.mistral_engine import (
    MAX_RESUME_CHARS,
    InvalidOutputError,
    MistralEngine,
    parse_reply,
)
from hireops.services.ai.prompts import SYSTEM_PROMPTS
from hireops.services.ai.schemas import (
    EmailClassification,
    EmailInput,
    InterviewEvaluation,
    InterviewInput,
    JobDraft,
    ResumeScore,
    TranscriptTurn,
)
from tests.ai.conftest import API_KEY, JOB
from tests.fakes.mistral_server import (
    AGENTS_PATH,
    CHAT_PATH,
    DEFAULT_AGENT_MODEL,
    SAMPLE_REPLIES,
    FakeMistralServer,
)

INTERVIEW = InterviewInput(
    job=JOB,
    transcript=[TranscriptTurn(speaker="interviewer", text="Tell me about indexing."),
                TranscriptTurn(speaker="candidate", text="B-tree indexes speed lookups.")],
    resume_score=82,
)

# agent -> (how to call the engine, result type, a string the user message must contain)
CALLS = {
    "classifier": (lambda e: e.classify_email(EmailInput(subject="Application: Ada")),
                   EmailClassification, "Application: Ada"),
    "resume_scorer": (lambda e: e.score_resume(JOB, "Ada Lovelace, 6 years of Python"),
                      ResumeScore, "6 years of Python"),
    "interview_evaluator": (lambda e: e.evaluate_interview(INTERVIEW),
                            InterviewEvaluation, "B-tree indexes"),
    "job_generator": (lambda e: e.generate_job("Backend Engineer"), JobDraft, "Backend Engineer"),
}


def make_engine(fake: FakeMistralServer, **overrides) -> MistralEngine:
    options = dict(model="mistral-small-latest", api_key=API_KEY, server_url=fake.url,
                   timeout_s=0.5, max_retries=2, backoff_initial_s=0.01, backoff_max_s=0.05)
    options.update(overrides)
    return MistralEngine(**options)


@pytest.mark.parametrize("agent", list(CALLS))
def test_chat_model_call_sends_prompt_in_json_mode_and_validates(fake, agent):
    call, result_type, expected_text = CALLS[agent]
    fake.reply_json(SAMPLE_REPLIES[agent], prompt_tokens=321, completion_tokens=123)

    reply = call(make_engine(fake))

    assert isinstance(reply.result, result_type)
    assert reply.result.model_dump(mode="json") == result_type.model_validate(
        SAMPLE_REPLIES[agent]).model_dump(mode="json")
    assert (reply.input_tokens, reply.output_tokens, reply.attempts) == (321, 123, 1)
    assert reply.model == "mistral-small-latest"
    [request] = fake.requests
    assert request.path == CHAT_PATH
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.body["model"] == "mistral-small-latest"
    assert request.body["response_format"] == {"type": "json_object"}
    system, user = request.body["messages"]
    assert system == {"role": "system", "content": SYSTEM_PROMPTS[agent]}
    assert user["role"] == "user" and expected_text in user["content"]


def test_agent_id_routes_to_agents_endpoint(fake):
    fake.reply_json(SAMPLE_REPLIES["job_generator"])
    engine = make_engine(fake, agent_id="ag:hireops-jobs:1")

    reply = engine.generate_job("Backend Engineer")

    [request] = fake.requests
    assert request.path == AGENTS_PATH
    assert request.body["agent_id"] == "ag:hireops-jobs:1"
    assert "model" not in request.body
    assert request.body["response_format"] == {"type": "json_object"}
    assert reply.model == DEFAULT_AGENT_MODEL  # what Mistral says ran behind the agent
    assert reply.extra["agent_id"] == "ag:hireops-jobs:1"


def test_rate_limit_is_retried_and_attempts_counted(fake):
    fake.fail(429)
    fake.reply_json(SAMPLE_REPLIES["classifier"])

    reply = CALLS["classifier"][0](make_engine(fake))

    assert reply.attempts == 2
    assert len(fake.requests) == 2
    assert reply.result.category == "candidate_application"


def test_retry_after_header_is_honoured(fake):
    fake.fail(429, retry_after=0.3)
    fake.reply_json(SAMPLE_REPLIES["classifier"])
    started = time.monotonic()

    CALLS["classifier"][0](make_engine(fake, backoff_max_s=1.0))

    assert time.monotonic() - started >= 0.3


def test_retry_after_is_capped_by_backoff_max(fake):
    fake.fail(503, retry_after=30)
    fake.reply_json(SAMPLE_REPLIES["classifier"])
    started = time.monotonic()

    reply = CALLS["classifier"][0](make_engine(fake, backoff_max_s=0.05))

    assert reply.attempts == 2
    assert time.monotonic() - started < 5


def test_persistent_server_error_fails_after_bounded_attempts(fake):
    fake.fail(500, times=5, message="upstream exploded")

    with pytest.raises(AIEngineError) as caught:
        CALLS["resume_scorer"][0](make_engine(fake, max_retries=2))

    assert caught.value.attempts == 3
    assert len(fake.requests) == 3
    assert "HTTP 500" in str(caught.value) and "upstream exploded" in str(caught.value)


def test_client_error_is_not_retried(fake):
    fake.fail(400, times=3, message="bad request")

    with pytest.raises(AIEngineError) as caught:
        CALLS["classifier"][0](make_engine(fake))

    assert caught.value.attempts == 1
    assert len(fake.requests) == 1
    assert "HTTP 400" in str(caught.value)


def test_wrong_api_key_fails_without_retry(fake):
    fake.reply_json(SAMPLE_REPLIES["classifier"])

    with pytest.raises(AIEngineError, match="HTTP 401"):
        CALLS["classifier"][0](make_engine(fake, api_key="wrong"))
    assert fake.pending() == 1  # the scripted reply was never reached


def test_timeout_is_retried_then_fails(fake):
    fake.hang(3, times=2)

    started = time.monotonic()
    with pytest.raises(AIEngineError) as caught:
        CALLS["job_generator"][0](make_engine(fake, timeout_s=0.2, max_retries=1))

    assert caught.value.attempts == 2
    assert "timeout" in str(caught.value)
    assert time.monotonic() - started < 2.5


def test_timeout_then_success(fake):
    fake.hang(3)
    fake.reply_json(SAMPLE_REPLIES["job_generator"])

    # 1 s, not less: the reply after the hang must come in time on a loaded machine too.
    reply = CALLS["job_generator"][0](make_engine(fake, timeout_s=1.0, max_retries=1))

    assert reply.attempts == 2
    assert reply.result.title == "Backend Engineer"


def test_connection_refused_is_retried_then_fails():
    with FakeMistralServer() as gone:
        url = gone.url  # a port nobody listens on once the server stops
    engine = MistralEngine(model="mistral-small-latest", api_key=API_KEY, server_url=url,
                           timeout_s=0.5, max_retries=1, backoff_initial_s=0.01)

    with pytest.raises(AIEngineError) as caught:
        engine.generate_job("Backend Engineer")

    assert caught.value.attempts == 2
    assert "connection error" in str(caught.value)


def test_malformed_json_fails_with_usage_and_is_not_retried(fake):
    fake.reply_text('{"category": "general", "confidence": 0.9,', prompt_tokens=40,
                    completion_tokens=9)

    with pytest.raises(InvalidOutputError) as caught:
        CALLS["classifier"][0](make_engine(fake))

    error = caught.value
    assert "not valid JSON" in str(error)
    assert (error.input_tokens, error.output_tokens, error.attempts) == (40, 9, 1)
    assert len(fake.requests) == 1


def test_reply_cut_off_at_token_limit_says_so(fake):
    fake.reply_text('{"title": "Backend', finish_reason="length")

    with pytest.raises(InvalidOutputError, match="cut off"):
        CALLS["job_generator"][0](make_engine(fake))


def test_schema_violation_fails_and_names_the_field(fake):
    bad = copy.deepcopy(SAMPLE_REPLIES["resume_scorer"])
    bad["match"]["score"] = 150
    fake.reply_json(bad)

    with pytest.raises(InvalidOutputError) as caught:
        CALLS["resume_scorer"][0](make_engine(fake))

    assert "match.score" in str(caught.value)
    assert "less than or equal to 100" in str(caught.value)


def test_missing_required_field_fails(fake):
    bad = dict(SAMPLE_REPLIES["interview_evaluator"])
    del bad["summary"]
    fake.reply_json(bad)

    with pytest.raises(InvalidOutputError, match="summary"):
        CALLS["interview_evaluator"][0](make_engine(fake))


def test_json_that_is_not_an_object_fails(fake):
    fake.reply_json([SAMPLE_REPLIES["classifier"]])

    with pytest.raises(InvalidOutputError, match="expected an object"):
        CALLS["classifier"][0](make_engine(fake))


def test_empty_reply_fails(fake):
    fake.reply_text("")

    with pytest.raises(InvalidOutputError, match="empty reply"):
        CALLS["classifier"][0](make_engine(fake))


def test_content_as_text_chunks_is_joined(fake):
    text = json.dumps(SAMPLE_REPLIES["classifier"])
    fake.reply_text([{"type": "text", "text": text[:20]}, {"type": "text", "text": text[20:]}])

    reply = CALLS["classifier"][0](make_engine(fake))

    assert reply.result.detected_name == "Ada Lovelace"


def test_long_resume_is_clipped_before_sending(fake):
    fake.reply_json(SAMPLE_REPLIES["resume_scorer"])

    make_engine(fake).score_resume(JOB, "x" * (MAX_RESUME_CHARS + 5000))

    user = fake.requests[0].body["messages"][1]["content"]
    assert "5000 more characters not sent" in user
    assert len(user) < MAX_RESUME_CHARS + 2000


def test_missing_api_key_fails_before_any_request():
    engine = MistralEngine(model="mistral-small-latest", api_key=None, server_url=None)

    with pytest.raises(AIEngineError, match="MISTRAL_API_KEY") as caught:
        engine.generate_job("Backend Engineer")
    assert caught.value.attempts == 0


def test_parse_reply_accepts_a_fenced_object_only():
    fenced = "```json\n" + json.dumps(SAMPLE_REPLIES["classifier"]) + "\n```"
    assert parse_reply(fenced, EmailClassification).confidence == 0.93
    with pytest.raises(ValueError, match="confidence"):
        parse_reply(json.dumps({**SAMPLE_REPLIES["classifier"], "confidence": 1.5}),
                    EmailClassification)
