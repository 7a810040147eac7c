"""The figures on the dashboard, each read from the database in one query."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Event, Job, JobStatus, Stage
from hireops.services.clock import format_local


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


@dataclass(frozen=True)
class ActivityItem:
    at: str
    actor: str
    action: str


@dataclass(frozen=True)
class DashboardMetrics:
    open_jobs: int
    candidates: int
    applications: int
    awaiting_hr: int
    stages: list[StageCount]
    recent_activity: list[ActivityItem]


STAGE_LABELS = {
    Stage.new: "New",
    Stage.classified: "Classified",
    Stage.matched: "Matched",
    Stage.interview_link_sent: "Interview link sent",
    Stage.screened: "Screened",
    Stage.screening_scheduled: "Screening scheduled",
    Stage.shortlisted: "Shortlisted",
    Stage.rejected: "Rejected",
}


def get_dashboard_metrics(*, session: Session) -> DashboardMetrics:
    """Counts for the metric cards, applications per stage and the latest audit events."""
    per_stage = dict(
        session.exec(select(Application.stage, func.count()).group_by(Application.stage)).all()
    )
    stages = [StageCount(stage.value, label, per_stage.get(stage, 0))
              for stage, label in STAGE_LABELS.items()]
    return DashboardMetrics(
        open_jobs=_count(session, select(func.count()).select_from(Job)
                         .where(Job.status == JobStatus.open)),
        candidates=_count(session, select(func.count()).select_from(Candidate)
                          .where(Candidate.merged_into_id.is_(None))),
        applications=sum(s.count for s in stages),
        awaiting_hr=count_decisions_awaiting_hr(session=session),
        stages=stages,
        recent_activity=_recent_activity(session),
    )


def count_decisions_awaiting_hr(*, session: Session) -> int:
    """Applications whose latest decision waits for a person."""
    latest = (select(Decision.application_id, func.max(Decision.id).label("latest_id"))
              .group_by(Decision.application_id).subquery())
    query = (select(func.count()).select_from(Decision)
             .join(latest, Decision.id == latest.c.latest_id)
             .where(Decision.status == "pending_hr"))
    return _count(session, query)


def _count(session: Session, query) -> int:
    return int(session.exec(query).one())


def _recent_activity(session: Session, limit: int = 8) -> list[ActivityItem]:
    events = session.exec(select(Event).order_by(Event.id.desc()).limit(limit)).all()
    return [ActivityItem(at=format_local(e.at), actor=e.actor_label,
                         action=e.action.replace(".", " ").replace("_", " "))
            for e in events]
