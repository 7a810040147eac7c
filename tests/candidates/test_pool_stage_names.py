"""The talent pool speaks as the company does: its stages (New, Shortlisted, Withdrawn,
Rejected, the same keys in the same order) carry the names the company default gives them in
Settings, in the tracker's menus, its filter, its rows and on the candidate page. A job's own
names stay that job's: the pool follows no job's flow."""

from __future__ import annotations

import pytest

from hireops.db import session_scope
from hireops.models import Application, Candidate, Role, Stage
from hireops.services.candidates.pool_actions import pool_stage_choices
from hireops.services.candidates.profile import get_candidate_profile
from hireops.services.candidates.talent_pool import POOL_STAGES
from hireops.services.candidates.tracker import (
    PoolStageRefused, TrackerFilter, TrackerSort, move_stage, query_tracker,
)
from hireops.services.candidates.tracker_stages import stage_filter_choices, stage_menus
from hireops.services.jobs.job_stages import rename_stage
from hireops.state.candidates.profile.talent_pool import CandidatePoolState
from hireops.state.candidates.tracker import TALENT_POOL_FILTER, TrackerState, job_key
from tests.candidates.test_profile_pool_state import _pool_page
from tests.factories import make_application, make_candidate, make_job
from tests.state import run_handler, signed_in_token, tracker_state

POOL_KEYS = [stage.value for stage in POOL_STAGES]
RENAMED = ["New", "Longlist", "Withdrawn", "Not a fit"]


def _rename_in_company_default(session) -> None:
    """Settings: the company calls Shortlisted "Longlist" and Rejected "Not a fit"."""
    rename_stage(session=session, job_id=None, key=Stage.shortlisted.value, label="Longlist",
                 actor=None)
    rename_stage(session=session, job_id=None, key=Stage.rejected.value, label="Not a fit",
                 actor=None)


def _pooled(session, stage: Stage = Stage.shortlisted, **candidate) -> Application:
    person = make_candidate(session, **candidate)
    pooled = Application(candidate_id=person.id, job_id=None, stage=stage)
    session.add(pooled)
    session.commit()
    return pooled


def _pairs(choices) -> list[tuple[str, str]]:
    return [(choice.key, choice.label) for choice in choices]


def test_the_pools_menu_and_filter_use_the_company_defaults_names(session):
    _rename_in_company_default(session)
    expected = list(zip(POOL_KEYS, RENAMED))
    assert _pairs(stage_menus(session=session, job_ids={None})[None]) == expected
    assert _pairs(stage_filter_choices(session=session, job_ids=set())) == expected
    assert _pairs(pool_stage_choices(session=session, current="new")) == expected


def test_a_pool_row_and_the_candidate_page_name_its_stage_as_the_company_does(session):
    _rename_in_company_default(session)
    pooled = _pooled(session)
    [row] = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort()).rows
    [card] = get_candidate_profile(session=session, candidate_id=pooled.candidate_id).applications
    assert row.stage_label == card.stage_label == "Longlist"


def test_a_jobs_own_rename_does_not_reach_the_pool(session):
    job = make_job(session)
    session.commit()
    rename_stage(session=session, job_id=job.id, key=Stage.shortlisted.value,
                 label="Phone screen", actor=None)
    rename_stage(session=session, job_id=job.id, key=Stage.rejected.value, label="Declined",
                 actor=None)
    pooled = _pooled(session)
    make_application(session, job=job, candidate=session.get(Candidate, pooled.candidate_id),
                     stage=Stage.shortlisted)
    session.commit()

    menus = stage_menus(session=session, job_ids={job.id, None})
    assert [label for _, label in _pairs(menus[None])] == [
        "New", "Shortlisted", "Withdrawn", "Rejected"]
    assert "Phone screen" in [label for _, label in _pairs(menus[job.id])]
    assert [label for _, label in _pairs(stage_filter_choices(session=session,
                                                              job_ids=set()))] == [
        "New", "Shortlisted", "Withdrawn", "Rejected"]
    rows = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort()).rows
    assert sorted((row.job_id is None, row.stage_label) for row in rows) == [
        (False, "Phone screen"), (True, "Shortlisted")]
    cards = get_candidate_profile(session=session, candidate_id=pooled.candidate_id).applications
    assert sorted((card.talent_pool, card.stage_label) for card in cards) == [
        (False, "Phone screen"), (True, "Shortlisted")]


def test_an_entry_left_in_a_stage_outside_the_pool_shows_its_company_name(session):
    """An entry moved before pool entries kept to their four stages: the menu shows where it
    is, named as the company names that stage."""
    rename_stage(session=session, job_id=None, key=Stage.screened.value, label="Screen done",
                 actor=None)
    assert _pairs(pool_stage_choices(session=session, current="screened"))[0] == (
        "screened", "Screen done")


def test_the_trackers_pool_filter_and_rows_use_the_company_defaults_names(database_url):
    token = signed_in_token("rita@example.com", Role.recruiter)
    with session_scope() as session:
        _rename_in_company_default(session)
        pooled_id = _pooled(session).id
    state = tracker_state(token)
    run_handler(TrackerState, "set_filter", state, "job_filter", TALENT_POOL_FILTER)
    run_handler(TrackerState, "load", state)
    assert [(o.value, o.label) for o in state.stage_options] == list(zip(POOL_KEYS, RENAMED))
    assert [o.label for o in state.job_stage_options[job_key(None)]] == RENAMED
    [row] = state.rows
    assert (row.application_id, row.stage_label) == (pooled_id, "Longlist")


def test_the_candidate_pages_pool_entry_uses_the_company_defaults_names(database_url):
    with session_scope() as session:
        _rename_in_company_default(session)
        pooled = _pooled(session, stage=Stage.new, full_name="Lena Park",
                         email="lena@example.com")
        candidate_id = pooled.candidate_id
    state = _pool_page(candidate_id)
    assert [(o.value, o.label) for o in state.pool_stages] == list(zip(POOL_KEYS, RENAMED))
    toast = run_handler(CandidatePoolState, "move_pool_entry", state, "shortlisted")
    assert "Longlist" in str(toast)
    assert state.profile.applications[0].stage_label == "Longlist"


def test_a_refused_pool_move_names_the_stage_as_the_company_does(session):
    rename_stage(session=session, job_id=None, key=Stage.offer.value, label="Proposal",
                 actor=None)
    pooled = _pooled(session, stage=Stage.new)
    with pytest.raises(PoolStageRefused, match="cannot move to Proposal:"):
        move_stage(session=session, application_ids=[pooled.id], stage=Stage.offer,
                   actor=None)


def test_the_pool_reject_dialog_names_the_companys_rejected_stage(database_url):
    with session_scope() as session:
        _rename_in_company_default(session)
        candidate_id = _pooled(session, stage=Stage.new).candidate_id
    state = _pool_page(candidate_id)
    assert state.pool_reject_title == "Move this talent-pool entry to “Not a fit”?"
