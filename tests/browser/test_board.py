"""The pipeline board in the browser: drag a card to another column with the mouse, move one
with the keyboard through its "Move to" menu, a reason asked before Rejected, blind aliases,
and the switch between board and grid; at 1440 and 390 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import select

from hireops.models import Application, Candidate, Event, Job, Stage
from hireops.services.candidates.stages import STAGE_CHANGED
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in, sign_in
from tests.factories import make_application, make_candidate, make_job

pytestmark = pytest.mark.browser

HOSTILE_NAME = "Ada <img src=x onerror=\"window.__xss=1\"> Board"


@pytest.fixture
def board(app_db, request):
    """A job with three applications in New; Cy also applied to a blind job, so the board
    names Cy by alias."""
    suffix = request.node.name[-12:]
    job = make_job(app_db, title=f"Board Engineer {suffix}")
    secret = make_job(app_db, title=f"Secret Role {suffix}", blind_screening=True)
    apps = {}
    for key, name in (("ada", HOSTILE_NAME), ("bo", "Bo Mover"), ("cy", "Cy Hidden")):
        person = make_candidate(app_db, full_name=name, email=f"{key}.{suffix}@example.org")
        apps[key] = make_application(app_db, candidate=person, job=job, resume_score=77.4,
                                             decision="hold")
    app_db.add(Application(candidate_id=apps["cy"].candidate_id, job_id=secret.id))
    app_db.commit()
    return job, apps


def _open_board(page: Page, running_app, job: Job) -> None:
    open_signed_in(page, running_app, f"/jobs/board?id={job.id}")
    expect(page.locator("#board-job")).to_have_text(job.title)


def _drag(page: Page, card: Locator, column: Locator) -> None:
    """A person's drag: press on the card (on its name, a link, which must not open), move in
    steps to the column, release."""
    card.scroll_into_view_if_needed()
    start = card.locator(".board-card-name").bounding_box()
    page.mouse.move(start["x"] + 10, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + 20, start["y"] + 14, steps=4)
    column.scroll_into_view_if_needed()
    end = column.bounding_box()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + min(60, end["height"] / 2),
                    steps=15)
    page.mouse.up()


def _stage_events(app_db, application_id: int) -> list[tuple[str, str, str]]:
    app_db.expire_all()
    events = app_db.exec(select(Event).where(Event.action == STAGE_CHANGED,
                                             Event.entity_id == application_id)
                         .order_by(Event.id)).all()
    return [(e.before["stage"], e.after["stage"], e.actor_label) for e in events]


@pytest.mark.parametrize("width", [1440, 390])
def test_drag_a_card_to_another_column(page: Page, running_app, app_db, board, width):
    job, apps = board
    # Tall enough that every stacked column is in view at 390 px: near the window's edge the
    # board scrolls by itself while a card is carried, and the drop would land further on.
    page.set_viewport_size({"width": width, "height": 1300})
    _open_board(page, running_app, job)
    new_column = page.locator("#column-new")
    ada = page.locator(f"#card-{apps['ada'].id}")
    expect(new_column).to_contain_text(HOSTILE_NAME)
    expect(ada).to_contain_text("Resume 77")
    expect(ada.locator(".board-decision")).to_have_text("hold")
    expect(ada.locator(".days-in-stage")).to_have_text("0 days in stage")
    # Blind screening: Cy's name is nowhere on the board, the alias is.
    expect(page.locator(f"#card-{apps['cy'].id}")).to_contain_text(
        f"Candidate #{apps['cy'].candidate_id}")
    expect(page.locator("#board")).not_to_contain_text("Cy Hidden")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"board-{width}.png"), full_page=True)

    _drag(page, ada, page.locator("#column-screened"))
    expect(page.locator("#column-screened").locator(f"#card-{apps['ada'].id}")).to_be_visible()
    expect(page.get_by_text("Moved to Screened")).to_be_visible()
    expect(page.locator("#column-screened .lane-count")).to_have_text("1")
    assert _stage_events(app_db, apps["ada"].id) == [("new", "screened",
                                                      running_app.admin_email)]
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_move_with_the_keyboard(page: Page, running_app, app_db, board):
    job, apps = board
    _open_board(page, running_app, job)
    trigger = page.locator(f"#card-{apps['bo'].id} .move-to")
    trigger.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("menu")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("menuitem", name="New")).to_have_attribute("data-disabled", "")
    page.keyboard.type("Shortlisted")
    expect(menu.get_by_role("menuitem", name="Shortlisted")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#column-shortlisted #card-{apps['bo'].id}")).to_be_visible()
    assert _stage_events(app_db, apps["bo"].id) == [("new", "shortlisted",
                                                     running_app.admin_email)]


def test_rejected_asks_for_a_reason_first(page: Page, running_app, app_db, board):
    job, apps = board
    _open_board(page, running_app, job)
    bo = page.locator(f"#card-{apps['bo'].id}")
    _drag(page, bo, page.locator("#column-rejected"))
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Reject this application?")
    # Until a reason is given the card stays where it was and nothing is recorded.
    expect(page.locator(f"#column-new #card-{apps['bo'].id}")).to_be_visible()
    expect(page.locator("#reject-confirm")).to_be_disabled()
    assert _stage_events(app_db, apps["bo"].id) == []
    page.fill("#reject-reason", "Needs a work permit we cannot sponsor")
    page.click("#reject-confirm")
    expect(page.locator(f"#column-rejected #card-{apps['bo'].id}")).to_be_visible()
    app_db.expire_all()
    stored = app_db.get(Application, apps["bo"].id)
    assert stored.stage == Stage.rejected
    assert stored.rejection_reason == "Needs a work permit we cannot sponsor"
    assert _stage_events(app_db, apps["bo"].id) == [("new", "rejected",
                                                     running_app.admin_email)]


def test_switch_between_board_and_grid(page: Page, running_app, board):
    job, apps = board
    _open_board(page, running_app, job)
    page.click("#view-grid")
    expect(page).to_have_url(f"{running_app.url}/candidates?job={job.id}")
    rows = page.locator("#applications-table tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#applications-table")).to_contain_text("Bo Mover")
    page.click("#view-board")
    expect(page.locator("#board-job")).to_have_text(job.title)
    expect(page.locator(f"#card-{apps['bo'].id}")).to_be_visible()


def test_a_viewer_sees_the_board_but_cannot_move_cards(page: Page, running_app, board):
    job, apps = board
    sign_in(page, running_app, email=running_app.viewer_email,
            password=running_app.viewer_password)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"{running_app.url}/jobs/board?id={job.id}")
    expect(page.locator(f"#card-{apps['bo'].id}")).to_be_visible()
    expect(page.locator(".move-to")).to_have_count(0)
    _drag(page, page.locator(f"#card-{apps['bo'].id}"), page.locator("#column-screened"))
    expect(page.locator(f"#column-new #card-{apps['bo'].id}")).to_be_visible()
