"""Reminders: a link not opened after 48 h, an interview not finished a day before expiry;
each sent once."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from hireops.models import OutboxMessage, utcnow
from hireops.services.interviews.links import generate_link, set_link_status
from hireops.services.interviews.reminders import send_due_reminders


def _reminders(session) -> list[str]:
    return [m.idempotency_key for m in session.exec(
        select(OutboxMessage).where(OutboxMessage.kind == "reminder"))]


def test_unopened_and_expiring_reminders_are_sent_once(session, mailed_link):
    link = mailed_link()
    now = utcnow()
    assert send_due_reminders(session=session, now=now + timedelta(hours=47)) == 0
    assert send_due_reminders(session=session, now=now + timedelta(hours=49)) == 1
    assert send_due_reminders(session=session, now=now + timedelta(hours=50)) == 0
    assert _reminders(session) == [f"reminder:link:{link.id}:unopened"]

    set_link_status(link, "opened", by="candidate")
    session.commit()
    assert send_due_reminders(session=session, now=now + timedelta(hours=60)) == 1
    assert send_due_reminders(session=session, now=now + timedelta(hours=61)) == 0
    message = session.exec(select(OutboxMessage).where(
        OutboxMessage.idempotency_key == f"reminder:link:{link.id}:expiring")).one()
    assert "interview" in message.subject.lower() and "/interview/" in message.body_text
    # Past the expiry nothing more is sent.
    assert send_due_reminders(session=session, now=now + timedelta(hours=80)) == 0


def test_no_reminder_for_finished_or_unsent_links(session, make_application, recruiter,
                                                  mailed_link):
    unsent = generate_link(session=session, application_id=make_application(90).id,
                           actor=recruiter).link
    done = mailed_link()
    for status in ("opened", "started", "completed"):
        set_link_status(done, status, by="candidate")
    session.commit()
    assert send_due_reminders(session=session, now=utcnow() + timedelta(hours=60)) == 0
    assert unsent.status == "generated"


def test_no_expiring_reminder_for_a_link_never_emailed(session, make_application, recruiter):
    """HR copied the link by hand and the candidate opened it: nothing was emailed, so no
    reminder "about the link we sent" goes out."""
    link = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter).link
    set_link_status(link, "opened", by="candidate")
    session.commit()

    assert send_due_reminders(session=session, now=utcnow() + timedelta(hours=60)) == 0
    assert _reminders(session) == []


def test_no_expiring_reminder_while_the_candidate_is_in_the_room(session, mailed_link):
    link = mailed_link()
    due = utcnow() + timedelta(hours=60)  # inside the expiring window
    set_link_status(link, "opened", by="candidate", at=due - timedelta(seconds=13))
    session.commit()

    assert send_due_reminders(session=session, now=due) == 0
    set_link_status(link, "started", by="candidate", at=due + timedelta(minutes=1))
    session.commit()
    assert send_due_reminders(session=session, now=due + timedelta(minutes=30)) == 0
    # Left unfinished for hours, the link is no longer in use: now the reminder is due.
    assert send_due_reminders(session=session, now=due + timedelta(hours=3)) == 1
    assert _reminders(session) == [f"reminder:link:{link.id}:expiring"]
