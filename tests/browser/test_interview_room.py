"""The public interview room in Chromium with a fake camera showing a real face photo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from hireops.models import Evaluation, InterviewLink, InterviewSignal, InterviewTurn
from tests.browser.camera import RequestLog, origin
from tests.browser.rooms import answer_until_done, invite_to_room
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser

ANSWER = ("In my last role I designed a Python REST API on PostgreSQL serving two million "
          "requests a day. I profiled slow endpoints, added indexes and cut p95 latency from "
          "800 ms to 120 ms, wrote integration tests, and explained the trade-offs to product.")




def _invite(session: Session, name: str, title: str) -> tuple[str, int]:
    url, link_id, _candidate_id = invite_to_room(
        session, name=name, email=f"{name.split()[0].lower()}@example.com", title=title)
    return url, link_id


@pytest.fixture
def room_page(camera_browser):
    # One Playwright per process: this module's pages come from the camera browser.
    page = camera_browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    yield page
    page.close()


def _wait_for(check, timeout_s: float = 30.0):
    return wait_for(check, timeout_s)


def test_full_builtin_interview_with_camera(running_app, app_db, camera_browser):
    url, link_id = _invite(app_db, "Ada Lovelace", "Platform Engineer")
    page = camera_browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(30_000)
    requests = RequestLog.attach(page)
    page.goto(url)
    page.get_by_text("Welcome, Ada").wait_for()
    page.click("#room-continue")
    assert page.locator("#consent-submit").is_disabled()
    page.click("#consent-ai")
    page.click("#consent-submit")
    # The widget finds the one face of the fake camera, at the camera's real size.
    tracker = page.locator("[data-faces='1']")
    tracker.wait_for()
    assert tracker.get_attribute("data-video-width") == "1280"

    def server_checked() -> list[InterviewSignal]:
        app_db.expire_all()
        return app_db.exec(select(InterviewSignal).where(
            InterviewSignal.link_id == link_id, InterviewSignal.source == "server")).all()

    checks = _wait_for(server_checked)
    assert checks[0].detail.get("faces") == 1 and checks[0].detail.get("browser_faces") == 1

    page.screenshot(path=str(Path("test-artifacts") / "interview_room_check.png"))
    # The widget stays mounted when the interview starts (no camera or model restart):
    # a mark set on its element now is still there after the step changes.
    page.evaluate("document.querySelector('[data-faces]').dataset.mark = 'check-step'")
    page.click("#room-start")
    page.locator("#answer").wait_for()
    assert page.locator("[data-mark='check-step'][data-faces]").count() == 1
    page.screenshot(path=str(Path("test-artifacts") / "interview_room_interview.png"))
    # The widget reports every 5 s during the interview.
    _wait_for(lambda: app_db.expire_all() or app_db.exec(select(InterviewSignal).where(
        InterviewSignal.link_id == link_id, InterviewSignal.source == "browser")).first())
    page.reload()  # a reload resumes the interview where it stands
    page.locator("#answer").wait_for()
    answer_until_done(page, app_db, link_id, answer=ANSWER,
                      slot_answer="Tuesday or Thursday mornings, Paris time.", timeout_s=15)

    app_db.expire_all()
    link = app_db.get(InterviewLink, link_id)
    assert link.status == "completed" and link.consent_at is not None
    assert link.preferred_slot_text == "Tuesday or Thursday mornings, Paris time."
    turns = app_db.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)).all()
    assert sum(t.speaker == "candidate" for t in turns) >= 5
    assert link.face_summary["reports"] >= 1 and link.face_summary["face_present_pct"] > 80
    evaluation = _wait_for(lambda: app_db.exec(select(Evaluation).where(
        Evaluation.link_id == link_id, Evaluation.status == "ok")).first()
        or (app_db.expire_all() and None))
    assert 0 <= evaluation.score <= 100

    # Nothing was loaded from anywhere but the app itself.
    assert requests.foreign(running_app.url) == []
    assert {origin(u) for u in requests.urls} <= {running_app.url,
                                                   running_app.url.replace("http", "ws")}
    page.screenshot(path=str(Path("test-artifacts") / "interview_room_done.png"))
    page.close()


def test_bad_tokens_get_a_friendly_page(running_app, app_db, room_page):
    page = room_page
    url, link_id = _invite(app_db, "Grace Hopper", "Compiler Engineer")
    token = url.rsplit("/", 1)[-1]
    page.goto(f"{running_app.url}/interview/{token[:-2]}zz")
    page.get_by_text("This interview link is not valid").wait_for()
    assert "Grace" not in page.content()

    link = app_db.get(InterviewLink, link_id)
    link.expires_at = link.created_at
    app_db.commit()
    page.goto(url)
    page.get_by_text("This interview link has expired").wait_for()


def test_a_token_shows_only_its_own_candidate(running_app, app_db, room_page):
    page = room_page
    first_url, _ = _invite(app_db, "Katherine Johnson", "Data Scientist")
    second_url, _ = _invite(app_db, "Dorothy Vaughan", "Mainframe Engineer")
    page.goto(second_url)
    page.get_by_text("Welcome, Dorothy").wait_for()
    html = page.content()
    assert "Katherine" not in html and "Data Scientist" not in html
    assert re.search(r"Mainframe Engineer", html)
    page.goto(first_url)
    page.get_by_text("Welcome, Katherine").wait_for()
    assert "Dorothy" not in page.content()
