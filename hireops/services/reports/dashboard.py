"""The figures on the dashboard, each read from the database in one query."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Event, Job, JobStatus, Stage
from hireops.services.jobs.job_stages import job_stages
from hireops.services.reports.audit_sentences import describe_events
from hireops.services.platform.clock import format_local
from hireops.services.privacy.hidden_events import shown_events
from hireops.services.platform.labels import STAGE_LABELS, actor_label


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


@dataclass(frozen=True)
class ActivityItem:
    # "7 Dec 2026, 14:05 CET" (services.platform.clock).
    at: str
    # Who did it, in words.
    actor: str
    # The whole sentence, "The inbox moved Ada Lovelace (Backend Engineer) from New to
    # Matched."; shown as lead + link_text (to link_href, "" for no page) + tail.
    action: str
    lead: str = ""
    link_text: str = ""
    link_href: str = ""
    tail: str = ""


@dataclass(frozen=True)
class DashboardMetrics:
    open_jobs: int
    candidates: int
    applications: int
    awaiting_hr: int
    stages: list[StageCount]
    recent_activity: list[ActivityItem]


# The stages jobs added themselves ("Technical interview"), counted together.
JOB_SPECIFIC_STAGES = "job_specific"
# They come after Shortlisted, before these.
END_STAGES_SHOWN = (Stage.offer, Stage.hired, Stage.withdrawn, Stage.rejected)


def get_dashboard_metrics(*, session: Session) -> DashboardMetrics:
    """Counts for the metric cards, applications per stage and the latest audit events."""
    per_stage = dict(
        session.exec(select(Application.stage, func.count()).group_by(Application.stage)).all()
    )
    # Counted over every job: named as the company default names them (Settings), the names
    # a new job starts with.
    names = {stage.key: stage.label for stage in job_stages(session=session, job_id=None)}
    stages = [StageCount(stage.value, names.get(stage.value, label),
                         per_stage.pop(stage.value, 0))
              for stage, label in STAGE_LABELS.items()]
    if per_stage:  # what is left is in stages the jobs added
        stages.insert(len(stages) - len(END_STAGES_SHOWN), StageCount(JOB_SPECIFIC_STAGES, "Job-specific stages",
                                                  sum(per_stage.values())))
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
    events = list(session.exec(select(Event).order_by(Event.id.desc()).limit(limit)).all())
    # As on the audit log: blind screening hides the candidate here too.
    words = describe_events(session=session, events=events,
                            shown=shown_events(session=session, events=events))
    return [ActivityItem(at=format_local(e.at), actor=actor_label(e.actor_label),
                         action=words[e.id].sentence, lead=words[e.id].lead,
                         link_text=words[e.id].link_text, link_href=words[e.id].link_href,
                         tail=words[e.id].tail)
            for e in events]
