"""Interviewers' CalDAV calendars (address, user, encrypted password), read for busy times so
suggested interview slots avoid them.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0026'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'caldav_accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=False),
        sa.Column('username', sa.String(length=200), nullable=False),
        sa.Column('password_encrypted', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_checked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_caldav_accounts_user_id', 'caldav_accounts', ['user_id'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_caldav_accounts_user_id', table_name='caldav_accounts')
    op.drop_table('caldav_accounts')
