"""Times the foundation's hot paths on a fresh SQLite database and prints `name=value` lines.

    .venv/bin/python benchmarks/foundation.py --applications 5000

- sign_in_ms_p50: one password check and session start (argon2id at production cost)
- session_check_ms_p50: the per-event check every guarded handler makes
- autofill_local_ms_p50: drafting a job from a title with the local engine, recorded in ai_calls
- dashboard_ms_p50 / jobs_list_ms_p50: the dashboard and jobs-list queries
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _p50_ms(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hireops-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.db'}"
    os.environ["SECRET_KEY_FILE"] = str(workdir / "secret")

    from sqlmodel import Session

    from hireops.db import get_engine, session_scope
    from hireops.models import Application, Candidate, Job, Stage
    from hireops.services.platform.auth import create_user, sign_in, user_for_token
    from hireops.services.reports.dashboard import get_dashboard_metrics
    from hireops.services.jobs.autofill import autofill_job
    from hireops.services.jobs.records import list_jobs
    from hireops.services.platform.migrations import upgrade_database

    upgrade_database()
    stages = list(Stage)
    with session_scope() as session:
        create_user(session=session, email="bench@example.com", password="bench-password-1",
                    role="recruiter")
        jobs = [Job(title=f"Job {i}") for i in range(20)]
        session.add_all(jobs)
        session.flush()
        candidates = [Candidate(full_name=f"Candidate {i}") for i in range(args.applications)]
        session.add_all(candidates)
        session.flush()
        session.add_all(Application(candidate_id=c.id, job_id=jobs[i % 20].id,
                                    stage=stages[i % len(stages)], resume_score=i % 100)
                        for i, c in enumerate(candidates))

    with Session(get_engine()) as session:
        token = sign_in(session=session, email="bench@example.com",
                        password="bench-password-1").token
        figures = {
            "sign_in_ms_p50": _p50_ms(lambda: sign_in(
                session=session, email="bench@example.com", password="bench-password-1"), 5),
            "session_check_ms_p50": _p50_ms(
                lambda: user_for_token(session=session, token=token), args.repeat),
            "autofill_local_ms_p50": _p50_ms(
                lambda: autofill_job(session=session, title="Senior Data Engineer"), args.repeat),
            "dashboard_ms_p50": _p50_ms(
                lambda: get_dashboard_metrics(session=session), args.repeat),
            "jobs_list_ms_p50": _p50_ms(lambda: list_jobs(session=session), args.repeat),
        }
    print(f"applications={args.applications}")
    for name, value in figures.items():
        print(f"{name}={value:.2f}")


if __name__ == "__main__":
    main()
