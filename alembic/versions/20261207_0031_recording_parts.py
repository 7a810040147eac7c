"""Recordings in parts: a reload mid-interview starts a new MediaRecorder session, whose WebM
cannot be appended to the first file, so each session is its own row and file (part 0, 1, ...).

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-07 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0031'
down_revision: str | None = '0030'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing recordings are their interview's first part.
    op.add_column('interview_recordings', sa.Column('part', sa.Integer(), nullable=False,
                                                    server_default='0'))
    op.drop_index('ix_interview_recordings_link_id', 'interview_recordings')
    op.create_index('ix_interview_recordings_link_id', 'interview_recordings', ['link_id'])
    op.create_index('ix_interview_recordings_link_id_part', 'interview_recordings',
                    ['link_id', 'part'], unique=True)


def downgrade() -> None:
    # Later parts cannot fit the one-row-per-interview table: they are dropped with their rows
    # (their files stay on disk for an operator to remove).
    op.execute('DELETE FROM interview_recordings WHERE part > 0')
    op.drop_index('ix_interview_recordings_link_id_part', 'interview_recordings')
    op.drop_index('ix_interview_recordings_link_id', 'interview_recordings')
    op.create_index('ix_interview_recordings_link_id', 'interview_recordings', ['link_id'],
                    unique=True)
    op.drop_column('interview_recordings', 'part')
