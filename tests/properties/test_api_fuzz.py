"""The integration API fuzzed from its own OpenAPI document: whatever a client sends within or
around the schema, it gets a clear answer, never a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from hireops.api.app import build_api
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.platform.api_tokens import create_api_token
from hireops.services.jobs.records import JobForm, create_job

HEALTH_PATH = "/api/v1/health"
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", build_api())


@pytest.fixture
def write_token(database_url, monkeypatch) -> str:
    # With a webhook secret set, the webhook answers bad signatures (401), as in production.
    monkeypatch.setenv("ELEVENLABS_WEBHOOK_SECRET", "whsec_fuzz")
    monkeypatch.setenv("API_TOKEN_LOOKUPS_PER_MINUTE", "100000")
    get_settings.cache_clear()
    with session_scope() as session:
        create_job(session=session, actor=None, form=JobForm(title="Backend Engineer",
                                                             must_have_skills=["Python"]))
        _token, plaintext = create_api_token(session=session, name="fuzz", scope="write",
                                             actor=None)
        session.commit()
    return plaintext


@schema.parametrize()
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_the_api_never_answers_with_a_server_error(case, write_token):
    response = case.call(headers={"Authorization": f"Bearer {write_token}"})
    if case.path == HEALTH_PATH and case.method == "GET":
        # 503 is the health report's own verdict (no scheduler runs in this test), not a crash.
        assert response.status_code in (200, 503), response.text[:300]
        assert response.json()["status"] in ("ok", "degraded", "failing")
    else:
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
    content_type = response.headers.get("content-type") or [""]
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    assert content_type.startswith(("application/json", "audio/", "text/html")), content_type
