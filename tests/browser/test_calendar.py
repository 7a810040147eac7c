"""The calendar page in a real browser: a booked interview in its day's column at 1440 px and
in the day list at 390 px, the week arrows, and the feed address created, read by HTTP and
revoked."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from hireops.models import utcnow
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.outreach.bookings import book_slot
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in, sign_in
from tests.factories import make_application, make_candidate

pytestmark = pytest.mark.browser
PARIS = ZoneInfo("Europe/Paris")


def _book_next_week(session) -> tuple[datetime, int]:
    """An interview next Wednesday 10:00 Paris time, with a video-call link."""
    job = create_job(session=session, actor=None, form=JobForm(
        title="Site Reliability Engineer", must_have_skills=["Linux"]))
    candidate = make_candidate(session, full_name="Margaret Hamilton <b>MH</b>",
                                        email="margaret@example.com")
    application = make_application(session, candidate=candidate, job=job)
    today = utcnow().astimezone(PARIS).date()
    wednesday = today - timedelta(days=today.weekday()) + timedelta(days=9)
    start = datetime.combine(wednesday, time(10), PARIS)
    book_slot(session=session, application_id=application.id, start=start,
              end=start + timedelta(minutes=45), candidate_tz="Europe/Paris", source="manual",
              actor=None, location="https://meet.example.test/sre-42")
    session.commit()
    return start, candidate.id


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= \
        page.evaluate("document.documentElement.clientWidth") + 1


def test_week_view_feed_and_phone_layout(page: Page, running_app, app_db):
    start, candidate_id = _book_next_week(app_db)
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{running_app.url}/calendar?week={start.date().isoformat()}")
    day = page.locator(f'.calendar-day[data-day="{start.date().isoformat()}"]')
    expect(day).to_contain_text("10:00-10:45")
    # The name is text, never markup.
    expect(day).to_contain_text("Margaret Hamilton <b>MH</b>")
    expect(day).to_contain_text("Site Reliability Engineer")
    expect(day.get_by_role("link", name="Join call")).to_have_attribute(
        "href", "https://meet.example.test/sre-42")
    expect(day.get_by_role("link", name="Margaret Hamilton <b>MH</b>")).to_have_attribute(
        "href", f"/candidates/view?id={candidate_id}")
    # Seven columns side by side on a desk.
    boxes = [page.locator(".calendar-day").nth(n).bounding_box() for n in range(7)]
    assert len({round(box["y"]) for box in boxes}) == 1
    _no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "calendar-1440.png"), full_page=True)

    # The arrows move a week and back.
    title = page.locator("#calendar-title").inner_text()
    page.click("#calendar-next")
    expect(page.locator("#calendar-title")).not_to_have_text(title)
    expect(page.locator(".calendar-entry")).to_have_count(0)
    page.click("#calendar-previous")
    expect(page.locator("#calendar-title")).to_have_text(title)
    expect(page.locator(".calendar-entry")).to_have_count(1)

    # The feed address: shown once, serves the booking, revoked it answers 404.
    page.click("#calendar-feed-create")
    feed = page.locator("#calendar-feed-url")
    expect(feed).to_contain_text("/calendar/hcal_")
    address = feed.inner_text().strip()
    status, body = _get(address.replace(address.split("/calendar/")[0], running_app.url))
    assert status == 200
    (event,) = [e for e in Calendar.from_ical(body).events
                if "Site Reliability Engineer" in str(e["summary"])]
    assert str(event["url"]) == "https://meet.example.test/sre-42"
    assert event.start == start
    page.get_by_role("button", name="Done").click()
    expect(page.locator("#calendar-feed-status")).to_contain_text("hcal_")
    page.click("#calendar-feed-revoke")
    page.click("#calendar-feed-revoke-confirm")
    expect(page.locator("#calendar-feed-create")).to_be_visible()
    assert _get(address.replace(address.split("/calendar/")[0], running_app.url))[0] == 404

    # A day list on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{running_app.url}/calendar?week={start.date().isoformat()}")
    expect(day).to_contain_text("10:00-10:45")
    boxes = [page.locator(".calendar-day").nth(n).bounding_box() for n in range(2)]
    assert boxes[1]["y"] > boxes[0]["y"] and abs(boxes[1]["x"] - boxes[0]["x"]) < 2
    _no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "calendar-390.png"), full_page=True)


def test_an_interviewer_connects_their_caldav_calendar(page: Page, running_app, tmp_path):
    caldav = pytest.importorskip("caldav", reason="caldav is in requirements.txt")
    pytest.importorskip("radicale", reason="radicale is in requirements-dev.txt")
    from tests.calendar.radicale_server import radicale

    with radicale(tmp_path / "radicale") as url:
        client = caldav.DAVClient(url=url, username="hannah", password="x")
        calendar = client.principal().make_calendar(name="Work")
        start = utcnow() + timedelta(days=2)
        calendar.save_event(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:board-meeting\r\nDTSTAMP:{start:%Y%m%dT%H%M%SZ}\r\n"
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\n"
            f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\n"
            "SUMMARY:Board meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        open_signed_in(page, running_app, "/calendar")
        page.fill("#caldav-url", "http://calendar.example.com/")
        page.fill("#caldav-username", "hannah")
        page.fill("#caldav-password", "calendar-password-1")
        page.click("#caldav-save")
        # A password must never cross a network in clear.
        expect(page.locator("#caldav-message")).to_contain_text("https://")
        page.fill("#caldav-url", url)
        page.click("#caldav-save")
        expect(page.locator("#caldav-message")).to_contain_text("Saved")
        expect(page.locator("#caldav-password")).to_have_value("")
        page.click("#caldav-check")
        expect(page.locator("#caldav-message")).to_contain_text("Read: 1 busy time")
        page.screenshot(path=str(ARTIFACTS / "calendar-caldav-1440.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        expect(page.locator("#caldav-card")).to_be_visible()
        _no_sideways_scroll(page)
        page.screenshot(path=str(ARTIFACTS / "calendar-caldav-390.png"), full_page=True)
