"""The candidates page: applications across jobs."""

import reflex as rx

from hireops.db import session_scope
from hireops.services.applications import ApplicationRow, list_applications
from hireops.state.access import READ_ROLES, requires
from hireops.state.auth import AuthState


class CandidatesState(AuthState):
    applications: list[ApplicationRow] = []

    @rx.event
    @requires(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.applications = list_applications(session=session)
