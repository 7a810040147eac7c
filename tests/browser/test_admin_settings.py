"""An admin edits Settings in a real browser: the company name survives a reload, the interview
link lifetime is checked against the reminders, saved and restored to its default, a Mistral
key is only ever shown masked and never saved with the tab's state, and a recruiter is added to
the team."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.saved_states import holding, saved_states, wait_for_saved
from tests.browser.signing_in import open_signed_in

pytestmark = pytest.mark.browser

MISTRAL_KEY = "sk-browser-test-secret-4321"
TYPED_AFTER_THE_KEY = "https://typed-after-the-key.example"


def test_admin_edits_company_ai_key_and_team(page: Page, running_app, app_db):
    open_signed_in(page, running_app, "/settings")

    name = page.locator("#setting-company_name")
    expect(name).not_to_have_value("")
    original = name.input_value()
    name.fill("Acme Browser Hiring")
    page.click("#save-company")
    expect(page.get_by_text("Company saved.")).to_be_visible()
    page.reload()
    expect(page.locator("#setting-company_name")).to_have_value("Acme Browser Hiring")

    page.click("#tab-interviews")
    hours = page.locator("#setting-interview_link_hours")
    expect(hours).to_have_value("72")
    expect(page.locator("#setting-public_base_url")).to_have_value("http://localhost:3000")
    hours.fill("24")  # shorter than the 48 h "not opened" reminder
    page.click("#save-interviews")
    expect(page.locator("#error-interviews")).to_contain_text("'not opened' reminder (48 h)")
    hours.fill("36")
    page.fill("#setting-reminder_unopened_hours", "12")
    page.click("#save-interviews")
    expect(page.get_by_text("Interview settings saved.")).to_be_visible()
    expect(page.locator("#error-interviews")).to_have_count(0)
    page.reload()
    page.click("#tab-interviews")
    expect(page.locator("#setting-interview_link_hours")).to_have_value("36")
    expect(page.locator("#setting-reminder_unopened_hours")).to_have_value("12")
    page.screenshot(path="test-artifacts/admin-settings-interviews.png", full_page=True)
    # Back to the defaults, so links made by the other browser tests live 72 h.
    expect(page.locator("#restore-interviews")).to_be_visible()  # offered once saved
    page.click("#restore-interviews")
    expect(page.get_by_text("Interview settings: defaults restored.")).to_be_visible()
    expect(page.locator("#setting-interview_link_hours")).to_have_value("72")
    expect(page.locator("#setting-reminder_unopened_hours")).to_have_value("48")
    expect(page.locator("#restore-interviews")).to_have_count(0)

    page.click("#tab-ai")
    expect(page.locator("#setting-mistral_timeout_s")).to_have_value("30")
    expect(page.locator("#mask-mistral_api_key")).to_have_text("not set")
    page.fill("#setting-mistral_api_key", MISTRAL_KEY)
    # Typed then another field: the tab's events run in order, so once the saved state holds
    # the other field's text, whatever typing the key did is saved too, and the key must not be.
    page.fill("#setting-mistral_server_url", TYPED_AFTER_THE_KEY)
    assert holding(wait_for_saved(running_app, TYPED_AFTER_THE_KEY.encode()), MISTRAL_KEY) == []
    page.fill("#setting-mistral_server_url", "")
    page.click("#save-ai")
    expect(page.locator("#mask-mistral_api_key")).to_have_text("set ••••4321")
    expect(page.locator("#setting-mistral_api_key")).to_have_value("")
    assert holding(saved_states(running_app), MISTRAL_KEY) == []
    page.reload()
    page.click("#tab-ai")
    expect(page.locator("#mask-mistral_api_key")).to_have_text("set ••••4321")
    assert MISTRAL_KEY not in page.content()
    page.click("#test-classifier")
    expect(page.locator("#test-result-classifier")).to_contain_text("OK: local")

    page.click("#tab-team")
    page.fill("#new-user-email", "rita.recruiter@example.com")
    page.fill("#new-user-full_name", "Rita Recruiter")
    page.click("#add-user")
    expect(page.locator("#one-time-password")).to_contain_text("rita.recruiter@example.com")
    expect(page.get_by_text("Rita Recruiter")).to_be_visible()
    page.screenshot(path="test-artifacts/admin-settings-team.png", full_page=True)
    page.click("#tab-ai")
    page.screenshot(path="test-artifacts/admin-settings-ai.png", full_page=True)

    # Leave the shared app as the other browser tests expect it.
    page.click("#clear-mistral_api_key")
    expect(page.locator("#mask-mistral_api_key")).to_have_text("not set")
    page.click("#tab-company")
    page.locator("#setting-company_name").fill(original)
    page.click("#save-company")
    expect(page.get_by_text("Company saved.")).to_be_visible()
