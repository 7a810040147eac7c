"""A candidate who is only in the talent pool, on their own page at 1440 and 390 px: the entry
with its nearest jobs, put forward for an open job (applied and scored there), and rejected
with a reason as in the tracker."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, Stage
from hireops.services.jobs.job_stages import rename_stage
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.factories import make_candidate, make_job
from tests.sample_resumes import MATCHING_BACKEND_RESUME

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1440, 390])
def test_a_pool_candidate_is_put_forward_for_a_job_from_their_page(page: Page, running_app,
                                                                    app_db, width):
    job = make_job(app_db, title=f"Platform Engineer {width}",
                   must_have_skills=["Python", "PostgreSQL", "Docker"])
    nora = make_candidate(app_db, full_name=f"Nora Pool {width}",
                          email=f"nora.pool.{width}@example.com",
                          email_normalized=f"nora.pool.{width}@example.com",
                          resume_text=MATCHING_BACKEND_RESUME)
    app_db.flush()
    pooled = Application(candidate_id=nora.id, job_id=None, stage=Stage.new, source="email",
                         resume_result={"talent_pool": {"nearest_jobs": [
                             {"job_id": job.id, "title": job.title, "score": 41,
                              "reason": "Python and PostgreSQL in common."}]}})
    app_db.add(pooled)
    app_db.commit()

    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, f"/candidates/view?id={nora.id}")
    expect(page.locator("#candidate-name")).to_have_text(f"Nora Pool {width}")
    entry = page.locator("#talent-pool-entry")
    expect(page.locator("#candidate-applications")).to_contain_text("Talent pool")
    expect(entry.locator(".nearest-jobs")).to_have_text(f"Platform Engineer {width} (fit 41)")
    expect(page.locator("#pool-stage")).to_have_text("New")
    # Nothing links to a job page of a job that is not there.
    expect(page.locator("a[href*='id=null'], a[href*='id=None'], a[href*='id=0']")
           ).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"talent-pool-candidate-{width}.png"), full_page=True)

    page.click("#pool-add-job")
    page.get_by_role("option", name=f"Platform Engineer {width} · fit 41").click()
    page.click("#pool-add-go")
    applications = page.locator("#candidate-applications")
    expect(applications.get_by_role("heading", name=f"Platform Engineer {width}")
           ).to_be_visible(timeout=30_000)
    app_db.expire_all()
    applied = app_db.exec(select(Application).where(Application.candidate_id == nora.id,
                                                    Application.job_id == job.id)).one()
    assert applied.source == "Talent pool" and applied.resume_score is not None
    # The entry stays in the pool beside the new application.
    expect(entry).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / f"talent-pool-candidate-added-{width}.png"),
                    full_page=True)

    page.click("#pool-stage")
    page.get_by_role("option", name="Rejected").click()
    page.fill("#reject-reason", "Asked to be removed from our files")
    page.click("#reject-confirm")
    expect(page.locator("#pool-stage")).to_have_text("Rejected")
    app_db.expire_all()
    rejected = app_db.get(Application, pooled.id)
    assert rejected.stage == Stage.rejected
    assert rejected.rejection_reason == "Asked to be removed from our files"


def test_the_pools_stages_and_reject_dialog_use_the_companys_names(page: Page, running_app,
                                                                   app_db):
    """Settings call Rejected "Not a fit": the pool's menu, its reject dialog and the
    timeline's sentence say so."""
    rename_stage(session=app_db, job_id=None, key=Stage.rejected.value, label="Not a fit",
                 actor=None)
    try:
        iris = make_candidate(app_db, full_name="Iris Pool", email="iris.pool@example.com",
                              email_normalized="iris.pool@example.com")
        app_db.flush()
        pooled = Application(candidate_id=iris.id, job_id=None, stage=Stage.new)
        app_db.add(pooled)
        app_db.commit()

        page.set_viewport_size({"width": 1440, "height": 900})
        open_signed_in(page, running_app, f"/candidates/view?id={iris.id}")
        page.click("#pool-stage")
        page.get_by_role("option", name="Not a fit").click()
        dialog = page.locator(".confirm-dialog")
        expect(dialog).to_contain_text("Move this talent-pool entry to “Not a fit”?")
        page.fill("#reject-reason", "Looking for other kinds of roles")
        expect(page.locator("#reject-confirm")).to_be_enabled()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "talent-pool-reject-renamed.png"))
        page.click("#reject-confirm")
        expect(page.locator("#pool-stage")).to_have_text("Not a fit")
        expect(page.get_by_text("from New to Not a fit.")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "talent-pool-rejected-renamed.png"),
                        full_page=True)
    finally:
        # The app is shared by the file's tests: the company default goes back as it was.
        rename_stage(session=app_db, job_id=None, key=Stage.rejected.value, label="Rejected",
                     actor=None)
