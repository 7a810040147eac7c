"""The files HR opens from the pages, downloaded from routes: a mail's attachment, a candidate's
original resume and a candidate's privacy export. Each is for signed-in people of the right
role only, keeps blind screening's refusal, and names the file safely whatever the sender
called it."""

from __future__ import annotations

import asyncio
import gc
import io
import json
import os
import threading
import tracemalloc
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

import httpx
import pytest
from sqlmodel import select

from hireops import routes
from hireops.api import export_routes, file_routes
from hireops.api.app import build_api
from hireops.api.download_headers import content_disposition
from hireops.config import get_settings
from hireops.models import Application, Email, Event, Role, User
from hireops.services.platform.attachment_store import attachment_row, attachments_root
from hireops.services.privacy.rights import DATA_EXPORTED, erase_candidate
from hireops.services.reports.audit_log import AuditFilter, list_events
from hireops.services.platform.session_cookie import SESSION_COOKIE
from tests.factories import make_candidate, make_job, signed_in_token

RESUME = b"%PDF-1.4 Maya Chen, backend developer\n"
HIDDEN_RESUME = b"%PDF-1.4 Omar Haddad, analyst, omar@example.com\n"
# What a stranger may put in an attachment's name: quotes, a line break that would start a
# header of its own, a path, and letters outside ASCII.
HOSTILE_NAME = 'cv"; x=1\r\nSet-Cookie: stolen=1\\..\\Zoë "Ünal".pdf'


@dataclass(frozen=True)
class Files:
    maya_id: int
    omar_id: int
    # Maya's resume (mailed in), and Omar's (blind screening hides him).
    resume_id: int
    hidden_resume_id: int
    hostile_id: int


