"""The tracker's stage menus offer each job's own stages: inline, the row's job's; in bulk, the
stages every selected row's job has, and why the others are missing; in the stage filter, the
built-in stages and every stage the jobs shown added."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from hireops.models import Stage
from hireops.services.candidates.tracker import (
    TrackerFilter,
    TrackerSort,
    move_stage,
    query_tracker,
)
from hireops.services.candidates.tracker_stages import (
    bulk_stage_choices,
    stage_filter_choices,
    stage_menus,
)
from hireops.services.jobs.job_stages import add_stage, rename_stage
from tests.factories import make_application, make_job


def _keys(choices) -> list[str]:
    return [c.key for c in choices]


def _labels(choices) -> list[str]:
    return [c.label for c in choices]


def test_a_rows_menu_lists_its_jobs_own_stages_in_flow_order(session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    technical = add_stage(session=session, job_id=backend.id, label="Technical interview",
                          actor=None)

    menus = stage_menus(session=session, job_ids={backend.id, analyst.id, None})

    backend_labels = _labels(menus[backend.id])
    assert "Technical interview" in backend_labels
    # Between the human steps and the offer, where the job's flow puts it.
    assert backend_labels.index("Shortlisted") < backend_labels.index("Technical interview") \
        < backend_labels.index("Offer")
    assert technical.key not in _keys(menus[analyst.id])
    # The talent pool follows no job: only the built-in stages.
    assert technical.key not in _keys(menus[None])
    assert Stage.shortlisted.value in _keys(menus[None])


def test_a_stage_offered_inline_is_one_the_tracker_can_move_into(session: Session):
    job = make_job(session)
    application = make_application(session, job=job)
    session.commit()
    stage = add_stage(session=session, job_id=job.id, label="Case study", actor=None)

    offered = stage_menus(session=session, job_ids={job.id})[job.id]
    chosen = next(c for c in offered if c.label == "Case study")

    assert move_stage(session=session, application_ids=[application.id], stage=chosen.key,
                      actor=None) == 1
    assert session.get(type(application), application.id).stage == stage.key


def test_bulk_offers_the_stages_every_selected_job_has_and_says_why_others_are_not(
        session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    add_stage(session=session, job_id=backend.id, label="Technical interview", actor=None)
    both_key = add_stage(session=session, job_id=backend.id, label="Reference check",
                         actor=None).key
    assert add_stage(session=session, job_id=analyst.id, label="Reference check",
                     actor=None).key == both_key
    menus = stage_menus(session=session, job_ids={backend.id, analyst.id, None})

    one_job = bulk_stage_choices(menus, {backend.id})
    assert "Technical interview" in _labels(one_job.choices) and one_job.not_offered == ""

    two_jobs = bulk_stage_choices(menus, {backend.id, analyst.id})
    assert both_key in _keys(two_jobs.choices)
    assert "Technical interview" not in _labels(two_jobs.choices)
    assert "Technical interview" in two_jobs.not_offered
    assert Stage.offer.value in _keys(two_jobs.choices)

    with_pool = bulk_stage_choices(menus, {backend.id, None})
    assert both_key not in _keys(with_pool.choices)
    assert "Reference check" in with_pool.not_offered


def test_bulk_shows_every_name_a_shared_stage_has(session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    rename_stage(session=session, job_id=analyst.id, key=Stage.shortlisted.value,
                 label="Longlist", actor=None)
    menus = stage_menus(session=session, job_ids={backend.id, analyst.id})

    labels = dict((c.key, c.label) for c in bulk_stage_choices(
        menus, {backend.id, analyst.id}).choices)

    assert labels[Stage.shortlisted.value] == "Shortlisted / Longlist"
    assert labels[Stage.offer.value] == "Offer"


def test_the_tracker_moves_a_row_into_its_jobs_own_stage_and_offers_it_in_bulk(database_url):
    from hireops.db import session_scope
    from hireops.models import Application, Role
    from hireops.state.candidates.tracker import TrackerState, job_key
    from tests.state import run_handler, signed_in_token, tracker_state

    token = signed_in_token("rita@example.com", Role.recruiter)
    with session_scope() as session:
        backend, analyst = make_job(session), make_job(session, title="Data Analyst")
        ada = make_application(session, job=backend, stage=Stage.screened)
        grace = make_application(session, job=analyst, stage=Stage.screened)
        session.commit()
        key = add_stage(session=session, job_id=backend.id, label="Technical interview",
                        actor=None).key
        backend_id, ada_id, grace_id = backend.id, ada.id, grace.id
    state = tracker_state(token)
    run_handler(TrackerState, "load", state)

    inline = state.job_stage_options[job_key(backend_id)]
    assert (key, "Technical interview") in [(o.value, o.label) for o in inline]
    run_handler(TrackerState, "change_stage", state, ada_id, key)
    with session_scope() as session:
        assert session.get(Application, ada_id).stage == key
    assert next(r for r in state.rows if r.application_id == ada_id).stage_label \
        == "Technical interview"

    run_handler(TrackerState, "toggle_row", state, ada_id)
    assert "Technical interview" in [o.label for o in state.bulk_stage_options]
    run_handler(TrackerState, "toggle_row", state, grace_id)  # another job's row too
    assert "Technical interview" not in [o.label for o in state.bulk_stage_options]
    assert "Technical interview" in state.bulk_stage_note


def test_the_stage_filter_offers_the_stages_the_jobs_added(session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    technical = add_stage(session=session, job_id=backend.id, label="Technical interview",
                          actor=None).key
    case = add_stage(session=session, job_id=analyst.id, label="Case study", actor=None).key
    rename_stage(session=session, job_id=analyst.id, key=Stage.shortlisted.value,
                 label="Longlist", actor=None)

    every_job = stage_filter_choices(session=session, job_ids={backend.id, analyst.id})
    keys = _keys(every_job)
    assert {technical, case} <= set(keys)
    # The built-in stages, under their built-in names, and the jobs' own in their place.
    assert keys.index(Stage.shortlisted.value) < keys.index(technical) < keys.index(
        Stage.offer.value)
    assert "Shortlisted" in _labels(every_job) and "Longlist" not in _labels(every_job)
    assert [c.position for c in every_job] == list(range(len(every_job)))

    # One job: its own flow, as it names it.
    analyst_only = stage_filter_choices(session=session, job_ids={analyst.id})
    assert technical not in _keys(analyst_only) and case in _keys(analyst_only)
    assert "Longlist" in _labels(analyst_only)
    # The talent pool follows no job's flow.
    assert _keys(stage_filter_choices(session=session, job_ids=set())) == _keys(
        stage_menus(session=session, job_ids={None})[None])


def test_two_jobs_naming_one_added_stage_differently_show_both_names(session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    key = add_stage(session=session, job_id=backend.id, label="Reference check",
                    actor=None).key
    add_stage(session=session, job_id=analyst.id, label="Reference check", actor=None)
    rename_stage(session=session, job_id=analyst.id, key=key, label="References", actor=None)

    choices = stage_filter_choices(session=session, job_ids={backend.id, analyst.id})

    assert [c.label for c in choices if c.key == key] == ["Reference check / References"]


def test_the_grid_filters_by_a_stage_a_job_added(session: Session):
    backend, analyst = make_job(session), make_job(session, title="Data Analyst")
    ada = make_application(session, job=backend, stage=Stage.shortlisted)
    make_application(session, job=backend, stage=Stage.screened)
    make_application(session, job=analyst, stage=Stage.shortlisted)
    session.commit()
    key = add_stage(session=session, job_id=backend.id, label="Technical interview",
                    actor=None).key
    move_stage(session=session, application_ids=[ada.id], stage=key, actor=None)

    page = query_tracker(session=session, filter=TrackerFilter(stages=[key]),
                         sort=TrackerSort())

    assert [(row.application_id, row.stage_label) for row in page.rows] == [
        (ada.id, "Technical interview")]
    with pytest.raises(ValueError):
        TrackerFilter(stages=["no_such_stage"])


def test_the_tracker_offers_and_filters_by_a_jobs_own_stage(database_url):
    from hireops.db import session_scope
    from hireops.models import Role
    from hireops.state.candidates.tracker import TrackerState
    from tests.state import run_handler, signed_in_token, tracker_state

    token = signed_in_token("rita@example.com", Role.recruiter)
    with session_scope() as session:
        backend, analyst = make_job(session), make_job(session, title="Data Analyst")
        ada = make_application(session, job=backend, stage=Stage.shortlisted)
        make_application(session, job=analyst, stage=Stage.shortlisted)
        session.commit()
        key = add_stage(session=session, job_id=backend.id, label="Technical interview",
                        actor=None).key
        move_stage(session=session, application_ids=[ada.id], stage=key, actor=None)
        session.commit()
        ada_id, analyst_id = ada.id, analyst.id
    state = tracker_state(token)
    run_handler(TrackerState, "load", state)
    assert (key, "Technical interview") in [(o.value, o.label) for o in state.stage_options]

    run_handler(TrackerState, "set_filter", state, "stage_filter", key)
    run_handler(TrackerState, "load", state)  # what set_filter hands on to
    assert [row.application_id for row in state.rows] == [ada_id]
    # Narrowed to a job without that stage: the menu no longer offers it, nor filters by it.
    run_handler(TrackerState, "set_filter", state, "job_filter", str(analyst_id))
    run_handler(TrackerState, "load", state)
    assert key not in [o.value for o in state.stage_options]
    assert state.stage_filter == "" and len(state.rows) == 1
