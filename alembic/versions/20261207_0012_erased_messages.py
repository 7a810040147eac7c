"""Tombstones of erased mail: the SHA-256 of each erased message's key, so the same mail
fetched again from another folder or account does not bring the erased person back.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 01:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'erased_messages',
        sa.Column('key_sha256', sa.String(length=64), nullable=False),
        sa.Column('erased_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key_sha256'),
    )


def downgrade() -> None:
    op.drop_table('erased_messages')
