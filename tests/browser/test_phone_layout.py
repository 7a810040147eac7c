"""Every recruiter page, the decision card and the interview room on a 390 px phone: nothing
scrolls sideways, the navigation sits behind a menu button, and each page is photographed at
390 and 1440 px (test-artifacts/phone-*.png, desktop-*.png) so a person can look at it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Candidate, Job
from tests.browser.conftest import ARTIFACTS, app_database
from tests.browser.test_decision_queue import _held_application
from tests.browser.test_interview_room import _invite
from tests.browser.signing_in import sign_in
from tests.browser.viewports import DESKTOP, PHONE, page_at

pytestmark = pytest.mark.browser

# (route, the page's heading); `{job}` and `{candidate}` become ids from the demo data.
RECRUITER_PAGES = (
    ("/", "Dashboard"),
    ("/inbox", "Inbox"),
    ("/jobs", "Jobs"),
    ("/jobs/new", "New job"),
    ("/jobs/edit?id={job}", "Edit job"),
    ("/jobs/ranking?id={job}", "Ranking"),
    ("/jobs/board?id={job}", "Pipeline board"),
    ("/candidates", "Candidates"),
    ("/calendar", "Calendar"),
    ("/candidates/view?id={candidate}", "Candidate"),
    ("/reports", "Reports"),
    ("/reports/ai", "AI usage"),
    ("/audit", "Audit log"),
    ("/settings", "Settings"),
    ("/settings/api", "API tokens"),
    ("/settings/equal-opportunities", "Equal opportunities"),
    ("/notifications", "Notifications"),
)


def _page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _widest_elements(page: Page) -> list[str]:
    """The elements that reach past the viewport, to say what overflows in a failure."""
    return page.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter(el => el.getBoundingClientRect().right > limit + 1)
          .slice(0, 4)
          .map(el => `${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class')}`
                     .slice(0, 90)
                     + ` right=${Math.round(el.getBoundingClientRect().right)}`);
    }""")


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def demo_ids(running_app, demo_applications, app_db) -> dict[str, int]:
    """A job and a candidate of the demo data, and a decision held for HR on the dashboard."""
    _held_application(app_db, "Mary Jackson", "Wednesday at 2pm")
    job = app_db.exec(select(Job).order_by(Job.id)).first()
    candidate = app_db.exec(select(Candidate).where(Candidate.email != "mary@example.com")
                            .order_by(Candidate.id)).first()
    return {"job": job.id, "candidate": candidate.id}


@pytest.fixture(scope="module")
def app_db(running_app):
    """The module-wide twin of conftest's app_db (the ids above are made once)."""
    with app_database(running_app) as session:
        yield session


def _open_each_page(page: Page, app, ids: dict[str, int], prefix: str) -> dict[str, int]:
    """Visit every recruiter page; return the document width of each and keep a screenshot."""
    widths = {}
    for route, heading in RECRUITER_PAGES:
        page.goto(app.url + route.format(**ids))
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        page.wait_for_timeout(1500)  # let the page's loaders fill it in
        widths[route] = _page_width(page)
        if widths[route] > page.viewport_size["width"]:
            widths[route] = (widths[route], _widest_elements(page))
        slug = route.split("?")[0].strip("/").replace("/", "-") or "dashboard"
        _shot(page, f"{prefix}-{slug}")
    return widths


@contextmanager
def _signed_in_at(chromium, running_app, viewport: dict[str, int]) -> Iterator[Page]:
    """A page of its own at `viewport`, signed in as the admin, on the dashboard."""
    with page_at(chromium, viewport) as page:
        sign_in(page, running_app)
        expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
        yield page


def test_no_recruiter_page_scrolls_sideways_on_a_phone(chromium, running_app, demo_ids):
    with _signed_in_at(chromium, running_app, PHONE) as page:
        widths = _open_each_page(page, running_app, demo_ids, "phone")
    too_wide = {route: width for route, width in widths.items() if not isinstance(width, int)}
    assert too_wide == {}, too_wide


def test_the_same_pages_still_read_well_at_1440(chromium, running_app, demo_ids):
    with _signed_in_at(chromium, running_app, DESKTOP) as page:
        # The sidebar is always there on a wide screen, with no menu button.
        expect(page.get_by_role("link", name="Candidates")).to_be_visible()
        expect(page.locator("#menu-button")).to_be_hidden()
        widths = _open_each_page(page, running_app, demo_ids, "desktop")
    too_wide = {route: width for route, width in widths.items() if not isinstance(width, int)}
    assert too_wide == {}, too_wide


