"""Talent pool: an application may name no job (a candidate who fits no open job is kept and
shown instead of disappearing), at most one such application per candidate.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 02:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.alter_column('job_id', existing_type=sa.Integer(), nullable=True)
    op.create_index('uq_applications_talent_pool', 'applications', ['candidate_id'],
                    unique=True, sqlite_where=sa.text('job_id IS NULL'),
                    postgresql_where=sa.text('job_id IS NULL'))


def downgrade() -> None:
    op.drop_index('uq_applications_talent_pool', table_name='applications')
    # Talent-pool rows have no job to keep them by.
    op.execute("DELETE FROM applications WHERE job_id IS NULL")
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.alter_column('job_id', existing_type=sa.Integer(), nullable=False)
