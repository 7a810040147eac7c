"""The talent pool in the tracker: a candidate who fits no open job is a row with the job
"Talent pool" and their nearest jobs, at 1440 and 390 px; what they wrote stays text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import delete, select

from hireops.models import Application, Candidate, Event
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.sample_resumes import MATCHING_BACKEND_RESUME
from tests.factories import make_candidate, make_job

pytestmark = pytest.mark.browser

HOSTILE_NAME = "Sarah <img src=x onerror=\"window.__xss=1\"> Lee"


@pytest.fixture
def pool_candidate(app_db):
    candidate = make_candidate(app_db, full_name=HOSTILE_NAME, email="sarah.pool@example.org",
                                       email_normalized="sarah.pool@example.org", source="email:maildir")
    application = Application(candidate_id=candidate.id, job_id=None, source="email",
                              resume_result={"talent_pool": {"nearest_jobs": [
                                  {"job_id": 1, "title": "Data Analyst", "score": 18,
                                   "reason": "Little in common."}]}})
    app_db.add(application)
    app_db.commit()
    yield candidate
    app_db.exec(delete(Application).where(Application.id == application.id))
    app_db.exec(delete(Event).where(Event.entity_type == "candidate",
                                    Event.entity_id == candidate.id))
    app_db.exec(delete(Candidate).where(Candidate.id == candidate.id))
    app_db.commit()


@pytest.mark.parametrize("width", [1440, 390])
def test_talent_pool_row_in_the_tracker(page: Page, running_app, pool_candidate, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, "/candidates")
    page.fill("#tracker-search", "sarah.pool")
    row = page.locator("#applications-table tbody tr", has_text="Talent pool")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(HOSTILE_NAME)
    expect(row.locator(".nearest-jobs")).to_have_text("Nearest: Data Analyst (fit 18)")
    assert page.evaluate("window.__xss") is None
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"talent-pool-tracker-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [1440, 390])
def test_find_in_talent_pool_and_add_to_the_job(page: Page, running_app, app_db, width):
    job = make_job(app_db, title=f"Platform Engineer {width}",
                   must_have_skills=["Python", "PostgreSQL", "Docker"])
    past = make_candidate(app_db, full_name=f"Tom Pool {width}",
                          email=f"tom.pool.{width}@example.com",
                          email_normalized=f"tom.pool.{width}@example.com",
                          resume_text=MATCHING_BACKEND_RESUME)
    app_db.commit()
    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, f"/jobs/ranking?id={job.id}")
    page.click("#find-in-pool")
    match = page.locator(".pool-match", has_text=f"Tom Pool {width}")
    expect(match).to_be_visible()
    expect(match).to_contain_text("Python")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"talent-pool-find-{width}.png"), full_page=True)
    match.get_by_role("checkbox").click()
    page.click("#add-from-pool")
    expect(page.locator("#ranking-grid")).to_contain_text(f"Tom Pool {width}")
    app_db.expire_all()
    application = app_db.exec(select(Application).where(
        Application.candidate_id == past.id, Application.job_id == job.id)).one()
    assert application.source == "Talent pool" and application.resume_score is not None
