"""A large hiring history for the reports benchmarks: N applications over a year across the
jobs already in the database (or 10 new ones), each with its stage moves as audit events and a
decision for those that reached the interview, inserted through SQLAlchemy core after the rows
already there. Then, run on its own, times the reports page's work for one filter change
(`read_cohort` and every figure) and prints `reports_compute_ms_p50=X` over `--runs` runs,
then a new end date as the page does it (`cached_cohort`: summed from the days of all jobs,
read once) as `reports_filter_ms_p50=X`, and the data version every load and filter change asks
first (`data_version`: one query) as `reports_version_ms_p50=X`.

    DATABASE_URL=sqlite:///big.db .venv/bin/python benchmarks/report_history.py --n 50000

`benchmarks/pages.py --reports-n 50000` fills its app's database with it and times the page in
Chromium.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHUNK = 2000
SOURCES = ["email:maildir", "email:maildir", "email:maildir", "upload", "careers", "api"]


def fill_history(n: int, seed: int = 11) -> None:
    """N candidates, N applications, their stage events and decisions."""
    from sqlalchemy import func, insert, select

    from hireops.db import get_engine
    from hireops.models import Application, Candidate, Decision, Event, Job, Stage
    from hireops.services.reports.figures import FUNNEL_STAGES
    from hireops.services.candidates.stages import STAGE_CHANGED

    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    path = [stage.value for stage in FUNNEL_STAGES if stage != Stage.classified]
    with get_engine().begin() as connection:
        job_ids = list(connection.execute(select(Job.id)).scalars())
        if not job_ids:
            connection.execute(insert(Job.__table__), [
                {**_defaults(Job(title=f"Role {i}"))} for i in range(10)])
            job_ids = list(connection.execute(select(Job.id)).scalars())
        first_candidate = (connection.execute(select(func.max(Candidate.id))).scalar() or 0) + 1
        first_application = (connection.execute(select(func.max(Application.id))).scalar()
                             or 0) + 1
        candidate_defaults = _defaults(Candidate())
        application_defaults = _defaults(Application(candidate_id=0, job_id=0))
        event_defaults = _defaults(Event(action=STAGE_CHANGED))
        decision_defaults = _defaults(Decision(application_id=0, outcome="hold"))
        for start in range(0, n, CHUNK):
            candidates, applications, events, decisions = [], [], [], []
            for i in range(start, min(start + CHUNK, n)):
                candidate_id, application_id = first_candidate + i, first_application + i
                email = f"history{i}@example.com"
                candidates.append({**candidate_defaults, "id": candidate_id,
                                   "full_name": f"History Candidate {i}", "email": email,
                                   "email_normalized": email, "source": "email"})
                applied = now - timedelta(minutes=rng.randint(60 * 24 * 7, 60 * 24 * 365))
                furthest = min(len(path) - 1, int(rng.expovariate(0.6)))
                rejected = furthest >= 2 and rng.random() < 0.3
                moment = applied
                for before, after in zip(path[:furthest], path[1:furthest + 1]):
                    moment += timedelta(hours=rng.uniform(2, 24 * 6))
                    events.append({**event_defaults, "entity_type": "application",
                                   "entity_id": application_id, "actor_label": "system",
                                   "at": moment, "before": {"stage": before},
                                   "after": {"stage": after}})
                stage = path[furthest]
                if rejected:
                    moment += timedelta(hours=rng.uniform(2, 48))
                    events.append({**event_defaults, "entity_type": "application",
                                   "entity_id": application_id, "actor_label": "system",
                                   "at": moment, "before": {"stage": stage},
                                   "after": {"stage": "rejected"}})
                    stage = "rejected"
                resume = round(rng.uniform(20, 98), 1) if furthest >= 1 else None
                interview = round(rng.uniform(30, 95), 1) if furthest >= 3 else None
                if interview is not None:
                    outcome = rng.choice(["advance", "hold", "reject"])
                    # Only last week's decisions still wait for HR, as in a team that keeps
                    # up (thousands of waiting cards would measure the dashboard instead).
                    waiting = now - moment < timedelta(days=7) and rng.random() < 0.5
                    decisions.append({**decision_defaults, "application_id": application_id,
                                      "outcome": outcome, "created_at": moment,
                                      "status": "pending_hr" if waiting else "confirmed",
                                      "is_override": False})
                applications.append({
                    **application_defaults, "id": application_id, "candidate_id": candidate_id,
                    "job_id": rng.choice(job_ids), "stage": stage,
                    "source": rng.choice(SOURCES), "resume_score": resume,
                    "interview_score": interview, "created_at": applied,
                    "updated_at": moment, "last_activity_at": moment,
                    # As a move into Hired sets it: the hires' time to hire is reported.
                    "hired_at": moment if stage == Stage.hired.value else None})
            connection.execute(insert(Candidate.__table__), candidates)
            connection.execute(insert(Application.__table__), applications)
            connection.execute(insert(Event.__table__), events)
            if decisions:
                connection.execute(insert(Decision.__table__), decisions)
        if connection.dialect.name == "postgresql":
            for table in (Candidate.__table__, Application.__table__):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))")
        connection.exec_driver_sql("ANALYZE")


def _defaults(model) -> dict:
    """Column values of an unsaved model (its Python-side defaults), without the id."""
    return {column: getattr(model, column) for column in model.__table__.columns.keys()
            if column != "id"}


def time_compute(runs: int, *, cached: bool = False) -> list[float]:
    """Milliseconds of one filter change's database reads and figures, per run: a direct read
    of the whole cohort, or (`cached`) what the page does for a new end date once the days of
    all jobs are read (`cached_cohort`)."""
    from datetime import date

    from hireops.state.reports import charts
    from hireops.db import session_scope
    from hireops.services.reports import figures as reports
    from hireops.services.reports.figures import ReportFilter

    if cached:
        with session_scope() as session:
            reports.cached_cohort(session=session, report=ReportFilter())
    samples = []
    for run in range(runs):
        report = ReportFilter(date_to=date.today() - timedelta(days=3 * (run + 1))) \
            if cached else ReportFilter()
        begun = time.perf_counter()
        with session_scope() as session:
            read = reports.cached_cohort if cached else reports.read_cohort
            cohort = read(session=session, report=report)
            reports.top_candidates(session=session, report=report, cohort=cohort)
        dist = reports.score_distributions(cohort)
        charts.funnel_bars(reports.funnel(cohort))
        for which in ("resume", "interview", "final"):
            charts.score_figure(dist, which)
        charts.stage_time_figure(reports.time_in_stage(cohort))
        charts.decision_time_figure(reports.time_to_decision(cohort))
        charts.source_figure(reports.applications_by_source(cohort))
        charts.dated_figure(reports.applications_over_time(cohort), "Applications per day")
        charts.dated_figure(reports.decisions_over_time(cohort), "Decisions", stacked=True)
        samples.append((time.perf_counter() - begun) * 1000)
    return samples


def time_version(runs: int) -> list[float]:
    """Milliseconds of the data version's query, per run (the reports page asks it on every
    load and filter change, before anything else)."""
    from hireops.db import session_scope
    from hireops.services.reports.figures import data_version

    samples = []
    with session_scope() as session:
        for _ in range(runs):
            begun = time.perf_counter()
            data_version(session=session)
            samples.append((time.perf_counter() - begun) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fill", action=argparse.BooleanOptionalAction, default=True,
                        help="add N applications first (--no-fill times the database as it is)")
    args = parser.parse_args()
    from hireops.services.platform.migrations import upgrade_database

    upgrade_database()
    if args.fill:
        started = time.perf_counter()
        fill_history(args.n)
        print(f"fill_s={time.perf_counter() - started:.1f}  (n={args.n})")
    samples = time_compute(args.runs)
    print(f"reports_compute_ms_p50={statistics.median(samples):.0f}  "
          f"max={max(samples):.0f}")
    samples = time_compute(args.runs, cached=True)
    print(f"reports_filter_ms_p50={statistics.median(samples):.0f}  "
          f"max={max(samples):.0f}")
    samples = time_version(args.runs * 20)
    print(f"reports_version_ms_p50={statistics.median(samples):.2f}  "
          f"max={max(samples):.2f}")


if __name__ == "__main__":
    main()
