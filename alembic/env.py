"""Alembic environment: migrates the database named by DATABASE_URL (or the caller's URL)."""

from alembic import context
from sqlmodel import SQLModel

from hireops import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from hireops.config import get_settings
from hireops.db import make_engine
from hireops.services.platform.migrations import include_object_for

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, render_as_batch=True,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    # SQLite changes a table by rebuilding it, which drops the old one: with foreign keys
    # enforced, dropping a table others point at fails. Off for the migrations (set outside a
    # transaction: inside one the pragma does nothing), every key checked before the commit.
    sqlite = connection.dialect.name == "sqlite" and not connection.in_transaction()
    if sqlite:
        _set_foreign_keys(connection, "OFF")
    # Batch mode: SQLite cannot ALTER most things in place.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True,
                      include_object=include_object_for(connection.dialect.name))
    try:
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _refuse_broken_foreign_keys(connection)
    finally:
        if sqlite:
            _set_foreign_keys(connection, "ON")


def _set_foreign_keys(connection, value: str) -> None:
    connection.exec_driver_sql(f"PRAGMA foreign_keys={value}")
    # Ends the transaction SQLAlchemy began for the pragma, so Alembic's is its own.
    connection.commit()


def _refuse_broken_foreign_keys(connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"The migrations would leave rows pointing at missing rows "
                           f"(table, row, parent): {[tuple(row[:3]) for row in broken[:10]]}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
