"""Booked follow-up interviews, HR flags on AI output, and where an evaluation came from.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('interview_bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('candidate_tz', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('original_text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ics_uid', sa.String(length=200), nullable=False),
    sa.Column('ics_sequence', sa.Integer(), nullable=False),
    sa.Column('booked_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ),
    sa.ForeignKeyConstraint(['booked_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview_bookings', schema=None) as batch_op:
        for column in ('application_id', 'starts_at', 'status'):
            batch_op.create_index(batch_op.f(f'ix_interview_bookings_{column}'), [column],
                                  unique=False)
    op.create_table('ai_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_type', sa.String(length=30), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ai_flags', schema=None) as batch_op:
        for column in ('target_type', 'target_id', 'application_id', 'reason'):
            batch_op.create_index(batch_op.f(f'ix_ai_flags_{column}'), [column], unique=False)
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=20), nullable=False,
                                      server_default='engine'))


def downgrade() -> None:
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.drop_column('source')
    with op.batch_alter_table('ai_flags', schema=None) as batch_op:
        for column in ('reason', 'application_id', 'target_id', 'target_type'):
            batch_op.drop_index(batch_op.f(f'ix_ai_flags_{column}'))
    op.drop_table('ai_flags')
    with op.batch_alter_table('interview_bookings', schema=None) as batch_op:
        for column in ('status', 'starts_at', 'application_id'):
            batch_op.drop_index(batch_op.f(f'ix_interview_bookings_{column}'))
    op.drop_table('interview_bookings')
