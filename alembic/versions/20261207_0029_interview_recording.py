"""Consented interview recordings: a per-job switch (off by default) and one row per recorded
interview pointing at its private video file, with question marks and voice activity.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 06:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0029'
down_revision: str | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing jobs never recorded: they stay off until HR turns recording on. A plain ADD
    # COLUMN: batch mode would copy the table, which other tables' foreign keys to jobs forbid
    # while they hold rows.
    op.add_column('jobs', sa.Column('record_interviews', sa.Boolean(), nullable=False,
                                    server_default=sa.false()))
    op.create_table(
        'interview_recordings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('link_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('mime_type', sa.String(length=60), nullable=False),
        sa.Column('storage_path', sa.String(length=200), nullable=False),
        sa.Column('size_bytes', sa.Integer(), nullable=False),
        sa.Column('chunks_received', sa.Integer(), nullable=False),
        sa.Column('duration_ms', sa.Integer(), nullable=False),
        sa.Column('question_marks', sa.JSON(), nullable=False),
        sa.Column('speech_segments', sa.JSON(), nullable=False),
        sa.Column('chunk_errors', sa.JSON(), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['link_id'], ['interview_links.id']),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_interview_recordings_link_id', 'interview_recordings', ['link_id'],
                    unique=True)
    op.create_index('ix_interview_recordings_application_id', 'interview_recordings',
                    ['application_id'])


def downgrade() -> None:
    op.drop_index('ix_interview_recordings_application_id', 'interview_recordings')
    op.drop_index('ix_interview_recordings_link_id', 'interview_recordings')
    op.drop_table('interview_recordings')
    # A plain DROP COLUMN (SQLite 3.35+), for the same reason.
    op.drop_column('jobs', 'record_interviews')
