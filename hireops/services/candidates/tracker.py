"""The candidate tracker: the applications grid, filtered, sorted and paged in SQL, and bulk
stage moves.

A page is two statements: a count, and the rows. The rows statement picks the page's
application ids in a subquery over applications (joined only to what the sort needs, so the
database can walk an index and stop early), then joins candidate and job for those few ids.
Text search on SQLite reads candidate names and emails from their own index, never the
resume-laden candidate rows; on PostgreSQL, trigram indexes (pg_trgm, revision 0011) find
them.

A candidate whose identity blind screening hides (services/blind_screening: any of their jobs
screens blind and HR has not revealed them) stays anonymous on every row unless `reveal_blind`
is set: their name and email are not returned, cannot be searched for, and do not order the
candidate column. `honour_reveals=False` keeps revealed candidates hidden too (the API).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, Stage, User
from hireops.services.privacy.blind_screening import (
    anonymous_name, hidden_candidate_ids, hidden_candidates,
)
from hireops.services.jobs.job_stages import default_label, job_stages, stage_label_map
from hireops.services.candidates.stages import (
    CUSTOM_STAGE_POSITION,
    STAGE_POSITION,
    change_stage,
    is_custom_stage,
    stage_value,
)
from hireops.services.candidates.tags import tagged_candidates, tags_of
from hireops.services.platform.clock import day_bounds, format_day, format_local
from hireops.services.platform.labels import decision_label, source_label
from hireops.services.candidates.talent_pool import (
    POOL_STAGES,
    TALENT_POOL_LABEL,
    describe_nearest,
)

MAX_PAGE_SIZE = 500

SortColumn = Literal["candidate", "job", "stage", "resume_score", "interview_score",
                     "final_score", "decision", "source", "applied", "last_activity"]


class TrackerFilter(BaseModel):
    """What the recruiter narrowed the grid to; empty fields do not filter."""

    model_config = ConfigDict(frozen=True)

    job_ids: list[int] = Field(default_factory=list)
    # Only the talent pool (applications to no job).
    talent_pool_only: bool = False
    # Stage values or the keys of stages jobs added ("custom_technical_interview").
    stages: list[str] = Field(default_factory=list)
    # Score ranges are inclusive; a bound excludes applications without that score.
    resume_min: float | None = None
    resume_max: float | None = None
    interview_min: float | None = None
    interview_max: float | None = None
    final_min: float | None = None
    final_max: float | None = None
    # Application.decision values; "" matches applications without a decision.
    decisions: list[str] = Field(default_factory=list)
    source: str = ""
    # Case-insensitive substring of the candidate's name or email, or the job title.
    search: str = Field(default="", max_length=200)
    # Candidates with any of these tags (services/tags).
    tags: list[str] = Field(default_factory=list, max_length=10)
    # Inclusive dates of application, days in the company's time zone.
    applied_from: date | None = None
    applied_to: date | None = None

    @field_validator("stages", mode="before")
    @classmethod
    def _known_stages(cls, value: object) -> object:
        # A typo must not filter on a stage nobody can see: stage_value refuses it.
        return [stage_value(stage) for stage in value] if isinstance(value, list) else value

    @field_validator("search", "source", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value


class TrackerSort(BaseModel):
    """The grid's sort column and direction; empty values always sort last."""

    model_config = ConfigDict(frozen=True)

    column: SortColumn = "last_activity"
    direction: Literal["asc", "desc"] = "desc"


@dataclass(frozen=True)
class TrackerRow:
    """One application as the grid and the exports show it."""

    application_id: int
    candidate_id: int
    # "Candidate #<id>" and "" while blind screening hides the identity.
    candidate_name: str
    candidate_email: str
    # None for the talent pool (an application to no job), whose job_title is "Talent pool".
    job_id: int | None
    job_title: str
    # The Stage value, and its label for display.
    stage: str
    stage_label: str
    resume_score: float | None
    interview_score: float | None
    final_score: float | None
    # advance | hold | reject, or "" before any decision.
    decision: str
    # Where the application came from (email, manual, ...).
    source: str
    # Date applied, "7 Dec 2026" (services.platform.clock).
    applied: str
    # Last activity, "7 Dec 2026, 14:05 CET" (services.platform.clock).
    last_activity: str
    # The resume score was made for an older version of the job.
    resume_stale: bool
    # The job screens blind (whether or not this row's identity was revealed).
    blind: bool
    # The identity is hidden on this row.
    identity_hidden: bool = False
    # Talent pool only: the nearest open jobs and the fit, "Data Analyst 34, ...".
    nearest_jobs: str = ""
    # HR's tags on the candidate, alphabetical.
    tags: list[str] = field(default_factory=list)
    # The decision and source in words ("Advance", "Email (mailbox)"), for the grid and exports.
    decision_label: str = ""
    source_label: str = ""
    # The UTC date applied, for the API (which speaks ISO dates, not words).
    applied_on: date | None = None


