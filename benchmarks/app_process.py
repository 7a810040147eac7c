"""A production app (`reflex run --env prod --single-port`) for the page and room benchmarks,
started as `tests/browser/conftest.py` starts it (`tests/app_server.py`), on a database of the
caller's choosing, with the demo data loaded and its mail ingested."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.app_server import free_port, wait_until_serving

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 600


@dataclass
class AppProcess:
    # The app's address, e.g. http://127.0.0.1:38211.
    url: str
    # The environment it runs with (database, secret key file, maildir).
    env: dict[str, str]
    # The `reflex run` process, leader of its own process group.
    process: subprocess.Popen
    # Where its output goes.
    log: Path

    def stop(self) -> None:
        """End the app's whole process group (reflex, its workers and the frontend build)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def prepare_database(env: dict[str, str]) -> None:
    """Migrate, load the demo data and ingest the demo mail."""
    python = sys.executable
    for command in (["migrate"], ["seed-demo"], ["ingest", "--maildir", env["INBOX_MAILDIR"]]):
        subprocess.run([python, "-m", "hireops", *command], env=env, cwd=PROJECT_ROOT,
                       check=True, capture_output=True)


def start_app(env: dict[str, str], log: Path, backend_only: bool = False) -> AppProcess:
    """`reflex run --env prod --single-port` (or `--backend-only`, which builds no pages) on a
    free port, returned once /ping answers."""
    port = free_port()
    reflex = str(Path(sys.executable).parent / "reflex")
    mode = "--backend-only" if backend_only else "--single-port"
    with log.open("w") as out:
        process = subprocess.Popen(
            [reflex, "run", "--env", "prod", mode, "--backend-port", str(port)],
            cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
    app = AppProcess(url=f"http://127.0.0.1:{port}", env=env, process=process, log=log)
    try:
        wait_until_serving(app.url, process, log, START_TIMEOUT_S)
    except BaseException:
        app.stop()
        raise
    return app


def issue_room_links(env: dict[str, str], count: int, base_url: str) -> list[str]:
    """`count` interview link paths (`/interview/<token>`), made in-process against the app's
    database with its secret key, each for a new candidate applying to the first demo job
    (a new link revokes the application's earlier one, so rooms cannot share applications)."""
    for name in ("DATABASE_URL", "SECRET_KEY_FILE", "HIREOPS_ENV_FILE"):
        os.environ[name] = env[name]
    os.environ["PUBLIC_BASE_URL"] = base_url
    from sqlmodel import select

    from hireops import db
    from hireops.config import get_settings
    from hireops.models import Application, Candidate
    from hireops.services.interview.links import generate_link

    get_settings.cache_clear()
    db.get_engine.cache_clear()
    paths = []
    with db.session_scope() as session:
        template = session.exec(select(Application)).first()
        for i in range(count):
            candidate = Candidate(full_name=f"Bench Candidate{i}",
                                  email=f"bench.room{i}@example.com")
            session.add(candidate)
            session.flush()
            application = Application(candidate_id=candidate.id, job_id=template.job_id,
                                      resume_score=90.0)
            session.add(application)
            session.flush()
            issued = generate_link(session=session, application_id=application.id, actor=None)
            paths.append("/" + issued.url.split("/", 3)[3])
    db.get_engine().dispose()
    return paths
