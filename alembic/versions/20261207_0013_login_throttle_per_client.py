"""Sign-in throttles per account and per client address: login_throttle is keyed by
"account:<email>" or "client:<address>" instead of the bare email, and its last failure time is
indexed so housekeeping can delete rows long past.

The rows only slow down recent guessing, so they are dropped rather than converted: at worst an
account being guessed at the moment of the upgrade gets its free attempts again.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 01:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table('login_throttle')
    op.create_table('login_throttle',
                    sa.Column('key', sa.String(length=340), nullable=False),
                    sa.Column('failures', sa.Integer(), nullable=False),
                    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('key'))
    op.create_index(op.f('ix_login_throttle_last_failure_at'), 'login_throttle',
                    ['last_failure_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_login_throttle_last_failure_at'), table_name='login_throttle')
    op.drop_table('login_throttle')
    op.create_table('login_throttle',
                    sa.Column('email', sa.String(length=320), nullable=False),
                    sa.Column('failures', sa.Integer(), nullable=False),
                    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('email'))
