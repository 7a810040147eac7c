"""The reports' data version moves with what a report reads, and only with that: an audit event
no report reads (a setting saved, a privacy export) leaves the cached reports as they were, so
the next page load reads nothing but the version; each kind of change a report does read still
moves it, and the figures follow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from hireops import db
from hireops.models import Decision, Event, Job
from hireops.services.candidates.equal_opportunities import record_answers, save_questions
from hireops.services.candidates.profile import merge_candidates
from hireops.services.candidates.stages import STAGE_CHANGED
from hireops.services.decisions.rule import CONFIRMED_ACTION, NEEDS_HR_ACTION
from hireops.services.jobs.job_stages import rename_stage
from hireops.services.platform.app_settings import set_setting
from hireops.services.platform.audit import record_event
from hireops.services.privacy.blind_screening import anonymous_name, reveal_identity
from hireops.services.privacy.rights import (
    ANONYMOUS_NAME, anonymise_candidate, erase_candidate, record_data_export,
)
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import ReportFilter
from hireops.services.reports.report_tables import ReportRead, read_report

from .fixtures import at, build_history
from .test_single_read import counted, settings_read

GENDER = {"key": "gender", "label": "How would you describe your gender?",
          "options": ["Woman", "Man"]}


@pytest.fixture
def session(any_database_url: str) -> Iterator[Session]:
    """Each test on SQLite and on PostgreSQL (the version's query differs most in its plan)."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        yield session


def page(session: Session, report: ReportFilter = ReportFilter()) -> ReportRead:
    """What the reports page reads for `report`, as it reads it (through the cache)."""
    return read_report(session=session, report=report, characteristic="gender")


def top_names(read: ReportRead) -> dict[int, str]:
    return {row.application_id: row.candidate for row in read.top}


def waits(read: ReportRead) -> list[float]:
    return reports.time_to_decision(read.cohort).days


# --- events no report reads -------------------------------------------------------------------


def _setting_saved(session: Session, ids: dict) -> None:
    set_setting(session=session, key="company_name", value="Acme", actor=None)


def _data_exported(session: Session, ids: dict) -> None:
    record_data_export(session=session, candidate_id=ids["cand1"], actor=None)


def _link_revoked(session: Session, ids: dict) -> None:
    record_event(session=session, action="interview_link.revoked", entity_type="interview_link",
                 entity_id=1, actor_label="hr@example.com")


@pytest.mark.parametrize("unread", [_setting_saved, _data_exported, _link_revoked])
def test_an_event_no_report_reads_leaves_the_cached_reports(session, unread):
    ids = build_history(session)
    first = page(session)
    version = reports.data_version(session=session)
    unread(session, ids)
    session.commit()
    assert reports.data_version(session=session) == version
    settings_read()
    with counted(session.get_bind()) as statements:
        again = page(session)
    assert len(statements) == 1  # the data version only
    assert again.cohort is first.cohort and again.top == first.top


# --- each kind of change a report reads -------------------------------------------------------


def test_a_stage_move_is_read(session):
    ids = build_history(session)
    before = page(session)
    version = reports.data_version(session=session)
    # The stage history as the demo and imports write it: the event alone, no edit time.
    session.add(Event(action=STAGE_CHANGED, entity_type="application", entity_id=ids["app4"],
                      at=at(3, 9), before={"stage": "matched"},
                      after={"stage": "interview_link_sent"}))
    session.commit()
    assert reports.data_version(session=session) != version
    after = page(session)
    assert reports.funnel(after.cohort)[3].reached == \
        reports.funnel(before.cohort)[3].reached + 1


def _decision(session: Session, application_id: int, status: str) -> Decision:
    return session.exec(select(Decision).where(Decision.application_id == application_id,
                                               Decision.status == status)).one()


def test_a_decision_confirmed_is_read(session):
    ids = build_history(session)
    # Ben's first decision waits for HR (day 5), his override is on day 6: 5 days.
    assert waits(page(session)) == [0.5, 4.5, 5.0]
    version = reports.data_version(session=session)
    decision = _decision(session, ids["app2"], "pending_hr")
    decision.status = "confirmed"  # as flow.py's confirmation writes it: no new decision
    session.add(decision)
    record_event(session=session, action=CONFIRMED_ACTION, entity_type="application",
                 entity_id=ids["app2"], after={"decision_status": "confirmed"})
    session.commit()
    assert reports.data_version(session=session) != version
    assert waits(page(session)) == [0.5, 4.0, 4.5]


def test_a_decision_handed_to_hr_is_read(session):
    ids = build_history(session)
    version = reports.data_version(session=session)
    page(session)
    decision = _decision(session, ids["app1"], "confirmed")
    decision.status = "pending_hr"  # as flow.py's `_hand_to_hr` writes it
    session.add(decision)
    record_event(session=session, action=NEEDS_HR_ACTION, entity_type="application",
                 entity_id=ids["app1"], after={"decision_status": "pending_hr"})
    session.commit()
    assert reports.data_version(session=session) != version
    assert waits(page(session)) == [0.5, 5.0]


def test_a_revealed_identity_is_read(session):
    ids = build_history(session)
    job = session.get(Job, ids["job_a"])
    job.blind_screening = True
    session.add(job)
    session.commit()
    assert top_names(page(session))[ids["app1"]] == anonymous_name(ids["cand1"])
    version = reports.data_version(session=session)
    reveal_identity(session=session, candidate_id=ids["cand1"], actor=None)
    assert reports.data_version(session=session) != version
    assert top_names(page(session))[ids["app1"]] == "Ana Ortiz"


def test_a_merge_is_read(session):
    ids = build_history(session)
    assert (ids["cand1"], "advance") in page(session).cohort.first_automatic
    version = reports.data_version(session=session)
    merge_candidates(session=session, keep_id=ids["cand5"], merge_id=ids["cand1"], actor=None)
    assert reports.data_version(session=session) != version
    first_automatic = page(session).cohort.first_automatic
    assert (ids["cand5"], "advance") in first_automatic
    assert ids["cand1"] not in {candidate for candidate, _ in first_automatic}


def test_an_anonymised_candidate_is_read(session):
    ids = build_history(session)
    assert top_names(page(session))[ids["app1"]] == "Ana Ortiz"
    version = reports.data_version(session=session)
    anonymise_candidate(session=session, candidate_id=ids["cand1"], actor_label="retention")
    assert reports.data_version(session=session) != version
    assert top_names(page(session))[ids["app1"]] == ANONYMOUS_NAME


def test_an_erasure_is_read(session):
    ids = build_history(session)
    assert page(session).cohort.applications == 6
    version = reports.data_version(session=session)
    erase_candidate(session=session, candidate_id=ids["cand1"], actor=None,
                    reason="The candidate asked.")
    assert reports.data_version(session=session) != version
    assert page(session).cohort.applications == 5


def test_a_jobs_stage_names_are_read(session):
    ids = build_history(session)
    report = ReportFilter(job_id=ids["job_a"])
    assert page(session, report).cohort.stage_names["shortlisted"] == "Shortlisted"
    version = reports.data_version(session=session)
    rename_stage(session=session, job_id=ids["job_a"], key="shortlisted", label="Final round",
                 actor=None)
    assert reports.data_version(session=session) != version
    assert page(session, report).cohort.stage_names["shortlisted"] == "Final round"


def test_the_company_defaults_stage_names_are_read(session):
    build_history(session)
    assert page(session).cohort.stage_names["shortlisted"] == "Shortlisted"
    version = reports.data_version(session=session)
    # A setting, but the one every job's report takes its names from.
    rename_stage(session=session, job_id=None, key="shortlisted", label="Final round",
                 actor=None)
    assert reports.data_version(session=session) != version
    assert page(session).cohort.stage_names["shortlisted"] == "Final round"


def test_equal_opportunities_answers_are_read(session):
    ids = build_history(session)
    save_questions(session=session, questions=[GENDER], actor=None)
    assert page(session).groups == {}
    version = reports.data_version(session=session)
    record_answers(session=session, candidate_id=ids["cand1"], answers={"gender": "Woman"})
    assert reports.data_version(session=session) != version
    assert page(session).groups == {ids["cand1"]: "Woman"}


# --- the version's cost -----------------------------------------------------------------------


def _version_sql(session: Session) -> str:
    """The version query as the database is sent it, values written in."""
    return str(reports.data_version_query().compile(
        dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))


def test_the_newest_events_come_from_an_index(session):
    build_history(session)
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        plan = [row[-1] for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + _version_sql(session))]
        events = [step for step in plan if " events " in f"{step} "]
        # One search per action the reports read, each one step down an index in id order.
        assert len(events) == len(reports.REPORT_EVENT_ACTIONS)
        assert all(step.startswith("SEARCH events USING COVERING INDEX ix_events_action")
                   for step in events), events
        assert not any("TEMP B-TREE" in step for step in plan), plan
        return
    # A table of a few rows is read whole whatever its indexes: ask for the index's way.
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    plan = "\n".join(row[0] for row in connection.exec_driver_sql(
        "EXPLAIN " + _version_sql(session)))
    assert plan.count("Index Only Scan Backward using ix_events_action_id") == \
        len(reports.REPORT_EVENT_ACTIONS), plan
    assert "Sort" not in plan, plan
