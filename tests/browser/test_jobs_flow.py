"""A recruiter's first session: sign in, auto-fill a job, save it, sign out."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_wrong_password_is_refused_with_a_clear_message(page: Page, running_app):
    sign_in(page, running_app, password="not-the-password")
    # Hashing a password is slow on purpose; on a busy machine it takes a few seconds.
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password", timeout=20_000)
    expect(page).to_have_url(re.compile(r"/login"))


def test_autofill_save_and_sign_out(page: Page, running_app):
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()

    page.goto(running_app.url + "/jobs/new")
    page.fill("#job-title", "Senior Python Backend Engineer")
    page.click("#autofill")
    must_haves = page.locator("#job-must_have_skills")
    expect(must_haves).to_have_value(re.compile(r"Python"), timeout=30_000)
    expect(page.locator("#job-department")).to_have_value(re.compile(r"\w+"))
    assert len(page.locator("#job-description").input_value().split()) >= 200
    skills = [s for s in must_haves.input_value().splitlines() if s.strip()]
    assert 6 <= len(skills) <= 8

    page.click("#save-job")
    expect(page).to_have_url(re.compile(r"/jobs$"))
    expect(page.locator("#jobs-table")).to_contain_text("Senior Python Backend Engineer")

    page.click("#sign-out")
    expect(page).to_have_url(re.compile(r"/login"))
    page.goto(running_app.url + "/jobs")
    expect(page).to_have_url(re.compile(r"/login\?next=(/|%2F)jobs"))
    expect(page.locator("#jobs-table")).to_have_count(0)


def test_viewer_can_look_but_not_change(page: Page, running_app):
    sign_in(page, running_app, email=running_app.viewer_email,
            password=running_app.viewer_password)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(running_app.url + "/jobs")
    expect(page.get_by_role("heading", name="Jobs", exact=True)).to_be_visible()
    expect(page.locator("#new-job")).to_have_count(0)
    page.goto(running_app.url + "/settings")
    expect(page.locator("#access-denied")).to_contain_text("for administrators")
