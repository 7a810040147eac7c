"""Inbox source references (and every reference seen), claims and warnings on emails; phone tails on candidates; leases for the scheduler leader.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 14:31:08.516794
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('mail_refs',
    sa.Column('ref', sa.String(length=400), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('ref')
    )
    op.create_table('leases',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_tail', sa.String(length=9), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_candidates_phone_tail'), ['phone_tail'],
                              unique=False)
    # Existing candidates get their tail from the normalised phone.
    tail = ("right(phone_normalized, 9)" if op.get_bind().dialect.name == "postgresql"
            else "substr(phone_normalized, -9)")
    op.execute(f"UPDATE candidates SET phone_tail = {tail} WHERE length(phone_normalized) >= 9")
    with op.batch_alter_table('emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_ref', sa.String(length=400), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))
        # Existing rows get an empty list.
        batch_op.add_column(sa.Column('warnings', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.create_index(batch_op.f('ix_emails_source_ref'), ['source_ref'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('emails', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emails_source_ref'))
        batch_op.drop_column('warnings')
        batch_op.drop_column('source_ref')
        batch_op.drop_column('claimed_at')

    op.drop_table('leases')
    op.drop_table('mail_refs')
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidates_phone_tail'))
        batch_op.drop_column('phone_tail')
