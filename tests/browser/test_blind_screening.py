"""A blind-screened candidate driven through every page, export and API route of the running
app: her name, email, phone and street address reach neither the screen, nor the data the
app sends the browser, nor a download, until HR reveals her; the reveal then holds on reload."""

from __future__ import annotations

import csv
import io
import urllib.request

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import User
from hireops.services.platform.api_tokens import create_api_token
from tests.privacy.blind.scenario import EMAIL, NAME, BlindCase, build_blind_case, leaks
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def blind_case(running_app, app_db, tmp_path, monkeypatch) -> BlindCase:
    """Léa's application, read by the real inbox into the running app's database and files."""
    for name in ("DATA_DIR",):
        monkeypatch.setenv(name, running_app.env[name])
    for name, value in (("CLASSIFIER_ENGINE", "local"), ("RESUME_SCORER_ENGINE", "local"),
                        ("INBOX_WORKER_PROCESSES", "0")):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    admin = app_db.exec(select(User).where(User.email == running_app.admin_email)).one()
    return build_blind_case(app_db, tmp_path / "lea-mail", admin)


def _pages(case: BlindCase) -> list[tuple[str, str]]:
    """Every signed-in page, and text it must show (so an empty page cannot pass)."""
    anonymous = f"Candidate #{case.candidate_id}"
    return [
        ("/", anonymous), ("/inbox", anonymous), ("/candidates", anonymous),
        (f"/candidates/view?id={case.candidate_id}", anonymous),
        (f"/jobs/ranking?id={case.job_id}", anonymous),
        (f"/jobs/board?id={case.job_id}", anonymous), ("/jobs", "Platform Reliability"),
        (f"/jobs/edit?id={case.job_id}", "Blind screening"), ("/reports", "Reports"),
        ("/reports/ai", "AI usage"), ("/audit", "queued the interview invitation to"), ("/settings", "Settings"),
        ("/settings/api", "API"), ("/settings/equal-opportunities", "Equal"),
    ]


def _around(text: str, piece: str) -> list[str]:
    """Where `piece` occurs in `text`, with some context, to say what leaked."""
    lowered, found, start = text.lower(), [], 0
    while (at := lowered.find(piece, start)) >= 0 and len(found) < 5:
        found.append(text[max(0, at - 200):at + 60])
        start = at + 1
    return found


def _download(page: Page, click) -> bytes:
    with page.expect_download() as download:
        click()
    with open(download.value.path(), "rb") as handle:
        return handle.read()


def _api_text(running_app, token: str, case: BlindCase) -> str:
    routes = ["/api/v1/events?limit=200", "/api/v1/candidates?limit=200",
              f"/api/v1/candidates/{case.candidate_id}", "/api/v1/applications?limit=200",
              f"/api/v1/applications/{case.application_id}", f"/api/v1/jobs/{case.job_id}"]
    texts = []
    for route in routes:
        request = urllib.request.Request(running_app.url + route,
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            texts.append(response.read().decode())
    assert '"interview_link.sent"' in texts[0]
    return "\n".join(texts)


def test_a_blind_candidate_is_anonymous_on_every_page_export_and_api_route(
        page: Page, running_app, app_db, blind_case):
    case = blind_case
    # Everything the app sends this tab over its websocket.
    frames: list[str] = []
    page.on("websocket", lambda socket: socket.on(
        "framereceived", lambda payload: frames.append(
            payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))))
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()

    for path, shown in _pages(case):
        page.goto(running_app.url + path)
        expect(page.locator("body")).to_contain_text(shown)
        assert leaks(page.content()) == [], path

    page.goto(running_app.url + "/candidates")
    expect(page.locator("#applications-table")).to_contain_text(f"Candidate #{case.candidate_id}")
    page.click("#tracker-export")
    tracker_csv = _download(page, lambda: page.click("#export-csv")).decode("utf-8-sig")
    page.reload()
    expect(page.locator("#applications-table")).to_contain_text(f"Candidate #{case.candidate_id}")
    page.click("#tracker-export")
    expect(page.locator("#export-xlsx")).to_be_visible()
    workbook = load_workbook(io.BytesIO(_download(page, lambda: page.click("#export-xlsx"))))
    cells = " ".join(str(c.value) for row in workbook.active.iter_rows() for c in row)
    page.goto(running_app.url + "/audit")
    audit_csv = _download(page, lambda: page.click("#audit-export")).decode("utf-8-sig")
    assert f"Candidate #{case.candidate_id}" in tracker_csv + cells
    assert list(csv.reader(io.StringIO(audit_csv)))[1:], "the audit export is empty"
    for name, text in (("tracker CSV", tracker_csv), ("tracker XLSX", cells),
                       ("audit CSV", audit_csv)):
        assert leaks(text) == [], name

    token = create_api_token(session=app_db, name="BI", scope="read", actor=None)[1]
    assert leaks(_api_text(running_app, token, case)) == []
    received = "\n".join(frames)
    assert f"Candidate #{case.candidate_id}" in received
    assert leaks(received) == [], _around(received, "moreau")

    # The reveal is stored: after a reload the candidate page, tracker and ranking name her.
    page.goto(f"{running_app.url}/candidates/view?id={case.candidate_id}")
    page.click("#reveal-identity")
    expect(page.locator("#candidate-name")).to_have_text(NAME)
    page.reload()
    expect(page.locator("#candidate-name")).to_have_text(NAME)
    expect(page.locator("body")).to_contain_text(EMAIL)
    page.goto(running_app.url + "/candidates")
    expect(page.locator("#applications-table")).to_contain_text(NAME)
    page.goto(f"{running_app.url}/jobs/ranking?id={case.job_id}")
    expect(page.locator("body")).to_contain_text(NAME)
