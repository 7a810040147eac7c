"""One row inserted unless its key already exists, as a single statement on either database."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def insert_if_absent(*, session: Session, model: type[SQLModel], values: dict[str, Any]) -> bool:
    """Insert `values` as a new `model` row; False (and nothing written) when the primary key
    is taken. Unlike add-then-catch, a race with another worker never raises or rolls back."""
    insert = _INSERTS[session.get_bind().dialect.name]
    key = next(iter(model.__table__.primary_key.columns))
    # RETURNING, not rowcount: psycopg reports no row count for INSERT ... ON CONFLICT.
    statement = insert(model).values(**values).on_conflict_do_nothing().returning(key)
    return session.execute(statement).first() is not None
