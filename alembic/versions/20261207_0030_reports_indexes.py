"""An index for the reports' stage history: the moves of every application in order, so the
time-in-stage and furthest-stage reads walk it instead of sorting 60,000 audit events.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-07 07:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0030'
down_revision: str | None = '0029'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = 'ix_events_action_entity_type_entity_id_at'


def upgrade() -> None:
    op.create_index(INDEX, 'events', ['action', 'entity_type', 'entity_id', 'at', 'id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name='events')
