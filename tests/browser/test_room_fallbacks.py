"""The interview room never strands a candidate, on a phone (390 px): a voice interviewer that
cannot start hands over to the typed interview with no setting named, "I do not agree" says what
happens next, a typed draft survives a reload, and the microphone check shows a live level."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.config import PROJECT_ROOT
from hireops.models import Event, InterviewLink
from tests.browser.test_interview_room import _invite

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SHOTS = PROJECT_ROOT / "test-artifacts" / "room"


@pytest.fixture
def phone(camera_browser):
    page = camera_browser.new_page(viewport=PHONE)
    page.set_default_timeout(20_000)
    yield page
    page.close()


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS, f"{name}-390.png")), full_page=True)


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _consent(page: Page, url: str) -> None:
    page.goto(url)
    page.click("#room-continue")
    page.click("#consent-webcam")  # camera analysis off: this test is about the rest
    page.click("#consent-ai")
    page.click("#consent-submit")
    expect(page.locator("#room-start")).to_be_visible()


def test_a_voice_interviewer_that_cannot_start_hands_over_to_typing(running_app, app_db, phone):
    url, link_id = _invite(app_db, "Ada Lovelace", "Backend Engineer")
    # Invited while voice was set up; the app now has no ElevenLabs key and agent.
    link = app_db.get(InterviewLink, link_id)
    link.provider = "elevenlabs"
    app_db.commit()

    _consent(phone, url)
    phone.click("#room-start")
    phone.get_by_role("button", name="Start the voice interview").click()

    expect(phone.locator("#room-notice")).to_contain_text("continues in writing")
    expect(phone.locator("#answer")).to_be_editable()
    expect(phone.locator("#transcript .room-turn").first).to_be_visible()
    text = phone.inner_text("body")
    for secret_word in ("ELEVENLABS", "API_KEY", "AGENT_ID", "not configured"):
        assert secret_word not in text
    _no_sideways_scroll(phone)
    _shot(phone, "voice-fallback")

    app_db.expire_all()
    event = app_db.exec(select(Event).where(Event.action == "interview.voice_unavailable",
                                            Event.entity_id == link.application_id)).one()
    assert "not configured" in event.note  # HR reads the reason
    assert app_db.get(InterviewLink, link_id).provider == "builtin"


def test_i_do_not_agree_says_what_happens_next_and_tells_hr(running_app, app_db, phone):
    url, link_id = _invite(app_db, "Mary Jackson", "Aerospace Engineer")
    phone.goto(url)
    phone.click("#room-continue")
    phone.click("#consent-refuse")

    expect(phone.locator("#room-declined")).to_contain_text("recruiting team")
    expect(phone.locator("#room-declined")).to_contain_text("email")
    _no_sideways_scroll(phone)
    _shot(phone, "consent-refused")
    application_id = app_db.get(InterviewLink, link_id).application_id
    app_db.expire_all()
    assert app_db.exec(select(Event).where(Event.action == "interview.consent_refused",
                                           Event.entity_id == application_id)).one()
    # They may change their mind.
    phone.click("#consent-reconsider")
    expect(phone.locator("#consent-submit")).to_be_visible()


def test_a_typed_draft_survives_a_reload_and_goes_on_send(running_app, app_db, phone):
    url, _ = _invite(app_db, "Annie Easley", "Software Engineer")
    _consent(phone, url)
    phone.click("#room-start")
    draft = "I built a Python service that reads meter data every minute"
    phone.fill("#answer", draft)
    phone.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('hireops-draft:'))")

    phone.reload()
    expect(phone.locator("#answer")).to_have_value(draft)
    _shot(phone, "draft-restored")

    phone.click("#send-answer")
    expect(phone.locator("#answer")).to_have_value("")
    phone.wait_for_function(
        "() => !Object.keys(localStorage).some(k => k.startsWith('hireops-draft:'))")
    phone.reload()
    expect(phone.locator("#progress")).to_be_visible()
    expect(phone.locator("#answer")).to_have_value("")


def test_the_microphone_check_shows_a_live_level_and_dictation_failing_keeps_typing(
        running_app, app_db, phone):
    url, _ = _invite(app_db, "Evelyn Boyd", "Data Engineer")
    _consent(phone, url)
    meter = phone.locator("#mic-check")
    meter.get_by_role("button", name="Test your microphone").click()
    expect(meter).to_have_attribute("data-state", "live")
    # Chromium's fake microphone plays a beep: the analyser hears it.
    expect(meter).to_have_attribute("data-heard", "yes", timeout=15_000)
    expect(meter.get_by_role("meter")).to_be_visible()
    _no_sideways_scroll(phone)
    _shot(phone, "microphone-check")

    phone.click("#room-start")
    phone.click("#dictation")
    # No speech service reachable from this browser: said plainly, the box still types.
    expect(phone.locator("#dictation-problem")).to_contain_text("type your answer",
                                                                timeout=15_000)
    phone.fill("#answer", "Typing still works.")
    expect(phone.locator("#answer")).to_have_value("Typing still works.")


@pytest.mark.parametrize("width", [1440, 390])
def test_hr_reads_the_room_notices_and_tests_the_voice_connection(running_app, app_db,
                                                                  camera_browser, width):
    from hireops import routes
    from hireops.models import Application
    from tests.browser.signing_in import open_signed_in

    url, link_id = _invite(app_db, f"Dorothy Vaughan{width}", "Mainframe Engineer")
    link = app_db.get(InterviewLink, link_id)
    candidate_id = app_db.get(Application, link.application_id).candidate_id
    candidate_page = camera_browser.new_page(viewport={"width": width, "height": 900})
    candidate_page.set_default_timeout(20_000)
    candidate_page.goto(url)
    candidate_page.click("#room-continue")
    expect(candidate_page.locator("#consent-refuse")).to_be_visible()
    _shot_at(candidate_page, "consent", width)
    candidate_page.click("#consent-refuse")
    expect(candidate_page.locator("#room-declined")).to_be_visible()
    candidate_page.close()

    page = camera_browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(20_000)
    open_signed_in(page, running_app, f"{routes.CANDIDATE}?id={candidate_id}")
    notice = page.locator(".room-notice")
    expect(notice).to_contain_text("did not agree to the AI interview")
    notice.scroll_into_view_if_needed()
    _shot_at(page, "hr-room-notice", width)

    page.goto(f"{running_app.url}/settings")
    page.click("#tab-voice")
    page.click("#voice-test")
    # The test app has no ElevenLabs key: nothing to test, said as such.
    expect(page.locator("#voice-test-result")).to_contain_text("Nothing to test")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    _shot_at(page, "settings-voice", width)
    page.close()


def _shot_at(page: Page, name: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS, f"{name}-{width}.png")), full_page=True)
