"""Screenshots of the demo for the README (docs/screenshots/): a production app on a fresh
SQLite database with `seed-demo` (six weeks of hiring) and its mail ingested, photographed in
Chromium at 1440 and 390 px wide.

    .venv/bin/python scripts/demo_screenshots.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.app_process import prepare_database  # noqa: E402
from tests.app_server import BENCH_WEB_DIR, app_env, start_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# (file name, address, what to wait for, viewport)
SHOTS = (
    ("dashboard", "/", "text=Decision required", DESKTOP),
    ("candidates", "/candidates", "#applications-table", DESKTOP),
    ("candidate", "/candidates", "#candidate-name", DESKTOP),
    ("reports", "/reports", ".js-plotly-plot", DESKTOP),
    ("dashboard-phone", "/", "text=Decision required", PHONE),
    ("candidates-phone", "/candidates", "#applications-table", PHONE),
)


def main() -> None:
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="hireops-screenshots-"))
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}", web_dir=BENCH_WEB_DIR)
    app = None
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        prepare_database(env)
        app = start_app(env, workdir / "app.log")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            for name, address, ready, viewport in SHOTS:
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.set_default_timeout(60_000)
                page.goto(app.url + "/login")
                page.fill("#email", "admin@hireops.demo")
                page.fill("#password", "hireops-demo-admin")
                page.click("#sign-in")
                page.get_by_role("heading", name="Dashboard", exact=True).wait_for()
                page.goto(app.url + address)
                if name == "candidate":
                    page.locator("#applications-table").get_by_role(
                        "link", name="Grace Mensah").click()
                page.locator(ready).first.wait_for()
                page.wait_for_timeout(1500)  # charts and live figures settle
                page.screenshot(path=str(OUT / f"{name}.png"))
                context.close()
            browser.close()
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
