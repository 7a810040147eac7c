"""Stages through offer and hire: each job's own stages (job_stages), offer letters (offers),
files sent with outgoing mail (outbox_attachments) and when an application was hired.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'job_stages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=30), nullable=False),
        sa.Column('label', sa.String(length=60), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['job_id'], ['jobs.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('job_id', 'key', name='uq_job_stages_job_key'),
    )
    op.create_index('ix_job_stages_job_id', 'job_stages', ['job_id'])
    op.create_table(
        'outbox_attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('outbox_id', sa.Integer(), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=120), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_outbox_attachments_outbox_id', 'outbox_attachments', ['outbox_id'])
    op.create_table(
        'offers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('values', sa.JSON(), nullable=False),
        sa.Column('letter_title', sa.String(length=200), nullable=False),
        sa.Column('letter_text', sa.Text(), nullable=False),
        sa.Column('outbox_id', sa.Integer(), nullable=True),
        sa.Column('response_reason', sa.Text(), nullable=False),
        sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id']),
        sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id']),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_offers_application_id', 'offers', ['application_id'])
    op.create_index('ix_offers_status', 'offers', ['status'])
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hired_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_column('hired_at')
    # The stages HR added have no place in the fixed flow of the revision before: their
    # applications go back to "shortlisted", the last human step it knows, and the new
    # built-in stages likewise.
    op.execute("UPDATE applications SET stage = 'shortlisted' WHERE stage LIKE 'custom\\_%' "
               "ESCAPE '\\' OR stage IN ('offer', 'hired', 'withdrawn')")
    op.drop_index('ix_offers_status', table_name='offers')
    op.drop_index('ix_offers_application_id', table_name='offers')
    op.drop_table('offers')
    op.drop_index('ix_outbox_attachments_outbox_id', table_name='outbox_attachments')
    op.drop_table('outbox_attachments')
    op.drop_index('ix_job_stages_job_id', table_name='job_stages')
    op.drop_table('job_stages')
