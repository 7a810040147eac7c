"""The tracker's text search on PostgreSQL: the same answers as on SQLite (case, accents, % and _
taken literally, blind screening), found through the trigram indexes of revision 0011 instead
of by reading every candidate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from hireops.db import make_engine
from hireops.models import Application, Candidate
from hireops.services.platform.migrations import upgrade_database
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker
from tests.postgres import throwaway_database
from tests.candidates.test_tracker import SEARCH_CASES, add_grid
from tests.factories import make_job

pytestmark = pytest.mark.postgres

# Applications no search below finds, so a search that matched everything would show.
FILLER_CANDIDATES = 2_000


@pytest.fixture(scope="module")
def pg_engine() -> Iterator[sa.Engine]:
    """A fresh database migrated to head (which installs pg_trgm itself), holding the SQLite
    tests' grid and FILLER_CANDIDATES applications that no search below finds."""
    with throwaway_database("hireops_tracker") as url:
        upgrade_database(url)
        engine = make_engine(url)
        try:
            with Session(engine, expire_on_commit=False) as session:
                add_grid(session)
                _add_filler(session)
            with engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
            yield engine
        finally:
            engine.dispose()


def _add_filler(session: Session) -> None:
    job = make_job(session, title="Warehouse Operator")
    candidate = {column: getattr(Candidate(), column)
                 for column in Candidate.__table__.columns.keys() if column != "id"}
    insert = sa.insert(Candidate).returning(Candidate.id, sort_by_parameter_order=True)
    ids = session.execute(insert, [
        {**candidate, "full_name": f"Filler Person {n}", "email": f"filler{n}@example.org",
         "resume_text": "Forklift. " * 200}
        for n in range(FILLER_CANDIDATES)]).scalars().all()
    application = {column: getattr(Application(candidate_id=0, job_id=0), column)
                   for column in Application.__table__.columns.keys() if column != "id"}
    session.execute(sa.insert(Application), [
        {**application, "candidate_id": candidate_id, "job_id": job.id} for candidate_id in ids])
    session.commit()


def _names(engine: sa.Engine, search: str, reveal_blind: bool = False) -> list[str]:
    with Session(engine) as session:
        page = query_tracker(session=session, filter=TrackerFilter(search=search),
                             sort=TrackerSort(), page_size=100, reveal_blind=reveal_blind)
    assert page.total == len(page.rows)
    return [row.candidate_name for row in page.rows]


def test_the_migration_installed_pg_trgm(pg_engine):
    with pg_engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == 1


@pytest.mark.parametrize(("search", "expected"), SEARCH_CASES)
def test_text_search_ignores_case_and_takes_wildcards_literally(pg_engine, search, expected):
    assert set(_names(pg_engine, f"  {search} ")) == expected


def test_blind_identity_cannot_be_searched(pg_engine):
    assert _names(pg_engine, "zoe") == []
    assert _names(pg_engine, "zoe", reveal_blind=True) == ["Zoe Blind"]


def test_search_can_read_the_trigram_indexes(pg_engine):
    """Both statements of a search (the count and the page), with the parameters the app sends,
    can find candidates and jobs through the trigram indexes.

    With sequential scans priced out: on a table this small a scan is cheaper, and the planner
    rightly takes it. The benchmark (50,000 candidates) shows the indexes chosen on their own.
    """
    statements = []

    def record(_connection, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    sa.event.listen(pg_engine, "before_cursor_execute", record)
    try:
        assert _names(pg_engine, "okafor") == ["bob okafor"]
    finally:
        sa.event.remove(pg_engine, "before_cursor_execute", record)
    # The third statement asks which of the page's candidates blind screening hides, the
    # fourth reads their tags; the last read the names the page's jobs give their stages:
    # their own, then (these jobs were made without any) the company default's. None per row.
    searches = [(statement, parameters) for statement, parameters in statements
                if "ILIKE" in statement.upper()]
    assert len(statements) == 6 and len(searches) == 2
    assert "job_stages" in statements[4][0] and "settings" in statements[5][0]
    with pg_engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in searches:
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(
                f"EXPLAIN {statement}", parameters))
            assert "ix_candidates_full_name_trgm" in plan, plan
            assert "ix_candidates_email_trgm" in plan, plan
            assert "ix_jobs_title_trgm" in plan, plan