def test_the_menu_button_opens_the_navigation_on_a_phone(chromium, running_app, demo_ids):
    with _signed_in_at(chromium, running_app, PHONE) as page:
        # The page gets the whole width: the navigation is hidden until asked for.
        nav_link = page.get_by_role("link", name="Candidates")
        expect(nav_link).to_be_hidden()
        page.click("#menu-button")
        expect(nav_link).to_be_visible()
        expect(page.locator("#sign-out-menu")).to_be_visible()
        # Once it has slid in, the drawer sits at the left edge and leaves some page in sight.
        drawer = page.locator("#menu-drawer")
        page.wait_for_function("document.querySelector('#menu-drawer')"
                               ".getBoundingClientRect().left === 0")
        box = drawer.bounding_box()
        assert box["x"] == 0 and 200 <= box["width"] < PHONE["width"], box
        _shot(page, "phone-menu-open")
        nav_link.click()
        expect(page.get_by_role("heading", name="Candidates", exact=True)).to_be_visible()
        expect(page).to_have_url(running_app.url + "/candidates")
        # Following a link closes the drawer.
        expect(page.get_by_role("link", name="Reports")).to_be_hidden()


def test_the_decision_card_fits_a_phone(chromium, running_app, demo_ids):
    with _signed_in_at(chromium, running_app, PHONE) as page:
        # Another browser test may have queued a second Mary Jackson: either card shows the layout.
        card = page.locator("[id^=decision-card-]").filter(has_text="Mary Jackson").first
        expect(card).to_be_visible()
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        approve = card.locator(".approve-preferred")
        expect(approve).to_be_visible()
        approve_box = approve.bounding_box()
        assert approve_box["x"] + approve_box["width"] <= PHONE["width"], approve_box
        assert _page_width(page) <= PHONE["width"], _widest_elements(page)
        card.screenshot(path=str(ARTIFACTS / "phone-decision-card.png"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_step_of_the_interview_room_fits(camera_browser, running_app, app_db, viewport):
    url, _ = _invite(app_db, f"Ada Byron {viewport['width']}", "Platform Engineer")
    prefix = "phone" if viewport is PHONE else "desktop"
    page = camera_browser.new_page(viewport=viewport)
    page.set_default_timeout(30_000)
    widths = {}
    page.goto(url)
    page.get_by_text("Welcome, Ada").wait_for()
    widths["welcome"] = _page_width(page)
    _shot(page, f"{prefix}-room-welcome")
    page.click("#room-continue")
    page.locator("#consent-ai").wait_for()
    widths["consent"] = _page_width(page)
    _shot(page, f"{prefix}-room-consent")
    page.click("#consent-ai")
    page.click("#consent-submit")
    page.locator("[data-faces='1']").wait_for()
    widths["check"] = _page_width(page)
    _shot(page, f"{prefix}-room-check")
    page.click("#room-start")
    page.locator("#answer").wait_for()
    page.wait_for_timeout(1000)
    widths["interview"] = _page_width(page)
    _shot(page, f"{prefix}-room-interview")
    # The answer box and its button are on screen, not beside it.
    for control in ("#answer", "#send-answer"):
        box = page.locator(control).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (control, box)
    page.close()
    assert all(width <= viewport["width"] for width in widths.values()), widths


def test_the_tracker_shows_each_application_as_a_card_on_a_phone(chromium, running_app,
                                                                   demo_ids):
    with _signed_in_at(chromium, running_app, PHONE) as page:
        page.goto(running_app.url + "/candidates")
        row = page.locator("#applications-table tbody tr").first
        expect(row.get_by_role("link")).to_be_visible()
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        # The cells sit under the name, each with its column's name above it.
        labels = row.evaluate("""tr => [...tr.querySelectorAll('td')].map(
            td => getComputedStyle(td, '::before').content)""")
        assert '"Job"' in labels and '"Stage"' in labels and '"Resume"' in labels, labels
        # The column names stay on screen as sort buttons.
        sort_by_job = page.locator("#applications-table thead").get_by_text("Job", exact=True)
        expect(sort_by_job).to_be_visible()
        card_height = box["height"]
        assert card_height > 100, box
        row.screenshot(path=str(ARTIFACTS / "phone-tracker-card.png"))
