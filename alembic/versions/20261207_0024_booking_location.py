"""Where a booked interview happens: an address or a video-call link, for the confirmation and
the calendar invitation.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('interview_bookings', schema=None) as batch_op:
        # Bookings made before this revision named no place ("").
        batch_op.add_column(sa.Column('location', sa.String(length=500), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('interview_bookings', schema=None) as batch_op:
        batch_op.drop_column('location')
