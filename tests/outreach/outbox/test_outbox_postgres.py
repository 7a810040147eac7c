"""The races again on PostgreSQL, where several workers are the normal case."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from hireops.models import OutboxMessage
from hireops.services.mail.sender import configured_sender
from tests.parallel import at_once
from tests.postgres import migrate_to_head
from hireops.services.outreach.outbox import deliver_due, enqueue_mail

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(postgres_schema_engine) -> sa.Engine:
    """A migrated throw-away schema, dropped afterwards; skipped when PostgreSQL is down."""
    engine, _schema = postgres_schema_engine
    return migrate_to_head(engine)


def test_racing_enqueues_make_one_row(pg_engine) -> None:
    def enqueue(n: int) -> int:
        with Session(pg_engine, expire_on_commit=False) as session:
            row = enqueue_mail(session=session, idempotency_key="invite:application:1",
                               kind="invite", to_address="a@example.test",
                               subject=f"Thread {n}", body_text="B")
            session.commit()
            return row.id

    ids = at_once(4, enqueue)
    assert len(set(ids)) == 1
    with Session(pg_engine) as session:
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 1


def test_three_workers_send_each_message_once(pg_engine, smtp_env) -> None:
    with Session(pg_engine) as session:
        for n in range(30):
            enqueue_mail(session=session, idempotency_key=f"invite:application:{n}",
                         kind="invite", to_address="a@example.test", subject=f"S{n}",
                         body_text="B")
        session.commit()

    def deliver(n: int) -> int:
        with Session(pg_engine, expire_on_commit=False) as session:
            return deliver_due(session=session, sender=configured_sender()).sent

    assert sum(at_once(3, deliver)) == 30
    ids = smtp_env.message_ids()
    assert len(ids) == 30 and len(set(ids)) == 30
    with Session(pg_engine) as session:
        statuses = session.exec(select(OutboxMessage.status, func.count())
                                .group_by(OutboxMessage.status)).all()
    assert dict(statuses) == {"sent": 30}
