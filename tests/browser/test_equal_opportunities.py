"""Equal opportunities end to end: an admin configures a question, a candidate answers it in
the interview room after consent, the answer is stored apart; the configuration is removed at
the end (the app is shared with the other browser tests)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from hireops.models import Application, Candidate, InterviewLink
from hireops.services.candidates.equal_opportunities import questions, save_questions
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_interview_room import _invite
from tests.browser.signing_in import open_signed_in, sign_in

pytestmark = pytest.mark.browser


def _configure_one_question(page: Page, running_app) -> None:
    open_signed_in(page, running_app, "/settings/equal-opportunities")
    expect(page.get_by_text("Not collected")).to_be_visible()
    page.fill("#equal-new-key", "age_band")
    page.fill("#equal-new-label", "What is your age?")
    page.fill("#equal-new-options", "Under 35\n35 or over")
    page.click("#equal-add")
    row = page.locator(".equal-question-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("What is your age?")
    expect(row).to_contain_text("Prefer not to say")
    page.screenshot(path=str(ARTIFACTS / "equal-opportunities-editor.png"), full_page=True)


def test_candidate_answers_the_configured_question(page: Page, running_app, app_db):
    try:
        _configure_one_question(page, running_app)
        assert [q.key for q in questions(session=app_db)] == ["age_band"]

        url, link_id = _invite(app_db, "Grace Hopper", "Compiler Engineer")
        page.goto(url)
        page.get_by_text("Welcome, Grace").wait_for()
        expect(page.get_by_text("Equal opportunities", exact=True)).to_be_visible()
        page.click("#room-continue")
        page.click("#consent-ai")
        page.click("#consent-webcam")  # declined: this browser has no fake camera
        page.click("#consent-submit")
        step = page.locator("#equal-step")
        expect(step).to_contain_text("Equal opportunities (optional)")
        expect(step).to_contain_text("What is your age?")
        step.get_by_role("combobox").click()
        page.get_by_role("option", name="35 or over").click()
        expect(step.get_by_role("combobox")).to_contain_text("35 or over")
        page.screenshot(path=str(ARTIFACTS / "equal-opportunities-room.png"), full_page=True)
        page.click("#equal-save")
        expect(page.locator("#camera-declined")).to_be_visible()
        expect(page.locator("#room-start")).to_be_visible()

        app_db.expire_all()
        link = app_db.get(InterviewLink, link_id)
        candidate_id = app_db.get(Application, link.application_id).candidate_id
        assert app_db.get(Candidate, candidate_id).self_reported == {"age_band": "35 or over"}

        # The admin turns it off again; new candidates are not asked.
        page.goto(running_app.url + "/settings/equal-opportunities")
        page.click("#equal-off")
        expect(page.get_by_text("Not collected")).to_be_visible()
        app_db.expire_all()
        assert questions(session=app_db) == []
    finally:
        app_db.rollback()
        save_questions(session=app_db, questions=[], actor=None)


def test_the_editor_is_for_admins_only(page: Page, running_app):
    sign_in(page, running_app, email=running_app.viewer_email,
            password=running_app.viewer_password)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(running_app.url + "/settings/equal-opportunities")
    expect(page.locator("#access-denied")).to_be_visible()
    expect(page.locator("#equal-new-key")).to_have_count(0)
