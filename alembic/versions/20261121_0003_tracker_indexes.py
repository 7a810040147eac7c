"""Indexes for the candidate tracker grid: applications by job and stage, by stage and final
score, by date applied and by last activity; candidates' names and emails for the text search.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 16:05:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPLICATION_INDEXES = {
    'ix_applications_job_id_stage': ['job_id', 'stage'],
    'ix_applications_stage_final_score': ['stage', 'final_score'],
    'ix_applications_created_at': ['created_at'],
    'ix_applications_last_activity_at': ['last_activity_at'],
}


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        for name, columns in APPLICATION_INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.create_index('ix_candidates_full_name_email', ['full_name', 'email'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index('ix_candidates_full_name_email')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        for name in reversed(APPLICATION_INDEXES):
            batch_op.drop_index(name)
