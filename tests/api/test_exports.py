"""HR's exports as downloads: the tracker's CSV/XLSX and the audit log's CSV, for signed-in
people only, narrowed as the page was, and built off the server's event loop (another request
is answered while an export is still being built)."""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from datetime import date, timedelta
import json
import threading

import httpx
import pytest
from openpyxl import load_workbook

from hireops.api import export_routes
from hireops.api.app import build_api
from hireops.models import Role
from hireops.services.candidates.export import export_query
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort
from hireops.services.platform.session_cookie import SESSION_COOKIE
from hireops.services.reports.audit_log import AuditFilter
from hireops.services.reports.audit_log import export_query as audit_query
from tests.factories import signed_in_token


@pytest.fixture
def viewer_cookie(session) -> str:
    return signed_in_token(session, email="viewer@example.com", role=Role.viewer)


def _query(picked: tuple[int, ...] = (), **filter_fields) -> str:
    """The address's query as the tracker page builds it."""
    return export_query(filter=TrackerFilter(**filter_fields),
                        sort=TrackerSort(column="candidate", direction="asc"), picked=picked)


def test_a_stranger_gets_no_export(client, seeded):
    for url in ("/exports/candidates.csv", "/exports/audit-log.csv"):
        answer = client.get(url)
        assert answer.status_code == 401 and answer.json()["error"] == "not_signed_in"
        assert "Maya" not in answer.text


def test_the_tracker_csv_is_the_grid_as_filtered(client, seeded, viewer_cookie):
    client.cookies.set(SESSION_COOKIE, viewer_cookie)
    every = client.get(f"/exports/candidates.csv?{_query()}")
    assert every.status_code == 200, every.text
    assert every.headers["content-type"].startswith("text/csv")
    assert "attachment" in every.headers["content-disposition"]
    assert "no-store" in every.headers["cache-control"]
    text = every.content.decode("utf-8-sig")
    assert "Maya Chen" in text and "Data Analyst" in text
    # Blind screening hides the identity in the export as on the page.
    assert "Omar Haddad" not in text
    one_job = client.get(f"/exports/candidates.csv?{_query(job_ids=[seeded.job_id])}")
    assert "Maya Chen" in one_job.content.decode("utf-8-sig")
    assert "Data Analyst" not in one_job.content.decode("utf-8-sig")
    picked = client.get(f"/exports/candidates.csv?{_query(picked=(seeded.blind_application_id,))}")
    assert "Maya Chen" not in picked.content.decode("utf-8-sig")


def test_the_tracker_xlsx_opens_as_a_workbook(client, seeded, viewer_cookie):
    client.cookies.set(SESSION_COOKIE, viewer_cookie)
    answer = client.get(f"/exports/candidates.xlsx?{_query()}")
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert "Maya Chen" in {cell.value for row in sheet.iter_rows() for cell in row}


@pytest.mark.parametrize("query, words", [
    ("filter=not-json", "filter"),
    ("filter=" + json.dumps({"job_ids": ["x"]}), "job_ids"),
    ("sort=" + json.dumps({"column": "password"}), "column"),
    ("picked=1,2;drop", "picked"),
])
def test_a_bad_query_is_a_clear_422(client, seeded, viewer_cookie, query, words):
    client.cookies.set(SESSION_COOKIE, viewer_cookie)
    answer = client.get(f"/exports/candidates.csv?{query}")
    assert answer.status_code == 422
    assert words in answer.json()["message"]


def test_the_audit_log_csv_follows_the_filters(client, session, seeded, viewer_cookie,
                                              write_token):
    client.patch(f"/api/v1/applications/{seeded.application_id}/stage",
                 json={"stage": "shortlisted"}, headers={"Authorization": f"Bearer {write_token}"})
    client.cookies.set(SESSION_COOKIE, viewer_cookie)
    moves = client.get("/exports/audit-log.csv?action=application.stage_changed")
    assert moves.status_code == 200
    rows = moves.content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 2 and "Shortlisted" in rows[1]
    assert client.get("/exports/audit-log.csv?date_from=2001-13-40").status_code == 422
    # The page's filter as the page sends it: the route reads every field of it.
    today = date.today()
    asked = AuditFilter(action="application.stage_changed", actor="api", entity_type="application",
                        entity_id=seeded.application_id, date_from=today - timedelta(1),
                        date_to=today + timedelta(1))
    again = client.get(f"/exports/audit-log.csv?{audit_query(asked)}")
    assert again.status_code == 200
    assert again.content.decode("utf-8-sig").strip().splitlines() == rows
    gone = replace(asked, date_from=today + timedelta(2), date_to=today + timedelta(3))
    assert len(client.get(f"/exports/audit-log.csv?{audit_query(gone)}")
               .content.decode("utf-8-sig").strip().splitlines()) == 1


def test_an_export_being_built_holds_no_one_else_up(database_url, tmp_path, monkeypatch,
                                                    seeded, viewer_cookie):
    """While one person's export is being built, the server answers another request: the
    export runs in a worker thread, not on the event loop every page shares."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    answered = threading.Event()

    def slow_export(**_kwargs):
        # Returns only once the other request was answered: on the event loop it never could.
        assert answered.wait(timeout=20), "the other request waited for the export"
        return []

    monkeypatch.setattr(export_routes, "export_tracker", slow_export)

    async def both() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=build_api())
        async with httpx.AsyncClient(transport=transport, base_url="http://hr.test",
                                     cookies={SESSION_COOKIE: viewer_cookie}) as http:
            export = asyncio.create_task(http.get("/exports/candidates.csv"))
            await asyncio.sleep(0.2)
            other = await http.get("/api/v1/health")
            answered.set()
            return await export, other

    export, other = asyncio.run(both())
    assert other.status_code in (200, 503) and export.status_code == 200
