"""ElevenLabsProvider through the real `elevenlabs` SDK against the loopback fake API."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from hireops.config import get_settings
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import ConversationTurn, VoiceProviderError
from tests.fakes.elevenlabs_server import SAMPLE_AUDIO, SIGNED_URL_PATH, TOKEN_PATH
from tests.interviews.voice.conftest import AGENT_ID, API_KEY


def test_conversation_token_names_the_conversation_and_sends_the_key_in_a_header(fake, provider):
    credentials = provider.start_credentials(participant_name="Ada Lovelace")

    assert credentials.connection_type == "webrtc"
    assert credentials.conversation_token.startswith("lk_token_")
    assert credentials.conversation_id in fake.conversations
    assert not credentials.signed_url
    (request,) = fake.requests_to(TOKEN_PATH)
    assert request.query["agent_id"] == [AGENT_ID]
    assert request.query["participant_name"] == ["Ada Lovelace"]
    assert request.headers["xi-api-key"] == API_KEY


def test_signed_url_carries_the_conversation_id(fake, provider):
    credentials = provider.start_credentials(connection_type="websocket")

    assert credentials.connection_type == "websocket"
    assert credentials.signed_url.startswith("wss://")
    assert credentials.conversation_id in fake.conversations
    assert credentials.conversation_id in credentials.signed_url
    (request,) = fake.requests_to(SIGNED_URL_PATH)
    assert request.query["include_conversation_id"] == ["true"]


def test_fetch_conversation_reads_turns_variables_and_times(fake, provider):
    conversation_id = fake.connect(fake.mint(), dynamic_variables={
        "candidate_name": "Ada", "interview_ref": "7-abc", "screening_questions": "1. Why?"})
    fake.say(conversation_id, "agent", "Hello Ada, shall we begin?", at=0)
    fake.say(conversation_id, "user", "  Yes, ready.  ", at=5)
    fake.say(conversation_id, "agent", None, at=9)  # a tool call: no words, not a turn
    fake.say(conversation_id, "user", "", at=11)  # silence transcribed as nothing
    fake.say(conversation_id, "agent", "Tell me about testing.", at=12)

    record = provider.fetch_conversation(conversation_id)

    assert record.conversation_id == conversation_id
    assert (record.status, record.agent_id, record.has_audio) == ("in-progress", AGENT_ID, True)
    assert record.dynamic_variables["interview_ref"] == "7-abc"
    assert record.dynamic_variables["system__conversation_id"] == conversation_id
    assert record.turns == [
        ConversationTurn(0, "interviewer", "Hello Ada, shall we begin?", 0.0),
        ConversationTurn(1, "candidate", "Yes, ready.", 5.0),
        ConversationTurn(4, "interviewer", "Tell me about testing.", 12.0),
    ]
    assert record.duration_s == 15.0
    assert record.started_at == datetime.fromtimestamp(
        fake.conversations[conversation_id].start_time_unix_secs, timezone.utc)
    assert not record.finished
    fake.finish(conversation_id)
    assert provider.fetch_conversation(conversation_id).finished


def test_fetch_audio_returns_the_recording_bytes(fake, provider):
    conversation_id = fake.connect(fake.mint(), dynamic_variables={})

    assert provider.fetch_audio(conversation_id) == SAMPLE_AUDIO


def test_unknown_conversation_is_a_clear_404(provider):
    with pytest.raises(VoiceProviderError) as caught:
        provider.fetch_conversation("conv_missing")

    assert caught.value.status_code == 404
    assert "conv_missing" in caught.value.reason and "404" in caught.value.reason


def test_missing_recording_is_a_404(fake, provider):
    conversation_id = fake.connect(fake.mint(), dynamic_variables={})
    fake.conversations[conversation_id].audio = b""

    with pytest.raises(VoiceProviderError) as caught:
        provider.fetch_audio(conversation_id)

    assert caught.value.status_code == 404


def test_wrong_api_key_is_refused_without_echoing_the_key(fake):
    provider = ElevenLabsProvider(api_key="not-the-key", agent_id=AGENT_ID, base_url=fake.url,
                                  max_retries=0)
    with pytest.raises(VoiceProviderError) as caught:
        provider.start_credentials()
    provider.close()

    assert caught.value.status_code == 401
    assert "API key" in caught.value.reason and "not-the-key" not in caught.value.reason


def test_unknown_agent_is_a_clear_error(fake):
    provider = ElevenLabsProvider(api_key=API_KEY, agent_id="agent_gone", base_url=fake.url,
                                  max_retries=0)
    with pytest.raises(VoiceProviderError) as caught:
        provider.start_credentials()
    provider.close()

    assert caught.value.status_code == 404
    assert "agent_gone" in caught.value.reason


def test_server_error_is_retried_then_reported(fake):
    conversation_id = fake.connect(fake.mint(), dynamic_variables={})
    provider = ElevenLabsProvider(api_key=API_KEY, agent_id=AGENT_ID, base_url=fake.url,
                                  max_retries=1)
    fake.fail(500, times=2, path_contains="/conversations/")

    with pytest.raises(VoiceProviderError) as caught:
        provider.fetch_conversation(conversation_id)

    assert caught.value.status_code == 500
    assert "HTTP 500" in caught.value.reason
    assert len(fake.requests_to(conversation_id)) == 2  # the first try and one retry
    fake.fail(500, times=1, path_contains="/conversations/")
    assert provider.fetch_conversation(conversation_id).conversation_id == conversation_id
    provider.close()


def test_server_error_on_audio_maps_to_the_same_error(fake, provider):
    conversation_id = fake.connect(fake.mint(), dynamic_variables={})
    fake.fail(503, path_contains="/audio")

    with pytest.raises(VoiceProviderError) as caught:
        provider.fetch_audio(conversation_id)

    assert caught.value.status_code == 503


def test_unreachable_api_is_a_clear_error():
    provider = ElevenLabsProvider(api_key=API_KEY, agent_id=AGENT_ID,
                                  base_url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(VoiceProviderError, match="Could not reach ElevenLabs"):
        provider.fetch_conversation("conv_1")
    provider.close()


def test_from_settings_needs_a_key_and_an_agent(voice_env, monkeypatch):
    provider = ElevenLabsProvider.from_settings()
    assert (provider.agent_id, provider.base_url) == (AGENT_ID, voice_env.url)
    provider.close()

    monkeypatch.delenv("ELEVENLABS_API_KEY")
    get_settings.cache_clear()
    with pytest.raises(VoiceProviderError, match="not configured"):
        ElevenLabsProvider.from_settings()
