"""The jobs list: filters and the close / reopen actions."""

from __future__ import annotations

from dataclasses import replace

import reflex as rx

from hireops.db import session_scope
from hireops.models import JobStatus, Stage
from hireops.services.jobs.job_stages import job_stages
from hireops.services.jobs.records import JobRow, list_jobs, set_job_status
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.services.platform.clock import format_day


class JobsState(AuthState):
    jobs: list[JobRow] = []
    # "" shows every status.
    status_filter: str = ""
    search: str = ""
    # The job whose close or reopen is running (0: none): its buttons wait meanwhile.
    changing: int = 0
    # The shortlist column's title: one column for every job, so the company default's name
    # for the stage (Settings), which new jobs start with.
    shortlisted_header: str = "Shortlisted"

    @event_for(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.jobs = list_jobs(session=session, status=self.status_filter or None,
                                  search=self.search)
            self.shortlisted_header = next(
                stage.label for stage in job_stages(session=session, job_id=None)
                if stage.key == Stage.shortlisted.value)

    @event_for(*READ_ROLES)
    def filter_status(self, status: str):
        self.status_filter = "" if status == "all" else status
        return JobsState.load

    @event_for(*READ_ROLES)
    def search_titles(self, text: str):
        self.search = text[:200]
        return JobsState.load

    @event_for(*WRITE_ROLES)
    async def close_job(self, job_id: int):
        async for update in self._set_status(job_id, JobStatus.closed, "closed"):
            yield update

    @event_for(*WRITE_ROLES)
    async def reopen_job(self, job_id: int):
        async for update in self._set_status(job_id, JobStatus.open, "reopened"):
            yield update

    async def _set_status(self, job_id: int, status: JobStatus, verb: str):
        if self.changing:
            return
        self.changing = int(job_id)
        yield
        try:
            with session_scope() as session:
                job = set_job_status(session=session, job_id=int(job_id), status=status,
                                     actor=current_actor())
                title, updated_at = job.title, format_day(job.updated_at)
        finally:
            self.changing = 0
        # The row changes where it stands: re-sorting now would slide the next job's button
        # under the pointer. The list is ordered again on the next visit or filter.
        self.jobs = [replace(row, status=status.value, updated_at=updated_at)
                     if row.id == int(job_id) else row for row in self.jobs]
        yield rx.toast.success(f"{title} {verb}.")
