"""Dashboard figures, read with the decision queue (state/decisions/queue.py) on page load,
after each decision and at every live update."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.reports.dashboard import ActivityItem, StageCount, get_dashboard_metrics
from hireops.services.mail.sender import mail_server_set
from hireops.state.auth import AuthState


class DashboardState(AuthState):
    open_jobs: int = 0
    candidates: int = 0
    applications: int = 0
    # Applications whose latest decision waits for HR.
    awaiting_hr: int = 0
    stages: list[StageCount] = []
    recent_activity: list[ActivityItem] = []
    # False while mail only lands in the local outbox folder (a banner says so).
    mail_server_set: bool = True

    @rx.var
    def largest_stage(self) -> int:
        return max([s.count for s in self.stages] + [1])

    def _load_metrics(self) -> None:
        with session_scope() as session:
            metrics = get_dashboard_metrics(session=session)
        self.open_jobs = metrics.open_jobs
        self.candidates = metrics.candidates
        self.applications = metrics.applications
        self.awaiting_hr = metrics.awaiting_hr
        self.stages = metrics.stages
        self.recent_activity = metrics.recent_activity
        self.mail_server_set = mail_server_set()
