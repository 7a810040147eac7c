"""The job editor's owner choice: whose notifications follow the job (saved on change)."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.models import Job
from hireops.services.jobs.owner import owner_choices, set_job_owner
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url

TEAM = "team"


class JobOwnerState(AuthState):
    # [user id, name] of the people who may own a job.
    choices: list[list[str]] = []
    # A user id, or TEAM for no owner.
    owner: str = TEAM
    _job_id: int = 0

    @event_for(*READ_ROLES)
    def load_owner(self):
        self._job_id = id_in_url(self)
        if not self._job_id:  # a new job: no owner to show yet
            return
        with session_scope() as session:
            job = session.get(Job, self._job_id)
            self.choices = [[str(user_id), name]
                            for user_id, name in owner_choices(session=session)]
        self.owner = str(job.owner_id) if job and job.owner_id else TEAM

    @event_for(*WRITE_ROLES)
    def choose_owner(self, value: str):
        owner_id = int(value) if str(value).isdigit() else None
        _, refusal = call_service(set_job_owner, (LookupError, ValueError), job_id=self._job_id,
                                  owner_id=owner_id, actor=current_actor())
        if refusal:
            return refusal.toast
        self.owner = str(owner_id) if owner_id else TEAM
        return rx.toast.success("Owner saved: their notifications follow this job.")
