"""The stage editor's state: a recruiter edits a job's stages, only an admin the company
default (a setting, like the rest of Settings)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.auth import create_user, open_session
from hireops.services.jobs.job_stages import job_stages
from hireops.state.jobs.stage_editor import StageEditorState
from tests.state import run_handler, socket_router
from tests.factories import make_job


def _run(name: str, state, *args):
    return run_handler(StageEditorState, name, state, *args)


def _state(role: Role, job_id: int) -> SimpleNamespace:
    with session_scope() as session:
        user = create_user(session=session, email=f"{role.value}@example.com",
                           password="long-enough-password", role=role)
        token = open_session(session=session, user=user)
    state = SimpleNamespace(router=socket_router(f"/jobs/edit?id={job_id}", token),
                            stages_job_id=job_id, stages=[], new_stage_label="")
    for helper in ("_change", "_reload"):
        setattr(state, helper, getattr(StageEditorState, helper).__get__(state))
    return state


@pytest.fixture
def job_id(database_url) -> int:
    with session_scope() as session:
        job = make_job(session, title="Data Engineer")
        session.commit()
        return job.id


def test_a_recruiter_adds_a_stage_to_a_job_but_not_to_the_default(job_id):
    state = _state(Role.recruiter, job_id)
    _run("set_new_stage_label", state, "Technical interview")
    _run("add", state)
    assert "Technical interview" in [s.label for s in state.stages]

    state.stages_job_id = 0
    _run("set_new_stage_label", state, "Culture chat")
    _run("add", state)
    with session_scope() as session:
        assert "Culture chat" not in [s.label for s in job_stages(session=session,
                                                                   job_id=None)]


def test_an_admin_renames_a_default_stage(job_id):
    state = _state(Role.admin, 0)
    _run("rename", state, "hired", "Joined the team")
    with session_scope() as session:
        labels = {s.key: s.label for s in job_stages(session=session, job_id=None)}
    assert labels["hired"] == "Joined the team"
    assert {s.key: s.label for s in state.stages}["hired"] == "Joined the team"
