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
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.app_process import issue_room_links, prepare_database  # noqa: E402
from tests.app_server import BENCH_WEB_DIR, app_env, start_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ADMIN_EMAIL = "admin@hireops.demo"
ADMIN_PASSWORD = "hireops-demo-admin"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _measure(browser, storage, url: str, ready) -> tuple[float, int, int]:
    """One cold load: milliseconds until `ready(page)` returns, HTTP bytes and websocket bytes."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, storage_state=storage)
    page = context.new_page()
    page.set_default_timeout(60_000)
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
    context.close()
    return elapsed, http_bytes, ws_bytes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=10)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="hireops-pages-bench-"))
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}", web_dir=BENCH_WEB_DIR)
    app = None
    try:
        prepare_database(env)
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
                    "heading", name="Dashboard", exact=True).wait_for()),
                "tracker": (lambda _: app.url + "/candidates",
                            lambda page: page.locator("#applications-table").wait_for()),
                "room": (lambda i: app.url + rooms[i], lambda page: page.get_by_text(
                    "Welcome, Bench").wait_for()),
            }
            for name, (address, ready) in pages.items():
                # One untimed load first: the app's first render of a page warms its caches.
                _measure(browser, storage, address(args.loads), ready)
                results = [_measure(browser, storage, address(i), ready)
                           for i in range(args.loads)]
                times = [r[0] for r in results]
                print(f"pages_{name}_p50_ms={_percentile(times, 0.5):.0f}")
                print(f"pages_{name}_p95_ms={_percentile(times, 0.95):.0f}")
                print(f"pages_{name}_bytes={statistics.median(r[1] for r in results):.0f}")
                print(f"pages_{name}_ws_bytes={statistics.median(r[2] for r in results):.0f}")
            browser.close()
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)


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
