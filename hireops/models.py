"""The HireOps database tables (SQLModel), created only through Alembic migrations.

Timestamps are timezone-aware UTC everywhere (`UTCDateTime` restores the zone SQLite drops).
Lists and structured AI results are JSON columns; enums are stored as their string values so
that a new value never needs a schema change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from hireops.config import (
    DEFAULT_INTERVIEW_MIN,
    DEFAULT_INTERVIEW_WEIGHT,
    DEFAULT_REJECT_BELOW,
    DEFAULT_RESUME_MIN,
    DEFAULT_RESUME_WEIGHT,
)


# The time the services see instead of the real one, inside `clock_at` (only the demo's
# history, which runs the real pipeline over six past weeks, sets it).
_CLOCK: ContextVar[datetime | None] = ContextVar("hireops_clock", default=None)


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (the `clock_at` time inside one)."""
    return _CLOCK.get() or datetime.now(timezone.utc)


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Every `utcnow()` in this context (this thread or task only) returns `moment`."""
    if moment.tzinfo is None:
        raise ValueError("clock_at needs a timezone-aware time")
    token = _CLOCK.set(moment.astimezone(timezone.utc))
    try:
        yield
    finally:
        _CLOCK.reset(token)


class UTCDateTime(TypeDecorator):
    """A DateTime that only accepts aware values and always returns them in UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store timezone-aware UTC values")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        # SQLite hands back naive values; they were written as UTC.
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def created_at_field() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def optional_time_field(index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=True, index=index)


def json_field(default_factory: Any = list) -> Any:
    return Field(default_factory=default_factory, sa_type=sa.JSON, nullable=False)


class Role(str, Enum):
    admin = "admin"
    recruiter = "recruiter"
    viewer = "viewer"


class JobStatus(str, Enum):
    draft = "draft"
    open = "open"
    closed = "closed"


class Stage(str, Enum):
    """Pipeline stages, in the order a candidate moves through them (the tracker's stage sort,
    the dashboard and the report funnel follow it)."""

    new = "new"
    classified = "classified"
    matched = "matched"
    interview_link_sent = "interview_link_sent"
    # The AI interview is done (evaluation queued or finished).
    screened = "screened"
    # HR approved and booked the screening call with a person (or auto-advance did).
    screening_scheduled = "screening_scheduled"
    shortlisted = "shortlisted"
    # The human part of the flow after the pipeline's steps: HR sent an offer letter, the
    # candidate accepted it, or the candidate left the process themselves.
    offer = "offer"
    hired = "hired"
    withdrawn = "withdrawn"
    rejected = "rejected"


class DecisionOutcome(str, Enum):
    advance = "advance"
    hold = "hold"
    reject = "reject"


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)  # stored lower-cased
    full_name: str = Field(default="", max_length=200)
    password_hash: str = Field(max_length=255)  # argon2id, never the password
    role: Role = Field(default=Role.viewer, sa_type=sa.String(20))
    is_active: bool = True
    created_at: datetime = created_at_field()
    last_login_at: datetime | None = optional_time_field()
    # The user's own page preferences, e.g. {"tracker_hidden_columns": ["source"]}.
    preferences: dict = json_field(dict)


class UserSession(SQLModel, table=True):
    """A signed-in browser; the browser holds the token, the table only its hash."""

    __tablename__ = "user_sessions"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = created_at_field()
    last_seen_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    revoked_at: datetime | None = optional_time_field()


class ApiTokenScope(str, Enum):
    """What an integration API token may do; write includes read."""

    read = "read"
    write = "write"


class ApiToken(SQLModel, table=True):
    """A token for the integration API; the caller holds it, the table only its SHA-256."""

    __tablename__ = "api_tokens"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    # The first characters of the token, so an admin can tell tokens apart in the list.
    token_prefix: str = Field(max_length=8)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    scope: ApiTokenScope = Field(default=ApiTokenScope.read, sa_type=sa.String(10))
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()
    last_used_at: datetime | None = optional_time_field()
    revoked_at: datetime | None = optional_time_field()


class CalendarFeedToken(SQLModel, table=True):
    """A user's private calendar subscription address (/calendar/<token>.ics); the user's
    calendar app holds the token, the table only its SHA-256. One live token per user."""

    __tablename__ = "calendar_feed_tokens"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    # The first characters, so the user can tell which address their calendar still uses.
    token_prefix: str = Field(max_length=12)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = created_at_field()
    last_used_at: datetime | None = optional_time_field()
    revoked_at: datetime | None = optional_time_field()


class CaldavAccount(SQLModel, table=True):
    """An interviewer's CalDAV calendar, read for busy times so suggested slots avoid them."""

    __tablename__ = "caldav_accounts"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True, index=True)
    # The server's address (https://..., or http:// on this machine only).
    url: str = Field(max_length=500)
    username: str = Field(default="", max_length=200)
    # Encrypted with services.platform.crypto; never sent back to the browser.
    password_encrypted: str = Field(default="", sa_type=sa.Text)
    updated_at: datetime = created_at_field()
    # The last read: when, and why it failed ("" when it worked).
    last_checked_at: datetime | None = optional_time_field()
    last_error: str = Field(default="", max_length=500)


