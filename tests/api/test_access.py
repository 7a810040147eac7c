"""Every route with no token, a read token, a write token, a revoked token; the rate limit."""

from __future__ import annotations

import pytest

from hireops.config import get_settings
from hireops.models import ApiToken, Event
from hireops.services.platform.api_tokens import authenticate_token, create_api_token, revoke_api_token
from tests.api.conftest import bearer

READ_ROUTES = [
    ("GET", "/api/v1/jobs"),
    ("GET", "/api/v1/jobs/{job_id}"),
    ("GET", "/api/v1/candidates"),
    ("GET", "/api/v1/candidates/{candidate_id}"),
    ("GET", "/api/v1/applications"),
    ("GET", "/api/v1/applications/{application_id}"),
    ("GET", "/api/v1/events"),
]
WRITE_ROUTES = [
    ("POST", "/api/v1/jobs", {"json": {"title": "Platform Engineer"}}),
    ("POST", "/api/v1/candidates", {"data": {"name": "Lena Vogel", "email": "lena@example.com"}}),
    ("PATCH", "/api/v1/applications/{application_id}/stage", {"json": {"stage": "shortlisted"}}),
    # Privacy: an export is everything about a person, so it needs a write token too.
    ("GET", "/api/v1/candidates/{candidate_id}/export", {}),
    ("POST", "/api/v1/candidates/{candidate_id}/erase",
     {"json": {"reason": "The candidate asked for erasure."}}),
]
# Authorised otherwise: a signed webhook, the signed-in recruiter's session cookie, and the
# interview link's token (tests/interviews/test_recordings.py checks the last two).
NOT_TOKEN_ROUTES = {("POST", "/api/v1/webhooks/elevenlabs"),
                    ("GET", "/api/v1/interviews/{link_id}/audio"),
                    ("POST", "/api/v1/interview-recordings/{token}/parts/{part}/chunks/{index}"),
                    ("GET", "/api/v1/interview-recordings/{recording_id}/video")}
# Open to anyone on purpose: monitors and load balancers call it without a token, and it shows
# no personal data (tests/api/test_health.py checks both).
PUBLIC_ROUTES = {("GET", "/api/v1/health")}
ALL_ROUTES = [(m, p, {}) for m, p in READ_ROUTES] + WRITE_ROUTES


def _path(template: str, seeded) -> str:
    return template.format(job_id=seeded.job_id, candidate_id=seeded.candidate_id,
                           application_id=seeded.application_id)


@pytest.mark.parametrize(("method", "path", "body"), ALL_ROUTES)
def test_no_token_is_401(client, seeded, method, path, body):
    response = client.request(method, _path(path, seeded), **body)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "body"), ALL_ROUTES)
def test_unknown_token_is_401(client, seeded, method, path, body):
    response = client.request(method, _path(path, seeded), headers=bearer("hop_" + "x" * 43),
                              **body)
    assert response.status_code == 401
    assert set(response.json()) == {"error", "message"}


@pytest.mark.parametrize(("method", "path"), READ_ROUTES)
def test_read_routes_with_read_and_write_tokens(client, seeded, read_token, write_token,
                                                method, path):
    for token in (read_token, write_token):
        response = client.request(method, _path(path, seeded), headers=bearer(token))
        assert response.status_code == 200, response.text


@pytest.mark.parametrize(("method", "path", "body"), WRITE_ROUTES)
def test_write_routes_refuse_a_read_token(client, session, seeded, read_token, method, path,
                                          body):
    events_before = session.query(Event).count()
    response = client.request(method, _path(path, seeded), headers=bearer(read_token), **body)
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"
    # Nothing was written but the token's own bookkeeping.
    assert session.query(Event).count() == events_before


@pytest.mark.parametrize(("method", "path", "body"), WRITE_ROUTES)
def test_write_routes_with_a_write_token(client, seeded, write_token, method, path, body):
    response = client.request(method, _path(path, seeded), headers=bearer(write_token), **body)
    assert response.status_code in (200, 201), response.text


def test_revoked_token_is_refused(client, session, admin, seeded):
    token, plaintext = create_api_token(session=session, name="old", scope="write", actor=admin)
    assert client.get("/api/v1/jobs", headers=bearer(plaintext)).status_code == 200
    revoke_api_token(session=session, token_id=token.id, actor=admin)
    response = client.get("/api/v1/jobs", headers=bearer(plaintext))
    assert response.status_code == 401
    assert "revoked" in response.json()["message"]


