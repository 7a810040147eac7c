"""The remote AI result cache: hits, misses, failures, the off switch, and local engines."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AICacheEntry, AICall
from hireops.services.ai import calls
from hireops.services.ai.calls import AICallFailed
from hireops.services.ai.prompts import PROMPT_VERSIONS
from tests.ai.conftest import API_KEY
from tests.fakes.mistral_server import SAMPLE_REPLIES, FakeMistralServer


@pytest.fixture
def fake(fake: FakeMistralServer, monkeypatch) -> FakeMistralServer:
    """The fake server (tests/ai/conftest.py) with the job generator on a Mistral chat model it
    serves; fast failures."""
    monkeypatch.setenv("JOB_GENERATOR_ENGINE", "mistral")
    monkeypatch.setenv("MISTRAL_SERVER_URL", fake.url)
    monkeypatch.setenv("MISTRAL_API_KEY", API_KEY)
    monkeypatch.setenv("MISTRAL_TIMEOUT_S", "2")
    monkeypatch.setenv("MISTRAL_MAX_RETRIES", "0")
    get_settings.cache_clear()
    return fake


def _calls(session) -> list[AICall]:
    return list(session.exec(select(AICall).order_by(AICall.id)))


def test_same_input_twice_makes_one_request_and_records_a_free_cached_call(session, fake):
    fake.reply_json(SAMPLE_REPLIES["job_generator"], prompt_tokens=900, completion_tokens=400)

    first = calls.generate_job(session=session, title="Backend Engineer")
    again = calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 1
    assert again.result == first.result
    paid, cached = _calls(session)
    assert (paid.cached, paid.input_tokens, paid.attempts) == (False, 900, 1)
    assert paid.cost_usd > 0
    assert (cached.cached, cached.status, cached.engine, cached.attempts) == (
        True, "ok", "mistral", 0)
    assert (cached.input_tokens, cached.output_tokens, cached.cost_usd) == (0, 0, 0.0)
    assert (cached.model, cached.prompt_version, cached.input_hash) == (
        paid.model, paid.prompt_version, paid.input_hash)


def test_new_input_or_prompt_version_is_a_new_request(session, fake, monkeypatch):
    for _ in range(3):
        fake.reply_json(SAMPLE_REPLIES["job_generator"])

    calls.generate_job(session=session, title="Backend Engineer")
    calls.generate_job(session=session, title="Data Analyst")
    monkeypatch.setitem(PROMPT_VERSIONS, "job_generator", "job-generator-v-next")
    bumped = calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 3
    assert not any(call.cached for call in _calls(session))
    assert bumped.call.prompt_version == "job-generator-v-next"
    assert len(session.exec(select(AICacheEntry)).all()) == 3


def test_a_failed_call_is_not_cached(session, fake):
    fake.fail(500)
    fake.reply_json(SAMPLE_REPLIES["job_generator"])

    with pytest.raises(AICallFailed):
        calls.generate_job(session=session, title="Backend Engineer")
    retried = calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 2
    assert [c.status for c in _calls(session)] == ["failed", "ok"]
    assert retried.call.cached is False


def test_invalid_output_is_not_cached(session, fake):
    fake.reply_json({"not": "a job"})
    fake.reply_json(SAMPLE_REPLIES["job_generator"])

    with pytest.raises(AICallFailed):
        calls.generate_job(session=session, title="Backend Engineer")
    calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 2
    assert session.exec(select(AICacheEntry)).one().agent == "job_generator"


def test_the_cache_can_be_turned_off(session, fake, monkeypatch):
    monkeypatch.setenv("AI_CACHE_ENABLED", "false")
    get_settings.cache_clear()
    for _ in range(2):
        fake.reply_json(SAMPLE_REPLIES["job_generator"])

    calls.generate_job(session=session, title="Backend Engineer")
    calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 2
    assert session.exec(select(AICacheEntry)).all() == []


def test_a_result_no_longer_valid_is_a_miss(session, fake):
    fake.reply_json(SAMPLE_REPLIES["job_generator"])
    fake.reply_json(SAMPLE_REPLIES["job_generator"])
    calls.generate_job(session=session, title="Backend Engineer")
    entry = session.exec(select(AICacheEntry)).one()
    entry.result = {"title": "broken"}
    session.add(entry)
    session.commit()

    again = calls.generate_job(session=session, title="Backend Engineer")

    assert len(fake.requests) == 2 and again.call.cached is False


def test_local_engine_results_are_not_cached(session):
    first = calls.generate_job(session=session, title="Backend Engineer")
    again = calls.generate_job(session=session, title="Backend Engineer")

    assert first.result == again.result
    assert [c.cached for c in _calls(session)] == [False, False]
    assert session.exec(select(AICacheEntry)).all() == []