class LoginThrottle(SQLModel, table=True):
    """Failed sign-ins per account (email, known or not) and per client address, so repeated
    guessing slows down."""

    __tablename__ = "login_throttle"
    __table_args__ = {"extend_existing": True}

    # "account:<normalised email>" or "client:<address>" (services.platform.login_throttle builds them).
    key: str = Field(primary_key=True, max_length=340)
    failures: int = 0
    # Indexed: housekeeping deletes rows whose last failure is long past.
    last_failure_at: datetime | None = optional_time_field(index=True)


def postgres_trigram_index(name: str, column: str) -> sa.Index:
    """A GIN trigram index (pg_trgm) that serves `ILIKE '%text%'`; PostgreSQL only, and only
    where the extension could be installed (revision 0011)."""
    return sa.Index(name, column, postgresql_using="gin",
                    postgresql_ops={column: "gin_trgm_ops"},
                    postgresql_with={"fastupdate": "off"},
                    info={"only_on": "postgresql"}).ddl_if(dialect="postgresql")


class Job(SQLModel, table=True):
    __tablename__ = "jobs"
    __table_args__ = (
        # The tracker's text search on PostgreSQL.
        postgres_trigram_index("ix_jobs_title_trgm", "title"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, index=True)
    department: str = Field(default="", max_length=120)
    location: str = Field(default="", max_length=160)
    seniority: str = Field(default="", max_length=60)
    employment_type: str = Field(default="Full-time", max_length=60)
    status: JobStatus = Field(default=JobStatus.open, sa_type=sa.String(20), index=True)
    description: str = Field(default="", sa_type=sa.Text)
    must_have_skills: list[str] = json_field()
    nice_to_have_skills: list[str] = json_field()
    responsibilities: list[str] = json_field()
    qualifications: list[str] = json_field()
    # Questions the recruiter wants every candidate for this job to be asked.
    custom_questions: list[str] = json_field()
    # Yes/no requirements (work permit, licence) checked apart from the score.
    knockout_requirements: list[str] = json_field()
    # Decision thresholds and weights, per job (see services.decisions).
    resume_min: float = DEFAULT_RESUME_MIN
    interview_min: float = DEFAULT_INTERVIEW_MIN
    reject_below: float = DEFAULT_REJECT_BELOW
    resume_weight: float = DEFAULT_RESUME_WEIGHT
    interview_weight: float = DEFAULT_INTERVIEW_WEIGHT
    # Share (0-1) of the interviewers' scorecards in the final score; 0: not counted.
    scorecard_weight: float = 0.0
    blind_screening: bool = False
    auto_advance: bool = False
    auto_reject: bool = False
    # Listed on the public careers page (while open); off by default, so a new job stays
    # internal until HR publishes it.
    published_on_careers: bool = False
    # Record the built-in interview's camera and microphone for HR's review, with the
    # candidate's separate consent (off by default; saved apart from the form: no new version).
    record_interviews: bool = False
    # Bumped on every edit so scores can tell they were made for an older version.
    version: int = 1
    # Which engine wrote the auto-filled fields, if any ("local", "mistral").
    generated_by: str = Field(default="", max_length=40)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    # Who hires for this job: their notifications ("new application for my jobs") follow it.
    # None: the job is the whole team's, and everyone who writes hears about it.
    owner_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()
    closed_at: datetime | None = optional_time_field()


class JobStageConfig(SQLModel, table=True):
    """One stage of a job's flow as HR set it up (services.jobs.job_stages reads and checks them);
    a job with no rows follows the company default."""

    __tablename__ = "job_stages"
    __table_args__ = (sa.UniqueConstraint("job_id", "key", name="uq_job_stages_job_key"),
                      {"extend_existing": True})

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="jobs.id", index=True)
    # A Stage value, or "custom_<slug>" for a stage HR added; never changes once made.
    key: str = Field(max_length=30)
    # What HR calls the stage for this job (a rename changes only this).
    label: str = Field(max_length=60)
    # Order in the job's flow, 0 first.
    position: int = 0
    # pipeline | custom | offer | hired | withdrawn | rejected (JobStage.kind)
    kind: str = Field(max_length=20)


