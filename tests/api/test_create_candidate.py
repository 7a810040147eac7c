"""POST /api/v1/candidates with real resume files, broken ones, oversized ones, and twice."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from hireops.config import get_settings
from hireops.models import Application, Attachment, Candidate
from hireops.services.platform.attachment_store import attachments_root
from hireops.services.candidates.profile import get_candidate_profile
from tests.api.conftest import bearer
from tests.fakes import hostile_files as hostile

RESUME_TXT = ("Jane Q. Doe\njane.doe@example.com\nSenior Backend Engineer\n"
              "Built Python and PostgreSQL services for payments for six years.\n").encode()
FILES = {
    "pdf": ("resume.pdf", hostile.text_pdf, "application/pdf"),
    "docx": ("resume.docx", hostile.resume_docx,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "txt": ("resume.txt", lambda: RESUME_TXT, "text/plain"),
}


def _post(client, token, resume=None, **fields):
    data = {"name": "Jane Doe", "email": "jane.doe@example.com", **fields}
    files = {"resume": resume} if resume else None
    return client.post("/api/v1/candidates", data=data, files=files, headers=bearer(token))


@pytest.mark.parametrize("kind", sorted(FILES))
def test_create_with_a_resume_scores_the_application(client, session, seeded, write_token,
                                                     kind):
    filename, build, content_type = FILES[kind]
    response = _post(client, write_token, (filename, build(), content_type),
                     job_id=str(seeded.job_id), phone="+49 30 1234567")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["candidate_created"] and body["application_created"]
    assert body["scoring"] == "scored" and 0 <= body["resume_score"] <= 100
    candidate = session.get(Candidate, body["candidate_id"])
    assert "Python" in candidate.resume_text and candidate.source == "api"
    assert candidate.full_name == "Jane Doe" and candidate.phone == "+49 30 1234567"
    application = session.get(Application, body["application_id"])
    assert application.resume_score == body["resume_score"]


def test_the_original_file_is_kept_exported_and_erased_with_the_candidate(
        client, session, seeded, write_token):
    payload = hostile.text_pdf()
    body = _post(client, write_token, ("Jane Doe CV.pdf", payload, "application/pdf"),
                 job_id=str(seeded.job_id)).json()
    candidate = session.get(Candidate, body["candidate_id"])
    attachment = session.get(Attachment, candidate.resume_attachment_id)
    assert (attachment.filename, attachment.candidate_id, attachment.email_id) == (
        "Jane Doe CV.pdf", candidate.id, None)
    stored = attachments_root() / attachment.storage_path
    assert stored.read_bytes() == payload
    profile = get_candidate_profile(session=session, candidate_id=candidate.id)
    assert profile.resume_filename == "Jane Doe CV.pdf"

    export = client.get(f"/api/v1/candidates/{candidate.id}/export",
                        headers=bearer(write_token))
    assert export.status_code == 200
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        assert archive.read(f"files/{attachment.id}-Jane Doe CV.pdf") == payload
        data = json.loads(archive.read("data.json"))
    assert [a["filename"] for a in data["attachments"]] == ["Jane Doe CV.pdf"]

    erased = client.post(f"/api/v1/candidates/{candidate.id}/erase",
                         json={"reason": "The candidate asked us to."},
                         headers=bearer(write_token))
    assert erased.status_code == 200, erased.text
    assert erased.json()["deleted"]["attachments"] == 1 and erased.json()["deleted"]["files"] == 1
    attachment_id = attachment.id
    session.expire_all()
    assert session.get(Attachment, attachment_id) is None and not stored.exists()


def test_a_file_another_candidate_also_sent_survives_erasure(client, session, seeded,
                                                             write_token):
    first = _post(client, write_token, ("cv.txt", RESUME_TXT, "text/plain")).json()
    second = _post(client, write_token, ("cv.txt", RESUME_TXT, "text/plain"),
                   name="John Roe", email="john.roe@example.com").json()
    assert first["candidate_id"] != second["candidate_id"]
    kept = session.get(Attachment, session.get(Candidate, second["candidate_id"])
                       .resume_attachment_id)
    erased = client.post(f"/api/v1/candidates/{first['candidate_id']}/erase",
                         json={"reason": "Request"}, headers=bearer(write_token)).json()
    assert erased["deleted"]["attachments"] == 1 and erased["deleted"]["files"] == 0
    assert (attachments_root() / kept.storage_path).read_bytes() == RESUME_TXT


def test_second_create_finds_the_same_candidate(client, session, seeded, write_token):
    first = _post(client, write_token, FILES["txt"][:1] + (RESUME_TXT, "text/plain"),
                  job_id=str(seeded.job_id)).json()
    second = _post(client, write_token, email="JANE.DOE@example.com",
                   job_id=str(seeded.job_id)).json()
    assert second["candidate_id"] == first["candidate_id"]
    assert second["candidate_created"] is False
    assert second["application_id"] == first["application_id"]
    assert second["application_created"] is False
    assert session.query(Candidate).filter(Candidate.source == "api").count() == 1


def test_create_without_resume_or_job(client, write_token):
    body = _post(client, write_token).json()
    assert body["application_id"] is None and body["scoring"] == "skipped"


def test_corrupt_pdf_is_refused_and_nothing_stored(client, session, seeded, write_token):
    before = session.query(Candidate).count(), session.query(Application).count()
    response = _post(client, write_token, ("resume.pdf", hostile.corrupt_pdf(),
                                           "application/pdf"), job_id=str(seeded.job_id))
    assert response.status_code == 422
    assert response.json()["error"] == "unreadable_resume"
    assert response.json()["message"]
    assert (session.query(Candidate).count(), session.query(Application).count()) == before


def test_unsupported_file_is_415(client, session, write_token):
    response = _post(client, write_token, ("logo.png", hostile.png_image(400, 400, noisy=True),
                                           "image/png"))
    assert response.status_code in (415, 422)
    assert response.json()["error"] in ("unsupported_file", "unreadable_resume")
    assert session.query(Candidate).count() == 0


def test_oversized_resume_is_413(client, session, write_token, monkeypatch):
    monkeypatch.setenv("EXTRACTION_MAX_BYTES", "2048")
    get_settings.cache_clear()
    response = _post(client, write_token, ("resume.txt", b"x" * 4096, "text/plain"))
    assert response.status_code == 413
    assert response.json() == {"error": "too_large",
                               "message": "The resume is larger than 2 KB."}
    assert session.query(Candidate).count() == 0


def test_invalid_fields_are_422(client, seeded, write_token):
    assert _post(client, write_token, email="not-an-email").status_code == 422
    assert _post(client, write_token, name="   ").status_code == 422
    missing = client.post("/api/v1/candidates", data={"email": "a@b.co"},
                          headers=bearer(write_token))
    assert missing.status_code == 422 and "name" in missing.json()["message"]
    unknown_job = _post(client, write_token, job_id="999")
    assert unknown_job.status_code == 404


def test_job_id_bounds_are_checked(client, write_token):
    for job_id in ("0", str(2**40), "null"):
        assert _post(client, write_token, job_id=job_id).status_code == 422, job_id
