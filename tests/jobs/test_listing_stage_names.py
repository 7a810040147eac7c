"""The jobs list counts each job's shortlist under one column: its title is Shortlisted as the
company default names it (Settings), the name new jobs start with."""

from __future__ import annotations

from types import SimpleNamespace

from hireops.db import session_scope
from hireops.models import Role, Stage
from hireops.services.jobs.job_stages import rename_stage
from hireops.state.jobs.listing import JobsState
from tests.state import run_handler, signed_in_token, socket_router


def test_the_shortlist_column_takes_the_company_defaults_name(database_url):
    with session_scope() as session:
        rename_stage(session=session, job_id=None, key=Stage.shortlisted.value,
                     label="Longlist", actor=None)
    token = signed_in_token("rec@example.com", Role.recruiter)
    state = SimpleNamespace(router=socket_router("/jobs", token), jobs=[], status_filter="",
                            search="", changing=0, shortlisted_header="Shortlisted")
    run_handler(JobsState, "load", state)
    assert state.shortlisted_header == "Longlist"
