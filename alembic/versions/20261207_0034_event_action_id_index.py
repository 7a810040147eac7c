"""An index on the events' action and id: the reports page asks for the newest event of each
action a report reads on every load and filter change (its cache's data version, so that an
event no report reads, a setting saved or an export, leaves the cached reports as they were).
SQLite's index on `action` alone keeps each action's rows in id order; PostgreSQL's does not,
and there the newest stage move was a sort of every one (some 100,000 at 50,000 applications).

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-07 19:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0034'
down_revision: str | None = '0033'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_events_action_id', 'events', ['action', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_action_id', table_name='events')
