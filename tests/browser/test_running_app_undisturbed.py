"""`make test` beside `make run`: an app serving from a checkout keeps serving its own pages, and
its pages keep talking to its own backend, while the browser tests' app starts from that same
checkout. Both run in a copy of this checkout, so the test never touches a developer's `.web`.

An app serves its pages from its build folder as they are on disk, and a build writes the
backend's address into them: a second app building in the first one's folder would take over
its pages.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from hireops.config import PROJECT_ROOT
from tests.app_server import AppProcess, app_env, start_app

pytestmark = pytest.mark.browser

START_TIMEOUT_S = 600
ADMIN_EMAIL = "first.app@example.com"
ADMIN_PASSWORD = "first-app-password"
# Git-ignored files a checkout has once `make setup` ran: the pages load them.
SETUP_ASSETS = ("assets/elevenlabs", "assets/mediapipe")
# Started in the copy as the browser tests start their app (tests/browser/conftest.py), it
# prints the app's address and process group, keeps it running until its input closes, then
# stops it.
BROWSER_TEST_START_UP = textwrap.dedent("""
    import subprocess, sys
    from pathlib import Path
    from tests.app_server import PROJECT_ROOT, app_env, start_app
    workdir = Path(sys.argv[1])
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}")
    subprocess.run([sys.executable, "-m", "hireops", "migrate"], env=env, check=True,
                   cwd=PROJECT_ROOT, capture_output=True)
    server = start_app(env, workdir / "app.log", timeout_s=float(sys.argv[2]))
    print(server.url, server.process.pid, flush=True)
    sys.stdin.read()
    server.stop()
""")


def _copy_checkout(target: Path) -> None:
    """The files a fresh clone has (as they are now, edits included) and the set-up assets;
    the shared `.venv` and `.tools` linked, no build, database or state."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT_ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = PROJECT_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in SETUP_ASSETS:
        if (PROJECT_ROOT / name).is_dir():
            shutil.copytree(PROJECT_ROOT / name, target / name, dirs_exist_ok=True)
    for name in (".venv", ".tools"):
        (target / name).symlink_to((PROJECT_ROOT / name).resolve())


def _start_as_make_run(checkout: Path, workdir: Path) -> AppProcess:
    """`reflex run --env prod --single-port` in `checkout`, as `make run` starts it: Reflex's
    folders (`.web`, `.states`) in the checkout; its database and secret key in `workdir`."""
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}")
    for name in ("REFLEX_WEB_WORKDIR", "REFLEX_STATES_WORKDIR"):
        env.pop(name, None)
    python = str(checkout / ".venv" / "bin" / "python")
    subprocess.run([python, "-m", "hireops", "migrate"], env=env, cwd=checkout, check=True,
                   capture_output=True)
    subprocess.run([python, "-m", "hireops", "create-user", "--email", ADMIN_EMAIL, "--role",
                    "admin"], env={**env, "HIREOPS_PASSWORD": ADMIN_PASSWORD}, cwd=checkout,
                   check=True, capture_output=True)
    # The checkout's .venv links to this one, so its reflex is this interpreter's.
    return start_app(env, workdir / "app.log", timeout_s=START_TIMEOUT_S, cwd=checkout)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time."""
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in folder.rglob("*") if path.is_file() and not path.is_symlink()}


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    folder = tmp_path / "checkout"
    _copy_checkout(folder)
    return folder


@pytest.fixture
def make_run_app(checkout: Path, tmp_path: Path) -> Iterator[AppProcess]:
    workdir = tmp_path / "make-run"
    workdir.mkdir()
    app = _start_as_make_run(checkout, workdir)
    try:
        yield app
    finally:
        app.stop()


def test_browser_tests_app_leaves_the_running_app_alone(page: Page, checkout: Path,
                                                        make_run_app: AppProcess,
                                                        tmp_path: Path):
    web_before = _files(checkout / ".web")
    # A tab's saved state, as `reflex run` (dev mode) keeps it in `.states/`.
    saved_state = checkout / ".states" / "tab-of-the-running-app.pkl"
    saved_state.parent.mkdir(exist_ok=True)
    saved_state.write_bytes(b"saved state")

    workdir = tmp_path / "browser-tests"
    workdir.mkdir()
    starter = subprocess.Popen(
        [sys.executable, "-c", BROWSER_TEST_START_UP, str(workdir), str(START_TIMEOUT_S)],
        cwd=checkout, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    second_group = None
    try:
        started = starter.stdout.readline().split()
        assert started, f"the browser tests' app did not start:\n{starter.stderr.read()}"
        second_group = int(started[1])

        own_port = urlparse(make_run_app.url).port
        sockets: list[str] = []
        page.on("websocket", lambda socket: sockets.append(socket.url))
        with page.expect_websocket() as first_socket:
            page.goto(make_run_app.url + "/login")
        assert urlparse(first_socket.value.url).port == own_port, (
            f"the first app's sign-in page talks to {first_socket.value.url}, "
            f"not to its own backend at {make_run_app.url}")
        page.fill("#email", ADMIN_EMAIL)
        page.fill("#password", ADMIN_PASSWORD)
        page.click("#sign-in")
        # Only the first app's database knows this account: signing in proves its pages
        # reached its own backend.
        expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible(
            timeout=30_000)
        ports = {urlparse(url).port for url in sockets}
        assert ports == {own_port}, (
            f"the first app's pages opened websockets to ports {ports}, "
            f"not only to its own {make_run_app.url}")
    finally:
        starter.stdin.close()
        try:
            starter.wait(timeout=60)
        except subprocess.TimeoutExpired:
            if second_group is not None:
                os.killpg(second_group, signal.SIGKILL)
            starter.kill()
    assert make_run_app.process.poll() is None, make_run_app.log.read_text()[-3000:]
    assert _files(checkout / ".web") == web_before, "the checkout's .web was rewritten"
    assert saved_state.exists(), "the checkout's .states was emptied"
