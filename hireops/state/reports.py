"""The reports page: pipeline by stage and AI usage."""

import reflex as rx

from hireops.db import session_scope
from hireops.services.ai_usage import AgentUsage, summarize_ai_usage
from hireops.services.dashboard import StageCount, get_dashboard_metrics
from hireops.state.access import READ_ROLES, requires
from hireops.state.auth import AuthState


class ReportsState(AuthState):
    stages: list[StageCount] = []
    ai_usage: list[AgentUsage] = []

    @rx.event
    @requires(*READ_ROLES)
    def load(self):
        with session_scope() as session:
            self.stages = get_dashboard_metrics(session=session).stages
            self.ai_usage = summarize_ai_usage(session=session)
