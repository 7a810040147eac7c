"""The pipeline board of one job: a column per stage, a card per application, and moves made
by dragging a card (or its "Move to" menu) under the tracker's rules and audit.

The columns come from `board_columns` alone, so the board follows whatever list of stages a
job has; the rest is pure (grouping, days in stage, what a card shows) and reads the
database only in `load_board`.

A card names the candidate by the one blind-screening rule for a person
(services/blind_screening): hidden on every board while any of their jobs screens blind and
HR has not revealed them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Event, User, utcnow
from hireops.services.privacy.blind_screening import hidden_candidate_ids, shown_name
from hireops.services.jobs.job_stages import job_stages
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.candidates.stages import STAGE_CHANGED, stage_value
from hireops.services.candidates.tracker import ApplicationsNotFound, move_stage

# A column holds this many cards at most; the rest are counted and reached through the grid.
MAX_CARDS_PER_COLUMN = 200


@dataclass(frozen=True)
class BoardColumn:
    """One stage of the job's flow, as a column heading."""

    # What Application.stage holds for the cards of this column (a Stage value or a custom key).
    stage: str
    label: str


@dataclass(frozen=True)
class BoardCard:
    """One application as its card shows it."""

    application_id: int
    candidate_id: int
    # The candidate's name, or "Candidate #<id>" while blind screening hides them.
    name: str
    identity_hidden: bool
    stage: str
    # Scores rounded for display; None before that step.
    resume_score: int | None
    interview_score: int | None
    final_score: int | None
    # advance | hold | reject, or "" before any decision.
    decision: str
    # Whole days since the application entered its stage (0 on the day it did).
    days_in_stage: int


@dataclass(frozen=True)
class BoardLane:
    """A column with its cards, oldest in the stage first."""

    stage: str
    label: str
    cards: list[BoardCard] = field(default_factory=list)
    # Applications in the stage, including any past MAX_CARDS_PER_COLUMN.
    count: int = 0


@dataclass(frozen=True)
class CardFacts:
    """What the database knows of one application, before it becomes a card."""

    application_id: int
    candidate_id: int
    full_name: str
    email: str
    stage: str
    resume_score: float | None
    interview_score: float | None
    final_score: float | None
    decision: str
    # When it entered its current stage: its last stage change, else its creation.
    entered_stage_at: datetime


class NotOnThisBoard(LookupError):
    """The application belongs to another job, or the stage is not one of the job's."""


def board_columns(*, session: Session, job_id: int) -> list[BoardColumn]:
    """The job's stages in flow order: the board's columns and its "Move to" choices."""
    get_job_or_raise(session=session, job_id=job_id)
    return [BoardColumn(stage.key, stage.label)
            for stage in job_stages(session=session, job_id=job_id)]


def days_in_stage(entered_stage_at: datetime, now: datetime) -> int:
    """Whole days between entering the stage and `now`; never negative (clock skew)."""
    return max(0, (now - entered_stage_at).days)


def make_card(facts: CardFacts, *, hidden: bool, now: datetime) -> BoardCard:
    """The card of one application; the name only when blind screening does not hide it."""
    person = Candidate(id=facts.candidate_id, full_name=facts.full_name, email=facts.email)
    return BoardCard(
        application_id=facts.application_id, candidate_id=facts.candidate_id,
        name=shown_name(person, hidden=hidden), identity_hidden=hidden, stage=facts.stage,
        resume_score=_rounded(facts.resume_score),
        interview_score=_rounded(facts.interview_score),
        final_score=_rounded(facts.final_score), decision=facts.decision,
        days_in_stage=days_in_stage(facts.entered_stage_at, now))


def group_cards(columns: list[BoardColumn], cards: Iterable[BoardCard],
                limit: int = MAX_CARDS_PER_COLUMN) -> list[BoardLane]:
    """One lane per column, in column order, each with its cards longest-waiting first (then
    by application id, so the order is stable); a card of a stage with no column is left out
    rather than shown under the wrong heading."""
    by_stage: dict[str, list[BoardCard]] = {column.stage: [] for column in columns}
    for card in cards:
        if card.stage in by_stage:
            by_stage[card.stage].append(card)
    lanes = []
    for column in columns:
        ordered = sorted(by_stage[column.stage],
                         key=lambda card: (-card.days_in_stage, card.application_id))
        lanes.append(BoardLane(column.stage, column.label, ordered[:limit], len(ordered)))
    return lanes


def load_board(*, session: Session, job_id: int, now: datetime | None = None,
               honour_reveals: bool = True) -> list[BoardLane]:
    """The job's board: every application to it, grouped into the job's columns."""
    columns = board_columns(session=session, job_id=job_id)
    facts = _card_facts(session, job_id)
    hidden = hidden_candidate_ids(session=session,
                                  candidate_ids=[f.candidate_id for f in facts],
                                  honour_reveals=honour_reveals)
    now = now or utcnow()
    cards = [make_card(f, hidden=f.candidate_id in hidden, now=now) for f in facts]
    return group_cards(columns, cards)


def move_card(*, session: Session, job_id: int, application_id: int, stage: str,
              actor: User | None, reason: str = "") -> bool:
    """Move a card of this job's board to another of its columns, under the tracker's rules
    (a reason for Rejected) and with its audit event; False when it was there already."""
    stages = {column.stage for column in board_columns(session=session, job_id=job_id)}
    if stage not in stages:
        raise NotOnThisBoard(f"{stage!r} is not a stage of this job")
    application = session.get(Application, application_id)
    if application is None:
        raise ApplicationsNotFound(f"no application with id {application_id}")
    if application.job_id != job_id:
        raise NotOnThisBoard(f"application {application_id} is not on this job's board")
    return bool(move_stage(session=session, application_ids=[application_id],
                           stage=stage, actor=actor, reason=reason))


def _card_facts(session: Session, job_id: int) -> list[CardFacts]:
    last_move = (select(Event.entity_id.label("application_id"),
                        sa.func.max(Event.at).label("moved_at"))
                 .where(Event.action == STAGE_CHANGED, Event.entity_type == "application",
                        Event.entity_id.in_(select(Application.id)
                                            .where(Application.job_id == job_id)))
                 .group_by(Event.entity_id).subquery())
    rows = session.exec(
        select(Application.id, Application.candidate_id, Candidate.full_name, Candidate.email,
               Application.stage, Application.resume_score, Application.interview_score,
               Application.final_score, Application.decision, Application.created_at,
               last_move.c.moved_at)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .outerjoin(last_move, last_move.c.application_id == Application.id)
        .where(Application.job_id == job_id)).all()
    return [CardFacts(app_id, candidate_id, name, email, stage_value(stage), resume, interview,
                      final, decision or "", _aware(moved_at or created_at))
            for (app_id, candidate_id, name, email, stage, resume, interview, final, decision,
                 created_at, moved_at) in rows]


def _aware(moment: datetime) -> datetime:
    """A time read back without its zone (SQLite) is UTC all the same."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _rounded(score: float | None) -> int | None:
    return None if score is None else round(score)
