"""The head of HR opens the reports, sees the charts drawn (each fitting its box again when the
window changes size) and takes the top candidates as CSV; the audit log and AI usage pages
open too (its calls per day download as CSV)."""

import csv

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser


def test_reports_charts_render_and_tables_download(page: Page, running_app, demo_applications):
    open_signed_in(page, running_app, "/reports")
    expect(page.get_by_role("heading", name="Reports", exact=True)).to_be_visible()
    # The funnel is drawn with the numbers, by the page itself; plotly's own bundle draws the
    # charts under it (no CDN on this machine), one at a time when the browser is idle.
    expect(page.locator("#funnel-chart .funnel-bar").first).to_be_visible(timeout=30_000)
    wait_for(lambda: page.locator(".js-plotly-plot .main-svg").count() >= 16, 30,
             "the eight plotly charts")
    expect(page.locator(".modebar-btn[data-title^='Download plot']").first) \
        .to_have_count(1)
    # A narrower window: each chart is drawn again to its box's new width.
    widths = "[...document.querySelectorAll('.js-plotly-plot')].map(p => [p.getBoundingClientRect()" \
             ".width, p.querySelector('.main-svg').getBoundingClientRect().width])"
    wide = page.evaluate(widths)
    page.set_viewport_size({"width": page.viewport_size["width"] - 300,
                            "height": page.viewport_size["height"]})
    wait_for(lambda: all(abs(box - drawn) <= 2 for box, drawn in page.evaluate(widths)), 10,
             "the charts to fit their narrower boxes")
    assert all(drawn < before for (_, drawn), (_, before) in zip(page.evaluate(widths), wide))
    # Other tests add candidates to the shared app, so check the table against its own CSV.
    expect(page.locator("#top-table")).to_contain_text("Rule says")
    expect(page.get_by_text("No self-reported group data collected yet")).to_be_visible()

    with page.expect_download() as download:
        page.click("#download-top")
    # A file from the export route, not data sent through the page's websocket.
    assert download.value.url.split("?")[0].endswith("/exports/reports/top-candidates.csv")
    with open(download.value.path(), newline="", encoding="utf-8-sig") as handle:
        exported = list(csv.reader(handle))
    assert exported[0] == ["Candidate", "Job", "Resume", "Interview", "Final", "Rule says"]
    assert len(exported) > 2
    table = page.locator("#top-table").inner_text()
    assert all(row[0] in table and row[1] in table for row in exported[1:])

    page.screenshot(path=str(ARTIFACTS / "reports-page.png"), full_page=True)

    page.goto(running_app.url + "/audit")
    expect(page.locator("#audit-table")).to_be_visible()
    page.goto(running_app.url + "/reports/ai")
    # The calls per day come from a route too, for the page's (open) date range.
    with page.expect_download() as download:
        page.click("#download-ai-usage")
    assert download.value.url.split("?")[0].endswith("/exports/ai-usage.csv")
    with open(download.value.path(), newline="", encoding="utf-8-sig") as handle:
        usage = list(csv.reader(handle))
    assert usage[0][:3] == ["Day", "Agent", "Model"] and len(usage) > 1
    assert all(row[1] in page.locator("#usage-daily").inner_text() for row in usage[1:])
    price_inputs = page.locator("#price-table input")
    expect(price_inputs.nth(6)).to_have_value("mistral-small")
    price_inputs.nth(7).fill("0.2")
    page.click("#save-prices")
    expect(page.get_by_text("Prices saved")).to_be_visible()
