"""Tags and bulk-add in the tracker: tag two selected candidates, filter the grid by the tag,
remove one, and add a talent-pool candidate and another job's applicant to an open job (each
person once, scored, audited); what HR types stays text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, CandidateTag, Event
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.sample_resumes import MATCHING_BACKEND_RESUME
from tests.factories import make_candidate, make_job

pytestmark = pytest.mark.browser

HOSTILE_TAG = "<b onmouseover=window.__xss=1>hot</b>"


@pytest.fixture
def people(app_db, request):
    suffix = request.node.name[-10:].strip("[]")
    analyst = make_job(app_db, title=f"Tag Analyst {suffix}")
    target = make_job(app_db, title=f"Tag Platform {suffix}",
                      must_have_skills=["Python", "PostgreSQL"])
    found = {}
    for key in ("una", "vic", "wes"):
        person = make_candidate(app_db, full_name=f"{key.title()} Tagged {suffix}",
                                        email=f"{key}.{suffix}@example.org",
                                        resume_text=MATCHING_BACKEND_RESUME)
        # Wes waits in the talent pool; Una and Vic applied to the analyst job.
        found[key] = Application(candidate_id=person.id,
                                 job_id=None if key == "wes" else analyst.id)
        app_db.add(found[key])
    app_db.commit()
    return suffix, target, found


def _row(page: Page, name: str):
    return page.locator("#applications-table tbody tr", has_text=name)


@pytest.mark.parametrize("width", [1440, 390])
def test_tag_filter_and_add_to_a_job(page: Page, running_app, app_db, people, width):
    suffix, target, apps = people
    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, "/candidates")
    page.fill("#tracker-search", f"Tagged {suffix}")
    rows = page.locator("#applications-table tbody tr")
    expect(rows).to_have_count(3)
    page.locator("#job-filter").click()
    page.get_by_role("option", name="Talent pool").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Wes Tagged")
    page.locator("#job-filter").click()
    page.get_by_role("option", name="All jobs").click()
    expect(rows).to_have_count(3)

    for name in ("Una", "Vic"):
        _row(page, f"{name} Tagged").get_by_role("checkbox").click()
    page.click("#bulk-tag")
    page.fill("#bulk-tag-input", f"Python, {HOSTILE_TAG}")
    page.click("#bulk-tag-add")
    expect(page.get_by_text("4 tag(s) added.")).to_be_visible()
    expect(_row(page, "Una Tagged").locator(".row-tag")).to_have_count(2)
    expect(_row(page, "Una Tagged")).to_contain_text(HOSTILE_TAG)
    assert page.evaluate("window.__xss") is None

    page.locator("#tag-filter").click()
    page.get_by_role("option", name="Python", exact=True).click()
    expect(rows).to_have_count(2)
    expect(page.locator("#applications-table")).not_to_contain_text("Wes Tagged")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"tracker-tags-{width}.png"), full_page=True)

    _row(page, "Vic Tagged").locator(".row-tag", has_text="Python").locator(".untag").click()
    expect(rows).to_have_count(1)
    page.locator("#tag-filter").click()
    page.get_by_role("option", name="Any tag").click()
    expect(rows).to_have_count(3)

    # The talent-pool candidate and Una (another job's applicant) go to the platform job.
    for name in ("Wes", "Una"):
        _row(page, f"{name} Tagged").get_by_role("checkbox").click()
    page.locator("#bulk-add-job").click()
    page.get_by_role("option", name=target.title).click()
    page.click("#bulk-add-job-go")
    expect(page.get_by_text("2 candidate(s) added to the job and scored")).to_be_visible(
        timeout=30_000)
    expect(rows).to_have_count(5)
    page.screenshot(path=str(ARTIFACTS / f"tracker-bulk-add-{width}.png"), full_page=True)

    app_db.expire_all()
    added = app_db.exec(select(Application).where(Application.job_id == target.id)).all()
    assert sorted(a.candidate_id for a in added) == sorted(
        [apps["wes"].candidate_id, apps["una"].candidate_id])
    assert all(a.source == "Talent pool" and a.resume_score is not None for a in added)
    assert app_db.exec(select(Event).where(Event.action == "application.created",
                                           Event.entity_id.in_([a.id for a in added]))).all()
    tags = app_db.exec(select(CandidateTag.candidate_id, CandidateTag.tag)).all()
    assert (apps["vic"].candidate_id, "Python") not in tags
    assert (apps["una"].candidate_id, "Python") in tags


def test_tags_on_the_candidate_page(page: Page, running_app, app_db, people):
    suffix, _, apps = people
    open_signed_in(page, running_app, f"/candidates/view?id={apps['una'].candidate_id}")
    expect(page.locator("#candidate-name")).to_contain_text("Una Tagged")
    page.fill("#candidate-tag-input", "Referral, spring fair")
    page.press("#candidate-tag-input", "Enter")
    tags = page.locator("#candidate-tags .candidate-tag")
    expect(tags).to_have_count(2)
    expect(page.locator("#candidate-tags")).to_contain_text("Referral")
    page.fill("#candidate-tag-input", "x" * 41)
    page.click("#candidate-tag-add")
    expect(page.get_by_text("A tag is at most 40 characters.")).to_be_visible()
    tags.filter(has_text="Referral").locator(".untag").click()
    expect(tags).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "candidate-tags-1440.png"), full_page=True)
    app_db.expire_all()
    assert app_db.exec(select(CandidateTag.tag).where(
        CandidateTag.candidate_id == apps["una"].candidate_id)).all() == ["spring fair"]
