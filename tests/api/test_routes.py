"""What the API routes return: filters, paging, blind screening, stage moves, events, errors."""

from __future__ import annotations

from hireops.models import Application, Event, Stage
from tests.api.conftest import bearer


def test_jobs_filter_and_paging(client, seeded, read_token, write_token):
    client.post("/api/v1/jobs", json={"title": "Closed later"}, headers=bearer(write_token))
    page = client.get("/api/v1/jobs", params={"limit": 2, "offset": 1},
                      headers=bearer(read_token)).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 1
    assert [job["title"] for job in page["items"]] == ["Data Analyst", "Closed later"]
    drafts = client.get("/api/v1/jobs", params={"status": "draft"}, headers=bearer(read_token))
    assert drafts.json()["total"] == 0
    past_end = client.get("/api/v1/jobs", params={"offset": 50}, headers=bearer(read_token))
    assert past_end.json()["items"] == []


def test_create_job_is_audited_as_the_token(client, session, write_token):
    response = client.post("/api/v1/jobs", headers=bearer(write_token), json={
        "title": "  Site Reliability Engineer ", "must_have_skills": ["Linux", "linux", "Go"],
        "resume_min": 70, "interview_min": 70, "reject_below": 40})
    assert response.status_code == 201
    job = response.json()
    assert job["title"] == "Site Reliability Engineer"
    assert job["must_have_skills"] == ["Linux", "Go"] and job["status"] == "open"
    event = session.query(Event).filter(Event.action == "job.created").one()
    assert event.actor_label.startswith("api:hop_") and "ATS sync" in event.actor_label


def test_create_job_validation_is_422_json(client, write_token):
    response = client.post("/api/v1/jobs", headers=bearer(write_token),
                           json={"title": "X", "reject_below": 90, "bogus": 1})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert "title" in body["message"] and "bogus" in body["message"]
    thresholds = client.post("/api/v1/jobs", headers=bearer(write_token),
                             json={"title": "Analyst", "reject_below": 90})
    assert thresholds.status_code == 422
    assert "Reject below" in thresholds.json()["message"]


def test_bad_query_values_are_422(client, seeded, read_token):
    for params in ({"limit": 0}, {"limit": 201}, {"offset": -1}, {"stage": "archived"},
                   {"job_id": 2**40}, {"min_score": 101}):
        response = client.get("/api/v1/applications", params=params, headers=bearer(read_token))
        assert response.status_code == 422, params
        assert set(response.json()) == {"error", "message"}
    assert client.get("/api/v1/jobs/abc", headers=bearer(read_token)).status_code == 422


def test_missing_records_are_404(client, seeded, read_token, write_token):
    for path in ("/api/v1/jobs/999", "/api/v1/candidates/999", "/api/v1/applications/999",
                 "/api/v1/nothing-here"):
        response = client.get(path, headers=bearer(read_token))
        assert response.status_code == 404, path
        assert response.json()["error"] == "not_found"
    moved = client.patch("/api/v1/applications/999/stage", json={"stage": "rejected"},
                         headers=bearer(write_token))
    assert moved.status_code == 404


def test_candidates_search_and_detail(client, seeded, read_token):
    found = client.get("/api/v1/candidates", params={"search": "maya"},
                       headers=bearer(read_token)).json()
    assert [c["id"] for c in found["items"]] == [seeded.candidate_id]
    detail = client.get(f"/api/v1/candidates/{seeded.candidate_id}",
                        headers=bearer(read_token)).json()
    assert detail["name"] == "Maya Chen" and detail["email"] == "maya@example.com"
    assert [a["id"] for a in detail["applications"]] == [seeded.application_id]
    assert detail["applications"][0]["job_title"] == "Backend Engineer"


def test_blind_screening_hides_identity_everywhere(client, seeded, read_token):
    headers = bearer(read_token)
    detail = client.get(f"/api/v1/candidates/{seeded.blind_candidate_id}", headers=headers)
    body = detail.json()
    assert body["identity_hidden"] is True
    assert body["name"] == f"Candidate #{seeded.blind_candidate_id}"
    assert body["email"] == body["phone"] == body["linkedin_url"] == ""
    # The hidden name cannot be searched for.
    assert client.get("/api/v1/candidates", params={"search": "Omar"},
                      headers=headers).json()["total"] == 0
    listed = client.get("/api/v1/candidates", headers=headers).text
    rows = client.get("/api/v1/applications", params={"job_id": seeded.blind_job_id},
                      headers=headers).text
    application = client.get(f"/api/v1/applications/{seeded.blind_application_id}",
                             headers=headers).text
    for text in (detail.text, listed, rows, application):
        assert "Omar" not in text and "omar@example.com" not in text


def test_events_hide_a_blind_candidates_identity(client, session, seeded, read_token):
    from hireops.services.platform.audit import record_event
    record_event(session=session, action="candidate.created", entity_type="candidate",
                 entity_id=seeded.blind_candidate_id,
                 after={"full_name": "Omar Haddad", "email": "omar@example.com", "source": "x"},
                 note="Also writes from omar@other.example.")
    session.commit()
    events = client.get("/api/v1/events", params={"entity_type": "candidate"},
                        headers=bearer(read_token)).json()["items"]
    assert events[0]["after"] == {"full_name": "[hidden]", "email": "[hidden]", "source": "x"}
    assert "omar@other.example" not in events[0]["note"]


