"""services.ai.calls: engine choice per agent, and an `ai_calls` row for every call."""

from __future__ import annotations

import copy
import sys
import types

import pytest
from sqlmodel import Session, select

from hireops import db
from hireops.config import get_settings
from hireops.models import AICall
from hireops.services.ai import calls
from hireops.services.ai.calls import AICallFailed, estimate_cost_usd
from hireops.services.ai.local.engine import LOCAL_MODEL, LocalEngine
from hireops.services.ai.mistral_engine import MistralEngine
from hireops.services.ai.prompts import PROMPT_VERSIONS
from hireops.services.ai.schemas import (
    EmailInput,
    InterviewInput,
    JobDraft,
    TranscriptTurn,
)
from tests.ai.conftest import API_KEY, JOB
from tests.fakes.mistral_server import (
    AGENTS_PATH,
    CHAT_PATH,
    DEFAULT_AGENT_MODEL,
    SAMPLE_REPLIES,
)

INTERVIEW = InterviewInput(
    job=JOB, transcript=[TranscriptTurn(speaker="candidate", text="I tune SQL indexes.")],
)

# agent -> a call through the public entry point, for a given session
RUN = {
    "classifier": lambda s: calls.classify_email(
        session=s, email=EmailInput(subject="Application"), subject_id=7),
    "resume_scorer": lambda s: calls.score_resume(
        session=s, job=JOB, resume_text="Python for 6 years", subject_id=7),
    "interview_evaluator": lambda s: calls.evaluate_interview(
        session=s, interview=INTERVIEW, subject_id=7),
    "job_generator": lambda s: calls.generate_job(
        session=s, title="Backend Engineer", subject_id=7),
}
SUBJECT_TYPES = {"classifier": "email", "resume_scorer": "application",
                 "interview_evaluator": "application", "job_generator": "job"}


@pytest.fixture
def use_mistral(fake, monkeypatch):
    """All four agents on Mistral chat models served by the fake; fast timeouts and backoff."""
    for agent in RUN:
        monkeypatch.setenv(f"{agent.upper()}_ENGINE", "mistral")
    monkeypatch.setenv("CLASSIFIER_MODEL", "mistral-small-latest")
    monkeypatch.setenv("RESUME_SCORER_MODEL", "mistral-medium-latest")
    monkeypatch.setenv("MISTRAL_SERVER_URL", fake.url)
    monkeypatch.setenv("MISTRAL_API_KEY", API_KEY)
    # Short enough for the timeout test (the fake hangs 3 s), long enough that a scripted
    # reply never times out on a loaded machine and the retry eats the next script entry.
    monkeypatch.setenv("MISTRAL_TIMEOUT_S", "1.0")
    monkeypatch.setenv("MISTRAL_MAX_RETRIES", "1")
    monkeypatch.setenv("MISTRAL_BACKOFF_INITIAL_S", "0.01")
    monkeypatch.setenv("MISTRAL_BACKOFF_MAX_S", "0.05")
    get_settings.cache_clear()
    return fake


def rows(session: Session) -> list[AICall]:
    return list(session.exec(select(AICall).order_by(AICall.id)))


def committed_row(call_id: int) -> AICall:
    """Read a row through a new session: proves it was committed, not just flushed."""
    with Session(db.get_engine()) as other:
        return other.get(AICall, call_id)


@pytest.mark.parametrize("agent", list(RUN))
def test_each_agent_through_mistral_records_a_full_row(session, use_mistral, agent):
    use_mistral.reply_json(SAMPLE_REPLIES[agent], prompt_tokens=2000, completion_tokens=1000)

    outcome = RUN[agent](session)

    call = committed_row(outcome.call.id)
    assert outcome.result.model_dump(mode="json") == type(outcome.result).model_validate(
        SAMPLE_REPLIES[agent]).model_dump(mode="json")
    assert (call.agent, call.engine, call.status, call.error) == (agent, "mistral", "ok", "")
    assert call.prompt_version == PROMPT_VERSIONS[agent]
    assert (call.input_tokens, call.output_tokens, call.attempts) == (2000, 1000, 1)
    assert call.cost_usd > 0 and call.latency_ms > 0
    assert len(call.input_hash) == 64
    assert (call.subject_type, call.subject_id) == (SUBJECT_TYPES[agent], 7)
    assert use_mistral.requests[0].path == CHAT_PATH


