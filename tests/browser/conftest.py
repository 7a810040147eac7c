"""A real app (`reflex run --env prod --single-port`) on a free port, and Debian's Chromium."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import Session

from hireops.config import PROJECT_ROOT
from tests.app_server import app_env, start_app

CHROMIUM = "/usr/bin/chromium"

# The app shares a 2-core machine with its own build and other processes: give assertions time.
from playwright.sync_api import expect  # noqa: E402

expect.set_options(timeout=10_000)
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
START_TIMEOUT_S = 420


@dataclass(frozen=True)
class RunningApp:
    url: str
    env: dict[str, str]
    maildir: Path
    # Where the app's output goes (its end is shown under a failed test).
    log: Path | None = None
    admin_email: str = "hr.admin@example.com"
    admin_password: str = "correct-horse-battery"
    viewer_email: str = "viewer@example.com"
    viewer_password: str = "viewer-only-password"


@pytest.fixture(scope="session")
def running_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The production build of the app on a fresh database with one admin."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    workdir = tmp_path_factory.mktemp("app")
    # app_env keeps the tabs' saved states in workdir/states, where a test can read them.
    with serving_app(workdir, app_env(workdir, f"sqlite:///{workdir / 'app.db'}")) as app:
        yield app


@contextmanager
def serving_app(workdir: Path, env: dict[str, str]) -> Iterator[RunningApp]:
    """The app of `env` on its migrated database with the admin and the viewer, serving until
    the block ends."""
    python = sys.executable
    subprocess.run([python, "-m", "hireops", "migrate"], env=env, check=True, cwd=PROJECT_ROOT)
    subprocess.run([python, "-m", "hireops", "create-user", "--email", RunningApp.admin_email,
                    "--role", "admin", "--name", "Hannah Reyes"], check=True, cwd=PROJECT_ROOT,
                   env={**env, "HIREOPS_PASSWORD": RunningApp.admin_password})
    subprocess.run([python, "-m", "hireops", "create-user", "--email", RunningApp.viewer_email,
                    "--role", "viewer"], check=True, cwd=PROJECT_ROOT,
                   env={**env, "HIREOPS_PASSWORD": RunningApp.viewer_password})
    server = start_app(env, workdir / "app.log", timeout_s=START_TIMEOUT_S)
    try:
        yield RunningApp(url=server.url, env=env, maildir=workdir / "maildir", log=server.log)
    finally:
        server.stop()


@contextmanager
def app_database(running_app: RunningApp) -> Iterator[Session]:
    """A session on the running app's database, with the app's secret key and address, so a
    test can put data in place (or check what the app stored) in-process; this process's
    settings are as they were afterwards. The session commits when the block ends."""
    from hireops import db
    from hireops.config import get_settings

    with pytest.MonkeyPatch.context() as environment:
        for name in ("DATABASE_URL", "SECRET_KEY_FILE"):
            environment.setenv(name, running_app.env[name])
        environment.setenv("PUBLIC_BASE_URL", running_app.url)
        get_settings.cache_clear()
        db.get_engine.cache_clear()
        try:
            with db.session_scope() as session:
                yield session
        finally:
            db.get_engine().dispose()
            db.get_engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture
def app_db(running_app: RunningApp) -> Iterator[Session]:
    """app_database for one test."""
    with app_database(running_app) as session:
        yield session


@pytest.fixture(scope="session")
def playwright_driver():
    """The one Playwright of the test process (a second sync instance cannot start)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def camera_browser(playwright_driver, tmp_path_factory):
    """Chromium with a fake camera (a face) and microphone (a beep), granted without a prompt."""
    from tests.browser.camera import camera_launch_args
    from tests.fakes.fake_camera import face_y4m

    y4m = face_y4m(tmp_path_factory.mktemp("camera"))
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM,
                                                args=camera_launch_args(y4m))
    yield browser
    browser.close()


APP_LOG_LINES_SHOWN = 120


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test that used a running app shows the end of that app's log: what the app did
    (a job that failed, mail that went elsewhere) is most of what explains a failure."""
    outcome = yield
    report = outcome.get_result()
    app = item.funcargs.get("running_app") if hasattr(item, "funcargs") else None
    if not report.failed or app is None or app.log is None or not app.log.exists():
        return
    lines = app.log.read_text(errors="replace").splitlines()[-APP_LOG_LINES_SHOWN:]
    report.sections.append(("app log (its last lines)", "\n".join(lines)))


@pytest.fixture(scope="session")
def chromium(playwright_driver):
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(chromium, request):
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="session")
def demo_applications(running_app: RunningApp, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The demo jobs and candidates in the running app's database (without the six weeks of
    history: the tests start from the same few candidates). The demo's mail goes to a folder of
    its own, so the inbox tests see only the mail they put there."""
    env = {**running_app.env, "INBOX_MAILDIR": str(tmp_path_factory.mktemp("demo-mail"))}
    subprocess.run([sys.executable, "-m", "hireops", "seed-demo", "--basic"], env=env,
                   cwd=PROJECT_ROOT, check=True, capture_output=True)
