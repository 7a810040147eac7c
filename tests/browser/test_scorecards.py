"""Interviewer scorecards in the browser: HR names an interviewer on the booked follow-up
interview, the interviewer signs in and fills the scorecard (a rating and note per skill, a
recommendation), and the candidate page shows it to HR; what the interviewer types stays text."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, BookingInterviewer, InterviewBooking, Job, Scorecard, User
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in, sign_in
from tests.factories import make_candidate, make_job

pytestmark = pytest.mark.browser

HOSTILE_NOTE = "<img src=x onerror=window.__xss=1> designed the schema well"


@pytest.fixture
def booked(app_db, request):
    suffix = request.node.name[-6:].strip("[]_")
    job = make_job(app_db, title=f"Scorecard Engineer {suffix}", must_have_skills=["Python"],
                   nice_to_have_skills=["PostgreSQL"])
    candidate = make_candidate(app_db, full_name=f"Lin Scorecard {suffix}",
                               email=f"lin.{suffix}@example.org")
    application = Application(candidate_id=candidate.id, job_id=job.id, resume_score=84,
                              interview_score=79)
    app_db.add(application)
    app_db.flush()
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    booking = InterviewBooking(application_id=application.id, starts_at=start,
                               ends_at=start + timedelta(minutes=45), source="manual")
    app_db.add(booking)
    app_db.commit()
    return candidate, booking


def _section(page: Page):
    return page.locator("#scorecards-section")


def test_hr_names_an_interviewer_who_fills_the_scorecard(page: Page, chromium, running_app,
                                                         app_db, booked):
    candidate, booking = booked
    viewer = app_db.exec(select(User).where(User.email == running_app.viewer_email)).one()
    open_signed_in(page, running_app, f"/candidates/view?id={candidate.id}")
    expect(_section(page)).to_contain_text("Scorecard Engineer")
    _section(page).get_by_role("checkbox", name=running_app.viewer_email).click()
    page.click("#save-interviewers")
    expect(page.get_by_text("Interviewers saved.")).to_be_visible()
    expect(_section(page).locator(".named-interviewer")).to_have_text([running_app.viewer_email])
    # HR is not named: no form for them.
    expect(page.locator("#scorecard-form")).to_have_count(0)

    # The interviewer, in a browser of their own.
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    theirs = context.new_page()
    theirs.set_default_timeout(20_000)
    sign_in(theirs, running_app, email=running_app.viewer_email,
            password=running_app.viewer_password)
    expect(theirs.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    theirs.goto(f"{running_app.url}/candidates/view?id={candidate.id}")
    form = theirs.locator("#scorecard-form")
    expect(form).to_be_visible()
    ratings = form.locator(".skill-rating")
    expect(ratings).to_have_count(2)
    ratings.nth(0).get_by_role("radio", name="5").click()
    theirs.click("#submit-scorecard")
    expect(theirs.locator("#scorecard-error")).to_contain_text("Rate PostgreSQL")
    ratings.nth(1).get_by_role("radio", name="3").click()
    form.locator(".skill-note input").nth(1).fill(HOSTILE_NOTE)
    theirs.locator("#scorecard-recommendation").click()
    theirs.get_by_role("option", name="Strong yes").click()
    theirs.click("#submit-scorecard")
    expect(theirs.get_by_text("Scorecard saved.")).to_be_visible()
    shown = theirs.locator("#scorecards-section .scorecard")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text(HOSTILE_NOTE)
    expect(shown).to_contain_text("Strong yes")
    expect(theirs.locator("#submit-scorecard")).to_have_text("Update scorecard")
    assert theirs.evaluate("window.__xss") is None
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1440, 390):
        theirs.set_viewport_size({"width": width, "height": 900})
        theirs.locator("#scorecards-section").scroll_into_view_if_needed()
        theirs.screenshot(path=str(ARTIFACTS / f"candidate-scorecards-{width}.png"),
                          full_page=True)
    context.close()

    # HR sees it beside the AI evaluation, with the mean.
    page.reload()
    expect(_section(page).locator(".scorecard")).to_contain_text("designed the schema well")
    expect(page.locator("#scorecard-mean")).to_contain_text("4.0 / 5 (75 / 100) from 1 of 1")
    expect(page.locator("#scorecard-weight")).to_contain_text("Not counted in the decision")
    assert page.evaluate("window.__xss") is None

    app_db.expire_all()
    assert app_db.exec(select(BookingInterviewer.user_id).where(
        BookingInterviewer.booking_id == booking.id)).all() == [viewer.id]
    card = app_db.exec(select(Scorecard).where(Scorecard.booking_id == booking.id)).one()
    assert (card.interviewer_id, card.recommendation) == (viewer.id, "strong_yes")
    assert [(e["skill"], e["rating"]) for e in card.ratings] == [("Python", 5),
                                                                 ("PostgreSQL", 3)]


@pytest.mark.parametrize("width", [1440, 390])
def test_the_job_editor_sets_the_scorecard_weight(page: Page, running_app, app_db, booked,
                                                  width):
    _, booking = booked
    job_id = app_db.get(Application, booking.application_id).job_id
    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, f"/jobs/edit?id={job_id}")
    expect(page.locator("#job-title")).to_have_value(re.compile("Scorecard Engineer"))
    page.fill("#job-scorecard_weight_pct", "30")
    expect(page.get_by_text("blended with 30% interviewer scorecards")).to_be_visible()
    page.locator("#job-scorecard_weight_pct").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"job-editor-scorecard-weight-{width}.png"),
                    full_page=True)
    page.click("#save-job")
    expect(page).to_have_url(re.compile(r"/jobs$"))
    app_db.expire_all()
    assert app_db.get(Job, job_id).scorecard_weight == pytest.approx(0.3)
