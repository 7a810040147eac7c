"""Tags on candidates: labels HR puts on a person to find them again in the tracker, one of
each label per candidate whatever its case.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'candidate_tags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=False),
        sa.Column('tag', sa.String(length=40), nullable=False),
        sa.Column('tag_key', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('candidate_id', 'tag_key', name='uq_candidate_tags_candidate_key'),
    )
    op.create_index('ix_candidate_tags_candidate_id', 'candidate_tags', ['candidate_id'],
                    unique=False)
    op.create_index('ix_candidate_tags_tag_key_candidate_id', 'candidate_tags',
                    ['tag_key', 'candidate_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_candidate_tags_tag_key_candidate_id', table_name='candidate_tags')
    op.drop_index('ix_candidate_tags_candidate_id', table_name='candidate_tags')
    op.drop_table('candidate_tags')
