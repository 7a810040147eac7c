"""Rows for tests with the few fields a table requires filled in; a test names only what it checks.

Each factory takes any model field as a keyword. Given a session it adds the row and flushes (so
the id is set); the test, as the outermost caller, commits when it needs to. Without a session
the row stays in memory (for pure functions such as matching).
"""

from __future__ import annotations

import io
import zipfile
from typing import TypeVar

from sqlmodel import Session, SQLModel

from hireops.models import Application, Candidate, Job, Role, User
from hireops.services.platform.auth import open_session
from hireops.services.privacy.rights import write_candidate_data

Row = TypeVar("Row", bound=SQLModel)


def _added(session: Session | None, row: Row) -> Row:
    if session is not None:
        session.add(row)
        session.flush()
    return row


def make_job(session: Session | None = None, **fields) -> Job:
    """An open job, "Backend Engineer" unless `title` says otherwise."""
    return _added(session, Job(**{"title": "Backend Engineer", **fields}))


def make_user(session: Session | None = None, **fields) -> User:
    """A recruiter, hr@example.com, with a placeholder password hash (nobody signs in as it)."""
    defaults = {"email": "hr@example.com", "password_hash": "x", "role": Role.recruiter}
    return _added(session, User(**{**defaults, **fields}))


def make_candidate(session: Session | None = None, **fields) -> Candidate:
    """Ada Lovelace, ada@example.com."""
    defaults = {"full_name": "Ada Lovelace", "email": "ada@example.com"}
    return _added(session, Candidate(**{**defaults, **fields}))


def make_application(session: Session, *, job: Job | None = None,
                     candidate: Candidate | None = None, **fields) -> Application:
    """An application of `candidate` (default: a new Ada) to `job` (default: a new job)."""
    job = job or make_job(session)
    candidate = candidate or make_candidate(session)
    return _added(session, Application(candidate_id=candidate.id, job_id=job.id, **fields))


def signed_in_token(session: Session, **user_fields) -> str:
    """The session cookie of a new user signed in (a recruiter unless `role` says otherwise),
    committed so that a request in another session finds it."""
    token = open_session(session=session, user=make_user(session, **user_fields))
    session.commit()
    return token


def exported_archive(session: Session, candidate_id: int) -> zipfile.ZipFile:
    """The person's privacy export as the routes write it, read back as a zip."""
    buffer = io.BytesIO()
    write_candidate_data(session=session, candidate_id=candidate_id, out=buffer)
    return zipfile.ZipFile(buffer)
