"""The apply form's HTTP route: a multipart post answered with a redirect to the thank-you
page, or back to the form with the reason; too large a body is refused before it is read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from hireops.api.app import build_api
from hireops.config import get_settings
from hireops.models import Application
from hireops.services.jobs.careers import SOURCE, job_slug

RESUME = b"Jane Doe, backend engineer: Go, Kubernetes and PostgreSQL for six years.\n"


@pytest.fixture
def client(database_url: str, tmp_path, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    with TestClient(build_api(), raise_server_exceptions=False) as test_client:
        yield test_client


def _post(client: TestClient, job_ref: str, resume: bytes = RESUME, **fields):
    form = {"name": "Jane Doe", "email": "jane@example.com", "consent": "on", **fields}
    return client.post(f"/careers/apply?job={job_ref}", data=form, follow_redirects=False,
                       files={"resume": ("jane.txt", resume, "text/plain")})


def test_apply_redirects_to_the_thank_you_page(client, session, published_job):
    answer = _post(client, job_slug(published_job))
    assert answer.status_code == 303
    assert answer.headers["location"] == \
        f"/careers/thank-you?job={job_slug(published_job)}&lang=en"
    application = session.exec(select(Application)).one()
    assert application.source == SOURCE and application.job_id == published_job.id


def test_a_french_applicant_is_thanked_in_french(client, session, published_job):
    note = ("Bonjour, je souhaite vous proposer ma candidature pour ce poste : je travaille "
            "depuis six ans sur des services en Go et PostgreSQL.")
    answer = _post(client, job_slug(published_job), note=note)
    assert answer.headers["location"].endswith("&lang=fr")


def test_refusal_goes_back_to_the_form_with_its_reason(client, session, published_job):
    answer = _post(client, job_slug(published_job), consent="")
    assert answer.headers["location"] == f"/careers/{job_slug(published_job)}?error=consent"
    assert session.exec(select(Application)).all() == []


def test_oversized_body_is_refused_before_it_is_read(client, session, published_job,
                                                     monkeypatch):
    monkeypatch.setenv("CAREERS_MAX_UPLOAD_BYTES", "2048")
    get_settings.cache_clear()
    answer = _post(client, str(published_job.id), resume=b"x" * (200 * 1024))
    assert answer.headers["location"] == f"/careers/{published_job.id}?error=resume_too_large"
    assert session.exec(select(Application)).all() == []


def test_job_reference_cannot_leave_the_careers_path(client, published_job):
    answer = _post(client, "//evil.example/%0d%0aX:1", consent="")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/careers/evilexample")
    assert _post(client, "").status_code == 400
