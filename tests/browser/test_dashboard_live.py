"""The dashboard keeps itself up to date while it is open."""

import re

import pytest
from playwright.sync_api import Page, expect

from hireops.services.jobs.records import JobForm, create_job
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_new_work_appears_on_the_open_dashboard_without_a_reload(page: Page, running_app,
                                                                  app_db):
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    card = page.locator(".metric-card", has_text="Open jobs")
    before = int(re.search(r"\d+", card.inner_text()).group())
    create_job(session=app_db, actor=None, form=JobForm(title="Site Reliability Engineer"))
    app_db.commit()
    expect(card).to_contain_text(str(before + 1), timeout=25_000)