@dataclass(frozen=True)
class TrackerPage:
    """One page of the grid and the number of applications matching the filter."""

    rows: list[TrackerRow]
    # Applications matching the filter, on all pages.
    total: int
    # 1-based, clamped to the last page.
    page: int
    page_size: int


class ApplicationsNotFound(LookupError):
    """Some of the given application ids do not exist."""


class PoolStageRefused(ValueError):
    """A talent-pool entry was asked to move to a stage only a job's application can take."""


class RejectionNeedsReason(ValueError):
    """A move to Rejected without a reason: one rule for a single row, a bulk move and the API."""


# The shortest reason accepted for a rejection ("n/a" at least says someone thought of it).
MIN_REJECTION_REASON = 3


_COLUMN_SORT_KEYS = {
    "resume_score": Application.resume_score,
    "interview_score": Application.interview_score,
    "final_score": Application.final_score,
    "applied": Application.created_at,
    "last_activity": Application.last_activity_at,
}


def query_tracker(*, session: Session, filter: TrackerFilter, sort: TrackerSort, page: int = 1,
                  page_size: int = 50, reveal_blind: bool = False,
                  honour_reveals: bool = True) -> TrackerPage:
    """One page of applications matching `filter`, ordered by `sort`, with the total count."""
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    sqlite = _is_sqlite(session)
    hidden = _hiding(reveal_blind, honour_reveals)
    count = select(sa.func.count()).select_from(Application).where(
        *_conditions(filter, hidden, sqlite))
    total = int(session.exec(count).one())
    page = max(1, min(page, -(-total // page_size)))
    statement = _page_statement(filter, sort, hidden, sqlite, page_size,
                                (page - 1) * page_size)
    rows = _rows(session, statement, reveal_blind, honour_reveals)
    return TrackerPage(rows=rows, total=total, page=page, page_size=page_size)


def query_tracker_slice(*, session: Session, filter: TrackerFilter, sort: TrackerSort,
                        limit: int, offset: int, reveal_blind: bool = False,
                        honour_reveals: bool = True) -> tuple[list[TrackerRow], int]:
    """Applications `offset` to `offset + limit` matching `filter`, and the total; unlike
    `query_tracker` nothing is clamped, so a slice past the end is empty (API paging)."""
    sqlite = _is_sqlite(session)
    hidden = _hiding(reveal_blind, honour_reveals)
    count = select(sa.func.count()).select_from(Application).where(
        *_conditions(filter, hidden, sqlite))
    total = int(session.exec(count).one())
    statement = _page_statement(filter, sort, hidden, sqlite,
                                max(1, min(limit, MAX_PAGE_SIZE)), max(0, offset))
    return _rows(session, statement, reveal_blind, honour_reveals), total


def _page_statement(filter: TrackerFilter, sort: TrackerSort, hidden: Hiding, sqlite: bool,
                    limit: int, offset: int):
    """The page's ids chosen over applications alone, then their candidates and jobs joined."""
    if sort.column == "candidate":
        page_ids = _page_ids_by_name(filter, sort, hidden, sqlite, limit, offset)
    else:
        page_ids = _page_ids(filter, sort, hidden, sqlite, limit, offset)
    return (_row_columns().select_from(page_ids)
            .join(Application, Application.id == page_ids.c.id)
            .join(Candidate, Candidate.id == Application.candidate_id)
            .outerjoin(Job, Job.id == Application.job_id)
            .order_by(*_order_by(sort, hidden)))


def _page_ids(filter: TrackerFilter, sort: TrackerSort, hidden: Hiding, sqlite: bool,
              limit: int, offset: int) -> sa.Subquery:
    statement = select(Application.id).select_from(Application)
    if sort.column == "job":
        statement = statement.outerjoin(Job, Job.id == Application.job_id)
    return (statement.where(*_conditions(filter, hidden, sqlite))
            .order_by(*_order_by(sort, hidden)).limit(limit).offset(offset)
            .subquery("page_ids"))


def _page_ids_by_name(filter: TrackerFilter, sort: TrackerSort, hidden: Hiding,
                      sqlite: bool, limit: int, offset: int) -> sa.Subquery:
    """The page's ids in candidate-name order: named candidates first, then the nameless and
    the hidden (blind screening) by application id.

    One ORDER BY over a name that is sometimes hidden would read every candidate row (with its
    resume) and sort them all. Split in two, the named part walks the name index and both parts
    stop after the rows this page can need.
    """
    descending = sort.direction == "desc"

    def ordered(column):
        return column.desc() if descending else column.asc()

    hidden_job = _is_hidden(hidden)
    conditions = _conditions(filter, hidden, sqlite)
    named = (select(Application.id.label("id"), sa.literal(0).label("part"),
                    Candidate.full_name.label("name"))
             .join(Candidate, Candidate.id == Application.candidate_id)
             .where(*conditions, Candidate.full_name != "", sa.not_(hidden_job))
             .order_by(ordered(Candidate.full_name), ordered(Application.id))
             .limit(offset + limit).subquery())
    nameless_candidates = select(Candidate.id).where(Candidate.full_name == "").correlate(None)
    # "+ 0" keeps the database walking applications in id order and stopping early, rather
    # than gathering every hidden and nameless person's applications through the candidate
    # index and sorting them all.
    unindexed_candidate = Application.candidate_id + 0
    hidden_or_nameless = sa.or_(
        sa.false() if hidden is None else unindexed_candidate.in_(hidden),
        unindexed_candidate.in_(nameless_candidates))
    rest = (select(Application.id.label("id"), sa.literal(1).label("part"),
                   sa.literal(None, sa.String).label("name"))
            .where(*conditions, hidden_or_nameless)
            .order_by(ordered(Application.id)).limit(offset + limit).subquery())
    both = sa.union_all(select(named), select(rest)).subquery()
    return (select(both.c.id)
            .order_by(both.c.part, ordered(both.c.name), ordered(both.c.id))
            .limit(limit).offset(offset).subquery("page_ids"))


def list_tracker_rows(*, session: Session, filter: TrackerFilter, sort: TrackerSort,
                      reveal_blind: bool = False,
                      honour_reveals: bool = True) -> list[TrackerRow]:
    """Every application matching `filter`, ordered by `sort` (for exports)."""
    hidden = _hiding(reveal_blind, honour_reveals)
    statement = (_row_columns().select_from(Application)
                 .join(Candidate, Candidate.id == Application.candidate_id)
                 .outerjoin(Job, Job.id == Application.job_id)
                 .where(*_conditions(filter, hidden, _is_sqlite(session)))
                 .order_by(*_order_by(sort, hidden)))
    return _rows(session, statement, reveal_blind, honour_reveals)


def tracker_rows_by_id(*, session: Session, application_ids: list[int],
                       reveal_blind: bool = False,
                       honour_reveals: bool = True) -> dict[int, TrackerRow]:
    """The current rows of these applications, to update a shown page in place (after a stage
    change the rows stay where they were rather than re-sorting under the cursor)."""
    statement = (_row_columns().select_from(Application)
                 .join(Candidate, Candidate.id == Application.candidate_id)
                 .outerjoin(Job, Job.id == Application.job_id)
                 .where(Application.id.in_(application_ids)))
    return {row.application_id: row
            for row in _rows(session, statement, reveal_blind, honour_reveals)}


def move_stage(*, session: Session, application_ids: list[int], stage: Stage | str,
               actor: User | None,
               reason: str = "", actor_label: str | None = None) -> int:
    """Move applications to `stage`, one audit event each; returns how many changed."""
    stage = stage_value(stage)
    wanted = set(application_ids)
    applications = session.exec(select(Application).where(Application.id.in_(wanted))).all()
    missing = wanted - {application.id for application in applications}
    if missing:
        raise ApplicationsNotFound(f"no application with id {sorted(missing)}")
    if is_custom_stage(stage):
        _check_jobs_have_stage(session, applications, stage)
    if stage not in {s.value for s in POOL_STAGES} and any(a.job_id is None
                                                           for a in applications):
        raise PoolStageRefused(
            f"A talent pool entry cannot move to {_pool_stage_name(session, stage)}: it "
            "follows no job's flow. Put the candidate forward for a job first, then move that "
            "application.")
    rejecting = stage == Stage.rejected and any(a.stage != Stage.rejected for a in applications)
    if rejecting and len(reason.strip()) < MIN_REJECTION_REASON:
        raise RejectionNeedsReason("Give a reason for the rejection; it is kept with each one.")
    moved = 0
    for application in sorted(applications, key=lambda a: a.id):
        moved += change_stage(session=session, application=application, stage=stage,
                              actor=actor, actor_label=actor_label, reason=reason)
    session.commit()
    return moved


def _pool_stage_name(session: Session, stage: str) -> str:
    """`stage` as the talent pool names it: the company default's name, as in its menus."""
    names = {s.key: s.label for s in job_stages(session=session, job_id=None)}
    return names.get(stage) or default_label(stage)


def _check_jobs_have_stage(session: Session, applications: list[Application], stage: str) -> None:
    """A stage one job added means nothing for another job (or the talent pool)."""
    for job_id in {application.job_id for application in applications}:
        keys = {s.key for s in job_stages(session=session, job_id=job_id)}
        if job_id is None or stage not in keys:
            raise ValueError(f"Stage {stage!r} is not one of this job's stages.")


# The candidates whose identity to hide (a subquery of their ids), or None to hide no one.
Hiding = sa.Select | None


def _hiding(reveal_blind: bool, honour_reveals: bool) -> Hiding:
    return None if reveal_blind else hidden_candidates(honour_reveals=honour_reveals)


def _is_hidden(hidden: Hiding) -> sa.ColumnElement[bool]:
    """Whether the application's candidate is hidden (false when no one is)."""
    return sa.false() if hidden is None else Application.candidate_id.in_(hidden)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _conditions(filter: TrackerFilter, hidden: Hiding,
                sqlite: bool) -> list[sa.ColumnElement[bool]]:
    # A duplicate merged into another record is no longer listed (its applications to jobs the
    # kept record also applied to stay on it as history).
    conditions: list[sa.ColumnElement[bool]] = [Application.candidate_id.not_in(
        select(Candidate.id).where(Candidate.merged_into_id.is_not(None)).correlate(None))]
    if filter.job_ids:
        conditions.append(Application.job_id.in_(filter.job_ids))
    if filter.talent_pool_only:
        conditions.append(Application.job_id.is_(None))
    if filter.stages:
        conditions.append(Application.stage.in_(filter.stages))
    for column, low, high in (
        (Application.resume_score, filter.resume_min, filter.resume_max),
        (Application.interview_score, filter.interview_min, filter.interview_max),
        (Application.final_score, filter.final_min, filter.final_max),
    ):
        if low is not None:
            conditions.append(column >= low)
        if high is not None:
            conditions.append(column <= high)
    if filter.decisions:
        conditions.append(Application.decision.in_(filter.decisions))
    if filter.source:
        conditions.append(Application.source == filter.source)
    if filter.applied_from is not None:
        conditions.append(Application.created_at >= _start_of(filter.applied_from))
    if filter.applied_to is not None:
        conditions.append(Application.created_at < _start_of(filter.applied_to + timedelta(1)))
    if filter.tags:
        conditions.append(Application.candidate_id.in_(tagged_candidates(filter.tags)))
    if filter.search:
        conditions.append(_search(filter.search, hidden, sqlite))
    return conditions


def _search(text: str, hidden: Hiding, sqlite: bool) -> sa.ColumnElement[bool]:
    # Subqueries rather than joins: names and emails are read from their own index (few
    # pages) instead of every candidate row with its resume, and matches are then found
    # through the applications' candidate and job indexes. Never correlated with the outer
    # query, which may join the same tables for sorting.
    by_title = select(Job.id).where(_contains(Job.title, text, sqlite)).correlate(None)
    by_identity = Application.candidate_id.in_(
        select(Candidate.id).where(sa.or_(_contains(Candidate.full_name, text, sqlite),
                                          _contains(Candidate.email, text, sqlite)))
        .correlate(None))
    if hidden is not None:
        by_identity = sa.and_(by_identity, Application.candidate_id.not_in(hidden))
    return sa.or_(Application.job_id.in_(by_title), by_identity)


def _contains(column: sa.ColumnElement[str], text: str,
              sqlite: bool) -> sa.ColumnElement[bool]:
    """`column` contains `text`, ignoring case."""
    # The user's % and _ are literal characters, not wildcards.
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if not sqlite:
        # PostgreSQL's GIN trigram indexes serve this ILIKE for texts of 3 characters or more;
        # a shorter text has no trigram to look up, and the rows are scanned.
        return column.ilike(f"%{escaped}%", escape="\\")
    # SQLite's LIKE already ignores ASCII case (ILIKE would add two lower() calls a row, and
    # SQLite's lower() knows no more letters than LIKE does). For other letters, the usual
    # spellings of the text are tried: "élodie" finds "Élodie" and "ÉLODIE".
    spellings = {escaped} if escaped.isascii() else {
        escaped, escaped.lower(), escaped.upper(), escaped.title()}
    return sa.or_(*(column.like(f"%{spelling}%", escape="\\")
                    for spelling in sorted(spellings)))


def _start_of(day: date) -> datetime:
    return day_bounds(day)[0]


def _order_by(sort: TrackerSort, hidden: Hiding) -> list[sa.ColumnElement]:
    """The sort column with empty values last, then the application id for a stable order."""
    key, nullable = _sort_key(sort.column, hidden)
    descending = sort.direction == "desc"
    ordered = key.desc() if descending else key.asc()
    # Databases differ on where NULLs go by default; SQLite still walks an index with this.
    if nullable:
        ordered = ordered.nulls_last()
    tiebreak = Application.id.desc() if descending else Application.id.asc()
    return [ordered, tiebreak]


def _sort_key(column: str, hidden: Hiding) -> tuple[sa.ColumnElement, bool]:
    """The expression to order by and whether it can be NULL."""
    if column in _COLUMN_SORT_KEYS:
        return _COLUMN_SORT_KEYS[column], column.endswith("score")
    if column == "candidate":
        name = sa.func.nullif(Candidate.full_name, "")
        if hidden is None:
            return name, True
        return sa.case((_is_hidden(hidden), sa.null()), else_=name), True
    if column == "job":
        return sa.func.coalesce(Job.title, TALENT_POOL_LABEL), False
    if column == "stage":
        # A job's own stages sort together between Shortlisted and Offer.
        return sa.case(STAGE_POSITION, value=Application.stage,
                       else_=CUSTOM_STAGE_POSITION), False
    if column == "decision":
        return sa.func.nullif(Application.decision, ""), True
    if column == "source":
        return sa.func.nullif(Application.source, ""), True
    raise ValueError(f"cannot sort by {column!r}")


def _rows(session: Session, statement, reveal_blind: bool,
          honour_reveals: bool) -> list[TrackerRow]:
    """The statement's rows; who is hidden is asked for these few candidates only, so a page
    never makes the database list every hidden person."""
    values = list(session.exec(statement))
    hidden = set() if reveal_blind else hidden_candidate_ids(
        session=session, candidate_ids=[v.candidate_id for v in values],
        honour_reveals=honour_reveals)
    tags = tags_of(session=session, candidate_ids=[v.candidate_id for v in values])
    # Each job's own names for its stages ("Technical interview", a renamed "Offer"); the
    # talent pool's (job None) are the company default's.
    labels = stage_label_map(session=session, job_ids={v.job_id for v in values})
    return [_to_row(v, v.candidate_id in hidden, labels, tags.get(v.candidate_id, []))
            for v in values]


def _row_columns():
    return select(
        Application.id, Application.candidate_id, Candidate.full_name, Candidate.email,
        Application.job_id, Job.title, Application.stage, Application.resume_score,
        Application.interview_score, Application.final_score, Application.decision,
        Application.source, Application.created_at, Application.last_activity_at,
        Application.resume_stale, Job.blind_screening,
        # Only the talent pool's small result is read: job applications carry evidence.
        sa.case((Application.job_id.is_(None), Application.resume_result), else_=sa.null()),
    )


def _to_row(values: sa.Row, hidden: bool, labels: dict[tuple[int | None, str], str],
            tags: list[str]) -> TrackerRow:
    (application_id, candidate_id, name, email, job_id, title, stage, resume_score,
     interview_score, final_score, decision, source, created_at, last_activity_at,
     resume_stale, blind, pool_result) = values
    stage = stage_value(stage)
    return TrackerRow(
        application_id=application_id, candidate_id=candidate_id,
        candidate_name=anonymous_name(candidate_id) if hidden else (name or email),
        candidate_email="" if hidden else email,
        job_id=job_id, job_title=title if job_id is not None else TALENT_POOL_LABEL,
        stage=stage,
        stage_label=labels.get((job_id, stage)) or default_label(stage),
        resume_score=resume_score, interview_score=interview_score, final_score=final_score,
        decision=decision, source=source, applied=format_day(created_at),
        last_activity=format_local(last_activity_at),
        resume_stale=bool(resume_stale), blind=bool(blind), identity_hidden=bool(hidden),
        nearest_jobs=describe_nearest(_as_dict(pool_result)) if job_id is None else "",
        tags=tags,
        applied_on=created_at.date(), decision_label=decision_label(decision),
        source_label=source_label(source),
    )


def _as_dict(value: object) -> dict:
    # A JSON column read through CASE comes back as text on some databases.
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}
