"""The outbox: queued once, delivered through outages, never sent twice, failures visible."""

from __future__ import annotations

import mailbox
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from hireops import db
from hireops.config import get_settings
from hireops.models import Candidate, Event, utcnow
from hireops.services.outreach import outbox
from hireops.services.mail.sender import (
    MailSendError,
    configured_sender,
    message_id_for_key,
)
from hireops.services.outreach.outbox import (
    backoff_delay,
    claim_timeout,
    deliver_due,
    enqueue_mail,
    list_outbox_for_application,
    retry_message,
)
from tests.outreach.outbox.conftest import Crash, ScriptedSender, outbox_count, queue, reload, temporary
from tests.parallel import at_once
from tests.factories import make_candidate


def _events(session: Session, action: str) -> list[Event]:
    session.expire_all()
    return list(session.exec(select(Event).where(Event.action == action).order_by(Event.id)))


# --- enqueue -------------------------------------------------------------------------------


def test_second_enqueue_with_the_same_key_returns_the_first(session, application) -> None:
    first = queue(session, "invite:app:1", application_id=application.id)
    again = queue(session, "invite:app:1", subject="A different subject",
                  application_id=application.id)
    assert again.id == first.id and again.subject == "Subject invite:app:1"
    assert outbox_count(session) == 1
    assert first.status == "pending" and first.attempts == 0


def test_enqueue_is_part_of_the_callers_transaction(session) -> None:
    enqueue_mail(session=session, idempotency_key="k1", kind="invite",
                 to_address="a@example.test", subject="S", body_text="B")
    session.rollback()
    # No mail for a change that was never committed (SQLite's savepoint would commit it alone).
    assert outbox_count(session) == 0


def test_a_lost_race_keeps_the_callers_other_changes(session, monkeypatch) -> None:
    # Another worker queued the same mail after our look-up missed it.
    with Session(db.get_engine()) as other:
        queue(other, "rejection:app:9", kind="rejection")
    real_lookup = outbox._by_key
    calls = []

    def miss_once(s, key):
        calls.append(key)
        return None if len(calls) == 1 else real_lookup(s, key)

    monkeypatch.setattr(outbox, "_by_key", miss_once)
    make_candidate(session, full_name="Kept", email="")
    row = enqueue_mail(session=session, idempotency_key="rejection:app:9", kind="rejection",
                       to_address="a@example.test", subject="S", body_text="B")
    session.commit()
    assert len(calls) == 2  # the insert hit the unique key and looked again
    assert row.kind == "rejection" and outbox_count(session) == 1
    assert session.exec(select(Candidate).where(Candidate.full_name == "Kept")).one()


def test_two_threads_racing_to_enqueue_make_one_row(session, monkeypatch) -> None:
    # Both threads pass the existence check before either inserts: the unique key decides.
    both_checked = threading.Barrier(2, timeout=10)
    real_lookup = outbox._by_key
    first_look = threading.local()

    def racing_lookup(s, key):
        if not getattr(first_look, "done", False):
            first_look.done = True
            both_checked.wait()
            return None
        return real_lookup(s, key)

    monkeypatch.setattr(outbox, "_by_key", racing_lookup)

    def enqueue(n: int) -> int:
        with Session(db.get_engine(), expire_on_commit=False) as own:
            row = enqueue_mail(session=own, idempotency_key="schedule:app:3",
                               kind="schedule", to_address="a@example.test",
                               subject=f"From thread {n}", body_text="B")
            own.commit()
            return row.id

    results = at_once(2, enqueue, timeout_s=30)
    assert len(results) == 2 and results[0] == results[1]
    assert outbox_count(session) == 1


