"""Interviewer scorecards: team members named on a follow-up interview booking, their
scorecards (a rating and note per job skill, an overall recommendation), and the job's share
of scorecards in the final score.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 04:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0027'
down_revision: str | None = '0026'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('scorecard_weight', sa.Float(), nullable=False,
                                   server_default='0'))
    op.create_table(
        'booking_interviewers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('booking_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('added_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['booking_id'], ['interview_bookings.id']),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.ForeignKeyConstraint(['added_by_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('booking_id', 'user_id', name='uq_booking_interviewer'),
    )
    op.create_index('ix_booking_interviewers_booking_id', 'booking_interviewers',
                    ['booking_id'], unique=False)
    op.create_index('ix_booking_interviewers_user_id', 'booking_interviewers', ['user_id'],
                    unique=False)
    op.create_table(
        'scorecards',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('booking_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('interviewer_id', sa.Integer(), nullable=False),
        sa.Column('ratings', sa.JSON(), nullable=False),
        sa.Column('recommendation', sa.String(length=20), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['booking_id'], ['interview_bookings.id']),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id']),
        sa.ForeignKeyConstraint(['interviewer_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('booking_id', 'interviewer_id', name='uq_scorecard_interviewer'),
    )
    for column in ('booking_id', 'application_id', 'interviewer_id'):
        op.create_index(f'ix_scorecards_{column}', 'scorecards', [column], unique=False)


def downgrade() -> None:
    for column in ('booking_id', 'application_id', 'interviewer_id'):
        op.drop_index(f'ix_scorecards_{column}', table_name='scorecards')
    op.drop_table('scorecards')
    op.drop_index('ix_booking_interviewers_user_id', table_name='booking_interviewers')
    op.drop_index('ix_booking_interviewers_booking_id', table_name='booking_interviewers')
    op.drop_table('booking_interviewers')
    # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table, which other tables'
    # foreign keys to jobs forbid while they hold rows.
    op.drop_column('jobs', 'scorecard_weight')
