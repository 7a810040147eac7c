"""The recruiter's day in the tracker: filter, sort, bulk-move two candidates, export."""

import csv

import pytest
from playwright.sync_api import Page, expect

from tests.browser.signing_in import open_signed_in

pytestmark = pytest.mark.browser


def test_filter_sort_bulk_move_and_export(page: Page, running_app, demo_applications):
    open_signed_in(page, running_app, "/candidates")
    grid = page.locator("#applications-table")
    expect(grid).to_contain_text("Maya Chen")

    page.fill("#tracker-search", "Data Analyst")
    expect(grid).not_to_contain_text("Maya Chen")
    rows = grid.locator("tbody tr")
    expect(rows).to_have_count(2)  # Priya Raman and Lucas Martin applied for it

    page.get_by_text("Resume", exact=True).click()  # sort by resume score, highest first
    expect(rows.first).to_contain_text("Priya Raman")
    page.get_by_text("Resume", exact=True).click()  # and lowest first
    expect(rows.first).to_contain_text("Lucas Martin")

    for index in range(2):
        rows.nth(index).get_by_role("checkbox").click()
    expect(page.locator("#bulk-bar")).to_contain_text("2 selected")
    page.locator("#bulk-move").click()
    page.get_by_role("option", name="Shortlisted").click()
    expect(page.get_by_text("2 application(s) moved to Shortlisted")).to_be_visible()
    expect(rows.nth(0)).to_contain_text("Shortlisted")
    expect(rows.nth(1)).to_contain_text("Shortlisted")

    page.click("#tracker-export")
    with page.expect_download() as download:
        page.click("#export-csv")
    with open(download.value.path(), newline="", encoding="utf-8-sig") as handle:
        exported = list(csv.reader(handle))
    names = {row[1] for row in exported[1:]} | {row[0] for row in exported[1:]}
    assert len(exported) == 3, exported
    assert any("Priya Raman" in name for name in names)
