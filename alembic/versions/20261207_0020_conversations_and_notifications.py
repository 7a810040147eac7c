"""Conversations with candidates and notifications for the team: threading headers on
received mail, the Message-ID reference of outgoing mail, a job owner, the conversation
messages, the notifications and each user's notification preferences.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 04:00:00.000000
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_reply_to', sa.String(length=998), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('reference_ids', sa.Text(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_ref', sa.String(length=60), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('in_reply_to', sa.String(length=998), nullable=False,
                                      server_default=''))
        batch_op.create_index('ix_outbox_message_ref', ['message_ref'], unique=False)
    _fill_message_refs()
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_jobs_owner_id_users', 'users', ['owner_id'], ['id'])
        batch_op.create_index('ix_jobs_owner_id', ['owner_id'], unique=False)

    op.create_table(
        'conversation_messages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('direction', sa.String(length=3), nullable=False),
        sa.Column('outbox_id', sa.Integer(), nullable=True),
        sa.Column('email_id', sa.Integer(), nullable=True),
        sa.Column('message_id', sa.String(length=998), nullable=False),
        sa.Column('subject', sa.String(length=998), nullable=False),
        sa.Column('body_text', sa.Text(), nullable=False),
        sa.Column('template_kind', sa.String(length=40), nullable=False),
        sa.Column('matched_by', sa.String(length=20), nullable=False),
        sa.Column('from_address', sa.String(length=320), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id']),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id']),
        sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id']),
        sa.ForeignKeyConstraint(['email_id'], ['emails.id']),
        sa.ForeignKeyConstraint(['author_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_conversation_messages_candidate_id', 'conversation_messages',
                    ['candidate_id'])
    op.create_index('ix_conversation_messages_outbox_id', 'conversation_messages',
                    ['outbox_id'])
    op.create_index('ix_conversation_messages_email_id', 'conversation_messages', ['email_id'])

    op.create_table(
        'notifications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('link', sa.String(length=300), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id', 'event_id', name='uq_notification_user_event'),
    )
    op.create_index('ix_notifications_user_id_read_at', 'notifications', ['user_id', 'read_at'])
    op.create_index('ix_notifications_candidate_id', 'notifications', ['candidate_id'])

    op.create_table(
        'notification_preferences',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('email', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id', 'kind', name='uq_notification_preference_user_kind'),
    )


def _fill_message_refs() -> None:
    """Mail queued before this revision: its reference is derived from its key, as when sent."""
    outbox = sa.table('outbox', sa.column('id', sa.Integer()),
                      sa.column('idempotency_key', sa.String()),
                      sa.column('message_ref', sa.String()))
    connection = op.get_bind()
    for row_id, key in connection.execute(sa.select(outbox.c.id, outbox.c.idempotency_key)):
        digest = hashlib.sha256(key.encode('utf-8')).hexdigest()[:40]
        connection.execute(outbox.update().where(outbox.c.id == row_id)
                           .values(message_ref=f'outbox.{digest}'))


def downgrade() -> None:
    op.drop_table('notification_preferences')
    op.drop_index('ix_notifications_candidate_id', table_name='notifications')
    op.drop_index('ix_notifications_user_id_read_at', table_name='notifications')
    op.drop_table('notifications')
    op.drop_index('ix_conversation_messages_email_id', table_name='conversation_messages')
    op.drop_index('ix_conversation_messages_outbox_id', table_name='conversation_messages')
    op.drop_index('ix_conversation_messages_candidate_id', table_name='conversation_messages')
    op.drop_table('conversation_messages')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_jobs_owner_id')
        batch_op.drop_constraint('fk_jobs_owner_id_users', type_='foreignkey')
        batch_op.drop_column('owner_id')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_message_ref')
        batch_op.drop_column('in_reply_to')
        batch_op.drop_column('message_ref')
    with op.batch_alter_table('emails', schema=None) as batch_op:
        batch_op.drop_column('reference_ids')
        batch_op.drop_column('in_reply_to')
