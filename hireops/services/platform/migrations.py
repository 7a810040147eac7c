"""Running the Alembic migrations from code (CLI, app start-up, tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from hireops.config import PROJECT_ROOT


def alembic_config(database_url: str | None = None) -> Config:
    """An Alembic config pointing at this project's migrations."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def include_object_for(dialect_name: str):
    """Alembic's `include_object` for comparing models and database: leaves out the indexes a
    model keeps for another database only (`info["only_on"]`, e.g. PostgreSQL's trigram ones)."""

    def include(schema_object, _name, type_, _reflected, _compare_to) -> bool:
        only_on = schema_object.info.get("only_on") if type_ == "index" else None
        return only_on in (None, dialect_name)

    return include


def upgrade_database(database_url: str | None = None, revision: str = "head") -> None:
    """Bring the database up to `revision` (default: the newest)."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade_database(database_url: str | None = None, revision: str = "base") -> None:
    """Take the database down to `revision`."""
    command.downgrade(alembic_config(database_url), revision)
