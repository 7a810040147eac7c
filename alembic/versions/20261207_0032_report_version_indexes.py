"""Indexes on the edit times of applications and candidates: the reports page asks for the
newest of each on every load and filter change (its cache's data version), and without an index
each was a scan of every row (some 15 ms apiece at 50,000 on a busy machine).

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-07 10:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0032'
down_revision: str | None = '0031'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {'ix_applications_updated_at': 'applications',
           'ix_candidates_updated_at': 'candidates'}


def upgrade() -> None:
    for name, table in INDEXES.items():
        op.create_index(name, table, ['updated_at'], unique=False)


def downgrade() -> None:
    for name, table in INDEXES.items():
        op.drop_index(name, table_name=table)