@pytest.mark.parametrize("changes, problem", [
    ({"kind": "newsletter"}, "Unknown mail kind"),
    ({"to_address": "a@example.test, b@example.test"}, "is not one email address"),
    ({"to_address": "no-at-sign"}, "is not one email address"),
    ({"subject": "Hi\nBcc: x@example.test"}, "one non-empty line"),
    ({"body_text": "  "}, "has no text"),
    ({"idempotency_key": ""}, "idempotency key"),
])
def test_enqueue_refuses_broken_mail(session, changes, problem) -> None:
    values = dict(idempotency_key="k", kind="invite", to_address="a@example.test",
                  subject="S", body_text="B")
    values.update(changes)
    with pytest.raises(ValueError, match=problem):
        enqueue_mail(session=session, **values)


# --- delivery through the real SMTP server -------------------------------------------------


def test_due_mail_is_delivered_once_with_its_message_id(session, application, smtp_env) -> None:
    first = queue(session, "invite:app:1", application_id=application.id)
    second = queue(session, "reminder:app:1", kind="reminder", application_id=application.id)

    report = deliver_due(session=session, sender=configured_sender())
    assert (report.sent, report.retried, report.failed, report.stopped) == (2, 0, 0, "")
    assert deliver_due(session=session, sender=configured_sender()).sent == 0

    assert len(smtp_env.messages) == 2
    assert smtp_env.message_ids() == [message_id_for_key(k, domain="acme.test")
                                      for k in ("invite:app:1", "reminder:app:1")]
    for row in (reload(session, first.id), reload(session, second.id)):
        assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None
        assert row.next_attempt_at is None
    assert [e.entity_id for e in _events(session, "mail.sent")] == [application.id] * 2


def test_outage_backs_off_loses_nothing_and_sends_each_once_after(session, smtp_env) -> None:
    smtp_env.stop()
    rows = [queue(session, f"invite:app:{n}") for n in range(3)]
    start = utcnow()

    # One refused connection ends the pass: no waiting out a timeout per message.
    report = deliver_due(session=session, sender=configured_sender(), now=start)
    assert (report.sent, report.retried, report.failed) == (0, 1, 0)
    assert report.stopped.startswith("Connection refused by 127.0.0.1:")
    tried = reload(session, rows[0].id)
    assert tried.status == "pending" and tried.attempts == 1
    assert tried.next_attempt_at == start + timedelta(seconds=30)
    assert tried.last_error == report.stopped
    assert [reload(session, r.id).attempts for r in rows[1:]] == [0, 0]

    # Passes every 15 s for four minutes: each message backs off 30, 60, 120 s ...
    now = start
    for _ in range(16):
        now += timedelta(seconds=15)
        deliver_due(session=session, sender=configured_sender(), now=now)
    session.expire_all()
    waiting = [reload(session, r.id) for r in rows]
    assert {r.status for r in waiting} == {"pending"}
    assert all(r.attempts >= 2 and r.last_error.startswith("Connection refused") for r in waiting)
    first = waiting[0]
    assert first.next_attempt_at - now <= backoff_delay(first.attempts)
    assert smtp_env.messages == []

    # The server is back: everything goes out, exactly once.
    smtp_env.start()
    later = now + timedelta(hours=2)
    report = deliver_due(session=session, sender=configured_sender(), now=later)
    assert (report.sent, report.retried, report.failed) == (3, 0, 0)
    assert deliver_due(session=session, sender=configured_sender(), now=later).sent == 0
    ids = smtp_env.message_ids()
    assert len(ids) == 3 and set(Counter(ids).values()) == {1}
    assert {reload(session, r.id).status for r in rows} == {"sent"}


def test_backoff_doubles_up_to_the_cap(monkeypatch) -> None:
    monkeypatch.setenv("OUTBOX_BACKOFF_INITIAL_S", "30")
    monkeypatch.setenv("OUTBOX_BACKOFF_MAX_S", "200")
    get_settings.cache_clear()
    assert [backoff_delay(n).total_seconds() for n in range(1, 6)] == [30, 60, 120, 200, 200]


