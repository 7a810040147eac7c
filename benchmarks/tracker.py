"""Tracker grid speed: N applications (and N candidates with ~2 kB resumes) across 30 jobs in a
fresh SQLite database (or, with `--database postgresql`, a throwaway PostgreSQL database
`hireops_bench_<hex>` created on --postgres-server and dropped afterwards); times the grid's
queries and prints `tracker_p95_ms=X` (the p95 over every timed run of the everyday queries:
default page 1, job + stage filter, best final score first, text search, page 400) and one
`<query>_p95_ms=Y` line per query, then the same for every other sort column and direction
(`other_sorts_p95_ms`).

    .venv/bin/python benchmarks/tracker.py --n 50000
    .venv/bin/python benchmarks/tracker.py --n 50000 --database postgresql

Filling the database is not timed. Each timed run is one `query_tracker` call (count + page)
on a warm connection, as the Candidates page makes it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = ["Maya", "Daniel", "Priya", "Lucas", "Sofia", "James", "Elena", "Tomas", "Amara", "Kenji",
         "Fatima", "Oliver", "Chloe", "Mateo", "Aisha", "Noah", "Ingrid", "Ravi", "Zoe", "Hugo",
         "Élodie", "Søren", "Zoë", "Łukasz", "Nuno"]
LAST = ["Chen", "Okafor", "Raman", "Martin", "Alvarez", "Whitfield", "Petrova", "Novak", "Diallo",
        "Sato", "Haddad", "Brown", "Lefevre", "Garcia", "Khan", "Meyer", "Larsen", "Iyer", "Kim",
        "Müller", "Østergaard", "Nakamura"]
TITLES = ["Backend Engineer", "Data Analyst", "Product Designer", "Account Executive",
          "Registered Nurse", "DevOps Engineer", "Marketing Manager", "QA Engineer",
          "Support Specialist", "Data Scientist"]
RESUME = ("Experienced professional with a track record of delivering projects on time. "
          "Worked with Python, SQL, PostgreSQL, Docker and Kubernetes across teams. ") * 14
CHUNK = 2000


def _fill(n: int, jobs: int, seed: int) -> None:
    """N candidates and N applications (one each), inserted in chunks through SQLAlchemy core."""
    from sqlalchemy import insert

    from hireops.db import get_engine
    from hireops.models import Application, Candidate, Job, Stage

    rng = random.Random(seed)
    stages = [stage.value for stage in Stage]
    now = datetime.now(timezone.utc)
    job_table, candidate_table = Job.__table__, Candidate.__table__
    application_table = Application.__table__
    with get_engine().begin() as connection:
        connection.execute(insert(job_table), [
            _defaults(Job(title=f"{TITLES[i % len(TITLES)]} {i // len(TITLES) + 1}",
                          blind_screening=(i % 10 == 9)), id=i + 1)
            for i in range(jobs)])
        candidate_defaults = _defaults(Candidate())
        application_defaults = _defaults(Application(candidate_id=0, job_id=0))
        for start in range(0, n, CHUNK):
            stop = min(start + CHUNK, n)
            candidates, applications = [], []
            for i in range(start, stop):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
                email = f"candidate{i}@example.com"
                candidates.append({**candidate_defaults, "id": i + 1, "full_name": name,
                                   "email": email, "email_normalized": email,
                                   "resume_text": RESUME, "source": "email"})
                scored = rng.random() < 0.8
                resume = round(rng.uniform(20, 98), 1) if scored else None
                interview = round(rng.uniform(30, 95), 1) if scored and rng.random() < 0.4 else None
                final = (round(0.4 * resume + 0.6 * interview, 1)
                         if resume is not None and interview is not None else None)
                applied = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
                applications.append({
                    **application_defaults, "id": i + 1, "candidate_id": i + 1,
                    "job_id": rng.randint(1, jobs), "stage": rng.choice(stages),
                    "source": rng.choice(["email", "email", "manual", "referral"]),
                    "resume_score": resume, "interview_score": interview, "final_score": final,
                    "decision": rng.choice(["", "", "advance", "hold", "reject"]),
                    "created_at": applied, "updated_at": applied,
                    "last_activity_at": applied + timedelta(minutes=rng.randint(0, 60 * 24 * 30)),
                })
            connection.execute(insert(candidate_table), candidates)
            connection.execute(insert(application_table), applications)
        if connection.dialect.name == "postgresql":
            # Rows went in with explicit ids: move the sequences past them, as a real app's are.
            for table in (job_table, candidate_table, application_table):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))")
        connection.exec_driver_sql("ANALYZE")


def _defaults(model, **extra) -> dict:
    """Column values of an unsaved model (its Python-side defaults), without the id."""
    values = {column: getattr(model, column) for column in model.__table__.columns.keys()
              if column != "id"}
    return {**values, **extra}


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--jobs", type=int, default=30)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--postgres-server", default="postgresql+psycopg://postgres@127.0.0.1:5432",
                        help="where --database postgresql creates its throwaway database")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hireops-tracker-bench-"))
    pg_name = f"hireops_bench_{uuid.uuid4().hex[:12]}"
    if args.database == "postgresql":
        _postgres_admin(args.postgres_server, f"CREATE DATABASE {pg_name}")
        database_url = f"{args.postgres_server}/{pg_name}"
    else:
        database_url = f"sqlite:///{workdir / 'tracker.db'}"
    try:
        _run(args, workdir, database_url)
    finally:
        if args.database == "postgresql" and not args.keep:
            _postgres_admin(args.postgres_server, f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")
        if args.keep:
            print(f"database kept: {database_url}")
        else:
            shutil.rmtree(workdir)


def _postgres_admin(server: str, statement: str) -> None:
    """CREATE or DROP DATABASE, which run outside a transaction, through the `postgres` database."""
    import sqlalchemy as sa

    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _run(args, workdir: Path, database_url: str) -> None:
    """Migrate, fill and time the grid's queries on `database_url`."""
    # Before any hireops import: settings are read once.
    os.environ["DATABASE_URL"] = database_url
    os.environ["SECRET_KEY_FILE"] = str(workdir / "secret")
    os.environ["HIREOPS_ENV_FILE"] = os.devnull

    from sqlmodel import Session

    from hireops.db import get_engine
    from hireops.models import Stage
    from hireops.services.platform.migrations import upgrade_database
    from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker

    upgrade_database()
    started = time.perf_counter()
    _fill(args.n, args.jobs, args.seed)
    print(f"database={args.database}")
    print(f"fill_s={time.perf_counter() - started:.1f}  (n={args.n}, jobs={args.jobs})")

    # The grid's everyday queries: these make `tracker_p95_ms`.
    queries = {
        "default_page1": (TrackerFilter(), TrackerSort(), 1),
        "job_stage": (TrackerFilter(job_ids=[3], stages=[Stage.matched]), TrackerSort(), 1),
        "final_score_desc": (TrackerFilter(), TrackerSort(column="final_score"), 1),
        "search": (TrackerFilter(search="okafor"), TrackerSort(), 1),
        "deep_page_400": (TrackerFilter(), TrackerSort(), 400),
    }
    # Every other sort over all N applications, reported apart.
    other_sorts = {
        f"sort_{column}_{direction}": (TrackerFilter(), TrackerSort(column=column,
                                                                    direction=direction), 1)
        for column in ("candidate", "job", "stage", "resume_score", "interview_score",
                       "final_score", "decision", "source", "applied", "last_activity")
        for direction in ("asc", "desc")
        if (column, direction) not in {("final_score", "desc"), ("last_activity", "desc")}
    }
    with Session(get_engine()) as session:
        headline, lines = _time(session, query_tracker, queries, args.runs)
        everything, other_lines = _time(session, query_tracker, other_sorts, args.runs)
    print(f"tracker_p95_ms={_p95(headline):.1f}")
    print("\n".join(lines))
    print(f"other_sorts_p95_ms={_p95(everything):.1f}")
    print("\n".join(other_lines))
    get_engine().dispose()


def _time(session, query_tracker, queries: dict, runs: int) -> tuple[list[float], list[str]]:
    """Every run's milliseconds, and a `<name>_p95_ms=` line per query."""
    everything: list[float] = []
    lines = []
    for name, (filter, sort, page) in queries.items():
        query_tracker(session=session, filter=filter, sort=sort, page=page)  # warm-up
        samples = []
        for _ in range(runs):
            begun = time.perf_counter()
            result = query_tracker(session=session, filter=filter, sort=sort, page=page)
            samples.append((time.perf_counter() - begun) * 1000)
        everything += samples
        lines.append(f"{name}_p95_ms={_p95(samples):.1f}  (total={result.total}, "
                     f"rows={len(result.rows)})")
    return everything, lines


if __name__ == "__main__":
    main()
