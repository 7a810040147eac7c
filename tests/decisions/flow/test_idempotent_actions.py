"""Every HR action on a decision happens once per decision: pressing "Approve & schedule" twice,
or the same card acted on from two workers at the same moment, books one interview and sends
one confirmation (it used to book twice and send two)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from hireops import db
from hireops.db import make_engine
from hireops.models import Evaluation, InterviewBooking, OutboxMessage, User
from hireops.services.decisions.flow import (
    DecisionActionRefused,
    apply_after_evaluation,
    approve_and_schedule,
    decision_queue,
    override,
    reject_with_email,
)
from hireops.services.platform.migrations import upgrade_database
from tests.decisions.flow.conftest import NOW
from tests.postgres import throwaway_database
from tests.factories import make_application, make_user
from tests.parallel import at_once

START = NOW + timedelta(days=2)


def _slot(**extra) -> dict:
    return {"start": START, "end": START + timedelta(minutes=45), "source": "suggested",
            "now": NOW, **extra}


def _sent(session, kind: str) -> list[OutboxMessage]:
    return session.exec(select(OutboxMessage).where(OutboxMessage.kind == kind)).all()


def _booked(session) -> list[InterviewBooking]:
    return session.exec(select(InterviewBooking).where(InterviewBooking.status == "booked")).all()


def test_approving_a_pending_advance_twice_books_and_sends_once(session, make_application, hr):
    application = make_application(90, 90)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)

    approve_and_schedule(session=session, application_id=application.id, actor=hr, **_slot())
    with pytest.raises(DecisionActionRefused, match="already acted on"):
        approve_and_schedule(session=session, application_id=application.id, actor=hr,
                             **_slot())
    session.rollback()

    assert len(_sent(session, "schedule")) == 1
    [booking] = session.exec(select(InterviewBooking)).all()  # never booked and replaced
    assert booking.ics_sequence == 0


def test_the_cards_decision_is_acted_on_once_whatever_the_action(session, make_application,
                                                                 hr):
    application = make_application(85, 70)  # a hold: approving it overrides to advance
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    [card] = decision_queue(session=session, now=NOW)

    approve_and_schedule(session=session, application_id=application.id, actor=hr,
                         decision_id=card.decision_id, **_slot())
    for again in (
        lambda: approve_and_schedule(session=session, application_id=application.id, actor=hr,
                                     decision_id=card.decision_id, **_slot()),
        lambda: reject_with_email(session=session, application_id=application.id, reason="r",
                                  subject="s", body="b", actor=hr,
                                  decision_id=card.decision_id),
        lambda: override(session=session, application_id=application.id, decision="reject",
                         reason="r", actor=hr, decision_id=card.decision_id),
    ):
        with pytest.raises(DecisionActionRefused, match="changed since the card was shown"):
            again()
        session.rollback()

    assert len(_sent(session, "schedule")) == 1 and _sent(session, "rejection") == []
    assert len(_booked(session)) == 1


# --- two workers at once ------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, database_url) -> Iterator[sa.Engine]:
    """The app's SQLite file, or a fresh PostgreSQL database migrated to head."""
    if request.param == "sqlite":
        yield db.get_engine()
        return
    with throwaway_database("hireops_decisions") as url:
        upgrade_database(url)
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def _pending_advance(engine: sa.Engine) -> tuple[int, int]:
    """(id of an application whose decision waits for HR, the HR user's id)."""
    with Session(engine, expire_on_commit=False) as session:
        user = make_user(session)
        application = make_application(session, resume_score=90, interview_score=90)
        session.add(Evaluation(application_id=application.id, status="ok", score=90))
        session.commit()
        decision = apply_after_evaluation(session=session, application_id=application.id,
                                          now=NOW)
        assert decision.status == "pending_hr"
        return application.id, user.id


def test_two_workers_approving_the_same_decision_book_and_send_once(engine):
    application_id, user_id = _pending_advance(engine)

    def approve(_n: int) -> str:
        with Session(engine, expire_on_commit=False) as session:
            actor = session.get(User, user_id)
            try:
                # The application's current decision: the pending one, for both.
                approve_and_schedule(session=session, application_id=application_id,
                                     actor=actor, **_slot())
                session.commit()
                return "approved"
            except DecisionActionRefused:
                session.rollback()
                return "refused"
            except Exception as problem:  # noted, so the assertion below shows it
                session.rollback()
                return f"error: {type(problem).__name__}: {problem}"[:200]

    outcomes = at_once(2, approve)
    assert sorted(outcomes) == ["approved", "refused"]
    with Session(engine) as session:
        assert len(_sent(session, "schedule")) == 1
        assert len(session.exec(select(InterviewBooking)).all()) == 1