def test_refused_recipient_fails_at_once_with_the_reason(session, application,
                                                         smtp_env) -> None:
    smtp_env.rcpt_reply = "550 5.1.1 No such user here"
    row = queue(session, "invite:app:1", application_id=application.id)
    other = queue(session, "invite:app:2", to="someone@example.test")
    report = deliver_due(session=session, sender=configured_sender())
    # A refused recipient is this message's problem: the pass goes on to the next one.
    assert (report.sent, report.retried, report.failed, report.stopped) == (0, 0, 2, "")
    failed = reload(session, row.id)
    assert failed.status == "failed" and failed.attempts == 1 and failed.next_attempt_at is None
    assert failed.last_error == ("The server refused the recipient elena@example.test "
                                 "(550 5.1.1 No such user here).")
    assert reload(session, other.id).status == "failed"
    # The candidate page sees it: in the list and in the application's timeline.
    shown = list_outbox_for_application(session=session, application_id=application.id)
    assert [(m.id, m.status, m.last_error) for m in shown] == [
        (row.id, "failed", failed.last_error)]
    (event,) = [e for e in _events(session, "mail.failed") if e.entity_type == "application"]
    assert event.entity_type == "application" and event.entity_id == application.id
    assert event.after["reason"] == failed.last_error and event.actor_label == "outbox"
    assert smtp_env.messages == []


def test_temporary_failures_stop_after_max_attempts(session, monkeypatch) -> None:
    monkeypatch.setenv("OUTBOX_MAX_ATTEMPTS", "3")
    get_settings.cache_clear()
    row = queue(session, "invite:app:1")
    sender = ScriptedSender(temporary("451 a"), temporary("451 b"), temporary("451 c"))
    now = utcnow()
    outcomes = []
    for _ in range(3):
        report = deliver_due(session=session, sender=sender, now=now)
        outcomes.append((report.retried, report.failed))
        now += timedelta(hours=1)
    assert outcomes == [(1, 0), (1, 0), (0, 1)]
    final = reload(session, row.id)
    assert (final.status, final.attempts, final.last_error) == ("failed", 3, "451 c")
    assert deliver_due(session=session, sender=sender, now=now + timedelta(days=1)).sent == 0
    assert sender.calls == 3


def test_an_unexpected_sender_error_costs_one_attempt(session) -> None:
    row = queue(session, "invite:app:1")
    report = deliver_due(session=session, sender=ScriptedSender(RuntimeError("boom")))
    assert report.retried == 1
    assert reload(session, row.id).last_error == (
        "Unexpected error while sending: RuntimeError: boom")


def test_hr_retry_sends_a_failed_message(session, application, smtp_env) -> None:
    smtp_env.rcpt_reply = "550 5.1.1 No such user here"
    row = queue(session, "invite:app:1", application_id=application.id)
    deliver_due(session=session, sender=configured_sender())
    smtp_env.rcpt_reply = None  # e.g. the mailbox was created meanwhile

    retried = retry_message(session=session, message_id=row.id, actor=None)
    assert (retried.status, retried.attempts) == ("pending", 0)
    assert retried.last_error.startswith("The server refused")  # kept until it succeeds
    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    assert len(smtp_env.messages) == 1
    (event,) = _events(session, "mail.retried")
    assert event.before == {"status": "failed", "attempts": 1}
    assert event.after == {"outbox_id": row.id, "status": "pending", "attempts": 0}
    assert event.entity_type == "application" and event.entity_id == application.id

    with pytest.raises(ValueError, match="already sent; it is never sent twice"):
        retry_message(session=session, message_id=row.id, actor=None)
    with pytest.raises(ValueError, match="does not exist"):
        retry_message(session=session, message_id=9999, actor=None)


# --- crashes and several workers -----------------------------------------------------------