class Offer(SQLModel, table=True):
    """An offer letter made for one application: the values HR typed, the letter as sent, and
    the candidate's answer."""

    __tablename__ = "offers"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    # sent | accepted | declined
    status: str = Field(default="sent", max_length=20, index=True)
    # The placeholder values as HR typed them (salary, currency, start_date, ...).
    values: dict = json_field(dict)
    # The letter's title and text as filled in, which the DOCX attachment holds.
    letter_title: str = Field(default="", max_length=200)
    letter_text: str = Field(default="", sa_type=sa.Text)
    outbox_id: int | None = Field(default=None, foreign_key="outbox.id")
    # The candidate's reason when declining (as HR recorded it).
    response_reason: str = Field(default="", sa_type=sa.Text)
    responded_at: datetime | None = optional_time_field()
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class Email(SQLModel, table=True):
    """One inbound message, stored once whatever happens (key: Message-ID or content hash)."""

    __tablename__ = "emails"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    message_key: str = Field(max_length=255, unique=True, index=True)
    message_id: str = Field(default="", max_length=998)
    # The message this one answers (In-Reply-To) and the thread before it (References,
    # space-separated, newest last), as normalised Message-IDs; how replies find their thread.
    in_reply_to: str = Field(default="", max_length=998)
    reference_ids: str = Field(default="", sa_type=sa.Text)
    source: str = Field(default="maildir", max_length=20)  # maildir | imap | upload
    folder: str = Field(default="", max_length=255)
    # The source's own id ("imap:INBOX:<uidvalidity>:<uid>", "maildir:<path>:<key>") so a poll can skip
    # what it already has without downloading it again.
    source_ref: str = Field(default="", max_length=400, index=True)
    from_address: str = Field(default="", max_length=320, index=True)
    from_name: str = Field(default="", max_length=200)
    to_address: str = Field(default="", max_length=998)
    subject: str = Field(default="", max_length=998)
    body_text: str = Field(default="", sa_type=sa.Text)
    # What body_text was read from: "text", "html" (converted: no plain part) or "" (no body,
    # or stored before revision 0019).
    body_format: str = Field(default="", max_length=10)
    received_at: datetime | None = optional_time_field(index=True)
    fetched_at: datetime = created_at_field()
    # new -> processing (claimed by one worker) -> processed | failed
    status: str = Field(default="new", max_length=20, index=True)
    # When a worker claimed the message; a stale claim (the worker died) is taken over.
    claimed_at: datetime | None = optional_time_field()
    failure_reason: str = Field(default="", sa_type=sa.Text)
    # Problems that did not stop processing (an unreadable attachment, no matching job).
    warnings: list[str] = json_field()
    category: str = Field(default="", max_length=40)
    confidence: float | None = None
    reasoning: str = Field(default="", sa_type=sa.Text)
    classification: dict = json_field(dict)
    candidate_id: int | None = Field(default=None, foreign_key="candidates.id", index=True)


class MailRef(SQLModel, table=True):
    """Every source reference a poll has seen, duplicates included, so later polls skip them
    without downloading (the same message in two IMAP folders is fetched once)."""

    __tablename__ = "mail_refs"
    __table_args__ = {"extend_existing": True}

    ref: str = Field(primary_key=True, max_length=400)
    seen_at: datetime = created_at_field()


class ErasedMessage(SQLModel, table=True):
    """A message whose person was erased, kept as the SHA-256 of its key so the same mail seen
    again (another folder, another account) is skipped instead of re-creating the person.
    Only the digest is kept: it tells whether a given message was erased, never what it was."""

    __tablename__ = "erased_messages"
    __table_args__ = {"extend_existing": True}

    key_sha256: str = Field(primary_key=True, max_length=64)
    erased_at: datetime = created_at_field()


