"""Page load speed in Chromium: the production app on a fresh SQLite database with the demo data
(seed-demo, then its mail ingested), signed in once; then `--loads` cold loads (a new browser
context each: empty cache, the signed-in storage copied over) of the dashboard, the tracker and
an interview room. Prints per page `pages_<page>_p50_ms`, `pages_<page>_p95_ms` (navigation
start until the page is usable) and `pages_<page>_bytes` (median bytes on the wire per load,
from Chromium's `Network.loadingFinished` encodedDataLength: HTTP bodies and headers) and
`pages_<page>_ws_bytes` (median websocket frame payload bytes until usable).

    .venv/bin/python benchmarks/pages.py --loads 10

Usable means: the dashboard's heading, the tracker's table (`#applications-table`) and the
room's welcome step ("Welcome, <name>") are visible. The room link is made in-process with the
app's secret key, a fresh link per load (opening one marks it opened).

With `--reports-n N` the database first gets N more applications with their stage history and
decisions (`benchmarks/report_history.py`), and the reports page is timed too:
`pages_reports_p50_ms`/`_p95_ms` (cold load until the funnel's chart and table and the metrics
show the whole cohort: the first screen), `pages_reports_in_page_p50_ms`/`_p95_ms` (the same
moment as the page itself sees it, from navigation start, without the time Playwright's checks
take to reach a busy page and report back), `pages_reports_all_charts_in_page_p50_ms`/`_p95_ms`
(until the eight plotly charts further down are drawn too, as the page sees it) and
`pages_reports_filter_p50_ms`/`_p95_ms` (a new end date typed in until the applications metric
shows the narrower cohort).

    .venv/bin/python benchmarks/pages.py --loads 5 --reports-n 50000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.app_process import issue_room_links, prepare_database  # noqa: E402
from tests.app_server import BENCH_WEB_DIR, app_env, start_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Run in the app's environment (its database): the reports benchmark's history.
FILL = ("from benchmarks.report_history import fill_history; "
        "fill_history({n})")
ADMIN_EMAIL = "admin@hireops.demo"
ADMIN_PASSWORD = "hireops-demo-admin"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _measure(browser, storage, url: str, ready,
             in_page: str | None = None) -> tuple[float, int, int, tuple | None]:
    """One cold load: milliseconds until `ready(page)` returns, HTTP bytes, websocket bytes and,
    with `in_page` (a script that sets window.__readyAt and then window.__chartsAt), those
    moments as the page saw them (waiting for the second)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, storage_state=storage)
    page = context.new_page()
    page.set_default_timeout(60_000)
    if in_page:
        page.add_init_script(in_page)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    counted = {"http": 0, "ws": 0}
    cdp.on("Network.loadingFinished",
           lambda event: counted.__setitem__("http", counted["http"] + event["encodedDataLength"]))
    for name in ("Network.webSocketFrameReceived", "Network.webSocketFrameSent"):
        cdp.on(name, lambda event: counted.__setitem__(
            "ws", counted["ws"] + len(event["response"]["payloadData"])))
    begun = time.perf_counter()
    page.goto(url, wait_until="commit")
    ready(page)
    elapsed = (time.perf_counter() - begun) * 1000
    http_bytes, ws_bytes = counted["http"], counted["ws"]
    seen = None
    if in_page:
        page.wait_for_function("() => window.__chartsAt !== undefined")
        seen = page.evaluate("[window.__readyAt, window.__chartsAt]")
    context.close()
    return elapsed, http_bytes, ws_bytes, seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--reports-n", type=int, default=0,
                        help="add this many applications and time the reports page")
    parser.add_argument("--only-reports", action="store_true",
                        help="time the reports page alone (with --reports-n)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="hireops-pages-bench-"))
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}", web_dir=BENCH_WEB_DIR)
    app = None
    try:
        prepare_database(env)
        if args.reports_n:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", FILL.format(n=args.reports_n)], env=env,
                           cwd=Path(__file__).resolve().parent.parent, check=True)
            print(f"reports_fill_s={time.perf_counter() - started:.1f}  (n={args.reports_n})")
        started = time.perf_counter()
        app = start_app(env, workdir / "app.log")
        print(f"app_start_s={time.perf_counter() - started:.1f}")
        rooms = issue_room_links(env, args.loads + 1, app.url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"])
            storage = _sign_in(browser, app.url)
            pages = {
                "dashboard": (lambda _: app.url + "/", lambda page: page.get_by_role(
                    "heading", name="Dashboard", exact=True).wait_for(), None),
                "tracker": (lambda _: app.url + "/candidates",
                            lambda page: page.locator("#applications-table").wait_for(), None),
                "room": (lambda i: app.url + rooms[i], lambda page: page.get_by_text(
                    "Welcome, Bench").wait_for(), None),
            }
            if args.only_reports:
                pages = {}
            if args.reports_n:
                pages["reports"] = (lambda _: app.url + "/reports", _reports_ready,
                                    REPORTS_READY_IN_PAGE)
            for name, (address, ready, in_page) in pages.items():
                # One untimed load first: the app's first render of a page warms its caches.
                _measure(browser, storage, address(args.loads), ready, in_page)
                results = [_measure(browser, storage, address(i), ready, in_page)
                           for i in range(args.loads)]
                times = [r[0] for r in results]
                print(f"pages_{name}_p50_ms={_percentile(times, 0.5):.0f}")
                print(f"pages_{name}_p95_ms={_percentile(times, 0.95):.0f}")
                if in_page:
                    for label, moment in (("in_page", 0), ("all_charts_in_page", 1)):
                        seen = [r[3][moment] for r in results]
                        print(f"pages_{name}_{label}_p50_ms={_percentile(seen, 0.5):.0f}")
                        print(f"pages_{name}_{label}_p95_ms={_percentile(seen, 0.95):.0f}")
                print(f"pages_{name}_bytes={statistics.median(r[1] for r in results):.0f}")
                print(f"pages_{name}_ws_bytes={statistics.median(r[2] for r in results):.0f}")
            if args.reports_n:
                _time_filter_change(browser, storage, app.url, args.loads)
            browser.close()
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# The funnel's chart (the page's own bars) and table, the first screen's chart and table.
FUNNEL_DRAWN = "#funnel-chart .funnel-bar"
# Plotly's charts under the funnel.
PLOTLY_CHARTS = 8
# The first screen is usable: the funnel's table and chart are drawn and the applications
# metric counts the cohort.
REPORTS_READY = ("document.querySelector('#funnel-table') && document.querySelector('%s')"
                 " && /^[1-9]/.test(document.querySelector('#report-applications .rt-Heading')"
                 "?.innerText || '')" % FUNNEL_DRAWN)
# The same condition checked by the page at every frame, the first moment it holds kept in ms
# from navigation start; then the moment the plotly charts are all drawn.
REPORTS_READY_IN_PAGE = """
(() => { const check = () => {
  if (window.__readyAt === undefined && (%s)) window.__readyAt = performance.now();
  if (document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2 * %d) {
    window.__chartsAt = performance.now();
    return;
  }
  requestAnimationFrame(check);
}; requestAnimationFrame(check); })();
""" % (REPORTS_READY, PLOTLY_CHARTS)


def _reports_ready(page) -> None:
    """The first screen is usable, as Playwright sees it: one condition polled in the page at
    every frame (three checks one after the other took a round trip each to a page whose only
    thread may be running plotly by then)."""
    page.wait_for_function(f"() => {REPORTS_READY}", polling="raf")


def _applications_shown(page) -> str:
    return page.locator("#report-applications .rt-Heading").inner_text()


def _time_filter_change(browser, storage, url: str, loads: int) -> None:
    """An end date typed into the filter until the applications metric changes, per load."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, storage_state=storage)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url + "/reports")
    _reports_ready(page)
    times = []
    for i in range(loads + 1):
        before = _applications_shown(page)
        begun = time.perf_counter()
        # An earlier end each time (three days apart): a new, uncached cohort of nearly every
        # application on every change.
        page.fill("#report-to", (date.today() - timedelta(days=3 * (i + 1))).isoformat())
        page.wait_for_function(
            "before => document.querySelector('#report-applications .rt-Heading').innerText"
            " !== before", arg=before)
        if i:  # the first change warms the handler
            times.append((time.perf_counter() - begun) * 1000)
    print(f"pages_reports_filter_p50_ms={_percentile(times, 0.5):.0f}")
    print(f"pages_reports_filter_p95_ms={_percentile(times, 0.95):.0f}")
    context.close()


def _sign_in(browser, url: str) -> dict:
    """The demo admin's signed-in storage (cookies and local storage)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url + "/login")
    page.fill("#email", ADMIN_EMAIL)
    page.fill("#password", ADMIN_PASSWORD)
    page.click("#sign-in")
    page.get_by_role("heading", name="Dashboard", exact=True).wait_for()
    storage = context.storage_state()
    context.close()
    return storage


if __name__ == "__main__":
    main()
