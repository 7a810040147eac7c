"""Where each sent message went (mail server or local outbox folder), so HR is never told
"sent" for mail that only reached a folder.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        # Mail sent before this revision: where it went was not recorded.
        batch_op.add_column(sa.Column('delivered_to', sa.String(length=20), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('delivered_to')