def test_cost_follows_the_model_price_table(session, use_mistral):
    use_mistral.reply_json(SAMPLE_REPLIES["resume_scorer"], prompt_tokens=10_000,
                           completion_tokens=2_000, model="mistral-medium-2505")

    outcome = RUN["resume_scorer"](session)

    # mistral-medium: 0.4 USD in, 2.0 USD out per million tokens.
    assert outcome.call.model == "mistral-medium-2505"
    assert outcome.call.cost_usd == pytest.approx(10_000 * 0.4e-6 + 2_000 * 2.0e-6)


def test_agent_id_routes_to_agents_endpoint_and_is_recorded(session, use_mistral, monkeypatch):
    monkeypatch.setenv("RESUME_SCORER_AGENT_ID", "ag:scorer:42")
    get_settings.cache_clear()
    use_mistral.reply_json(SAMPLE_REPLIES["resume_scorer"])
    use_mistral.reply_json(SAMPLE_REPLIES["classifier"])

    scored = RUN["resume_scorer"](session)
    classified = RUN["classifier"](session)

    first, second = use_mistral.requests
    assert first.path == AGENTS_PATH and first.body["agent_id"] == "ag:scorer:42"
    assert second.path == CHAT_PATH and second.body["model"] == "mistral-small-latest"
    assert (scored.call.agent_id, scored.call.model) == ("ag:scorer:42", DEFAULT_AGENT_MODEL)
    assert (classified.call.agent_id, classified.call.model) == ("", "mistral-small-latest")


def test_rate_limit_then_success_records_two_attempts(session, use_mistral):
    use_mistral.fail(429)
    use_mistral.reply_json(SAMPLE_REPLIES["classifier"])

    outcome = RUN["classifier"](session)

    assert committed_row(outcome.call.id).attempts == 2
    assert outcome.call.status == "ok"


def test_persistent_server_error_raises_and_commits_a_failed_row(session, use_mistral):
    use_mistral.fail(500, times=5, message="model overloaded")

    with pytest.raises(AICallFailed) as caught:
        RUN["resume_scorer"](session)

    assert caught.value.agent == "resume_scorer"
    call = committed_row(caught.value.call_id)
    assert (call.status, call.engine, call.attempts) == ("failed", "mistral", 2)
    assert "HTTP 500" in call.error and "model overloaded" in call.error
    assert call.error == str(caught.value)
    assert (call.input_tokens, call.cost_usd) == (0, 0)
    assert len(use_mistral.requests) == 2


def test_timeout_raises_and_records_failure(session, use_mistral):
    use_mistral.hang(3, times=2)

    with pytest.raises(AICallFailed, match="timeout") as caught:
        RUN["interview_evaluator"](session)

    call = committed_row(caught.value.call_id)
    assert (call.status, call.attempts) == ("failed", 2)


def test_malformed_json_records_failure_with_spent_tokens(session, use_mistral):
    use_mistral.reply_text("Sure! Here is the JSON: {", prompt_tokens=500, completion_tokens=20)

    with pytest.raises(AICallFailed, match="not valid JSON") as caught:
        RUN["classifier"](session)

    call = committed_row(caught.value.call_id)
    assert (call.status, call.input_tokens, call.output_tokens) == ("failed", 500, 20)
    assert call.cost_usd > 0


def test_schema_violation_records_failure(session, use_mistral):
    bad = copy.deepcopy(SAMPLE_REPLIES["resume_scorer"])
    bad["match"]["score"] = 150
    use_mistral.reply_json(bad)

    with pytest.raises(AICallFailed, match="match.score"):
        RUN["resume_scorer"](session)

    [call] = rows(session)
    assert call.status == "failed" and "match.score" in call.error


def test_missing_api_key_records_failure_without_network(session, monkeypatch):
    monkeypatch.setenv("JOB_GENERATOR_ENGINE", "mistral")
    get_settings.cache_clear()

    with pytest.raises(AICallFailed, match="MISTRAL_API_KEY"):
        RUN["job_generator"](session)

    [call] = rows(session)
    assert (call.status, call.attempts) == ("failed", 0)