class Attachment(SQLModel, table=True):
    __tablename__ = "attachments"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    # The message that brought the file; None for a file sent without one (an API upload),
    # which then belongs to its candidate directly.
    email_id: int | None = Field(default=None, foreign_key="emails.id", index=True)
    candidate_id: int | None = Field(default=None, foreign_key="candidates.id", index=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(default="", max_length=120)
    size_bytes: int = 0
    sha256: str = Field(default="", max_length=64, index=True)
    storage_path: str = Field(default="", max_length=500)
    # ok | failed | skipped; a failure keeps its reason here, never in the text.
    extraction_status: str = Field(default="pending", max_length=20)
    extraction_error: str = Field(default="", sa_type=sa.Text)
    extracted_text: str = Field(default="", sa_type=sa.Text)
    created_at: datetime = created_at_field()


class Candidate(SQLModel, table=True):
    __tablename__ = "candidates"
    __table_args__ = (
        # The tracker's text search reads names and emails from this index, not the table
        # with its resume texts (revision 0003).
        sa.Index("ix_candidates_full_name_email", "full_name", "email"),
        # On PostgreSQL, where ILIKE '%text%' has no use for that index.
        postgres_trigram_index("ix_candidates_full_name_trgm", "full_name"),
        postgres_trigram_index("ix_candidates_email_trgm", "email"),
        # The newest edit, part of the reports' data version (revision 0032).
        sa.Index("ix_candidates_updated_at", "updated_at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(default="", max_length=200, index=True)
    email: str = Field(default="", max_length=320)
    # Normalised forms used for de-duplication.
    email_normalized: str = Field(default="", max_length=320, index=True)
    phone: str = Field(default="", max_length=60)
    phone_normalized: str = Field(default="", max_length=32, index=True)
    # The last 9 digits: finds the same number written with or without its country code
    # through an index instead of a scan.
    phone_tail: str = Field(default="", max_length=9, index=True)
    linkedin_url: str = Field(default="", max_length=300)
    github_url: str = Field(default="", max_length=300)
    location: str = Field(default="", max_length=160)
    current_title: str = Field(default="", max_length=200)
    resume_text: str = Field(default="", sa_type=sa.Text)
    # No foreign key: attachments -> emails -> candidates would make a cycle of constraints.
    resume_attachment_id: int | None = None
    source: str = Field(default="manual", max_length=40)
    merged_into_id: int | None = Field(default=None, foreign_key="candidates.id")
    anonymized_at: datetime | None = optional_time_field()
    # When HR revealed the identity that blind screening hides (None: hidden while any of the
    # candidate's jobs screens blind). Who revealed it is in the audit log. Indexed: the
    # tracker finds the few revealed people without reading every candidate row.
    identity_revealed_at: datetime | None = optional_time_field(index=True)
    # The candidate's own answers to the optional equal-opportunities questions,
    # {characteristic: answer}. Voluntary; never used in scoring and never shown to anyone
    # reviewing this candidate: only the reports' adverse-impact view reads them, in aggregate.
    self_reported: dict = json_field(dict)
    # The language HireOps writes and interviews in (en, fr, de or es): detected from the
    # application, changed by HR on the candidate page.
    language: str = Field(default="en", max_length=5)
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class Application(SQLModel, table=True):
    """A candidate applying to one job; at most one per (candidate, job). An application to
    no job (job_id None) keeps a candidate who fits no open job in the talent pool: at most
    one per candidate, its `resume_result` naming the nearest jobs."""

    __tablename__ = "applications"
    __table_args__ = (
        sa.UniqueConstraint("candidate_id", "job_id", name="uq_application_candidate_job"),
        # For the tracker grid: filter by job and stage, sort by the stage's best, page by
        # date (revision 0003).
        sa.Index("ix_applications_job_id_stage", "job_id", "stage"),
        sa.Index("ix_applications_stage_final_score", "stage", "final_score"),
        sa.Index("ix_applications_created_at", "created_at"),
        sa.Index("ix_applications_last_activity_at", "last_activity_at"),
        # The newest edit, part of the reports' data version (revision 0032).
        sa.Index("ix_applications_updated_at", "updated_at"),
        # Who blind screening hides: the people with an application to a blind job, read from
        # this index alone (revision 0015).
        sa.Index("ix_applications_job_id_candidate_id", "job_id", "candidate_id"),
        # NULLs never collide in the constraint above: this one keeps the talent pool to one
        # row per candidate (revision 0017).
        sa.Index("uq_applications_talent_pool", "candidate_id", unique=True,
                 sqlite_where=sa.text("job_id IS NULL"),
                 postgresql_where=sa.text("job_id IS NULL")),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidates.id", index=True)
    # None: in the talent pool, applied to no job.
    job_id: int | None = Field(default=None, foreign_key="jobs.id", index=True)
    # A Stage value, or the key of one of the job's own stages ("custom_..."; see
    # services.jobs.job_stages).
    stage: str = Field(default=Stage.new, sa_type=sa.String(30), index=True)
    source: str = Field(default="manual", max_length=40)
    source_email_id: int | None = Field(default=None, foreign_key="emails.id")
    resume_score: float | None = Field(default=None, index=True)
    # The typed scorer result (evidence, gaps, risks, questions) as returned.
    resume_result: dict = json_field(dict)
    resume_job_version: int | None = None
    resume_prompt_version: str = Field(default="", max_length=40)
    resume_stale: bool = False
    interview_score: float | None = None
    final_score: float | None = Field(default=None, index=True)
    decision: str = Field(default="", max_length=20, index=True)
    rejection_reason: str = Field(default="", sa_type=sa.Text)
    # When the application last moved to Hired (None while not hired): time to hire.
    hired_at: datetime | None = optional_time_field()
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()
    last_activity_at: datetime = created_at_field()


class CandidateTag(SQLModel, table=True):
    """A label HR puts on a candidate ("Python", "Rehire", "Spring fair"), to find them again
    in the tracker; at most one of each label per candidate, whatever its case."""

    __tablename__ = "candidate_tags"
    __table_args__ = (
        sa.UniqueConstraint("candidate_id", "tag_key", name="uq_candidate_tags_candidate_key"),
        # The tracker's tag filter finds the tagged people through this index.
        sa.Index("ix_candidate_tags_tag_key_candidate_id", "tag_key", "candidate_id"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidates.id", index=True)
    # As HR first wrote it, spaces tidied (services/tags.clean_tag).
    tag: str = Field(max_length=40)
    # Case-folded: what the filter and the one-of-each rule compare.
    tag_key: str = Field(max_length=40)
    created_at: datetime = created_at_field()


class InterviewLink(SQLModel, table=True):
    __tablename__ = "interview_links"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    # SHA-256 of the URL token; the token itself is only ever in the candidate's link.
    token_hash: str = Field(max_length=64, unique=True, index=True)
    # generated | sent | opened | started | completed | expired | revoked
    status: str = Field(default="generated", max_length=20, index=True)
    provider: str = Field(default="builtin", max_length=20)  # builtin | elevenlabs
    conversation_id: str = Field(default="", max_length=120)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    # The token again, Fernet-encrypted, so HR can copy or re-send the link later.
    token_encrypted: str = Field(default="", sa_type=sa.Text)
    # [{status, at, by}] in order; the current status is also in `status`.
    status_trail: list[dict] = json_field()
    opened_at: datetime | None = optional_time_field()
    started_at: datetime | None = optional_time_field()
    completed_at: datetime | None = optional_time_field(index=True)
    # What the candidate agreed to and when: {notice_version, ai_notice, recording, webcam, at}.
    consent_at: datetime | None = optional_time_field()
    consent_record: dict = json_field(dict)
    webcam_declined: bool = False
    # Aggregated webcam signals (browser reports and server frame checks) for the recruiter.
    face_summary: dict = json_field(dict)
    # Readable warnings for HR, e.g. "a second face for 40 s"; never part of the score.
    integrity_flags: list[str] = json_field()
    # The built-in interviewer's questions ({key, text, expected_points, source, ...}) and cursor.
    plan: dict = json_field(dict)
    # The candidate's own words for a preferred interview slot.
    preferred_slot_text: str = Field(default="", sa_type=sa.Text)
    # HR invited below the job's resume threshold, and why.
    threshold_override_reason: str = Field(default="", sa_type=sa.Text)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class InterviewSignal(SQLModel, table=True):
    """One webcam report for an interview: from the browser widget or a server frame check."""

    __tablename__ = "interview_signals"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    link_id: int = Field(foreign_key="interview_links.id", index=True)
    source: str = Field(max_length=20)  # browser | server
    recorded_at: datetime = created_at_field()
    # Share of the window with exactly one face visible (0-100).
    face_present_pct: float | None = None
    # How centred and near the face was, 0-100, from the real video size.
    attention: float | None = None
    max_faces: int = 0
    # Longest stretch without a face in this window, seconds.
    longest_absence_s: float = 0.0
    frame_width: int = 0
    frame_height: int = 0
    detail: dict = json_field(dict)


class InterviewRecording(SQLModel, table=True):
    """The candidate's camera and microphone during one interview, recorded in their browser
    with their consent and uploaded in chunks to one private file for HR's review. Never
    analysed for emotion; only voice activity is kept, as context beside the transcript."""

    __tablename__ = "interview_recordings"
    __table_args__ = (
        # One row per part: a reload mid-interview starts a new browser recording (revision 0031).
        sa.Index("ix_interview_recordings_link_id_part", "link_id", "part", unique=True),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    link_id: int = Field(foreign_key="interview_links.id", index=True)
    # 0 for the first MediaRecorder session of the interview, 1 after a reload, and so on.
    part: int = Field(default=0)
    application_id: int = Field(foreign_key="applications.id", index=True)
    # recording | complete | full (the size limit stopped it)
    status: str = Field(default="recording", max_length=20)
    # The container the browser recorded, e.g. "video/webm".
    mime_type: str = Field(default="", max_length=60)
    # The file under DATA_DIR/recordings/ ("" until the first chunk).
    storage_path: str = Field(default="", max_length=200)
    size_bytes: int = 0
    # The next chunk index expected; an index below it is a duplicate, above it a gap.
    chunks_received: int = 0
    duration_ms: int = 0
    # [{question, at_ms}]: where each question of the room starts in this part's video.
    question_marks: list[dict] = json_field()
    # [[start_ms, end_ms], ...]: when the microphone heard a voice (browser RMS threshold).
    speech_segments: list[list[int]] = json_field()
    # [{index, error, at}]: chunks refused, newest last (a few kept), for HR and support.
    chunk_errors: list[dict] = json_field()
    started_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class RateLimitBucket(SQLModel, table=True):
    """Hits per key in a fixed time window, shared by every worker (e.g. token lookups per IP)."""

    __tablename__ = "rate_limit_buckets"
    __table_args__ = {"extend_existing": True}

    key: str = Field(primary_key=True, max_length=200)
    window_started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    hits: int = 0


class InterviewTurn(SQLModel, table=True):
    """One utterance in an interview, stored on the server as it happens."""

    __tablename__ = "interview_turns"
    __table_args__ = (
        sa.UniqueConstraint("link_id", "seq", name="uq_turn_link_seq"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    link_id: int = Field(foreign_key="interview_links.id", index=True)
    seq: int
    speaker: str = Field(max_length=20)  # interviewer | candidate
    text: str = Field(sa_type=sa.Text)
    question_key: str = Field(default="", max_length=80)
    # question | follow_up | answer | slot_question | slot_answer | closing | replaced
    kind: str = Field(default="", max_length=20)
    started_at: datetime | None = optional_time_field()
    ended_at: datetime | None = optional_time_field()
    created_at: datetime = created_at_field()


class Evaluation(SQLModel, table=True):
    __tablename__ = "evaluations"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    link_id: int | None = Field(default=None, foreign_key="interview_links.id")
    status: str = Field(default="ok", max_length=20)  # queued | running | ok | failed | superseded
    score: float | None = None
    communication: float | None = None
    technical_depth: float | None = None
    problem_solving: float | None = None
    cultural_fit: float | None = None
    strengths: list[str] = json_field()
    concerns: list[str] = json_field()
    preferred_slot_text: str = Field(default="", sa_type=sa.Text)
    email_draft: str = Field(default="", sa_type=sa.Text)
    summary: str = Field(default="", sa_type=sa.Text)
    result: dict = json_field(dict)
    # engine (the configured evaluator) | human (a score HR entered instead)
    source: str = Field(default="engine", max_length=20)
    # When a worker took it to run; a run left by a dead process is taken over after a while.
    claimed_at: datetime | None = optional_time_field()
    ai_call_id: int | None = Field(default=None, foreign_key="ai_calls.id")
    created_at: datetime = created_at_field()


class Decision(SQLModel, table=True):
    """A decision with everything it was computed from, so it can be explained later."""

    __tablename__ = "decisions"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    outcome: DecisionOutcome = Field(sa_type=sa.String(20), index=True)
    resume_score: float | None = None
    interview_score: float | None = None
    final_score: float | None = None
    # Thresholds and weights in force when decided.
    inputs: dict = json_field(dict)
    rule_version: str = Field(default="", max_length=40)
    # pending_hr | confirmed | overridden
    status: str = Field(default="pending_hr", max_length=20, index=True)
    is_override: bool = False
    reason: str = Field(default="", sa_type=sa.Text)
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class DecisionAction(SQLModel, table=True):
    """An HR action taken on one decision. One row per (decision, kind): a second approve or
    reject of the same decision (a double click, or the card open in two tabs on two workers)
    fails on the unique key before anything is booked or sent."""

    __tablename__ = "decision_actions"
    __table_args__ = (
        sa.UniqueConstraint("decision_id", "kind", name="uq_decision_action_kind"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    # Erasing a person deletes their decisions; the actions on them go with them.
    decision_id: int = Field(sa_column_args=[sa.ForeignKey("decisions.id", ondelete="CASCADE")],
                             index=True)
    # verdict (approve or reject: one per decision) | override
    kind: str = Field(max_length=20)
    # approve | reject | override
    action: str = Field(max_length=20)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class InterviewBooking(SQLModel, table=True):
    """A booked follow-up interview; a reschedule cancels the old booking and books anew with
    the same calendar UID and a higher sequence, so calendars update the one event."""

    __tablename__ = "interview_bookings"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    ends_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    # The candidate's IANA time zone, for the emails they read.
    candidate_tz: str = Field(default="UTC", max_length=64)
    # preferred (the candidate's own slot) | suggested | manual
    source: str = Field(default="preferred", max_length=20)
    # The candidate's words the slot came from, when it came from them.
    original_text: str = Field(default="", sa_type=sa.Text)
    # booked | cancelled
    status: str = Field(default="booked", max_length=20, index=True)
    ics_uid: str = Field(default="", max_length=200)
    ics_sequence: int = 0
    # Where it happens: an address or a video-call link; goes into the .ics LOCATION (and URL).
    location: str = Field(default="", max_length=500)
    booked_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class BookingInterviewer(SQLModel, table=True):
    """A team member named on a follow-up interview booking: they owe it a scorecard."""

    __tablename__ = "booking_interviewers"
    __table_args__ = (
        sa.UniqueConstraint("booking_id", "user_id", name="uq_booking_interviewer"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="interview_bookings.id", index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    added_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class Scorecard(SQLModel, table=True):
    """One interviewer's ratings of one follow-up interview: one per (booking, interviewer),
    editable by its author until the next decision on the application."""

    __tablename__ = "scorecards"
    __table_args__ = (
        sa.UniqueConstraint("booking_id", "interviewer_id", name="uq_scorecard_interviewer"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="interview_bookings.id", index=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    interviewer_id: int = Field(foreign_key="users.id", index=True)
    # One entry per job skill: {"skill": str, "rating": 1-5, "note": str}.
    ratings: list[dict] = json_field()
    # strong_yes | yes | no | strong_no
    recommendation: str = Field(max_length=20)
    summary: str = Field(default="", sa_type=sa.Text)
    submitted_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class AIFlag(SQLModel, table=True):
    """HR marking an AI output as wrong, unfair or made up; kept beside the output it flags."""

    __tablename__ = "ai_flags"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    # resume_score | evaluation | question | classification
    target_type: str = Field(max_length=30, index=True)
    target_id: int = Field(index=True)
    application_id: int | None = Field(default=None, foreign_key="applications.id", index=True)
    # wrong | unfair | made_up
    reason: str = Field(max_length=20, index=True)
    note: str = Field(default="", sa_type=sa.Text)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()
    # How HR dealt with it ("re-run", "human score 62"), empty while open.
    resolution: str = Field(default="", sa_type=sa.Text)
    resolved_at: datetime | None = optional_time_field()


class Event(SQLModel, table=True):
    """The audit log: who did what to which record, when, with before and after."""

    __tablename__ = "events"
    __table_args__ = (
        # The stage history the reports read: one job's moves in order, per application,
        # without a sort (revision 0029).
        sa.Index("ix_events_action_entity_type_entity_id_at", "action", "entity_type",
                 "entity_id", "at", "id"),
        # The newest event of each action the reports read, their data version (revision
        # 0034): one step down this index on PostgreSQL, where the one on `action` alone is
        # not in id order.
        sa.Index("ix_events_action_id", "action", "id"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    actor_user_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    # "system", "scheduler", "candidate" or the user's email: readable without a join.
    actor_label: str = Field(default="system", max_length=320)
    action: str = Field(max_length=80, index=True)
    entity_type: str = Field(default="", max_length=40, index=True)
    entity_id: int | None = Field(default=None, index=True)
    before: dict = json_field(dict)
    after: dict = json_field(dict)
    note: str = Field(default="", sa_type=sa.Text)


class AICall(SQLModel, table=True):
    """Every call to an AI engine, successful or not."""

    __tablename__ = "ai_calls"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    agent: str = Field(max_length=40, index=True)
    engine: str = Field(max_length=20, index=True)
    model: str = Field(default="", max_length=120)
    agent_id: str = Field(default="", max_length=120)
    prompt_version: str = Field(default="", max_length=40)
    input_hash: str = Field(default="", max_length=64, index=True)
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    latency_ms: float = 0.0
    attempts: int = 1
    status: str = Field(default="ok", max_length=20, index=True)  # ok | failed
    error: str = Field(default="", sa_type=sa.Text)
    # Answered from `ai_result_cache`: no request was made, so no tokens or cost.
    cached: bool = False
    # What the call was for, e.g. ("job", 12); lets the UI show the failure where it belongs.
    subject_type: str = Field(default="", max_length=40)
    subject_id: int | None = None
    created_at: datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True
    )


class AICacheEntry(SQLModel, table=True):
    """A validated result of a successful remote AI call, reused for the same input.

    The key covers everything that shapes the answer (agent, engine, model or agent id, prompt
    version, input hash), so a new prompt version or model is a miss, never a stale hit.
    """

    __tablename__ = "ai_result_cache"
    __table_args__ = {"extend_existing": True}

    # sha256 of (agent, engine, model, agent id, prompt version, input hash).
    key: str = Field(primary_key=True, max_length=64)
    agent: str = Field(max_length=40)
    # The model that answered (the reply's name for it), shown again on cached calls.
    model: str = Field(default="", max_length=120)
    result: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    created_at: datetime = created_at_field()


class OutboxMessage(SQLModel, table=True):
    """Outgoing mail; the idempotency key makes a second enqueue of the same mail a no-op."""

    __tablename__ = "outbox"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(max_length=200, unique=True, index=True)
    # The local part of the Message-ID it is sent with ("outbox.<digest>"; the domain follows
    # the sender address at sending time), so a reply's In-Reply-To finds it by index.
    message_ref: str = Field(default="", max_length=60, index=True)
    kind: str = Field(default="", max_length=40)  # OUTBOX_KINDS in services.outreach.outbox
    to_address: str = Field(max_length=320)
    subject: str = Field(max_length=998)
    body_text: str = Field(default="", sa_type=sa.Text)
    body_html: str = Field(default="", sa_type=sa.Text)
    ics: str = Field(default="", sa_type=sa.Text)
    # The Message-ID this mail answers (a candidate's reply), sent as In-Reply-To and
    # References so their mail client keeps the conversation together; "" for none.
    in_reply_to: str = Field(default="", max_length=998)
    application_id: int | None = Field(default=None, foreign_key="applications.id", index=True)
    status: str = Field(default="pending", max_length=20, index=True)  # pending|sending|sent|failed
    # Where a sent message went: "server" (SMTP) or "folder" (the local outbox folder, when no
    # mail server is set: nobody received it). "" until sent.
    delivered_to: str = Field(default="", max_length=20)
    attempts: int = 0
    next_attempt_at: datetime | None = optional_time_field(index=True)
    last_error: str = Field(default="", sa_type=sa.Text)
    created_at: datetime = created_at_field()
    sent_at: datetime | None = optional_time_field()


class OutboxAttachment(SQLModel, table=True):
    """A file sent with one outbox message (an offer letter); kept with it for every retry."""

    __tablename__ = "outbox_attachments"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = Field(foreign_key="outbox.id", index=True)
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=120)
    content: bytes = Field(sa_type=sa.LargeBinary, nullable=False)


class Lease(SQLModel, table=True):
    """A named lock held for a while (e.g. the scheduler leader); expired leases can be taken."""

    __tablename__ = "leases"
    __table_args__ = {"extend_existing": True}

    name: str = Field(primary_key=True, max_length=80)
    holder: str = Field(max_length=200)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class AppSetting(SQLModel, table=True):
    """Settings changed in the app; secrets are stored encrypted (see services.platform.crypto)."""

    __tablename__ = "settings"
    __table_args__ = {"extend_existing": True}

    key: str = Field(primary_key=True, max_length=120)
    value: Any = Field(default=None, sa_type=sa.JSON, nullable=True)
    is_secret: bool = False
    updated_at: datetime = created_at_field()
    updated_by_id: int | None = Field(default=None, foreign_key="users.id")


class ConversationMessage(SQLModel, table=True):
    """One message of the conversation with a candidate: written by the team (sent through the
    outbox) or a reply that arrived in the inbox and was threaded here instead of being read
    as a new application."""

    __tablename__ = "conversation_messages"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidates.id", index=True)
    # The application it is about, when there is one (the job's title goes in the mail).
    application_id: int | None = Field(default=None, foreign_key="applications.id")
    # out (the team wrote) | in (the candidate replied)
    direction: str = Field(max_length=3)
    outbox_id: int | None = Field(default=None, foreign_key="outbox.id", index=True)
    email_id: int | None = Field(default=None, foreign_key="emails.id", index=True)
    # The Message-ID as sent or received, for the thread and for support questions.
    message_id: str = Field(default="", max_length=998)
    subject: str = Field(default="", max_length=998)
    body_text: str = Field(default="", sa_type=sa.Text)
    # The template it was written from ("" for free text or a reply).
    template_kind: str = Field(default="", max_length=40)
    # How a reply found its thread: in_reply_to | references | address ("" when sent).
    matched_by: str = Field(default="", max_length=20)
    # The reply came from another address than the candidate's (shown, never hidden).
    from_address: str = Field(default="", max_length=320)
    author_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()


class NotificationKind(str, Enum):
    """What the team can be told about (each user chooses how, per kind)."""

    new_application = "new_application"
    decision_waiting = "decision_waiting"
    interview_completed = "interview_completed"
    reply_received = "reply_received"


class Notification(SQLModel, table=True):
    """One thing one user should know about: shown under the bell, and mailed at once or in
    the daily digest as they chose. Made from an audit event, once per (user, event)."""

    __tablename__ = "notifications"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "event_id", name="uq_notification_user_event"),
        # The bell's unread count and list: one user's newest, unread first.
        sa.Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column_args=[sa.ForeignKey("users.id", ondelete="CASCADE")])
    kind: NotificationKind = Field(sa_type=sa.String(30))
    # The audit event it was made from (no foreign key: erasing a person prunes events).
    event_id: int
    # A short line and a sentence, both readable without opening anything.
    title: str = Field(max_length=300)
    body: str = Field(default="", sa_type=sa.Text)
    # Where a click goes (a path of this app), "" for nowhere.
    link: str = Field(default="", max_length=300)
    candidate_id: int | None = Field(default=None, index=True)
    created_at: datetime = created_at_field()
    read_at: datetime | None = optional_time_field()
    # When it went out by email (alone or in a digest); None: not mailed (yet).
    emailed_at: datetime | None = optional_time_field()


class NotificationPreference(SQLModel, table=True):
    """How one user wants one kind of notification by email; no row means the default."""

    __tablename__ = "notification_preferences"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "kind", name="uq_notification_preference_user_kind"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column_args=[sa.ForeignKey("users.id", ondelete="CASCADE")])
    kind: NotificationKind = Field(sa_type=sa.String(30))
    # off | immediate | digest (the bell always shows it)
    email: str = Field(default="off", max_length=20)


def _ids_never_reused() -> None:
    """SQLite would give a new row the highest id in use plus one, so the next candidate after
    an erased one took the erased person's id (and their tombstone). Every table keyed by an
    integer id counts on from its highest ever (revision 0033; PostgreSQL's sequences already
    do), and a table a new migration creates from these models does too."""
    for table in SQLModel.metadata.tables.values():
        if [column.name for column in table.primary_key.columns] == ["id"]:
            table.dialect_kwargs["sqlite_autoincrement"] = True


_ids_never_reused()
