"""Before an override, HR is told which choices contradict an email the candidate already has."""

from __future__ import annotations

from sqlmodel import select

from hireops.models import OutboxMessage
from hireops.services.decisions.flow import apply_after_evaluation, reject_with_email
from hireops.services.decisions.override_warnings import override_warnings
from hireops.services.outreach.outbox import FAILED
from tests.decisions.flow.conftest import NOW


def test_no_email_yet_no_warning(session, make_application):
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    assert override_warnings(session=session, application_id=application.id) == {}


def test_a_sent_confirmation_warns_against_hold_and_reject(session, make_application):
    application = make_application(90, 90, auto_advance=True)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    warnings = override_warnings(session=session, application_id=application.id)
    assert set(warnings) == {"hold", "reject"}
    assert "interview confirmation" in warnings["reject"] and "tell them" in warnings["reject"]


def test_a_rejection_email_warns_against_advance_and_hold(session, make_application, hr):
    application = make_application(30, 30)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    reject_with_email(session=session, application_id=application.id, reason="Not enough depth",
                      subject="Your application", body="Thank you.", actor=hr)
    warnings = override_warnings(session=session, application_id=application.id)
    assert set(warnings) == {"advance", "hold"}
    assert "a rejection (“Your application”)" in warnings["advance"]


def test_a_failed_email_never_reached_the_candidate(session, make_application, hr):
    application = make_application(30, 30)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    reject_with_email(session=session, application_id=application.id, reason="Not enough depth",
                      subject="Your application", body="Thank you.", actor=hr)
    mail = session.exec(select(OutboxMessage)).one()
    mail.status = FAILED
    session.add(mail)
    session.commit()
    assert override_warnings(session=session, application_id=application.id) == {}
