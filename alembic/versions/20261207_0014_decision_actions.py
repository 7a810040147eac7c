"""HR actions on decisions, one per decision and kind, so a repeated approve books nothing twice.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-21 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('decision_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('decision_id', 'kind', name='uq_decision_action_kind')
    )
    with op.batch_alter_table('decision_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_actions_decision_id'), ['decision_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('decision_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_actions_decision_id'))
    op.drop_table('decision_actions')
