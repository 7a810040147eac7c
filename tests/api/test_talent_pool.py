"""A talent-pool application (one to no job) through the API: listed with its candidate, read
on its own, and moved like any other."""

from hireops.models import Application, Stage
from tests.api.conftest import bearer
from tests.factories import make_candidate


def _pooled(session, seeded) -> int:
    pooled = Application(candidate_id=seeded.candidate_id, job_id=None, stage=Stage.new,
                         resume_score=61)
    session.add(pooled)
    session.commit()
    return pooled.id


def test_candidate_detail_lists_the_talent_pool_application(client, session, seeded,
                                                           read_token):
    pooled = _pooled(session, seeded)
    detail = client.get(f"/api/v1/candidates/{seeded.candidate_id}",
                        headers=bearer(read_token)).json()
    by_id = {a["id"]: a for a in detail["applications"]}
    assert list(by_id) == [seeded.application_id, pooled]
    assert by_id[pooled]["job_id"] is None and by_id[pooled]["job_title"] == "Talent pool"
    assert by_id[pooled]["resume_score"] == 61


def test_talent_pool_application_detail(client, session, seeded, read_token):
    pooled = _pooled(session, seeded)
    response = client.get(f"/api/v1/applications/{pooled}", headers=bearer(read_token))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["job_id"] is None and body["job_title"] == "Talent pool"
    assert body["candidate_name"] == "Maya Chen" and body["resume_score"] == 61


def test_only_talent_pool_candidate(client, session, read_token):
    lena = make_candidate(session, full_name="Lena Park", email="lena@example.com",
                          email_normalized="lena@example.com")
    session.add(Application(candidate_id=lena.id, job_id=None, stage=Stage.new))
    session.commit()
    detail = client.get(f"/api/v1/candidates/{lena.id}", headers=bearer(read_token)).json()
    assert [a["job_title"] for a in detail["applications"]] == ["Talent pool"]


def test_a_move_a_pool_entry_cannot_make_is_422_with_the_reason(client, session, seeded,
                                                                write_token):
    pooled = _pooled(session, seeded)
    response = client.patch(f"/api/v1/applications/{pooled}/stage", json={"stage": "hired"},
                            headers=bearer(write_token))
    assert response.status_code == 422
    assert response.json()["error"] == "stage_not_allowed"
    assert "talent pool" in response.json()["message"]
