"""Fixtures for the voice tests: the fake ElevenLabs API, settings pointing at it, and links."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session

from hireops.config import get_settings
from hireops.models import InterviewLink, utcnow
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.transcript_sync import agent_variables
from tests.fakes.elevenlabs_server import FakeElevenLabsServer
from tests.factories import make_application, make_candidate, make_job

API_KEY = "xi-test-key"
AGENT_ID = "agent_hireops_test"
WEBHOOK_SECRET = "wsec_test_secret_0123456789"


@pytest.fixture
def fake() -> Iterator[FakeElevenLabsServer]:
    with FakeElevenLabsServer(api_key=API_KEY, agent_id=AGENT_ID) as server:
        yield server


@pytest.fixture
def voice_env(fake: FakeElevenLabsServer, monkeypatch: pytest.MonkeyPatch) -> FakeElevenLabsServer:
    """ElevenLabs settings aimed at the fake, as an operator would set them."""
    monkeypatch.setenv("ELEVENLABS_API_KEY", API_KEY)
    monkeypatch.setenv("ELEVENLABS_AGENT_ID", AGENT_ID)
    monkeypatch.setenv("ELEVENLABS_BASE_URL", fake.url)
    monkeypatch.setenv("ELEVENLABS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("ELEVENLABS_WEBHOOK_TOLERANCE_S", "1800")
    get_settings.cache_clear()
    return fake


@pytest.fixture
def provider(fake: FakeElevenLabsServer) -> Iterator[ElevenLabsProvider]:
    client = ElevenLabsProvider(api_key=API_KEY, agent_id=AGENT_ID, base_url=fake.url,
                                timeout_s=5, max_retries=0)
    yield client
    client.close()


def make_link(session: Session, *, name: str = "Ada Lovelace", title: str = "Backend Engineer",
              status: str = "started", hours: float = 48) -> InterviewLink:
    """An application with an ElevenLabs interview link, as the room leaves it once the
    candidate consented and started (`status="sent"`: emailed, never opened)."""
    application = make_application(
        session, job=make_job(session, title=title, custom_questions=["Why this team?"]),
        candidate=make_candidate(session, full_name=name,
                                 email=f"{secrets.token_hex(4)}@example.com"),
        resume_result={"screening_questions": ["How do you test a Python service?",
                                               "Why this team?"]})
    link = InterviewLink(application_id=application.id, provider="elevenlabs", status=status,
                         token_hash=hashlib.sha256(secrets.token_bytes(16)).hexdigest(),
                         expires_at=utcnow() + timedelta(hours=hours),
                         status_trail=[{"status": status, "at": utcnow().isoformat(),
                                        "by": "test"}])
    if status not in ("generated", "sent", "opened"):
        link.consent_at = link.started_at = utcnow()
    session.add(link)
    session.commit()
    return link


def call_for(session: Session, fake: FakeElevenLabsServer, link: InterviewLink,
             conversation_id: str | None = None) -> str:
    """A conversation the candidate's browser joined with this link's dynamic variables."""
    variables = agent_variables(session=session, link_id=link.id).as_dynamic_variables()
    return fake.connect(conversation_id or fake.mint(), dynamic_variables=variables)
