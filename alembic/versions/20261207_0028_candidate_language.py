"""The candidate's language (en, fr, de or es): detected from the application, changed by HR,
and used for the emails and interview questions the candidate receives.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Everyone already on file was written to in English: that stays their language.
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=5), nullable=False,
                                      server_default='en'))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table, which other tables'
    # foreign keys to candidates forbid while they hold rows.
    op.drop_column('candidates', 'language')