def test_a_message_left_sending_by_a_crash_is_retried_after_the_claim_expires(
        session, smtp_env) -> None:
    row = queue(session, "invite:app:1")
    start = utcnow()
    # The process dies after claiming, before the server got the message.
    with pytest.raises(Crash):
        deliver_due(session=session, sender=ScriptedSender(Crash()), now=start)
    stuck = reload(session, row.id)
    assert (stuck.status, stuck.attempts) == ("sending", 1)

    # While the claim is fresh nobody touches it (its sender may be alive and slow).
    soon = start + claim_timeout() - timedelta(seconds=1)
    assert deliver_due(session=session, sender=configured_sender(), now=soon).sent == 0
    assert smtp_env.messages == []

    after = start + claim_timeout() + timedelta(seconds=1)
    assert deliver_due(session=session, sender=configured_sender(), now=after).sent == 1
    done = reload(session, row.id)
    assert (done.status, done.attempts) == ("sent", 2)
    assert done.last_error == outbox.INTERRUPTED
    assert len(smtp_env.messages) == 1


def test_a_crash_after_the_server_accepted_resends_with_the_same_message_id(
        session, smtp_env) -> None:
    """The one at-least-once window: accepted by the server, not yet marked sent."""
    row = queue(session, "invite:app:1")

    class AcceptedThenCrash:
        name = "crashing"

        def send(self, message):
            configured_sender().send(message)
            raise Crash()

    start = utcnow()
    with pytest.raises(Crash):
        deliver_due(session=session, sender=AcceptedThenCrash(), now=start)
    deliver_due(session=session, sender=configured_sender(),
                now=start + claim_timeout() + timedelta(seconds=1))
    assert reload(session, row.id).status == "sent"
    ids = smtp_env.message_ids()
    # Two copies, one Message-ID: the receiving side can drop the second.
    assert len(ids) == 2 and ids[0] == ids[1]


def test_an_interrupted_last_attempt_fails_instead_of_risking_a_duplicate(
        session, monkeypatch) -> None:
    monkeypatch.setenv("OUTBOX_MAX_ATTEMPTS", "1")
    get_settings.cache_clear()
    row = queue(session, "invite:app:1")
    start = utcnow()
    with pytest.raises(Crash):
        deliver_due(session=session, sender=ScriptedSender(Crash()), now=start)
    sender = ScriptedSender()
    report = deliver_due(session=session, sender=sender,
                         now=start + claim_timeout() + timedelta(seconds=1))
    assert report.failed == 1 and sender.calls == 0
    final = reload(session, row.id)
    assert final.status == "failed" and "may or may not have arrived" in final.last_error


def test_a_worker_whose_claim_was_taken_over_does_not_overwrite_the_outcome(session) -> None:
    row = queue(session, "invite:app:1")
    start = utcnow()
    late = start + claim_timeout() + timedelta(seconds=1)

    class SlowSender:
        """While it 'sends', its claim expires and another worker delivers the message."""

        name = "slow"

        def send(self, message):
            with Session(db.get_engine()) as other:
                assert deliver_due(session=other, sender=ScriptedSender(), now=late).sent == 1
            raise temporary("timed out")

    report = deliver_due(session=session, sender=SlowSender(), now=start)
    assert report.retried == 0 and report.sent == 0
    final = reload(session, row.id)
    assert (final.status, final.attempts) == ("sent", 2)


def test_a_late_outcome_does_not_overwrite_a_takeover_still_sending(session) -> None:
    row = queue(session, "invite:app:1")
    start = utcnow()

    class SlowSender:
        """Its claim expires mid-send; another worker claims the message and is sending it."""

        name = "slow"

        def send(self, message):
            with Session(db.get_engine()) as other:
                late = start + claim_timeout() + timedelta(seconds=1)
                assert outbox._claim(other, row.id, late) is not None
            raise temporary("timed out")

    report = deliver_due(session=session, sender=SlowSender(), now=start)
    assert (report.sent, report.retried, report.failed) == (0, 0, 0)
    # The second worker's claim (attempt 2) stands; the first one's "retry later" is dropped.
    current = reload(session, row.id)
    assert (current.status, current.attempts) == ("sending", 2)


