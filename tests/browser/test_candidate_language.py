"""The candidate page's language picker: HR switches a candidate to French, the choice is
stored and audited, and the page reads well on a desktop and a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Candidate, Event
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.factories import make_candidate

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1440, 390])
def test_hr_switches_the_candidate_to_french(page: Page, running_app, app_db, width):
    # Not "Léa": the blind-screening test looks for her name anywhere in the shared app.
    person = make_candidate(app_db, full_name=f"Zoé Langue {width}", email=f"zoe.{width}@example.org")
    app_db.commit()
    page.set_viewport_size({"width": width, "height": 900})
    open_signed_in(page, running_app, f"/candidates/view?id={person.id}")
    picker = page.locator("#candidate-language")
    expect(picker).to_contain_text("English")
    picker.click()
    page.get_by_role("option", name="Français").click()
    expect(picker).to_contain_text("Français")
    expect(page.get_by_text("now go out in this language")).to_be_visible()
    picker.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"candidate_language_{width}.png"), full_page=True)

    app_db.expire_all()
    assert app_db.get(Candidate, person.id).language == "fr"
    [event] = app_db.exec(select(Event).where(Event.action == "candidate.language_changed",
                                              Event.entity_id == person.id)).all()
    assert event.after == {"language": "fr"}
    page.reload()
    expect(page.locator("#candidate-language")).to_contain_text("Français")
