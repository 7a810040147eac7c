"""Settings > Voice "Test connection" against the loopback ElevenLabs fake."""

from __future__ import annotations

import socket

from pydantic import SecretStr

from hireops.config import get_settings
from hireops.services.interviews.voice.connection_check import check_voice_connection
from tests.interviews.voice.conftest import AGENT_ID


def _settings(**changes):
    return get_settings().model_copy(update=changes)


def test_a_working_key_and_agent_pass(voice_env):
    check = check_voice_connection(settings=_settings())
    assert check.ok is True
    assert check.message.startswith(f"OK: ElevenLabs accepted the key and agent {AGENT_ID}")
    assert voice_env.requests_to("signed-url")


def test_a_wrong_key_says_so(voice_env):
    check = check_voice_connection(settings=_settings(elevenlabs_api_key=SecretStr("xi-wrong")))
    assert check.ok is False and "refused the API key (HTTP 401)" in check.message


def test_an_unknown_agent_says_so(voice_env):
    check = check_voice_connection(settings=_settings(elevenlabs_agent_id="agent_missing"))
    assert check.ok is False and "HTTP 404" in check.message


def test_an_unreachable_server_says_so(voice_env):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    check = check_voice_connection(settings=_settings(
        elevenlabs_base_url=f"http://127.0.0.1:{port}"))
    assert check.ok is False and "Could not reach ElevenLabs" in check.message


def test_nothing_set_is_nothing_to_test(voice_env):
    check = check_voice_connection(settings=_settings(elevenlabs_api_key=None))
    assert check.ok is None and check.message.startswith("Nothing to test")
