"""Pages that keep what they showed for one record when they open another: a job's rescoring
result must not appear on the next job's ranking."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import select

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.auth import create_user, open_session
from hireops.state.jobs.ranking import RankingState
from tests.state import run_handler, signed_in_token, socket_router, tracker_state
from tests.factories import make_application, make_candidate, make_job


def _open(state, path: str, job_id: int) -> None:
    state.router = socket_router(path, state.token)
    state.router.url.query_parameters = {"id": str(job_id)}


@pytest.fixture
def recruiter_token(database_url) -> str:
    return signed_in_token("rita@example.com", Role.recruiter)


def test_the_next_jobs_ranking_does_not_show_the_last_rescoring(recruiter_token):
    with session_scope() as session:
        first, second = make_job(session), make_job(session, title="Data Analyst")
        session.commit()
        first_id, second_id = first.id, second.id
    state = SimpleNamespace(token=recruiter_token, job_id=0, job_title="", blind=False, rows=[],
                            stale_count=0, rescoring=False, rescore_done=0, rescore_total=0,
                            last_rescore="")
    state._refresh = RankingState._refresh.__get__(state)
    state._forget_rescoring = RankingState._forget_rescoring.__get__(state)
    _open(state, "/ranking", first_id)
    run_handler(RankingState, "load", state)
    # What the first job's rescoring left on the page.
    state.last_rescore, state.rescore_done, state.rescore_total = \
        "Rescoring finished: 3 of 3 rescored.", 3, 3

    _open(state, "/ranking", first_id)
    run_handler(RankingState, "load", state)
    assert state.last_rescore.startswith("Rescoring finished")  # same job: still true

    _open(state, "/ranking", second_id)
    run_handler(RankingState, "load", state)
    assert state.job_title == "Data Analyst"
    assert (state.last_rescore, state.rescore_done, state.rescore_total) == ("", 0, 0)


def test_the_tracker_columns_a_user_hides_survive_signing_in_again(recruiter_token):
    from hireops.state.candidates.tracker import DEFAULT_HIDDEN, TrackerState

    first = tracker_state(recruiter_token)
    run_handler(TrackerState, "load", first)
    assert first.hidden_columns == list(DEFAULT_HIDDEN)
    run_handler(TrackerState, "toggle_column", first, "final_score")
    run_handler(TrackerState, "toggle_column", first, "source")  # shown again
    assert first.hidden_columns == ["final_score"]

    # A new sign-in is a new session and a fresh page state.
    with session_scope() as session:
        from hireops.models import User

        rita = session.exec(select(User).where(User.email == "rita@example.com")).one()
        token = open_session(session=session, user=rita)
    later = tracker_state(token)
    run_handler(TrackerState, "load", later)
    assert later.hidden_columns == ["final_score"]

    # Another user keeps the default.
    with session_scope() as session:
        other = create_user(session=session, email="omar@example.com",
                            password="long-enough-password", role=Role.recruiter)
        other_token = open_session(session=session, user=other)
    someone_else = tracker_state(other_token)
    run_handler(TrackerState, "load", someone_else)
    assert someone_else.hidden_columns == list(DEFAULT_HIDDEN)


def test_a_stage_change_updates_the_row_in_place_without_reordering(recruiter_token):
    from hireops.models import Stage
    from hireops.state.candidates.tracker import TrackerState

    with session_scope() as session:
        job = make_job(session)
        for name in ("Ada", "Grace", "Katherine"):
            person = make_candidate(session, full_name=name, email=f"{name.lower()}@example.com")
            make_application(session, job=job, candidate=person, stage=Stage.matched)
        session.commit()
    state = tracker_state(recruiter_token)
    state._move = TrackerState._move.__get__(state)
    run_handler(TrackerState, "load", state)
    before = [row.candidate_name for row in state.rows]
    last = state.rows[-1]

    run_handler(TrackerState, "change_stage", state, last.application_id, Stage.screened.value)

    # The moved row (now the most recently active) stays where the recruiter's cursor is.
    assert [row.candidate_name for row in state.rows] == before
    assert state.rows[-1].application_id == last.application_id
    assert state.rows[-1].stage == Stage.screened.value
    run_handler(TrackerState, "load", state)  # the next load orders the page again
    assert state.rows[0].application_id == last.application_id
