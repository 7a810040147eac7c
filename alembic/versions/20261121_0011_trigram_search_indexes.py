"""Trigram indexes for the tracker's text search on PostgreSQL: job titles, candidate names and
candidate emails, so `ILIKE '%text%'` reads an index instead of every row. Nothing on SQLite,
whose search is fast enough without (and which has no such index).

The indexes need the pg_trgm extension (in PostgreSQL's contrib; trusted since PostgreSQL 13, so
the database owner may create it). Where it cannot be had the indexes are skipped with a warning:
search still works, by a scan. Install it, then `alembic downgrade 0010 && alembic upgrade head`.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-21 20:00:00.000000
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Alembic's own logger, so the warning prints beside "Running upgrade 0010 -> 0011".
log = logging.getLogger('alembic.runtime.migration')

WITHOUT_INDEXES = ('no trigram indexes, so the tracker\'s text search scans names, emails and '
                   'job titles (to add them once pg_trgm can be had: alembic downgrade 0010, '
                   'then alembic upgrade head)')

# index name: (table, column); the same names as in hireops/models.py.
TRIGRAM_INDEXES = {
    'ix_jobs_title_trgm': ('jobs', 'title'),
    'ix_candidates_full_name_trgm': ('candidates', 'full_name'),
    'ix_candidates_email_trgm': ('candidates', 'email'),
}


def upgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    if op.get_context().as_sql:
        # A script for someone to run later (alembic upgrade --sql): no server to ask.
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        operator_class = 'gin_trgm_ops'
    else:
        schema = _pg_trgm_schema(op.get_bind())
        if schema is None:
            return
        # Qualified: pg_trgm may live in a schema that is not on the search_path.
        operator_class = f'{schema}.gin_trgm_ops'
    for name, (table, column) in TRIGRAM_INDEXES.items():
        # fastupdate off: candidates arrive a few at a time, and a pending list of unsorted
        # entries (kept until the next vacuum) would be read by every search meanwhile.
        op.create_index(name, table, [column], unique=False, postgresql_using='gin',
                        postgresql_ops={column: operator_class},
                        postgresql_with={'fastupdate': 'off'})


def downgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    # IF EXISTS: upgrade skipped them when pg_trgm was missing. The extension stays: other
    # objects may use it, and dropping it needs its owner.
    for name, (table, _column) in reversed(TRIGRAM_INDEXES.items()):
        op.drop_index(name, table_name=table, if_exists=True)


def _pg_trgm_schema(connection: sa.Connection) -> str | None:
    """The (quoted) schema holding pg_trgm, created here if the server has it; else None."""
    schema = _installed_schema(connection)
    if schema is not None:
        return schema
    available = connection.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
    if not available:
        log.warning('pg_trgm is not available on this PostgreSQL server (it ships with '
                    'postgresql-contrib): %s', WITHOUT_INDEXES)
        return None
    try:
        # A savepoint, so a refusal (a role without CREATE on the database, or PostgreSQL < 13
        # without superuser) leaves the rest of the migration standing.
        with connection.begin_nested():
            connection.execute(sa.text('CREATE EXTENSION IF NOT EXISTS pg_trgm'))
    except sa.exc.DBAPIError as problem:
        log.warning('pg_trgm could not be created (%s): %s', str(problem.orig).strip(),
                    WITHOUT_INDEXES)
        return None
    return _installed_schema(connection)


def _installed_schema(connection: sa.Connection) -> str | None:
    # regnamespace prints the name quoted where it needs quotes.
    return connection.execute(sa.text(
        "SELECT extnamespace::regnamespace::text FROM pg_extension "
        "WHERE extname = 'pg_trgm'")).scalar()
