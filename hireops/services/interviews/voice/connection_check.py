"""Settings > Voice "Test connection": one real request to ElevenLabs with the saved settings,
the same one a candidate's start makes (a signed conversation URL for the agent), so a wrong
key, an unknown agent or an unreachable server shows here before a candidate meets it."""

from __future__ import annotations

import time
from dataclasses import dataclass

from hireops.config import Settings
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import VoiceProviderError


@dataclass(frozen=True)
class VoiceCheck:
    """What the test did: whether it worked (None: nothing to test) and a sentence for the
    admin."""

    ok: bool | None
    message: str


def check_voice_connection(*, settings: Settings) -> VoiceCheck:
    """Ask ElevenLabs for a signed conversation URL for the configured agent (no call starts)."""
    if settings.elevenlabs_api_key is None or not settings.elevenlabs_agent_id:
        return VoiceCheck(None, "Nothing to test: enter the API key and the agent id, then "
                                "save. Until then candidates talk to the built-in interviewer.")
    started = time.monotonic()
    provider = ElevenLabsProvider.from_settings(settings)
    try:
        provider.start_credentials(connection_type="websocket")
    except VoiceProviderError as problem:
        return VoiceCheck(False, f"Failed: {problem.reason}")
    finally:
        provider.close()
    elapsed_ms = (time.monotonic() - started) * 1000
    return VoiceCheck(True, f"OK: ElevenLabs accepted the key and agent "
                            f"{settings.elevenlabs_agent_id} ({elapsed_ms:.0f} ms).")
