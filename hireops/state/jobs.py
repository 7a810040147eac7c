"""The jobs list: filters and the close / reopen actions."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.models import JobStatus
from hireops.services.jobs import JobRow, list_jobs, set_job_status
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, requires
from hireops.state.auth import AuthState


class JobsState(AuthState):
    jobs: list[JobRow] = []
    # "" shows every status.
    status_filter: str = ""
    search: str = ""

    @rx.event
    @requires(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.jobs = list_jobs(session=session, status=self.status_filter or None,
                                  search=self.search)

    @rx.event
    @requires(*READ_ROLES)
    def filter_status(self, status: str):
        self.status_filter = "" if status == "all" else status
        return JobsState.load

    @rx.event
    @requires(*READ_ROLES)
    def search_titles(self, text: str):
        self.search = text[:200]
        return JobsState.load

    @rx.event
    @requires(*WRITE_ROLES)
    def close_job(self, job_id: int):
        return self._set_status(job_id, JobStatus.closed, "closed")

    @rx.event
    @requires(*WRITE_ROLES)
    def reopen_job(self, job_id: int):
        return self._set_status(job_id, JobStatus.open, "reopened")

    def _set_status(self, job_id: int, status: JobStatus, verb: str):
        with session_scope() as session:
            job = set_job_status(session=session, job_id=int(job_id), status=status,
                                 actor=current_actor())
            title = job.title
        return [JobsState.load, rx.toast.success(f"{title} {verb}.")]