def test_applications_filters_sort_and_paging(client, seeded, read_token):
    headers = bearer(read_token)

    def ids(**params):
        return [row["id"] for row in client.get("/api/v1/applications", params=params,
                                                headers=headers).json()["items"]]

    assert ids(job_id=seeded.job_id) == [seeded.application_id]
    assert ids(stage="new") == [seeded.blind_application_id]
    assert ids(decision="advance") == [seeded.application_id]
    assert ids(decision="none") == [seeded.blind_application_id]
    assert ids(min_score=75) == [seeded.application_id]
    assert ids(min_resume_score=50, sort="resume_score", order="asc") == [
        seeded.blind_application_id, seeded.application_id]
    assert ids(sort="resume_score", order="desc", limit=1, offset=1) == [
        seeded.blind_application_id]
    page = client.get("/api/v1/applications", params={"limit": 1}, headers=headers).json()
    assert page["total"] == 2 and len(page["items"]) == 1


def test_application_detail(client, seeded, read_token):
    body = client.get(f"/api/v1/applications/{seeded.application_id}",
                      headers=bearer(read_token)).json()
    assert body["resume_score"] == 86 and body["final_score"] == 80
    assert body["decision"] == "advance" and body["evaluation"] is None
    assert body["candidate_name"] == "Maya Chen"


def test_patch_stage_moves_and_audits(client, session, seeded, write_token):
    response = client.patch(f"/api/v1/applications/{seeded.application_id}/stage",
                            json={"stage": "rejected", "reason": "Role filled"},
                            headers=bearer(write_token))
    assert response.json() == {"id": seeded.application_id, "stage": "rejected",
                               "changed": True}
    session.expire_all()
    application = session.get(Application, seeded.application_id)
    assert application.stage == Stage.rejected and application.rejection_reason == "Role filled"
    event = session.query(Event).filter(Event.action == "application.stage_changed").one()
    assert event.actor_label.startswith("api:") and event.note == "Role filled"
    again = client.patch(f"/api/v1/applications/{seeded.application_id}/stage",
                         json={"stage": "rejected"}, headers=bearer(write_token))
    assert again.json()["changed"] is False


def test_patch_stage_to_rejected_without_a_reason_is_refused(client, session, seeded,
                                                             write_token):
    response = client.patch(f"/api/v1/applications/{seeded.application_id}/stage",
                            json={"stage": "rejected", "reason": " "},
                            headers=bearer(write_token))
    assert response.status_code == 422 and "reason" in response.json()["message"]
    session.expire_all()
    assert session.get(Application, seeded.application_id).stage != Stage.rejected


def test_events_filters(client, seeded, write_token, read_token):
    client.patch(f"/api/v1/applications/{seeded.application_id}/stage",
                 json={"stage": "shortlisted"}, headers=bearer(write_token))
    headers = bearer(read_token)
    events = client.get("/api/v1/events", headers=headers, params={
        "entity_type": "application", "entity_id": seeded.application_id}).json()
    assert [e["action"] for e in events["items"]] == ["application.stage_changed"]
    later = client.get("/api/v1/events", headers=headers,
                       params={"since": events["items"][0]["at"]}).json()
    assert all(e["at"] > events["items"][0]["at"] for e in later["items"])
    naive = client.get("/api/v1/events", headers=headers, params={"since": "2026-01-01T00:00"})
    assert naive.status_code == 422


def test_unexpected_error_is_generic_json(client, read_token, monkeypatch):
    from hireops.services.candidates import api_reads

    def broken(**_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api_reads, "list_jobs_slice", broken)
    response = client.get("/api/v1/jobs", headers=bearer(read_token))
    assert response.status_code == 500
    assert response.json() == {"error": "internal_error",
                               "message": "The server could not handle this request."}


def test_openapi_document_lists_every_route(client):
    response = client.get("/api/v1/openapi.json")
    document = response.json()
    assert document["info"]["title"] == "HireOps API" and document["info"]["version"]
    operations = {(method.upper(), path) for path, item in document["paths"].items()
                  for method in item}
    assert operations >= {
        ("GET", "/api/v1/jobs"), ("POST", "/api/v1/jobs"), ("GET", "/api/v1/jobs/{job_id}"),
        ("GET", "/api/v1/candidates"), ("POST", "/api/v1/candidates"),
        ("GET", "/api/v1/candidates/{candidate_id}"), ("GET", "/api/v1/applications"),
        ("GET", "/api/v1/applications/{application_id}"),
        ("PATCH", "/api/v1/applications/{application_id}/stage"), ("GET", "/api/v1/events"),
        ("POST", "/api/v1/webhooks/elevenlabs")}
    assert "HTTPBearer" in document["components"]["securitySchemes"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/api/v1/openapi.json" in docs.text
    assert "http" not in docs.text.replace("/api/v1", "")  # nothing loaded from outside