@pytest.fixture
def files(session, client, tmp_path, monkeypatch) -> Files:
    """Maya, applying openly with her resume, and Omar, hidden by a blind job's screening,
    with his; a mail from Maya carries a file with a hostile name."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    open_job = make_job(session, title="Backend Engineer")
    blind_job = make_job(session, title="Data Analyst", blind_screening=True)
    maya = make_candidate(session, full_name="Maya Chen", email="maya@example.com")
    omar = make_candidate(session, full_name="Omar Haddad", email="omar@example.com")
    session.add_all([Application(candidate_id=maya.id, job_id=open_job.id),
                     Application(candidate_id=omar.id, job_id=blind_job.id)])
    mail = Email(message_key="maya-1", from_address="maya@example.com", candidate_id=maya.id)
    session.add(mail)
    session.flush()
    resume = attachment_row(filename="Maya_Chen_CV.pdf", content_type="application/pdf",
                            payload=RESUME, email_id=mail.id)
    hostile = attachment_row(filename=HOSTILE_NAME, content_type="text/html\r\nX-Evil: 1",
                             payload=b"<script>alert(1)</script>", email_id=mail.id)
    hidden = attachment_row(filename="Omar_Haddad_CV.pdf", content_type="application/pdf",
                            payload=HIDDEN_RESUME)
    hidden.candidate_id = omar.id
    session.add_all([resume, hostile, hidden])
    session.flush()
    maya.resume_attachment_id, omar.resume_attachment_id = resume.id, hidden.id
    session.add_all([maya, omar])
    session.commit()
    return Files(maya.id, omar.id, resume.id, hidden.id, hostile.id)


def _sign_in(client, session, role: Role) -> None:
    client.cookies.set(SESSION_COOKIE, signed_in_token(
        session, email=f"{role.value}@example.com", role=role))


def _addresses(files: Files) -> list[str]:
    return [routes.attachment_file(files.resume_id), routes.candidate_resume(files.maya_id),
            routes.candidate_data_export(files.maya_id)]


def test_a_stranger_gets_no_file(client, files):
    for url in _addresses(files):
        answer = client.get(url)
        assert answer.status_code == 401, url
        assert answer.json()["error"] == "not_signed_in"
        assert b"Maya" not in answer.content


def test_a_reader_downloads_an_attachment_and_a_resume_as_files(client, session, files):
    _sign_in(client, session, Role.viewer)
    for url in (routes.attachment_file(files.resume_id), routes.candidate_resume(files.maya_id)):
        answer = client.get(url)
        assert answer.status_code == 200, answer.text
        assert answer.content == RESUME
        assert answer.headers["content-type"] == "application/pdf"
        assert answer.headers["content-disposition"] == (
            "attachment; filename=\"Maya_Chen_CV.pdf\"; filename*=UTF-8''Maya_Chen_CV.pdf")
        assert "no-store" in answer.headers["cache-control"]
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_a_writer_downloads_the_privacy_export_and_a_viewer_may_not(client, session, files):
    url = routes.candidate_data_export(files.maya_id)
    _sign_in(client, session, Role.viewer)
    refused = client.get(url)
    assert refused.status_code == 403 and refused.json()["error"] == "forbidden"
    assert b"Maya" not in refused.content

    _sign_in(client, session, Role.recruiter)
    answer = client.get(url)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert f'filename="candidate-{files.maya_id}-data.zip"' in \
        answer.headers["content-disposition"]
    assert "no-store" in answer.headers["cache-control"]
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    data = json.loads(archive.read("data.json"))
    assert [person["full_name"] for person in data["candidates"]] == ["Maya Chen"]
    assert archive.read(f"files/{files.resume_id}-Maya_Chen_CV.pdf") == RESUME


def _exports(session) -> list[Event]:
    session.expire_all()
    return list(session.exec(select(Event).where(Event.action == DATA_EXPORTED)
                             .order_by(Event.id)).all())


def test_each_privacy_export_is_on_the_record_and_a_refused_one_is_not(client, session, files):
    """Everything held about a person leaving the system is accountable: who took whose data,
    when. A refusal, or an unknown id, hands nothing over and records nothing (the project
    audits what was done, not what was refused: recordings are audited the same way)."""
    url = routes.candidate_data_export(files.maya_id)
    _sign_in(client, session, Role.viewer)
    assert client.get(url).status_code == 403
    client.cookies.clear()
    assert client.get(url).status_code == 401
    _sign_in(client, session, Role.admin)
    assert client.get(routes.candidate_data_export(999_999)).status_code == 404
    assert _exports(session) == []

    _sign_in(client, session, Role.recruiter)
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    recruiter = session.exec(select(User).where(User.email == "recruiter@example.com")).one()
    taken = _exports(session)
    assert [(e.actor_user_id, e.actor_label, e.entity_type, e.entity_id) for e in taken] == [
        (recruiter.id, "recruiter@example.com", "candidate", files.maya_id)] * 2
    assert taken[0].after == {"records": [files.maya_id]} and taken[0].at is not None
    # The audit log says it in words, with a link to the person.
    [row, _again] = [r for r in list_events(session=session, audit=AuditFilter(
        action=DATA_EXPORTED)).rows]
    assert row.lead + row.link_text + row.tail == (
        "recruiter@example.com exported everything held about Maya Chen.")
    assert row.link_href == f"{routes.CANDIDATE}?id={files.maya_id}"


def test_blind_screening_withholds_the_hidden_persons_files(client, session, files):
    _sign_in(client, session, Role.admin)
    for url in (routes.attachment_file(files.hidden_resume_id),
                routes.candidate_resume(files.omar_id)):
        answer = client.get(url)
        assert answer.status_code == 403, url
        assert answer.json() == {
            "error": "blind_screening",
            "message": "Blind screening hides this candidate's identity, and their files show "
                       "it. Reveal the identity first (audited)."}
        assert HIDDEN_RESUME not in answer.content and b"Omar" not in answer.content
        assert "content-disposition" not in answer.headers


def test_a_hostile_file_name_gives_a_safe_header(client, session, files):
    _sign_in(client, session, Role.viewer)
    answer = client.get(routes.attachment_file(files.hostile_id))
    assert answer.status_code == 200
    header = answer.headers["content-disposition"]
    # Nothing the sender wrote became a header of its own, or a second parameter.
    assert "set-cookie" not in answer.headers and "x-evil" not in answer.headers
    assert "\r" not in header and "\n" not in header
    plain, encoded = header.removeprefix('attachment; filename="').split("\"; filename*=UTF-8''")
    assert '"' not in plain and "\\" not in plain and plain.isascii()
    assert unquote(encoded, errors="strict") == "cv_; x=1__Set-Cookie_ stolen=1_.._Zoë _Ünal_.pdf"
    assert all(c.isalnum() or c in "%-._~" for c in encoded)
    # The sender's content type is not taken when it is not one.
    assert answer.headers["content-type"] == "application/octet-stream"


@pytest.mark.parametrize("name, plain, exact", [
    # A right-to-left override would show "exe.pdf" as "fdp.exe".
    ("\u202efdp.exe", "_fdp.exe", "_fdp.exe"),
    ("report;100%.pdf", "report_100_.pdf", "report%3B100%25.pdf"),
    ("...", "file", "file"),
    ("", "file", "file"),
])
def test_any_name_becomes_two_safe_parameters(name, plain, exact):
    assert content_disposition(name) == \
        f"attachment; filename=\"{plain}\"; filename*=UTF-8''{exact}"


@pytest.mark.parametrize("address, words", [
    (lambda files: routes.attachment_file(999_999), "no such attachment"),
    (lambda files: routes.candidate_resume(999_999), "no candidate 999999"),
    (lambda files: routes.candidate_data_export(999_999), "no candidate 999999"),
])
def test_unknown_ids_are_a_clear_404(client, session, files, address, words):
    _sign_in(client, session, Role.admin)
    answer = client.get(address(files))
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found" and words in answer.json()["message"].lower()


def test_a_candidate_without_a_resume_or_a_lost_file_is_a_clear_404(client, session, files):
    _sign_in(client, session, Role.viewer)
    nobody = make_candidate(session, full_name="Lena Vogel", email="lena@example.com")
    session.commit()
    none = client.get(routes.candidate_resume(nobody.id))
    assert none.status_code == 404 and "no original resume" in none.json()["message"]
    for stored in attachments_root().rglob("*"):
        if stored.is_file():
            stored.unlink()
    lost = client.get(routes.attachment_file(files.resume_id))
    assert lost.status_code == 404 and "no longer" in lost.json()["message"]


def test_an_erased_candidate_has_no_export(client, session, files):
    erase_candidate(session=session, candidate_id=files.maya_id, actor=None,
                    reason="The candidate asked.")
    _sign_in(client, session, Role.recruiter)
    answer = client.get(routes.candidate_data_export(files.maya_id))
    assert answer.status_code == 404
    assert "erased" in answer.json()["message"]


@pytest.mark.parametrize("module, service, address", [
    (export_routes, "write_candidate_data", routes.candidate_data_export),
    (file_routes, "get_resume_file", routes.candidate_resume),
])
def test_a_file_being_read_holds_no_one_else_up(session, files, monkeypatch, module, service,
                                                address):
    """While one person's file is being built or looked up, the server answers another
    request: the route runs in a worker thread, not on the event loop every page shares."""
    cookie = signed_in_token(session, email="rec@example.com", role=Role.recruiter)
    answered = threading.Event()
    real = getattr(module, service)

    def slow(**arguments):
        # Returns only once the other request was answered: on the event loop it never could.
        assert answered.wait(timeout=20), "the other request waited for the file"
        return real(**arguments)

    monkeypatch.setattr(module, service, slow)

    async def both() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=build_api())
        async with httpx.AsyncClient(transport=transport, base_url="http://hr.test",
                                     cookies={SESSION_COOKIE: cookie}) as http:
            download = asyncio.create_task(http.get(address(files.maya_id)))
            await asyncio.sleep(0.2)
            other = await http.get("/api/v1/health")
            answered.set()
            return await download, other

    download, other = asyncio.run(both())
    assert other.status_code in (200, 503) and download.status_code == 200, download.text


MB = 1 << 20


def _get_to_file(app, address: str, cookie: str, into) -> int:
    """GET `address` from the ASGI `app`, each piece of the body written to `into` as it comes
    (the test clients keep a whole answer in memory); returns the status."""
    path, _, query = address.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "", "server": ("hr.test", 80),
             "client": ("127.0.0.1", 5000),
             "headers": [(b"host", b"hr.test"), (b"cookie", f"{SESSION_COOKIE}={cookie}".encode())]}
    status = {}

    async def run() -> None:
        requested, answered = [], asyncio.Event()

        async def receive():
            # The request once; then, as a browser would, gone once the answer is complete
            # (a streamed answer listens for that meanwhile).
            if not requested:
                requested.append(True)
                return {"type": "http.request", "body": b"", "more_body": False}
            await answered.wait()
            return {"type": "http.disconnect"}

        async def send(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            elif message["type"] == "http.response.body":
                into.write(message.get("body", b""))
                if not message.get("more_body", False):
                    answered.set()

        await app(scope, receive, send)

    asyncio.run(run())
    return status["code"]


def test_a_large_export_leaves_as_a_stream_not_held_in_memory(session, files, tmp_path):
    """A person's files can be large (a portfolio, interview videos): the export is written to
    a file as it is built and sent from there in pieces, never held whole in the server's
    memory (it held it three times: the file read, the zip, its copy)."""
    big = os.urandom(24 * MB)
    portfolio = attachment_row(filename="portfolio.zip", content_type="application/zip",
                               payload=big)
    portfolio.candidate_id = files.maya_id
    session.add(portfolio)
    session.commit()
    cookie = signed_in_token(session, email="rec@example.com", role=Role.recruiter)
    app = build_api()
    received = tmp_path / "export.zip"
    gc.collect()
    tracemalloc.start()
    try:
        with received.open("wb") as into:
            status = _get_to_file(app, routes.candidate_data_export(files.maya_id), cookie, into)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 200
    with zipfile.ZipFile(received) as archive:
        [entry] = [name for name in archive.namelist() if name.endswith("-portfolio.zip")]
        assert archive.read(entry) == big
    assert peak < 12 * MB, f"{peak / MB:.0f} MB held while a 24 MB file was exported"
