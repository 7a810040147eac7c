"""What each stored message's body text was read from ("text", "html" or ""), so a resume taken
from an HTML-only application mail is recorded as such.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('emails', schema=None) as batch_op:
        # Messages stored before this revision: not recorded ("").
        batch_op.add_column(sa.Column('body_format', sa.String(length=10), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('emails', schema=None) as batch_op:
        batch_op.drop_column('body_format')
