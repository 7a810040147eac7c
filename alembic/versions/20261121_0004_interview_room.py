"""The interview room: encrypted link tokens, the status timestamps, consent records, the
interviewer's plan, webcam signals, integrity flags; the kind of each turn; rate-limit buckets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 17:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINK_TIMES = ['opened_at', 'started_at', 'completed_at']
LINK_JSON = {'consent_record': '{}', 'integrity_flags': '[]', 'plan': '{}'}
LINK_TEXT = ['token_encrypted', 'preferred_slot_text', 'threshold_override_reason']


def upgrade() -> None:
    op.create_table('interview_signals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('face_present_pct', sa.Float(), nullable=True),
    sa.Column('attention', sa.Float(), nullable=True),
    sa.Column('max_faces', sa.Integer(), nullable=False),
    sa.Column('longest_absence_s', sa.Float(), nullable=False),
    sa.Column('frame_width', sa.Integer(), nullable=False),
    sa.Column('frame_height', sa.Integer(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['interview_links.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview_signals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_signals_link_id'), ['link_id'],
                              unique=False)
    op.create_table('rate_limit_buckets',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('window_started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('interview_links', schema=None) as batch_op:
        for name in LINK_TEXT:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
        for name in LINK_TIMES:
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
        for name, empty in LINK_JSON.items():
            batch_op.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default=empty))
        batch_op.create_index(batch_op.f('ix_interview_links_completed_at'), ['completed_at'],
                              unique=False)
    with op.batch_alter_table('interview_turns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('interview_turns', schema=None) as batch_op:
        batch_op.drop_column('kind')
    with op.batch_alter_table('interview_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_links_completed_at'))
        for name in [*LINK_JSON, *LINK_TIMES, *LINK_TEXT]:
            batch_op.drop_column(name)
    op.drop_table('rate_limit_buckets')
    with op.batch_alter_table('interview_signals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_signals_link_id'))
    op.drop_table('interview_signals')
