"""The database of a production app for the page and room benchmarks (the demo data loaded and
its mail ingested), and interview links into it. The app itself is started as the browser tests
start it (`tests/app_server.py: start_app`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def prepare_database(env: dict[str, str]) -> None:
    """Migrate, load the demo data and ingest the demo mail."""
    python = sys.executable
    for command in (["migrate"], ["seed-demo"], ["ingest", "--maildir", env["INBOX_MAILDIR"]]):
        subprocess.run([python, "-m", "hireops", *command], env=env, cwd=PROJECT_ROOT,
                       check=True, capture_output=True)


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
    from hireops.services.interviews.links import generate_link

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
