"""The candidate page's talent-pool state: the entry moves only where a pool entry can go, and
a rejection waits for its reason, as in the tracker."""

from __future__ import annotations

from types import SimpleNamespace

from hireops.db import session_scope
from hireops.models import Application, Role, Stage
from hireops.state.candidates.profile.page import NO_PROFILE
from hireops.state.candidates.profile.talent_pool import CandidatePoolState
from tests.factories import make_candidate, make_job
from tests.state import run_handler, signed_in_token, socket_router


def _pool_page(candidate_id: int) -> SimpleNamespace:
    """A stand-in for the pool state of a recruiter's tab on the candidate's page, loaded."""
    token = signed_in_token("rec@example.com", Role.recruiter)
    state = SimpleNamespace(
        router=socket_router(f"/candidates/view?id={candidate_id}", token),
        candidate_id=candidate_id, profile=NO_PROFILE,
        pool_jobs=[], pool_job_id="", _pool_job_titles={}, adding=False, pool_stages=[],
        pool_reject_title="",
        rejecting=False, reject_reason="", reject_ids=[])
    for helper in ("_refresh", "_reload_pool", "_pool_entry", "_move", "_reject",
                   "_after_change", "_ask_reason"):
        setattr(state, helper, getattr(CandidatePoolState, helper).__get__(state))
    state._refresh()
    run_handler(CandidatePoolState, "load_pool", state)
    return state


def _pooled_candidate() -> tuple[int, int]:
    with session_scope() as session:
        make_job(session, title="Data Analyst")
        lena = make_candidate(session, full_name="Lena Park", email="lena@example.com")
        session.flush()
        pooled = Application(candidate_id=lena.id, job_id=None, stage=Stage.new)
        session.add(pooled)
        session.commit()
        return lena.id, pooled.id


def _stage(application_id: int) -> tuple[str, str]:
    with session_scope() as session:
        application = session.get(Application, application_id)
        return application.stage, application.rejection_reason


def test_the_pool_entry_moves_only_where_a_pool_entry_can_go(database_url):
    candidate_id, pooled_id = _pooled_candidate()
    state = _pool_page(candidate_id)
    assert [o.label for o in state.pool_jobs] == ["Data Analyst"]
    # Hired needs a job: refused even when fired by hand.
    run_handler(CandidatePoolState, "move_pool_entry", state, "hired")
    assert _stage(pooled_id) == ("new", "")
    run_handler(CandidatePoolState, "move_pool_entry", state, "shortlisted")
    assert _stage(pooled_id) == ("shortlisted", "")
    assert state.profile.applications[0].stage_label == "Shortlisted"


def test_rejecting_the_pool_entry_waits_for_a_reason(database_url):
    candidate_id, pooled_id = _pooled_candidate()
    state = _pool_page(candidate_id)
    run_handler(CandidatePoolState, "move_pool_entry", state, "rejected")
    assert state.rejecting and state.reject_ids == [pooled_id]
    assert _stage(pooled_id) == ("new", "")
    run_handler(CandidatePoolState, "set_reject_reason", state, "no")
    run_handler(CandidatePoolState, "confirm_reject", state)
    assert _stage(pooled_id) == ("new", "")
    run_handler(CandidatePoolState, "set_reject_reason", state, "Asked to be removed")
    run_handler(CandidatePoolState, "confirm_reject", state)
    assert _stage(pooled_id) == ("rejected", "Asked to be removed")
    assert state.profile.applications[0].stage_label == "Rejected"
