"""Resume files sent through the API, kept like mail attachments but owned by the candidate.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-21 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('candidate_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_attachments_candidate_id_candidates', 'candidates',
                                    ['candidate_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_attachments_candidate_id'), ['candidate_id'],
                              unique=False)
        batch_op.alter_column('email_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Files without a message cannot exist in the older schema; their rows go (the files
    # stay on disk, where a restore of a newer backup would find them again).
    op.execute(sa.text("UPDATE candidates SET resume_attachment_id = NULL WHERE "
                       "resume_attachment_id IN (SELECT id FROM attachments "
                       "WHERE email_id IS NULL)"))
    op.execute(sa.text("DELETE FROM attachments WHERE email_id IS NULL"))
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.alter_column('email_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_index(batch_op.f('ix_attachments_candidate_id'))
        batch_op.drop_constraint('fk_attachments_candidate_id_candidates', type_='foreignkey')
        batch_op.drop_column('candidate_id')
