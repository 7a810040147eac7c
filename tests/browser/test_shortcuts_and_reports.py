"""Keyboard shortcuts on the recruiter pages ("/" search, "j"/"k" through the tracker, "?" the
list, never while typing), and the reports page at 1440 and 390 px: a filter change redraws it,
a chart with nothing to show says so, no chart's text is cut at its edge or covered by its
legend, and every table shows all its columns in its box (test-artifacts/reports-*.png)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.full_history_figures import full_history_figures, full_history_funnel
from tests.browser.signing_in import open_signed_in
from tests.browser.viewports import DESKTOP, PHONE, page_at
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser

ACTIVE_ROW = "#applications-table tbody tr[data-shortcut-active='true']"


def _focused_text(page: Page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.innerText || '' : ''")


# Each plotly chart of the page drawn again in place with the figure of the same index (page
# order), and the funnel's rows given the bars' names, counts and widths.
REDRAW = """async ([figures, funnel]) => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  for (const [i, plot] of plots.entries()) {
    const figure = figures[i];
    await Plotly.react(plot, figure.data, {...figure.layout, template: plot.layout.template});
  }
  const cells = [...document.querySelectorAll('#funnel-chart .rt-Grid > *')];
  funnel.forEach((bar, i) => {
    if (3 * i + 2 >= cells.length) return;
    cells[3 * i].textContent = bar.label;
    cells[3 * i + 1].querySelector('.funnel-bar').style.width = bar.width;
    cells[3 * i + 2].textContent = bar.text;
  });
}"""


def test_keyboard_shortcuts(page: Page, running_app, demo_applications):
    open_signed_in(page, running_app, "/candidates")
    rows = page.locator("#applications-table tbody tr")
    expect(rows.nth(2)).to_be_visible()
    first = rows.nth(0).locator("a[href]").first.inner_text()
    second = rows.nth(1).locator("a[href]").first.inner_text()

    page.keyboard.press("j")
    expect(page.locator(ACTIVE_ROW)).to_have_count(1)
    assert _focused_text(page) == first
    page.keyboard.press("j")
    assert _focused_text(page) == second
    page.keyboard.press("k")
    assert _focused_text(page) == first

    page.keyboard.press("/")
    search = page.locator("#tracker-search")
    expect(search).to_be_focused()
    # Typed into the search box, "j" and "?" are letters, not shortcuts.
    page.keyboard.type("j?")
    expect(search).to_have_value("j?")
    expect(page.locator("#shortcuts-dialog")).to_have_count(0)
    search.fill("")
    page.locator("h1, h2").first.click()  # out of the field

    page.keyboard.press("?")
    dialog = page.locator("#shortcuts-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Next candidate in the list")
    page.screenshot(path=str(ARTIFACTS / "shortcuts-dialog.png"))
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)

    # A page without a search box: "/" opens the Candidates page with its search focused.
    page.goto(running_app.url + "/reports")
    expect(page.get_by_role("heading", name="Reports", exact=True)).to_be_visible()
    page.keyboard.press("/")
    expect(page).to_have_url(re.compile(r"/candidates/?$"))
    expect(page.locator("#tracker-search")).to_be_focused(timeout=20_000)


def _page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# What a person would see as broken on the reports page, in words: a chart's text (title, axis
# labels, bar labels, legend) reaching past the chart's box, where it is cut; a legend covering
# an axis label; a table wider than its box (the box scrolls, but shows no sign of it).
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1
    && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // The box a clip-path of the text's groups shows (plotly clips bar labels to the plot area,
  // legend items to the legend), in the page's coordinates.
  const clipped = (text) => {
    for (let el = text.parentElement; el && el.tagName !== 'svg'; el = el.parentElement) {
      const id = (el.getAttribute('clip-path') || '').match(/#([^)'"]+)/)?.[1];
      const rect = id && document.getElementById(id)?.querySelector('rect');
      if (!rect) continue;
      const x = Number(rect.getAttribute('x') || 0), y = Number(rect.getAttribute('y') || 0);
      const m = el.getScreenCTM();
      const a = new DOMPoint(x, y).matrixTransform(m);
      const b = new DOMPoint(x + Number(rect.getAttribute('width')),
                             y + Number(rect.getAttribute('height'))).matrixTransform(m);
      return {left: Math.min(a.x, b.x), top: Math.min(a.y, b.y),
              right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y)};
    }
    return null;
  };
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const box = plot.querySelector('.svg-container').getBoundingClientRect();
    const name = plot.querySelector('.gtitle')?.textContent || `chart ${i + 1}`;
    plot.querySelectorAll('.main-svg text').forEach((text) => {
      if (!shown(text)) return;
      const r = text.getBoundingClientRect();
      const clip = clipped(text);
      if (!inside(r, box) || (clip && !inside(r, clip)))
        problems.push(`${name}: "${text.textContent}" is cut at the chart's edge`);
    });
    const legend = plot.querySelector('.legend .bg');
    if (!legend) return;
    plot.querySelectorAll('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text')
      .forEach((label) => {
        if (shown(label) && overlap(label.getBoundingClientRect(), legend.getBoundingClientRect()))
          problems.push(`${name}: the legend covers "${label.textContent}"`);
      });
  });
  // The funnel's own bars: every name and count inside the chart's box, whole (not cut or
  // wrapped into its neighbour), and each bar's lane wide enough to see a bar in.
  const funnel = document.querySelector('#funnel-chart');
  if (funnel) {
    const box = funnel.getBoundingClientRect();
    funnel.querySelectorAll('.rt-Grid > .rt-Text').forEach((text) => {
      if (!inside(text.getBoundingClientRect(), box) || text.scrollWidth > text.clientWidth + 1)
        problems.push(`funnel: "${text.textContent}" is cut at the chart's edge`);
    });
    funnel.querySelectorAll('.funnel-bar').forEach((bar) => {
      if (bar.parentElement.getBoundingClientRect().width < 60)
        problems.push(`funnel: the bar of "${bar.parentElement.title}" has no room`);
    });
  }
  document.querySelectorAll('.rt-TableRoot').forEach((table) => {
    const view = table.querySelector('.rt-ScrollAreaViewport');
    if (view && view.scrollWidth > view.clientWidth + 1)
      problems.push(`table #${table.id}: ${view.scrollWidth - view.clientWidth} px hidden`);
  });
  return problems;
}"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_reports_redraw_on_a_filter_and_say_when_data_is_missing(chromium, running_app,
                                                                  demo_applications, size):
    viewport = DESKTOP if size == "desktop" else PHONE
    with page_at(chromium, viewport) as page:
        open_signed_in(page, running_app, "/reports")
        # The first draw: a wait, not a speed check. The funnel's chart is the page's own
        # bars, drawn with the numbers; plotly draws the charts under it.
        expect(page.locator("#funnel-chart .funnel-bar").first).to_be_visible(timeout=30_000)
        applications = page.locator("#report-applications .rt-Heading")
        expect(applications).to_have_text(re.compile(r"^[1-9]\d*$"), timeout=30_000)
        # Charts below the fold are drawn one at a time when the browser is idle.
        wait_for(lambda: page.locator(".js-plotly-plot").count() == 8, 30,
                 "the eight plotly charts")
        assert _page_width(page) <= viewport["width"]
        page.screenshot(path=str(ARTIFACTS / f"reports-{size}.png"), full_page=True)
        assert page.evaluate(LAYOUT_PROBLEMS) == []
        # The demo's few applications leave most charts small: the same charts drawn in place
        # with a year the size of the speed benchmark's (every stage, five-digit counts).
        page.evaluate(REDRAW, [full_history_figures(), full_history_funnel()])
        page.screenshot(path=str(ARTIFACTS / f"reports-full-{size}.png"), full_page=True)
        assert page.evaluate(LAYOUT_PROBLEMS) == []

        # A range with no applications: every chart says so instead of drawing empty axes.
        page.fill("#report-from", "2099-01-01")
        expect(applications).to_have_text("0", timeout=30_000)
        notes = page.get_by_text("Not enough data yet")
        expect(notes.first).to_be_visible()
        wait_for(lambda: notes.count() >= 9, 30, "every empty chart to say so")
        expect(page.locator("#funnel-chart")).to_contain_text("Not enough data yet")
        assert _page_width(page) <= viewport["width"]
        page.screenshot(path=str(ARTIFACTS / f"reports-empty-{size}.png"), full_page=True)
        assert page.evaluate(LAYOUT_PROBLEMS) == []
