"""The reports page reads its cohort once per filter change: a fixed number of queries whatever
the number of applications, then every figure is computed from that read without touching the
database."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from hireops.models import Application, Stage
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import ReportFilter
from hireops.services.candidates.stages import change_stage
from hireops.services.jobs.job_stages import add_stage
from hireops.services.platform.clock import company_zone_name
from tests.postgres import migrate_to_head

from .fixtures import DAY1, build_history

PURE_FIGURES = (reports.funnel, reports.score_distributions, reports.time_in_stage,
                reports.time_to_decision, reports.applications_by_source,
                reports.applications_over_time, reports.decisions_over_time,
                reports.time_to_hire)


@contextmanager
def counted(engine: sa.Engine):
    """The SQL statements run on `engine` inside the block."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


def settings_read() -> None:
    """The company's settings read as the page has read them by then (kept a few seconds per
    process), so that what is counted next is the report's own reads."""
    company_zone_name()


def test_one_read_of_the_cohort_then_no_query_per_figure(session):
    build_history(session)
    engine = session.get_bind()
    settings_read()
    with counted(engine) as statements:
        cohort = reports.read_cohort(session=session, report=ReportFilter())
    # The span of the applications' times (to read the company's days in it), then grouped
    # reads: per day and source, furthest stage, resume and interview scores, score pairs,
    # stays, waits, decisions per day, first automatic decisions, thresholds, hires; and the
    # stage names (the company default's, for every job).
    assert len(statements) == 13
    with counted(engine) as statements:
        for figure in PURE_FIGURES:
            figure(cohort)
        reports.automatic_pass_counts(cohort, {})
    assert statements == []
    with counted(engine) as statements:
        reports.top_candidates(session=session, report=ReportFilter(), cohort=cohort)
    # The ranking, then names (and who blind screening hides) for the ten shown only.
    assert len(statements) == 3


def test_the_stages_jobs_added_are_named_in_the_same_read(session):
    ids = build_history(session)
    key = add_stage(session=session, job_id=ids["job_a"], label="Technical interview",
                    actor=None).key
    application = session.get(Application, ids["app4"])
    change_stage(session=session, application=application, stage=key)
    change_stage(session=session, application=application, stage=Stage.rejected)
    session.commit()
    engine = session.get_bind()
    settings_read()
    with counted(engine) as statements:
        cohort = reports.read_cohort(session=session, report=ReportFilter())
    # The thirteen, then the jobs' stages and the company default the others follow.
    assert len(statements) == 15
    with counted(engine) as statements:
        stays = reports.time_in_stage(cohort)
    assert statements == []
    assert [(row.label, row.stays) for row in stays if row.stage == key] == [
        ("Technical interview", 1)]


def test_an_empty_range_reads_once_and_stops(session):
    build_history(session)
    nothing = ReportFilter(date_from=DAY1.replace(year=2030))
    settings_read()
    with counted(session.get_bind()) as statements:
        cohort = reports.read_cohort(session=session, report=nothing)
    assert cohort.applications == 0 and len(statements) == 1


@pytest.mark.postgres
def test_the_same_figures_on_postgresql(postgres_schema_engine, database_url):
    """The JSON stage columns are read in SQL: the same numbers on PostgreSQL as on SQLite."""
    engine = migrate_to_head(postgres_schema_engine[0])
    with Session(engine, expire_on_commit=False) as session:
        build_history(session)
        cohort = reports.read_cohort(session=session, report=ReportFilter())
        steps = reports.funnel(cohort)
        stays = reports.time_in_stage(cohort)
        groups = reports.self_reported_groups(
            session=session, characteristic="gender",
            candidate_ids=reports.cohort_candidate_ids(ReportFilter()))
    assert [s.reached for s in steps] == [6, 4, 4, 2, 2, 1, 1, 0, 0]
    assert [(r.stage, r.stays) for r in stays] == [
        ("matched", 3), ("interview_link_sent", 2), ("screened", 1)]
    assert groups == {}


def test_the_cached_cohort_is_read_again_only_after_a_change(session):
    ids = build_history(session)
    engine = session.get_bind()
    report = ReportFilter(job_id=ids["job_a"])
    first = reports.cached_cohort(session=session, report=report)
    with counted(engine) as statements:
        again = reports.cached_cohort(session=session, report=report)
    assert again is first and len(statements) == 1  # the data version only
    application = session.get(Application, ids["app4"])
    change_stage(session=session, application=application, stage=Stage.interview_link_sent)
    session.commit()
    moved = reports.cached_cohort(session=session, report=report)
    assert moved is not first
    assert reports.funnel(moved)[3].reached == reports.funnel(first)[3].reached + 1


def test_the_data_version_reads_indexes_not_every_row(session):
    # Asked on every load and filter change: the newest edit times come from their indexes.
    build_history(session)
    version = reports.data_version(session=session)
    with counted(session.get_bind()) as statements:
        assert reports.data_version(session=session) == version
    assert len(statements) == 1
    query = reports.data_version_query().compile(dialect=session.get_bind().dialect,
                                                 compile_kwargs={"literal_binds": True})
    plan = " ".join(str(row) for row in session.connection().exec_driver_sql(
        "EXPLAIN QUERY PLAN " + str(query)))
    assert "SEARCH applications USING COVERING INDEX ix_applications_updated_at" in plan
    # The newest application by its id, not a count of every row.
    assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", "")
    assert "SEARCH candidates USING COVERING INDEX ix_candidates_updated_at" in plan


def test_the_top_candidates_are_read_again_only_after_a_change(session):
    build_history(session)
    engine = session.get_bind()
    report = ReportFilter()
    cohort = reports.cached_cohort(session=session, report=report)
    first = reports.cached_top_candidates(session=session, report=report, cohort=cohort)
    with counted(engine) as statements:
        again = reports.cached_top_candidates(session=session, report=report, cohort=cohort)
    assert again == first and len(statements) == 1  # the data version only
    best = session.get(Application, first[0].application_id)
    change_stage(session=session, application=best, stage=Stage.rejected)
    session.commit()
    with counted(engine) as statements:
        reports.cached_top_candidates(session=session, report=report, cohort=cohort)
    assert len(statements) > 1
