"""Notifications for the team: who is told about what, the bell's unread count, mark as read,
and mail at once or in the daily digest through the outbox (delivered to the loopback SMTP
server)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlmodel import Session, func, select

from hireops.models import (
    Application, Candidate, Job, Notification, OutboxMessage, Role, User,
)
from hireops.services.platform.audit import record_event
from hireops.services.outreach.notifications import (
    list_notifications, mark_read, notify_from_events, send_digests, set_preference,
    unread_count,
)
from hireops.services.platform.users import add_team_user
from tests.outreach.conversations.conftest import deliver_outbox
from tests.fakes.smtp_server import FakeSmtpServer
from tests.factories import make_application, make_candidate, make_job

MORNING = datetime(2026, 12, 8, 8, 0, tzinfo=timezone.utc)
NIGHT = datetime(2026, 12, 8, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def team(session: Session) -> dict[str, User]:
    users = {}
    for name, role in (("ada", Role.admin), ("rita", Role.recruiter), ("sam", Role.recruiter),
                       ("vic", Role.viewer)):
        users[name], _ = add_team_user(session=session, email=f"{name}@acme.test", role=role,
                                       full_name=name.capitalize(), actor=None)
    return users


def _application(session: Session, *, owner: User | None, name: str = "Elena Petrova") -> Application:
    job = make_job(session, title="Data Analyst", owner_id=owner.id if owner else None)
    candidate = make_candidate(session, full_name=name,
                               email=f"{name.split()[0].lower()}@example.test")
    return make_application(session, job=job, candidate=candidate, source="careers")


def _event(session: Session, action: str, application: Application, *,
           actor: User | None = None) -> None:
    record_event(session=session, action=action, actor=actor, entity_type="application",
                 entity_id=application.id, after={"source": application.source})
    session.commit()


def _titles(session: Session, user: User) -> list[str]:
    return [row.title for row in list_notifications(session=session, user_id=user.id)]


def test_an_owned_job_tells_its_owner_and_an_unowned_one_the_team(session, team):
    notify_from_events(session=session)  # a fresh installation: the cursor starts here
    owned = _application(session, owner=team["sam"], name="Elena Petrova")
    unowned = _application(session, owner=None, name="Omar Haddad")
    _event(session, "application.created", owned)
    _event(session, "application.created", unowned)

    # Elena's job is Sam's; Omar's is the team's: admins and recruiters, not the viewer.
    assert notify_from_events(session=session) == 1 + 3
    assert _titles(session, team["sam"]) == ["New application: Omar Haddad for Data Analyst",
                                             "New application: Elena Petrova for Data Analyst"]
    assert _titles(session, team["ada"]) == ["New application: Omar Haddad for Data Analyst"]
    assert _titles(session, team["rita"]) == _titles(session, team["ada"])
    assert _titles(session, team["vic"]) == []
    # A second run (or a second worker) makes nothing twice.
    assert notify_from_events(session=session) == 0


def test_every_kind_and_never_the_person_who_acted(session, team):
    notify_from_events(session=session)
    application = _application(session, owner=None)
    _event(session, "decision.needs_hr", application)
    _event(session, "interview.completed", application)
    # Rita moved something herself: she is not told about her own action.
    _event(session, "decision.needs_hr", application, actor=team["rita"])
    record_event(session=session, action="conversation.reply_received", actor_label="candidate",
                 entity_type="candidate", entity_id=application.candidate_id,
                 note="I can start in March.",
                 after={"application_id": application.id, "answered_author_id": team["sam"].id})
    session.commit()
    notify_from_events(session=session)

    assert _titles(session, team["ada"]) == [
        "Decision waiting: Elena Petrova for Data Analyst",
        "Interview completed: Elena Petrova for Data Analyst",
        "Decision waiting: Elena Petrova for Data Analyst"]
    assert len(_titles(session, team["rita"])) == 2
    assert len(_titles(session, team["sam"])) == 3 + 1
    # The reply goes to the one whose message was answered.
    sam = list_notifications(session=session, user_id=team["sam"].id)
    assert sam[0].title == "Reply from Elena Petrova for Data Analyst"
    assert sam[0].body == "I can start in March." and sam[0].link.endswith(
        f"?id={application.candidate_id}")


def test_unread_counts_and_mark_read_only_touch_ones_own(session, team):
    notify_from_events(session=session)
    for _ in range(3):
        _event(session, "decision.needs_hr", _application(session, owner=None))
    notify_from_events(session=session)
    ada, rita = team["ada"], team["rita"]
    assert unread_count(session=session, user_id=ada.id) == 3
    first = list_notifications(session=session, user_id=ada.id)[0]
    # Rita cannot mark Ada's notification read.
    assert mark_read(session=session, user_id=rita.id, notification_id=first.id) == 0
    assert mark_read(session=session, user_id=ada.id, notification_id=first.id) == 1
    assert unread_count(session=session, user_id=ada.id) == 2
    assert mark_read(session=session, user_id=ada.id) == 2
    assert unread_count(session=session, user_id=ada.id) == 0
    assert unread_count(session=session, user_id=rita.id) == 3


def test_immediate_mail_goes_out_through_the_outbox_and_off_sends_none(
        session, team, mail_env: FakeSmtpServer):
    set_preference(session=session, user_id=team["ada"].id, kind="decision_waiting",
                   email="immediate")
    notify_from_events(session=session)
    _event(session, "decision.needs_hr", _application(session, owner=None))
    notify_from_events(session=session)
    deliver_outbox(session)

    assert [m.rcpt_tos for m in mail_env.messages] == [("ada@acme.test",)]
    mail = mail_env.messages[0].parsed
    assert mail["Subject"] == "HireOps: Decision waiting: Elena Petrova for Data Analyst"
    assert "/candidates/view?id=" in mail.get_content()
    assert session.exec(select(Notification.emailed_at)
                        .where(Notification.user_id == team["ada"].id)).one() is not None


def test_the_digest_goes_once_a_day_after_its_hour_with_what_was_not_mailed(
        session, team, mail_env: FakeSmtpServer):
    rita = team["rita"]
    for kind in ("new_application", "interview_completed"):
        set_preference(session=session, user_id=rita.id, kind=kind, email="digest")
    notify_from_events(session=session)
    for name in ("Elena Petrova", "Omar Haddad"):
        _event(session, "application.created", _application(session, owner=rita, name=name))
    _event(session, "decision.needs_hr", _application(session, owner=rita, name="Li Wei"))
    notify_from_events(session=session)

    assert send_digests(session=session, now=NIGHT) == 0  # before the digest hour
    assert send_digests(session=session, now=MORNING) == 1
    assert send_digests(session=session, now=MORNING) == 0  # once a day
    deliver_outbox(session)
    assert len(mail_env.messages) == 1
    digest = mail_env.messages[0].parsed
    assert digest["To"] == "rita@acme.test"
    assert digest["Subject"] == "HireOps daily digest: 2 update(s)"
    text = digest.get_content()
    assert "New application: Elena Petrova" in text and "New application: Omar Haddad" in text
    # The decision kind is "off" for email: only under the bell.
    assert "Li Wei" not in text
    assert unread_count(session=session, user_id=rita.id) == 3
    assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 1


def test_a_blind_screened_candidate_is_never_named(session, team):
    notify_from_events(session=session)
    application = _application(session, owner=None, name="Hidden Person")
    session.get(Job, application.job_id).blind_screening = True
    session.commit()
    _event(session, "application.created", application)
    notify_from_events(session=session)
    title = _titles(session, team["ada"])[0]
    assert "Hidden Person" not in title and f"Candidate #{application.candidate_id}" in title


def test_a_job_owner_is_an_active_admin_or_recruiter_and_the_change_is_audited(session, team):
    from hireops.models import Event
    from hireops.services.jobs.owner import owner_choices, set_job_owner

    job = make_job(session, title="Data Analyst")
    session.commit()
    assert [name for _, name in owner_choices(session=session)] == ["Ada", "Rita", "Sam"]
    with pytest.raises(ValueError):
        set_job_owner(session=session, job_id=job.id, owner_id=team["vic"].id, actor=None)
    set_job_owner(session=session, job_id=job.id, owner_id=team["rita"].id, actor=team["ada"])
    assert session.get(Job, job.id).owner_id == team["rita"].id
    event = session.exec(select(Event).where(Event.action == "job.owner_changed")).one()
    assert event.after == {"owner_id": team["rita"].id} and event.actor_user_id == team["ada"].id


def test_a_blind_screened_reply_is_redacted_in_the_thread_and_the_bell(session, team):
    from hireops.services.outreach.conversations import list_conversation, send_message

    notify_from_events(session=session)
    application = _application(session, owner=None, name="Hidden Person")
    candidate = session.get(Candidate, application.candidate_id)
    candidate.email_normalized = candidate.email
    session.get(Job, application.job_id).blind_screening = True
    session.commit()
    send_message(session=session, candidate_id=candidate.id, application_id=None,
                 subject="Hello {candidate_name}", body="Dear {candidate_name}, a question.",
                 template_kind="free_text", draft_key="draft-blind-0000000001",
                 actor=team["rita"])
    record_event(session=session, action="conversation.reply_received", actor_label="candidate",
                 entity_type="candidate", entity_id=candidate.id,
                 note="Happy to answer. Hidden Person, hidden@example.test",
                 after={"application_id": application.id})
    session.commit()
    notify_from_events(session=session)

    shown = " ".join(f"{e.subject} {e.body}" for e in list_conversation(
        session=session, candidate_id=candidate.id))
    assert "Hidden" not in shown and "Person" not in shown and "a question" in shown
    bell = list_notifications(session=session, user_id=team["ada"].id)[0]
    assert bell.title.startswith("Reply from Candidate #")
    assert "Hidden" not in bell.body and "hidden@example.test" not in bell.body
    assert "Happy to answer" in bell.body
