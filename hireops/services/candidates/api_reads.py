"""What the integration API reads: jobs, candidates, applications and events, paged with
limit/offset, with blind-screened identities hidden.

An API token belongs to no person, so nobody can reveal a blind-screened identity through it:
a candidate with any application to a blind-screening job is always shown as
"Candidate #<id>", without contact details, and cannot be found by searching for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Decision, Evaluation, Event, Job, JobStatus
from hireops.services.privacy import blind_screening, hidden_events
from hireops.services.privacy.blind_screening import hidden_candidates, redact_for
from hireops.services.privacy.hidden_events import ShownEvent



@dataclass(frozen=True)
class Slice:
    """One page of rows and how many match in all."""

    items: list[Any]
    total: int


def _blind_candidate_ids():
    """Candidates with an application to a blind-screening job (a subquery)."""
    return hidden_candidates(honour_reveals=False)


def hidden_candidate_ids(*, session: Session, candidate_ids: list[int]) -> set[int]:
    """Which of `candidate_ids` have their identity hidden by blind screening."""
    return blind_screening.hidden_candidate_ids(session=session, candidate_ids=candidate_ids,
                                                honour_reveals=False)


def shown_events(*, session: Session, events: list[Event]) -> dict[int, ShownEvent]:
    """The events' values without the identity of any blind-screened candidate they concern."""
    return hidden_events.shown_events(session=session, events=events, honour_reveals=False)


def redact_values(candidate: Candidate, value: Any) -> Any:
    """A stored result (the scorer's, the evaluator's) without the candidate's identity:
    sentences are redacted as a resume is, single words only where they name the person."""
    if isinstance(value, dict):
        return {k: ("" if k in ("name", "email", "phone") and v else redact_values(candidate, v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [redact_values(candidate, item) for item in value]
    if isinstance(value, str) and value:
        return (redact_for(candidate, value) if " " in value.strip()
                else hidden_events.HIDDEN if _names_them(candidate, value) else value)
    return value


def _names_them(candidate: Candidate, word: str) -> bool:
    word = word.lower().strip(".,;:")
    details = {candidate.email.lower(), candidate.phone.lower(),
               *(part.lower() for part in candidate.full_name.split() if len(part) > 1)}
    return bool(word) and word in details


def _page(session: Session, query, limit: int, offset: int) -> Slice:
    total = session.exec(select(sa.func.count()).select_from(query.subquery())).one()
    return Slice(list(session.exec(query.limit(limit).offset(offset)).all()), int(total))


def list_jobs_slice(*, session: Session, status: JobStatus | None, limit: int,
                    offset: int) -> Slice:
    """Jobs by id, optionally of one status."""
    query = select(Job).order_by(Job.id)
    if status is not None:
        query = query.where(Job.status == JobStatus(status).value)
    return _page(session, query, limit, offset)


def list_candidates_slice(*, session: Session, search: str, limit: int, offset: int) -> Slice:
    """Surviving (not merged) candidates by id; `search` matches a name, email or title, but
    never the identity of a blind-screened candidate."""
    query = select(Candidate).where(Candidate.merged_into_id.is_(None)).order_by(Candidate.id)
    text = search.strip()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        by_identity = sa.and_(
            sa.or_(Candidate.full_name.ilike(pattern, escape="\\"),
                   Candidate.email.ilike(pattern, escape="\\")),
            Candidate.id.not_in(_blind_candidate_ids()))
        query = query.where(sa.or_(by_identity,
                                   Candidate.current_title.ilike(pattern, escape="\\")))
    return _page(session, query, limit, offset)


def candidate_applications(*, session: Session,
                           candidate_id: int) -> list[tuple[Application, Job | None]]:
    """A candidate's applications with their jobs, oldest first; a talent-pool application
    (to no job) comes with None."""
    return list(session.exec(
        select(Application, Job).outerjoin(Job, Job.id == Application.job_id)
        .where(Application.candidate_id == candidate_id).order_by(Application.id)).all())


def latest_evaluation(*, session: Session, application_id: int) -> Evaluation | None:
    """The newest finished evaluation of an application, if any."""
    return session.exec(select(Evaluation).where(Evaluation.application_id == application_id,
                                                 Evaluation.status == "ok")
                        .order_by(Evaluation.id.desc())).first()


def latest_decision(*, session: Session, application_id: int) -> Decision | None:
    """The newest decision on an application, if any."""
    return session.exec(select(Decision).where(Decision.application_id == application_id)
                        .order_by(Decision.id.desc())).first()


def list_events_slice(*, session: Session, entity_type: str, entity_id: int | None,
                      action: str, since: datetime | None, limit: int, offset: int) -> Slice:
    """Audit events oldest first (so a poller can continue from the last `at` it saw)."""
    query = select(Event).order_by(Event.at, Event.id)
    if entity_type:
        query = query.where(Event.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(Event.entity_id == entity_id)
    if action:
        query = query.where(Event.action == action)
    if since is not None:
        query = query.where(Event.at > since)
    return _page(session, query, limit, offset)

