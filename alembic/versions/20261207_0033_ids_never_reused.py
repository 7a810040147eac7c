"""Ids are never given twice on SQLite (AUTOINCREMENT on every table with an integer id).

SQLite gives a new row the highest id in use plus one: after the newest candidate was erased,
the next person took the erased person's id, with the tombstone and scrubbed history on their
page, and an old link to the erased person opened the new one. With AUTOINCREMENT a table counts
on from the highest id it has ever had. PostgreSQL's sequences never go back: nothing to do there.

SQLite cannot change a primary key in place, so each table is rebuilt the way its documentation
sets out (sqlite.org/lang_altertable.html, "other kinds of table schema changes"): the same
CREATE statement with the id as `INTEGER PRIMARY KEY AUTOINCREMENT`, the rows copied with their
ids, the old table dropped, the new one renamed, its indexes and triggers made again. Foreign
keys are off for the migration (alembic/env.py) and checked before it commits.

The downgrade leaves the tables as they are: AUTOINCREMENT changes nothing an older release
reads or writes.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-07 13:10:00.000000
"""

import re
from collections.abc import Sequence

from alembic import op

revision: str = '0033'
down_revision: str | None = '0032'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID_COLUMN = re.compile(r'(\n\s*"?id"? INTEGER NOT NULL)(?=,)')
TABLE_PRIMARY_KEY = re.compile(r',\s*(?:CONSTRAINT "?\w+"? )?PRIMARY KEY \("?id"?\)')
NEW_SUFFIX = "__rebuilt"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    if connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("Foreign keys must be off while tables are rebuilt (alembic/env.py "
                           "turns them off before the migrations begin).")
    tables = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql LIKE '%PRIMARY KEY (id)%'").all()
    for name, sql in tables:
        _rebuild_with_autoincrement(connection, name, sql)


def _rebuild_with_autoincrement(connection, name: str, sql: str) -> None:
    rebuilt = name + NEW_SUFFIX
    create = _autoincrement_sql(name, sql).replace(_create_head(name, sql),
                                                    f'CREATE TABLE "{rebuilt}" (', 1)
    # Indexes and triggers go with the dropped table: kept to be made again.
    extras = [row[0] for row in connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type, name", (name,))]
    columns = ", ".join(f'"{row[1]}"' for row in connection.exec_driver_sql(
        f'PRAGMA table_info("{name}")'))
    connection.exec_driver_sql(create)
    connection.exec_driver_sql(
        f'INSERT INTO "{rebuilt}" ({columns}) SELECT {columns} FROM "{name}"')
    connection.exec_driver_sql(f'DROP TABLE "{name}"')
    connection.exec_driver_sql(f'ALTER TABLE "{rebuilt}" RENAME TO "{name}"')
    for statement in extras:
        connection.exec_driver_sql(statement)


def _create_head(name: str, sql: str) -> str:
    head = re.match(r'CREATE TABLE\s+"?' + re.escape(name) + r'"?\s*\(', sql)
    if head is None:
        raise RuntimeError(f"Table {name}: its CREATE statement does not begin as expected.")
    return head.group(0)


def _autoincrement_sql(name: str, sql: str) -> str:
    """`sql` with the id as the column's own `PRIMARY KEY AUTOINCREMENT`; refuses (so the
    migration stops and changes nothing) a statement not in the expected form."""
    with_column_key, columns = ID_COLUMN.subn(r'\1 PRIMARY KEY AUTOINCREMENT', sql)
    without_table_key, keys = TABLE_PRIMARY_KEY.subn("", with_column_key)
    if (columns, keys) != (1, 1):
        raise RuntimeError(f"Table {name}: expected one `id INTEGER NOT NULL` column and one "
                           f"`PRIMARY KEY (id)`, found {columns} and {keys}.")
    return without_table_key


def downgrade() -> None:
    pass