def test_every_call_writes_a_row_and_hashes_identify_inputs(session, use_mistral):
    use_mistral.reply_json(SAMPLE_REPLIES["job_generator"])  # the repeat is a cache hit
    use_mistral.fail(500, times=2)

    first = calls.generate_job(session=session, title="Backend Engineer")
    again = calls.generate_job(session=session, title="Backend Engineer")
    with pytest.raises(AICallFailed):
        calls.generate_job(session=session, title="Data Analyst")

    recorded = rows(session)
    assert [c.status for c in recorded] == ["ok", "ok", "failed"]
    assert first.call.input_hash == again.call.input_hash != recorded[2].input_hash
    assert [c.cached for c in recorded] == [False, True, False]


@pytest.fixture
def stub_local_agents(monkeypatch) -> dict[str, list]:
    """Stand-ins for the local rule modules; records what each was asked."""
    seen: dict[str, list] = {"job_generator": []}

    def generate_job_draft(title: str) -> JobDraft:
        seen["job_generator"].append(title)
        if title == "boom":
            raise ValueError("vocabulary missing")
        return JobDraft.model_validate({**SAMPLE_REPLIES["job_generator"], "title": title})

    module = types.ModuleType("hireops.services.ai.local.job_generator")
    module.generate_job_draft = generate_job_draft
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return seen


def test_local_engine_calls_are_recorded_with_zero_cost(session, stub_local_agents, fake):
    outcome = calls.generate_job(session=session, title="Data Analyst", subject_id=3)

    assert outcome.result.title == "Data Analyst"
    assert stub_local_agents["job_generator"] == ["Data Analyst"]
    call = committed_row(outcome.call.id)
    assert (call.engine, call.model, call.prompt_version) == ("local", LOCAL_MODEL, LOCAL_MODEL)
    assert (call.input_tokens, call.output_tokens, call.cost_usd) == (0, 0, 0)
    assert call.status == "ok" and call.attempts == 1
    assert fake.requests == []  # the default engine never touches the network


def test_local_engine_failure_is_recorded(session, stub_local_agents):
    with pytest.raises(AICallFailed, match="ValueError: vocabulary missing") as caught:
        calls.generate_job(session=session, title="boom")

    call = committed_row(caught.value.call_id)
    assert (call.engine, call.status) == ("local", "failed")


@pytest.mark.parametrize("agent", list(RUN))
def test_real_local_agents_when_available(session, agent):
    # Each local agent module is named after its agent; skip those not written yet.
    pytest.importorskip(f"hireops.services.ai.local.{agent}")

    outcome = RUN[agent](session)

    call = committed_row(outcome.call.id)
    assert (call.agent, call.engine, call.status, call.model) == (agent, "local", "ok",
                                                                  LOCAL_MODEL)
    assert type(outcome.result).model_validate(outcome.result.model_dump()) == outcome.result


def test_get_engine_follows_settings_per_agent(monkeypatch):
    monkeypatch.setenv("RESUME_SCORER_ENGINE", "mistral")
    monkeypatch.setenv("RESUME_SCORER_MODEL", "mistral-large-latest")
    get_settings.cache_clear()

    scorer = calls.get_engine("resume_scorer")

    assert isinstance(calls.get_engine("classifier"), LocalEngine)
    assert isinstance(scorer, MistralEngine)
    assert (scorer.model, scorer.agent_id) == ("mistral-large-latest", "")
    with pytest.raises(ValueError):
        calls.get_engine("summariser")


def test_price_table_prefixes_and_overrides(monkeypatch):
    assert estimate_cost_usd("mistral-small-2506", 1_000_000, 0) == pytest.approx(0.1)
    assert estimate_cost_usd("unknown-model", 1000, 1000) == 0
    monkeypatch.setenv("MISTRAL_PRICES_USD_PER_MTOK", '{"mistral-small-2506": [1, 3]}')
    get_settings.cache_clear()
    # The longer, more specific prefix wins over the built-in family price.
    assert estimate_cost_usd("mistral-small-2506", 1_000_000, 1_000_000) == pytest.approx(4)
