"""Where a cold load of the reports page goes, in Chromium: per load, milliseconds from
navigation until the websocket's first frame sent and received, the first frame over 10 kB
(the report's data), the funnel table, the applications metric, the funnel's chart (the page's
own bars), the first plotly chart and all eight plotly charts drawn; when plotly's bundle finished downloading; then the bundle imported alone in an
empty page (its download, parse and run, nothing else).

    .venv/bin/python benchmarks/reports_timeline.py --loads 3 --reports-n 50000

Same app and data as `pages.py --reports-n N` (the demo data plus N applications).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.app_process import prepare_database  # noqa: E402
from benchmarks.pages import CHROMIUM, FILL, FUNNEL_DRAWN, PLOTLY_CHARTS, _sign_in  # noqa: E402
from tests.app_server import BENCH_WEB_DIR, app_env, start_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# A frame this large carries the report itself (the figures alone are about 26 kB).
DATA_FRAME_BYTES = 10_000
IMPORT_ALONE = ("async (u) => { const t = performance.now(); await import(u); "
                "return performance.now() - t }")
PLOTLY_RESOURCES = ("() => performance.getEntriesByType('resource')"
                    ".filter(r => /plotly/.test(r.name))"
                    ".map(r => [r.name.split('/').pop(), Math.round(r.responseEnd),"
                    " r.encodedBodySize])")


def _one_load(browser, storage, url: str) -> tuple[dict, list]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, storage_state=storage)
    page = context.new_page()
    page.set_default_timeout(60_000)
    marks: dict[str, float] = {}
    begun = time.perf_counter()

    def mark(name: str) -> None:
        marks.setdefault(name, (time.perf_counter() - begun) * 1000)

    def watch(ws) -> None:
        ws.on("framesent", lambda _: mark("ws_first_sent"))
        ws.on("framereceived", lambda frame: mark(
            "ws_data" if len(frame) > DATA_FRAME_BYTES else "ws_first_received"))

    page.on("websocket", watch)
    page.goto(url + "/reports", wait_until="commit")
    page.locator("#funnel-table").wait_for()
    mark("table")
    page.wait_for_function(
        "() => /^[1-9]/.test(document.querySelector('#report-applications .rt-Heading')"
        "?.innerText || '')")
    mark("metric")
    page.locator(FUNNEL_DRAWN).first.wait_for()
    mark("funnel_chart")
    page.locator(".js-plotly-plot").first.wait_for()
    mark("first_plotly_chart")
    # Each drawn chart has two `.main-svg` layers.
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= "
        f"{2 * PLOTLY_CHARTS}")
    mark("plotly_charts")
    resources = page.evaluate(PLOTLY_RESOURCES)
    context.close()
    return {name: round(ms) for name, ms in sorted(marks.items(), key=lambda m: m[1])}, resources


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--reports-n", type=int, default=50_000)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="hireops-reports-timeline-"))
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}", web_dir=BENCH_WEB_DIR)
    app = None
    try:
        prepare_database(env)
        subprocess.run([sys.executable, "-c", FILL.format(n=args.reports_n)], env=env,
                       cwd=ROOT, check=True)
        app = start_app(env, workdir / "app.log")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            storage = _sign_in(browser, app.url)
            _one_load(browser, storage, app.url)  # warms the app's caches, untimed
            bundle = None
            for _ in range(args.loads):
                marks, resources = _one_load(browser, storage, app.url)
                print("load", json.dumps(marks), "plotly", json.dumps(resources), flush=True)
                bundle = next((name for name, _, _ in resources if name.endswith(".js")), None)
            for _ in range(args.loads if bundle else 0):
                context = browser.new_context()
                page = context.new_page()
                page.goto(app.url + "/ping")
                print(f"import_alone {bundle} "
                      f"{page.evaluate(IMPORT_ALONE, app.url + '/assets/' + bundle):.0f} ms")
                context.close()
            browser.close()
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
