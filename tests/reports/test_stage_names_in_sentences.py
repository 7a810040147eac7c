"""A stage move in words names the stages as the application's job names them now: the audit
log's sentence and its before/after table, the candidate page's timeline and the dashboard's
latest activity (a talent-pool entry: as the company default names them). The events store
the stage keys only, so a stage renamed since reads under its new name. A page of events reads
the stages once, however many events and jobs it holds."""

from __future__ import annotations

import sqlalchemy as sa

from hireops.models import Application, Event, Stage
from hireops.services.candidates.profile import get_candidate_profile
from hireops.services.candidates.stages import change_stage
from hireops.services.jobs.job_stages import add_stage, rename_stage
from hireops.services.privacy.hidden_events import shown_events
from hireops.services.reports.audit_log import AuditFilter, list_events
from hireops.services.reports.audit_sentences import describe_events
from hireops.services.reports.dashboard import get_dashboard_metrics
from tests.factories import make_application, make_candidate, make_job

from .test_single_read import counted


def _renamed_job(session, title="Backend Engineer"):
    job = make_job(session, title=title)
    session.commit()
    rename_stage(session=session, job_id=job.id, key=Stage.shortlisted.value,
                 label="Longlist", actor=None)
    rename_stage(session=session, job_id=job.id, key=Stage.matched.value, label="Fits",
                 actor=None)
    return job


def _moved(session, application: Application, stage: str) -> None:
    change_stage(session=session, application=application, stage=stage)
    session.commit()


def _stage_sentences(session) -> list[str]:
    rows = list_events(session=session, audit=AuditFilter(action="application.stage_changed"))
    return [f"{row.lead}{row.link_text}{row.tail}" for row in rows.rows]


def test_the_audit_log_timeline_and_dashboard_use_the_jobs_names(session):
    job = _renamed_job(session)
    application = make_application(session, job=job, stage=Stage.matched)
    _moved(session, application, Stage.shortlisted.value)

    expected = "HireOps moved Ada Lovelace (Backend Engineer) from Fits to Longlist."
    assert _stage_sentences(session) == [expected]
    [row] = list_events(session=session,
                        audit=AuditFilter(action="application.stage_changed")).rows
    stage_row = next(change for change in row.changes if change.field == "Stage")
    assert (stage_row.before, stage_row.after) == ("Fits", "Longlist")
    timeline = get_candidate_profile(session=session,
                                     candidate_id=application.candidate_id).timeline
    assert [entry.label for entry in timeline
            if entry.action == "application.stage_changed"] == [expected]
    assert get_dashboard_metrics(session=session).recent_activity[0].action == expected


def test_each_job_speaks_its_own_names_and_the_pool_the_company_defaults(session):
    renamed = _renamed_job(session)
    plain = make_job(session, title="Data Analyst")
    session.commit()
    rename_stage(session=session, job_id=None, key=Stage.rejected.value, label="Not a fit",
                 actor=None)
    person = make_candidate(session)
    first = make_application(session, job=renamed, candidate=person, stage=Stage.new)
    second = make_application(session, job=plain, candidate=person, stage=Stage.new)
    pooled = Application(candidate_id=person.id, job_id=None, stage=Stage.new)
    session.add(pooled)
    session.commit()
    _moved(session, first, Stage.shortlisted.value)
    _moved(session, second, Stage.shortlisted.value)
    _moved(session, pooled, Stage.rejected.value)

    assert _stage_sentences(session) == [
        "HireOps moved Ada Lovelace (Talent pool) from New to Not a fit.",
        "HireOps moved Ada Lovelace (Data Analyst) from New to Shortlisted.",
        "HireOps moved Ada Lovelace (Backend Engineer) from New to Longlist."]


def test_a_stage_the_job_added_reads_by_its_name(session):
    job = make_job(session)
    session.commit()
    added = add_stage(session=session, job_id=job.id, label="Technical interview", actor=None)
    application = make_application(session, job=job, stage=Stage.shortlisted)
    _moved(session, application, added.key)
    assert _stage_sentences(session) == [
        "HireOps moved Ada Lovelace (Backend Engineer) from Shortlisted to Technical "
        "interview."]


def test_a_past_move_reads_under_the_name_the_stage_has_now(session):
    job = make_job(session)
    session.commit()
    application = make_application(session, job=job, stage=Stage.matched)
    _moved(session, application, Stage.shortlisted.value)
    rename_stage(session=session, job_id=job.id, key=Stage.shortlisted.value,
                 label="Longlist", actor=None)
    assert _stage_sentences(session) == [
        "HireOps moved Ada Lovelace (Backend Engineer) from Matched to Longlist."]


def test_an_event_whose_application_is_gone_keeps_the_built_in_names(session):
    rename_stage(session=session, job_id=None, key=Stage.shortlisted.value, label="Longlist",
                 actor=None)
    session.add(Event(actor_label="system", action="application.stage_changed",
                      entity_type="application", entity_id=999, before={"stage": "matched"},
                      after={"stage": "shortlisted"}))
    session.commit()
    assert _stage_sentences(session) == [
        "HireOps moved application #999 from Matched to Shortlisted."]


def _stage_reads(session, events: list[Event]) -> int:
    shown = shown_events(session=session, events=events)
    with counted(session.get_bind()) as statements:
        describe_events(session=session, events=events, shown=shown)
    return sum(1 for sql in statements if "job_stage" in sql or "app_setting" in sql)


def test_a_page_of_events_reads_the_stages_once_whatever_its_size(session):
    jobs = [_renamed_job(session, title=f"Job {n}") for n in range(4)]
    plain = make_job(session, title="Plain")  # follows the company default
    session.commit()
    for number in range(50):
        job = (jobs + [plain])[number % 5]
        person = make_candidate(session, email=f"p{number}@example.com")
        application = make_application(session, job=job, candidate=person, stage=Stage.new)
        session.commit()
        _moved(session, application, Stage.shortlisted.value)
        _moved(session, application, Stage.matched.value)
    events = list(session.exec(sa.select(Event).where(
        Event.action == "application.stage_changed").order_by(Event.id)).scalars())
    assert len(events) == 100
    # The jobs' stages in one query, and the company default for the jobs that follow it.
    few, many = _stage_reads(session, events[:5]), _stage_reads(session, events)
    assert 1 <= few == many <= 2
