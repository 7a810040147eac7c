"""The API routes through the FastAPI app: the signed webhook and recruiter audio playback."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import time
from collections.abc import Iterator

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from hireops.api import auth as api_auth
from hireops.api import voice_routes
from hireops.api.app import API_PREFIX, build_api
from hireops.config import get_settings
from hireops.models import Event, Role, User
from hireops.services.platform.auth import create_user, open_session
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.transcript_sync import start_conversation
from tests.fakes.elevenlabs_server import SAMPLE_AUDIO
from tests.interviews.voice.conftest import API_KEY, WEBHOOK_SECRET, call_for, make_link

WEBHOOK = f"{API_PREFIX}/webhooks/elevenlabs"


@pytest.fixture
def client(voice_env, database_url) -> Iterator[TestClient]:
    with TestClient(build_api(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def finished_call(session, voice_env):
    """A link whose ElevenLabs call has ended: (link, conversation id)."""
    link = make_link(session)
    provider = ElevenLabsProvider.from_settings()
    start = start_conversation(session=session, link_id=link.id, provider=provider)
    provider.close()
    conversation_id = call_for(session, voice_env, link, start.credentials.conversation_id)
    voice_env.say(conversation_id, "agent", "Tell me about your last project.")
    voice_env.say(conversation_id, "user", "I built a billing service in Python.")
    voice_env.finish(conversation_id)
    return link, conversation_id


def deliver(client, body: bytes, header: str | None):
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers["ElevenLabs-Signature"] = header
    return client.post(WEBHOOK, content=body, headers=headers)


def signed_in(session, role: str) -> str:
    user = create_user(session=session, email=f"{role}@example.com", password="long-password-1",
                       role=role)
    token = open_session(session=session, user=user)
    session.commit()
    return token


# --- webhook ------------------------------------------------------------------------------------

def test_valid_webhook_completes_and_a_repeat_changes_nothing(client, session, voice_env,
                                                               finished_call):
    link, conversation_id = finished_call
    body = voice_env.webhook_body(conversation_id)

    first = deliver(client, body, voice_env.sign(body, WEBHOOK_SECRET))
    repeat = deliver(client, body, voice_env.sign(body, WEBHOOK_SECRET))

    assert first.status_code == 200
    assert first.json() == {"status": "completed", "link_id": link.id, "turns_written": 2,
                            "note": ""}
    assert repeat.status_code == 200 and repeat.json()["status"] == "already_completed"
    session.refresh(link)
    assert link.status == "completed"
    assert len(session.exec(select(Event).where(Event.action == "interview.completed")).all()) == 1


def test_tampered_webhook_is_refused_with_401(client, session, voice_env, finished_call):
    link, conversation_id = finished_call
    body = voice_env.webhook_body(conversation_id)
    header = voice_env.sign(body, WEBHOOK_SECRET)

    response = deliver(client, body.replace(b'"done"', b'"DONE"'), header)

    assert response.status_code == 401
    assert response.json() == {"error": "invalid_signature",
                               "message": "signature does not match the body"}
    session.refresh(link)
    assert link.status == "started"
    assert voice_env.requests_to(f"/conversations/{conversation_id}") == []


def test_stale_webhook_is_refused_with_401(client, voice_env, finished_call):
    _, conversation_id = finished_call
    body = voice_env.webhook_body(conversation_id)
    header = voice_env.sign(body, WEBHOOK_SECRET, timestamp=int(time.time()) - 1801)

    response = deliver(client, body, header)

    assert response.status_code == 401 and "too old" in response.json()["message"]


def test_unsigned_or_wrongly_signed_webhook_is_refused(client, voice_env, finished_call):
    _, conversation_id = finished_call
    body = voice_env.webhook_body(conversation_id)

    assert deliver(client, body, None).status_code == 401
    assert deliver(client, body, "t=1,v0").status_code == 401
    assert deliver(client, body, voice_env.sign(body, "guessed-secret")).status_code == 401


def test_webhook_for_an_unknown_conversation_is_acknowledged_and_ignored(client, voice_env):
    stranger = voice_env.connect(voice_env.mint(), dynamic_variables={})
    body = voice_env.webhook_body(stranger)

    response = deliver(client, body, voice_env.sign(body, WEBHOOK_SECRET))

    assert response.status_code == 200 and response.json()["status"] == "ignored"


def test_webhook_when_elevenlabs_fails_asks_for_a_retry(client, session, voice_env,
                                                        finished_call, monkeypatch):
    link, conversation_id = finished_call
    monkeypatch.setattr(voice_routes.ElevenLabsProvider, "from_settings", classmethod(
        lambda cls: cls(api_key=API_KEY, agent_id=get_settings().elevenlabs_agent_id,
                        base_url=voice_env.url, max_retries=0)))
    voice_env.fail(500, path_contains=conversation_id)
    body = voice_env.webhook_body(conversation_id)

    response = deliver(client, body, voice_env.sign(body, WEBHOOK_SECRET))

    assert response.status_code == 502 and response.json()["error"] == "provider_unavailable"
    session.refresh(link)
    assert link.status == "started"


def test_webhook_without_a_configured_secret_is_refused(client, monkeypatch, voice_env):
    monkeypatch.delenv("ELEVENLABS_WEBHOOK_SECRET")
    get_settings.cache_clear()
    body = b'{"type": "post_call_transcription"}'

    response = deliver(client, body, voice_env.sign(body, ""))

    assert response.status_code == 503 and response.json()["error"] == "not_configured"


def test_oversized_webhook_is_refused_before_reading(client, voice_env, monkeypatch):
    monkeypatch.setattr(voice_routes, "MAX_WEBHOOK_BYTES", 100)
    body = b'{"type": "post_call_audio", "data": {"full_audio": "' + b"A" * 200 + b'"}}'

    assert deliver(client, body, voice_env.sign(body, WEBHOOK_SECRET)).status_code == 413


# --- audio --------------------------------------------------------------------------------------

def audio_url(link_id: int, part: int | None = None) -> str:
    suffix = f"?part={part}" if part is not None else ""
    return f"{API_PREFIX}/interviews/{link_id}/audio{suffix}"


def test_audio_needs_a_signed_in_user(client, finished_call):
    link, _ = finished_call

    response = client.get(audio_url(link.id))

    assert response.status_code == 401 and response.json()["error"] == "not_signed_in"
    client.cookies.set(api_auth.SESSION_COOKIE, "made-up-token")
    assert client.get(audio_url(link.id)).status_code == 401


def test_viewer_hears_the_recording_proxied_without_the_key(client, session, voice_env,
                                                            finished_call):
    link, conversation_id = finished_call
    client.cookies.set(api_auth.SESSION_COOKIE, signed_in(session, "viewer"))

    response = client.get(audio_url(link.id))

    assert response.status_code == 200
    assert response.content == SAMPLE_AUDIO
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-audio-parts"] == "1"
    assert API_KEY not in str(response.headers)
    (request,) = voice_env.requests_to(f"/conversations/{conversation_id}/audio")
    assert request.headers["xi-api-key"] == API_KEY


def test_each_part_of_a_resumed_interview_has_its_own_recording(client, session, voice_env,
                                                                 finished_call):
    link, first_id = finished_call
    provider = ElevenLabsProvider.from_settings()
    start = start_conversation(session=session, link_id=link.id, provider=provider)
    provider.close()
    second_id = call_for(session, voice_env, link, start.credentials.conversation_id)
    voice_env.conversations[second_id].audio = b"ID3 second part"
    client.cookies.set(api_auth.SESSION_COOKIE, signed_in(session, "recruiter"))

    assert client.get(audio_url(link.id, 2)).content == b"ID3 second part"
    assert client.get(audio_url(link.id, 1)).content == SAMPLE_AUDIO
    assert client.get(audio_url(link.id, 3)).status_code == 404
    assert client.get(audio_url(link.id, 0)).status_code == 422


def test_missing_recordings_are_404(client, session, voice_env, finished_call):
    link, conversation_id = finished_call
    client.cookies.set(api_auth.SESSION_COOKIE, signed_in(session, "admin"))
    builtin = make_link(session)

    assert client.get(audio_url(builtin.id)).status_code == 404
    assert client.get(audio_url(99999)).status_code == 404
    voice_env.conversations[conversation_id].audio = b""
    response = client.get(audio_url(link.id))
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_inactive_user_cannot_listen(client, session, finished_call):
    link, _ = finished_call
    token = signed_in(session, "viewer")
    viewer = session.exec(select(User).where(User.role == Role.viewer)).one()
    viewer.is_active = False
    session.add(viewer)
    session.commit()
    client.cookies.set(api_auth.SESSION_COOKIE, token)

    assert client.get(audio_url(link.id)).status_code == 401


# --- the API shell ------------------------------------------------------------------------------

def test_errors_are_json_without_traces(client, monkeypatch, session, finished_call):
    link, _ = finished_call
    client.cookies.set(api_auth.SESSION_COOKIE, signed_in(session, "viewer"))

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(voice_routes, "conversation_ids", explode)
    response = client.get(audio_url(link.id))

    assert response.status_code == 500
    assert response.json() == {"error": "internal_error",
                               "message": "The server could not handle this request."}
    assert "secret internals" not in response.text and "Traceback" not in response.text
    missing = client.get(f"{API_PREFIX}/no/such/route")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong_method = client.put(WEBHOOK)
    assert wrong_method.headers["content-type"] == "application/json"


def test_session_cookie_is_the_one_the_app_sets():
    """The routes HR's pages reach (recordings, exports) read the cookie the app sets."""
    from hireops.state.auth import SESSION_COOKIE

    assert api_auth.SESSION_COOKIE == SESSION_COOKIE


def test_chunked_webhook_is_cut_off_at_the_cap_without_reading_the_rest(voice_env,
                                                                          database_url):
    """A body with no declared length is read only up to the cap, then refused: the sender
    can no longer make the process hold whatever it sends."""
    import anyio

    chunk, cap = b"A" * 64 * 1024, voice_routes.MAX_WEBHOOK_BYTES
    total_chunks = 3 * cap // len(chunk)  # three times the cap, if it were all read
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < total_chunks}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": WEBHOOK, "raw_path": WEBHOOK.encode(),
             "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 5000),
             # Transfer-Encoding: chunked, so no Content-Length to refuse it up front.
             "headers": [(b"content-type", b"application/json"),
                         (b"transfer-encoding", b"chunked")]}

    # A thread of its own: the browser tests' Playwright loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, build_api(), scope, receive, send).result()

    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 413
    # What was read is the cap plus at most one chunk, not the whole body.
    assert pulled * len(chunk) <= cap + len(chunk)
    assert pulled < total_chunks
