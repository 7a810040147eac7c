"""Remote AI results kept for reuse on the same input, and which AI calls were answered so.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-21 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ai_result_cache',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('agent', sa.String(length=40), nullable=False),
    sa.Column('model', sa.String(length=120), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    # Existing rows were all real requests.
    with op.batch_alter_table('ai_calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cached', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('ai_calls', schema=None) as batch_op:
        batch_op.drop_column('cached')
    op.drop_table('ai_result_cache')
