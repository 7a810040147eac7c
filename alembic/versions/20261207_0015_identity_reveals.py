"""When HR revealed a blind-screened candidate's identity, stored so the reveal survives a
reload and reaches the tracker, the ranking and the decision cards; and an index that lists
the people with an application to a blind job without reading the applications.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 01:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index('ix_applications_job_id_candidate_id', ['job_id', 'candidate_id'],
                              unique=False)
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('identity_revealed_at', sa.DateTime(timezone=True),
                                      nullable=True))
        # The tracker looks up the few revealed people on every page.
        batch_op.create_index('ix_candidates_identity_revealed_at', ['identity_revealed_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index('ix_candidates_identity_revealed_at')
        batch_op.drop_column('identity_revealed_at')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_job_id_candidate_id')