def test_token_is_stored_hashed_and_audited_without_the_secret(session, admin):
    token, plaintext = create_api_token(session=session, name="CRM", scope="read", actor=admin)
    assert plaintext.startswith("hop_") and len(plaintext) == 4 + 43
    stored = session.get(ApiToken, token.id)
    assert stored.token_prefix == plaintext[:8]
    assert plaintext not in stored.token_hash
    events = session.query(Event).filter(Event.action == "api_token.created").all()
    assert len(events) == 1 and plaintext not in str(events[0].after)
    assert authenticate_token(session=session, presented=plaintext).id == token.id
    wrong_last = "B" if plaintext.endswith("A") else "A"
    assert authenticate_token(session=session, presented=plaintext[:-1] + wrong_last) is None


def test_last_used_is_written_at_most_once_a_minute(session, admin):
    token, plaintext = create_api_token(session=session, name="CRM", scope="read", actor=admin)
    first = authenticate_token(session=session, presented=plaintext).last_used_at
    assert first is not None
    assert authenticate_token(session=session, presented=plaintext).last_used_at == first


def test_rate_limit_counts_failed_lookups(client, seeded, read_token, monkeypatch):
    monkeypatch.setenv("API_TOKEN_LOOKUPS_PER_MINUTE", "3")
    get_settings.cache_clear()
    for _ in range(3):
        assert client.get("/api/v1/jobs", headers=bearer("hop_guess")).status_code == 401
    response = client.get("/api/v1/jobs", headers=bearer(read_token))
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert int(response.headers["retry-after"]) >= 1


def test_every_route_of_the_openapi_document_is_checked_here(client):
    document = client.get("/api/v1/openapi.json").json()
    listed = {(method.upper(), path) for path, methods in document["paths"].items()
              for method in methods}
    checked = {(m, p) for m, p, _body in ALL_ROUTES} | NOT_TOKEN_ROUTES | PUBLIC_ROUTES
    assert listed == checked


def test_privacy_export_and_erasure_over_the_api(client, session, seeded, write_token):
    import io
    import json
    import zipfile

    from sqlmodel import select

    from hireops.models import Candidate

    export = client.get(f"/api/v1/candidates/{seeded.candidate_id}/export",
                        headers=bearer(write_token))
    assert export.status_code == 200 and export.headers["content-type"] == "application/zip"
    data = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("data.json"))
    assert data["candidates"][0]["email"] == "maya@example.com"
    # Named as the pages' export names it, and kept by no cache: it is personal data.
    assert export.headers["content-disposition"] == (
        f"attachment; filename=\"candidate-{seeded.candidate_id}-data.zip\"; "
        f"filename*=UTF-8''candidate-{seeded.candidate_id}-data.zip")
    assert "no-store" in export.headers["cache-control"]
    assert export.headers["x-content-type-options"] == "nosniff"
    # On the record, in the token's name, as the API's other changes are.
    token = authenticate_token(session=session, presented=write_token)
    [taken] = session.exec(select(Event).where(Event.action == "candidate.data_exported")).all()
    assert (taken.actor_user_id, taken.actor_label, taken.entity_id) == (
        None, f"api:{token.token_prefix} (ATS sync)", seeded.candidate_id)
    # An unknown id hands nothing over and records nothing.
    assert client.get("/api/v1/candidates/999999/export",
                      headers=bearer(write_token)).status_code == 404
    assert len(session.exec(select(Event).where(
        Event.action == "candidate.data_exported")).all()) == 1

    refused = client.post(f"/api/v1/candidates/{seeded.candidate_id}/erase",
                          headers=bearer(write_token), json={"reason": "  "})
    assert refused.status_code == 422
    erased = client.post(f"/api/v1/candidates/{seeded.candidate_id}/erase",
                         headers=bearer(write_token), json={"reason": "Asked by email."})
    assert erased.status_code == 200 and erased.json()["deleted"]["candidates"] == 1
    session.expire_all()
    assert session.get(Candidate, seeded.candidate_id) is None
    tombstone = session.exec(select(Event).where(Event.action == "candidate.erased")).one()
    assert tombstone.actor_label.startswith("api:")
    again = client.post(f"/api/v1/candidates/{seeded.candidate_id}/erase",
                        headers=bearer(write_token), json={"reason": "Asked by email."})
    assert again.status_code == 404 and again.json()["error"] == "not_found"