def test_two_workers_delivering_at_once_send_each_message_once(session, smtp_env) -> None:
    rows = [queue(session, f"invite:app:{n}") for n in range(24)]

    def deliver(_n: int):
        with Session(db.get_engine(), expire_on_commit=False) as own:
            return deliver_due(session=own, sender=configured_sender())

    reports = at_once(2, deliver)
    assert sum(r.sent for r in reports) == 24
    ids = smtp_env.message_ids()
    assert len(ids) == 24 and len(set(ids)) == 24
    session.expire_all()
    assert {reload(session, r.id).status for r in rows} == {"sent"}
    assert {reload(session, r.id).attempts for r in rows} == {1}


# --- the embedded default ------------------------------------------------------------------


def test_without_smtp_host_mail_lands_in_the_local_maildir(session, outbox_env) -> None:
    queue(session, "invite:app:1", subject="Your interview")
    report = deliver_due(session=session, sender=configured_sender())
    assert report.sent == 1
    box = mailbox.Maildir(outbox_env, create=False)
    (message,) = [box.get_message(key) for key in box.keys()]
    assert message["Subject"] == "Your interview"
    assert message["Message-ID"] == message_id_for_key("invite:app:1", domain="acme.test")


def test_a_maildir_that_cannot_be_written_is_retried(session, outbox_env) -> None:
    outbox_env.parent.mkdir(parents=True, exist_ok=True)
    outbox_env.write_text("not a folder")
    row = queue(session, "invite:app:1")
    report = deliver_due(session=session, sender=configured_sender())
    assert report.retried == 1 and report.stopped.startswith("Cannot write")
    assert reload(session, row.id).status == "pending"


def test_mail_error_fields() -> None:
    error = MailSendError("why", permanent=True)
    assert (error.reason, error.permanent, error.server_wide, str(error)) == (
        "why", True, False, "why")


def test_schedule_confirmation_end_to_end(session, application, smtp_env) -> None:
    """Template, invitation and outbox together, read back from what the server received."""
    from datetime import datetime, timezone

    from icalendar import Calendar

    from hireops.services.outreach.email_templates import get_template, render_template
    from hireops.services.calendar.ics import build_invite

    start = datetime(2026, 3, 17, 9, 0, tzinfo=timezone.utc)
    mail = render_template(get_template(session=session, kind="schedule_confirmation"), {
        "candidate_name": "Elena <Petrova>", "job_title": "Backend Engineer",
        "company_name": "Acme", "recruiter_name": "Sam", "slot": "Tuesday 17 March, 10:00"})
    ics = build_invite(uid=f"interview-{application.id}@acme.test", start=start,
                       end=start + timedelta(minutes=45), summary="Interview: Backend Engineer",
                       description=mail.text, organizer_email="recruiting@acme.test",
                       attendee_email="elena@example.test", tz_name="Europe/Berlin")
    enqueue_mail(session=session, idempotency_key=f"schedule:application:{application.id}",
                 kind="schedule", to_address="elena@example.test", subject=mail.subject,
                 body_text=mail.text, body_html=mail.html, ics=ics,
                 application_id=application.id)
    session.commit()
    assert deliver_due(session=session, sender=configured_sender()).sent == 1

    (received,) = smtp_env.messages
    message = received.parsed
    assert message["Subject"] == "Interview confirmed: Backend Engineer on Tuesday 17 March, 10:00"
    assert message["To"] == "elena@example.test"
    assert "Hello Elena <Petrova>," in message.get_body(("plain",)).get_content()
    assert "Hello Elena &lt;Petrova&gt;," in message.get_body(("html",)).get_content()
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "invite.ics"
    (event,) = Calendar.from_ical(attachment.get_content()).events
    assert str(event["uid"]) == f"interview-{application.id}@acme.test"
    assert event.start == start and str(event["attendee"]) == "mailto:elena@example.test"
