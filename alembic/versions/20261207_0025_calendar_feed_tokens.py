"""Each user's private calendar feed address: a secret token stored as a hash, revocable.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0025'
down_revision: str | None = '0024'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'calendar_feed_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_prefix', sa.String(length=12), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_calendar_feed_tokens_user_id', 'calendar_feed_tokens', ['user_id'],
                    unique=False)
    op.create_index('ix_calendar_feed_tokens_token_hash', 'calendar_feed_tokens',
                    ['token_hash'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_calendar_feed_tokens_token_hash', table_name='calendar_feed_tokens')
    op.drop_index('ix_calendar_feed_tokens_user_id', table_name='calendar_feed_tokens')
    op.drop_table('calendar_feed_tokens')
