"""The path to a hire on the candidate page: move into the job's own stage, draft an offer,
preview it, send it (a DOCX through the outbox) and record the acceptance; then the stage
editor and the time to hire on the reports page."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, Offer, OutboxMessage
from hireops.services.jobs.job_stages import add_stage, job_stages, rename_stage
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.outreach.outbox import attachments_of
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.factories import make_application, make_candidate

pytestmark = pytest.mark.browser


@pytest.fixture
def shortlisted_candidate(app_db) -> tuple[int, int]:
    """Priya, shortlisted for a job with a "Technical interview" step of its own, that calls
    Offer "Proposal" and Hired "Joined"."""
    job = create_job(session=app_db, form=JobForm(title="Platform Engineer", location="Lisbon"),
                     actor=None)
    add_stage(session=app_db, job_id=job.id, label="Technical interview", actor=None)
    rename_stage(session=app_db, job_id=job.id, key="offer", label="Proposal", actor=None)
    rename_stage(session=app_db, job_id=job.id, key="hired", label="Joined", actor=None)
    candidate = make_candidate(app_db, full_name="Priya <b>Nair</b>", email="priya@example.test")
    application = make_application(app_db, candidate=candidate, job=job, stage="shortlisted")
    app_db.commit()
    return candidate.id, application.id


def _shoot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_draft_preview_send_and_record_an_accepted_offer(page: Page, running_app, app_db,
                                                         shortlisted_candidate):
    candidate_id, application_id = shortlisted_candidate
    open_signed_in(page, running_app, f"/candidates/view?id={candidate_id}")
    section = page.locator("#offer-section")
    # The name is shown as typed, never as markup.
    expect(page.locator("#candidate-name")).to_have_text("Priya <b>Nair</b>")
    expect(section.locator(".offer-stage")).to_have_text("Shortlisted")

    section.locator(".move-stage").click()
    page.get_by_role("option", name="Technical interview").click()
    expect(section.locator(".offer-stage")).to_have_text("Technical interview")

    section.locator(".draft-offer").click()
    expect(page.locator("#offer-send")).to_be_disabled()
    page.fill("#offer-salary-amount", "71500")
    page.fill("#offer-other-terms", "Share options: 2,000 <units>.")
    page.click("#offer-preview")
    preview = page.locator("#offer-letter-preview")
    expect(preview).to_contain_text("Salary: EUR 71,500 per year")
    expect(preview).to_contain_text("Place of work: Lisbon")
    expect(preview).to_contain_text("Share options: 2,000 <units>.")
    _shoot(page, "offer-draft-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    _shoot(page, "offer-draft-390")
    page.set_viewport_size({"width": 1400, "height": 900})

    page.click("#offer-send")
    # Where the offer moves the application, in the job's own name.
    expect(page.locator(".confirm-dialog")).to_contain_text(
        "and the application moves to Proposal.")
    page.click("#offer-send-confirm")
    expect(section.locator(".offer-stage")).to_have_text("Proposal")
    expect(section.locator(".offer-row")).to_contain_text("Waiting for an answer")
    expect(section.locator(".offer-row")).to_contain_text("EUR 71,500 per year")

    app_db.expire_all()
    offer = app_db.exec(select(Offer).where(Offer.application_id == application_id)).one()
    message = app_db.get(OutboxMessage, offer.outbox_id)
    assert message.to_address == "priya@example.test"
    (letter,) = attachments_of(app_db, message.id)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert "Dear Priya <b>Nair</b>," in text and "Salary: EUR 71,500 per year" in text

    section.locator(".offer-accepted").click()
    expect(page.locator(".confirm-dialog")).to_contain_text("The application moves to Joined;")
    _shoot(page, "offer-accept-renamed-1440")
    page.click("#offer-answer-confirm")
    expect(section.locator(".offer-stage")).to_have_text("Joined")
    expect(section.locator(".offer-row")).to_contain_text("Accepted")
    expect(section.locator(".draft-offer")).to_have_count(0)
    _shoot(page, "offer-hired-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    _shoot(page, "offer-hired-390")
    app_db.expire_all()
    assert app_db.get(Application, application_id).hired_at is not None

    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{running_app.url}/reports")
    expect(page.get_by_text("Median time to hire")).to_be_visible()
    # Loaded: at least this hire, with its median in days.
    expect(page.get_by_text(re.compile(r"^[1-9]\d* hired, from application$"))).to_be_visible()
    # The last of the day figures is time to hire (time to decision comes before it).
    expect(page.get_by_text(re.compile(r"^\d+(\.\d+)?(e-\d+)? d$")).last).to_be_visible()
    _shoot(page, "reports-time-to-hire-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()  # the charts size themselves on load
    expect(page.get_by_text(re.compile(r"^[1-9]\d* hired, from application$"))).to_be_visible()
    _shoot(page, "reports-time-to-hire-390")


def test_stages_are_added_renamed_and_reordered_in_the_job_editor(page: Page, running_app,
                                                                  app_db):
    job = create_job(session=app_db, form=JobForm(title="Site Reliability Engineer"),
                     actor=None)
    open_signed_in(page, running_app, f"/jobs/edit?id={job.id}")
    editor = page.locator("#stage-editor")
    expect(editor.locator(".stage-row")).to_have_count(11)
    page.fill("#new-stage-label", "Reference check")
    page.click("#add-stage")
    expect(editor.locator(".stage-row")).to_have_count(12)
    labels = editor.locator(".stage-row input")
    expect(labels.nth(7)).to_have_value("Reference check")
    # Move it above Shortlisted, then rename Offer.
    editor.locator(".stage-row").nth(7).get_by_role("button", name="Move up").click()
    expect(labels.nth(6)).to_have_value("Reference check")
    labels.nth(8).fill("Offer made")
    labels.nth(8).blur()
    expect(page.get_by_text("Offer made")).to_have_count(0)  # an input value, not text
    _shoot(page, "job-stages-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    _shoot(page, "job-stages-390")
    app_db.expire_all()
    stages = job_stages(session=app_db, job_id=job.id)
    assert [s.label for s in stages[6:9]] == ["Reference check", "Shortlisted", "Offer made"]

    # The company default on Settings > New jobs.
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{running_app.url}/settings")
    page.click("#tab-jobs")
    expect(page.locator("#stage-editor .stage-row")).to_have_count(11)
    _shoot(page, "settings-default-stages-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    _shoot(page, "settings-default-stages-390")
