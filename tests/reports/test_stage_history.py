"""The stage history as the services write it: every move, automatic or by a person, is one
event with who made it, and the reports count each stay against the stage it was spent in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.models import Application, Event, Stage, User, utcnow
from hireops.services.reports import figures as reports
from hireops.services.reports.audit_log import AuditFilter, list_events
from hireops.services.decisions.flow import approve_and_schedule
from hireops.services.reports.figures import ReportFilter
from hireops.services.candidates.stages import STAGE_CHANGED, change_stage
from hireops.services.jobs.job_stages import add_stage, rename_stage
from tests.factories import make_application, make_candidate, make_job

from .cohorts import read_cohort
from .fixtures import at
from .flows import HR_EMAIL, build_flows


@pytest.fixture
def flows(session, clock):
    return build_flows(session, clock)


def _moves(session, application_id: int) -> list[tuple]:
    events = session.exec(select(Event).where(Event.action == STAGE_CHANGED,
                                              Event.entity_id == application_id)
                          .order_by(Event.id)).all()
    return [(e.before["stage"], e.after["stage"], e.actor_label, e.at) for e in events]


def _stage_event_count(session) -> int:
    return len(session.exec(select(Event.id).where(Event.action == STAGE_CHANGED)).all())


def test_each_move_of_the_flows_is_one_event_by_whoever_made_it(session, flows):
    assert _moves(session, flows.scheduled) == [
        ("new", "matched", HR_EMAIL, at(1, 21)),  # HR rescored the resume
        ("matched", "interview_link_sent", HR_EMAIL, at(2, 9)),
        ("interview_link_sent", "screened", "candidate", at(4, 9)),
        ("screened", "screening_scheduled", "system", at(4, 21)),  # auto-advance booked it
    ]
    assert _moves(session, flows.rejected) == [
        ("new", "matched", HR_EMAIL, at(2, 12)),
        ("matched", "interview_link_sent", HR_EMAIL, at(4, 0)),
        ("interview_link_sent", "screened", "candidate", at(5, 0)),
        ("screened", "rejected", HR_EMAIL, at(6, 0)),
    ]
    ada, ben = (session.get(Application, i) for i in (flows.scheduled, flows.rejected))
    assert (ada.stage, ben.stage) == (Stage.screening_scheduled, Stage.rejected)
    assert ben.rejection_reason == "No answers given"


def test_time_in_stage_counts_the_stays_in_the_stages_visited(session, flows):
    rows = reports.time_in_stage(read_cohort(session, ReportFilter(job_id=flows.job_id)))
    # new: Ada 0.5, Ben 1; matched: 0.5 and 1.5; link sent: 2 and 1; screened: 0.5 and 1.
    # Ada's stay in "screening scheduled" and Ben's in "rejected" are still open.
    assert [(r.stage, r.stays, r.median_days, r.mean_days) for r in rows] == [
        ("new", 2, 0.75, 0.75), ("matched", 2, 1.0, 1.0),
        ("interview_link_sent", 2, 1.5, 1.5), ("screened", 2, 0.75, 0.75)]


def test_funnel_counts_the_stages_the_flows_reached(session, flows):
    steps = reports.funnel(read_cohort(session, ReportFilter(job_id=flows.job_id)))
    # Both reached "screened"; only Ada's screening call was booked (Ben was rejected).
    # "classified" comes before "matched" in the Stage order, so it counts as passed.
    assert [(s.stage, s.reached) for s in steps] == [
        ("new", 2), ("classified", 2), ("matched", 2), ("interview_link_sent", 2),
        ("screened", 2), ("screening_scheduled", 1), ("shortlisted", 0), ("offer", 0),
        ("hired", 0)]


def test_the_audit_log_shows_the_automatic_moves_with_their_actor(session, flows):
    page = list_events(session=session, audit=AuditFilter(action=STAGE_CHANGED,
                                                          entity_id=flows.scheduled))
    assert [(row.actor, row.at) for row in page.rows] == [  # newest first
        ("HireOps", "6 Mar 2025, 22:00 CET"), ("The candidate", "6 Mar 2025, 10:00 CET"),
        (HR_EMAIL, "4 Mar 2025, 10:00 CET"), (HR_EMAIL, "3 Mar 2025, 22:00 CET")]
    scheduled = page.rows[0]
    assert '"stage": "screened"' in scheduled.before
    assert '"stage": "screening_scheduled"' in scheduled.after
    assert scheduled.note.startswith("interview booked for ")
    by_candidate = list_events(session=session, audit=AuditFilter(action=STAGE_CHANGED,
                                                                  actor="candidate"))
    assert {row.entity_id for row in by_candidate.rows} == {str(flows.scheduled),
                                                            str(flows.rejected)}


def test_a_reschedule_is_no_stage_move(session, flows, clock):
    before = _stage_event_count(session)
    clock.now = at(7, 9)
    start = (utcnow() + timedelta(days=8)).replace(hour=10, minute=0, second=0, microsecond=0)
    approve_and_schedule(session=session, application_id=flows.scheduled, start=start,
                         end=start + timedelta(minutes=45), source="manual",
                         actor=session.exec(select(User).where(User.email == HR_EMAIL)).one())
    actions = session.exec(select(Event.action).where(Event.entity_id == flows.scheduled,
                                                      Event.at == at(7, 9))).all()
    assert "interview.confirmation_queued" in actions
    assert _stage_event_count(session) == before


def _cara(session, **fields) -> Application:
    return make_application(session, job=make_job(session, title="Analyst"),
                            candidate=make_candidate(session, full_name="Cara Diaz", email=None),
                            **fields)


def test_an_unchanged_stage_records_nothing(session):
    application = _cara(session, stage=Stage.matched, updated_at=at(1))
    session.commit()

    assert not change_stage(session=session, application=application, stage=Stage.matched,
                            reason="again")
    session.commit()
    assert _stage_event_count(session) == 0 and application.updated_at == at(1)


def test_the_rejection_reason_lives_only_while_rejected(session):
    application = _cara(session, stage=Stage.screened)
    session.commit()

    assert change_stage(session=session, application=application, stage=Stage.rejected,
                        reason="Role filled", actor_label="api:ci")
    assert change_stage(session=session, application=application, stage=Stage.shortlisted,
                        reason="Reopened")
    session.commit()
    assert application.rejection_reason == ""
    rejected, reopened = session.exec(select(Event).where(Event.action == STAGE_CHANGED)
                                      .order_by(Event.id)).all()
    assert (rejected.actor_label, rejected.note, rejected.after) == (
        "api:ci", "Role filled", {"stage": "rejected", "rejection_reason": "Role filled"})
    assert (reopened.actor_label, reopened.before, reopened.after) == (
        "system", {"stage": "rejected", "rejection_reason": "Role filled"},
        {"stage": "shortlisted", "rejection_reason": ""})


def test_time_in_stage_counts_the_stays_in_a_jobs_own_stages(session, clock):
    """A job's own stages ("Technical interview") are stages like the built-in ones: the time
    spent there is shown under the name the job gives them, in their place in the flow."""
    job = make_job(session, title="Platform Engineer")
    other = make_job(session, title="Data Analyst")
    session.commit()
    clock.now = at(1)
    technical = add_stage(session=session, job_id=job.id, label="Technical interview",
                          actor=None).key
    case = add_stage(session=session, job_id=job.id, label="Case study", actor=None).key
    # Another job names the same stage its own way: both names are shown.
    add_stage(session=session, job_id=other.id, label="Technical interview", actor=None)
    rename_stage(session=session, job_id=other.id, key=technical, label="Tech screen",
                 actor=None)
    # (application, [(day, hour, stage moved to)]) from the application at day 1, 9:00.
    moves = [
        (job, [(2, 9, Stage.shortlisted), (3, 9, technical), (5, 9, case), (6, 9, Stage.offer)]),
        (job, [(2, 9, Stage.shortlisted), (3, 21, technical), (4, 9, Stage.rejected)]),
        (other, [(2, 9, Stage.shortlisted), (2, 21, technical), (3, 9, Stage.rejected)]),
    ]
    for index, (applied_to, steps) in enumerate(moves):
        application = make_application(
            session, job=applied_to, stage=Stage.new, created_at=at(1),
            candidate=make_candidate(session, full_name=f"Person {index}",
                                     email=f"person{index}@example.com"))
        session.commit()
        for day, hour, stage in steps:
            clock.now = at(day, hour)
            change_stage(session=session, application=application, stage=stage)
            session.commit()

    rows = {r.stage: r for r in reports.time_in_stage(read_cohort(session, ReportFilter()))}

    assert (rows[technical].label, rows[technical].stays, rows[technical].mean_days) == (
        "Technical interview / Tech screen", 3, round((2 + 0.5 + 0.5) / 3, 2))
    assert rows[technical].median_days == 0.5
    assert (rows[case].label, rows[case].stays, rows[case].median_days) == ("Case study", 1, 1.0)
    # In the flow: after Shortlisted, in the job's order (the stays in Offer are still open).
    assert list(rows) == ["new", "shortlisted", technical, case]
    # One job: its own names only.
    one_job = reports.time_in_stage(read_cohort(session, ReportFilter(job_id=other.id)))
    assert [(r.stage, r.label, r.stays) for r in one_job if r.stage == technical] == [
        (technical, "Tech screen", 1)]
