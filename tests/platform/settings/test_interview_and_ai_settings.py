"""The interview-link and Mistral settings an admin edits in the app: round trip, refusals, the
audit trail, and for each field that the behaviour it governs follows the stored value."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AppSetting, Event, OutboxMessage, utcnow
from hireops.services.ai.calls import AICallFailed, classify_email, get_engine
from hireops.services.ai.mistral_engine import MistralEngine
from hireops.services.ai.schemas import EmailInput
from hireops.services.outreach.email_templates import sample_values
from hireops.services.interviews.builtin_interviewer import start_interview
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link, reveal_link_url, set_link_status
from hireops.services.interviews.reminders import send_due_reminders
from hireops.services.interviews.room import mark_started, record_consent, room_view
from hireops.services.platform.runtime_settings import (
    KEY_PREFIX,
    SettingsInvalid,
    current_settings,
    masked_view,
    save_settings,
    stored_names,
)
from tests.fakes.mistral_server import FakeMistralServer
from tests.interviews.conftest import (  # noqa: F401 (fixtures)
    mailed_link,
    make_application,
    recruiter,
)

NEW_VALUES = {"public_base_url": "https://careers.example.com/", "interview_link_hours": "24",
              "interview_minutes": "15", "reminder_unopened_hours": "12",
              "reminder_expiring_hours": "6", "mistral_timeout_s": "45",
              "mistral_max_retries": "4"}


def _stored(session) -> list[AppSetting]:
    return session.exec(select(AppSetting).where(AppSetting.key.startswith(KEY_PREFIX))).all()


def test_round_trip_with_audit_before_and_after(session, admin):
    save_settings(session=session, actor=admin, values=NEW_VALUES)
    settings = current_settings(session=session)
    assert settings.public_base_url == "https://careers.example.com"  # trailing slash dropped
    assert (settings.interview_link_hours, settings.interview_minutes) == (24, 15)
    assert (settings.reminder_unopened_hours, settings.reminder_expiring_hours) == (12, 6)
    assert (settings.mistral_timeout_s, settings.mistral_max_retries) == (45, 4)
    assert current_settings().interview_link_hours == 24
    view = masked_view(session=session)
    assert view["public_base_url"] == "https://careers.example.com"
    assert view["mistral_timeout_s"] == 45

    event = session.exec(select(Event).where(Event.action == "settings.changed")).one()
    assert event.before == {"public_base_url": "http://localhost:3000",
                            "interview_link_hours": 72.0, "interview_minutes": 25,
                            "reminder_unopened_hours": 48.0, "reminder_expiring_hours": 24.0,
                            "mistral_timeout_s": 30.0, "mistral_max_retries": 2}
    assert event.after == {"public_base_url": "https://careers.example.com",
                           "interview_link_hours": 24.0, "interview_minutes": 15,
                           "reminder_unopened_hours": 12.0, "reminder_expiring_hours": 6.0,
                           "mistral_timeout_s": 45.0, "mistral_max_retries": 4}
    assert event.actor_user_id == admin.id

    # Saving the same values again changes nothing and records nothing.
    save_settings(session=session, actor=admin, values=NEW_VALUES)
    assert len(session.exec(select(Event).where(Event.action == "settings.changed")).all()) == 1


@pytest.mark.parametrize(("values", "message"), [
    ({"interview_link_hours": "0"}, "^Interview link hours must be at least 1$"),
    ({"interview_link_hours": "721"}, "^Interview link hours must be at most 720$"),
    ({"interview_link_hours": "three days"}, "^Interview link hours must be a number$"),
    ({"public_base_url": "ftp://files.example.com"}, "not a web address"),
    ({"public_base_url": "careers.example.com"}, "not a web address"),
    ({"public_base_url": "https://careers.example.com/?ref=mail"}, "must not contain"),
    ({"public_base_url": ""}, "not a web address"),
    ({"interview_minutes": "2"}, "^Interview minutes must be at least 5$"),
    ({"reminder_unopened_hours": "-1"}, "^Reminder unopened hours must be at least 0$"),
    ({"mistral_timeout_s": "0"}, "^Mistral timeout must be more than 0$"),
    ({"mistral_timeout_s": "3600"}, "^Mistral timeout must be at most 600$"),
    ({"mistral_max_retries": "11"}, "^Mistral retries must be at most 10$"),
    ({"reminder_expiring_hours": "72"}, "shorter than the link's lifetime \\(72 h\\)"),
    ({"interview_link_hours": "24"},
     "'not opened' reminder \\(48 h\\) must come before the link expires \\(24 h\\), or be 0 "
     "for none. The reminder before expiry \\(24 h\\) must be shorter"),
    ({"interview_link_hours": "40"}, "'not opened' reminder \\(48 h\\)"),
    ({"interview_link_hours": "20", "reminder_unopened_hours": "0"},
     "^The reminder before expiry \\(24 h\\)"),
])
def test_invalid_values_are_refused_and_nothing_is_stored(session, admin, values, message):
    with pytest.raises(SettingsInvalid, match=message):
        save_settings(session=session, actor=admin, values=values)
    session.rollback()
    assert _stored(session) == []
    assert session.exec(select(Event).where(Event.action == "settings.changed")).all() == []


def test_reminders_off_allow_a_short_link(session, admin):
    save_settings(session=session, actor=admin, values={
        "interview_link_hours": "12", "reminder_unopened_hours": "0",
        "reminder_expiring_hours": "2"})
    assert current_settings(session=session).interview_link_hours == 12


def test_an_environment_short_link_still_starts_and_other_cards_still_save(
        session, admin, monkeypatch):
    from hireops.config import get_settings

    monkeypatch.setenv("INTERVIEW_LINK_HOURS", "12")  # shorter than the default reminders
    get_settings.cache_clear()
    save_settings(session=session, actor=admin, values={"company_name": "Acme"})
    assert current_settings(session=session).company_name == "Acme"


def test_a_link_expires_after_the_saved_lifetime(session, admin, make_application, recruiter):
    save_settings(session=session, actor=admin, values={
        "interview_link_hours": "24", "reminder_unopened_hours": "12",
        "reminder_expiring_hours": "6"})
    before = utcnow()
    link = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter).link
    lifetime = link.expires_at - before
    assert timedelta(hours=24) <= lifetime < timedelta(hours=24, seconds=30)


def test_invitation_and_reminder_carry_the_saved_public_address(session, admin,
                                                                make_application, recruiter):
    save_settings(session=session, actor=admin,
                  values={"public_base_url": "https://careers.example.com/"})
    issued = generate_link(session=session, application_id=make_application(90).id,
                           actor=recruiter)
    assert issued.url.startswith("https://careers.example.com/interview/")
    assert reveal_link_url(issued.link) == issued.url
    message = send_link(session=session, link_id=issued.link.id, actor=recruiter)
    assert issued.url in message.body_text and issued.url in message.body_html
    assert "localhost:3000" not in message.body_text
    session.commit()
    send_due_reminders(session=session, now=utcnow() + timedelta(hours=49))
    reminder = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder")).one()
    assert issued.url in reminder.body_text
    # The template editor's preview shows the same address.
    assert sample_values()["interview_link"] == \
        "https://careers.example.com/interview/sample-token"


def test_reminders_follow_the_saved_thresholds(session, admin, mailed_link):
    save_settings(session=session, actor=admin, values={
        "reminder_unopened_hours": "12", "reminder_expiring_hours": "0"})
    link = mailed_link()
    now = utcnow()
    assert send_due_reminders(session=session, now=now + timedelta(hours=11)) == 0
    assert send_due_reminders(session=session, now=now + timedelta(hours=13)) == 1
    set_link_status(link, "opened", by="candidate")
    session.commit()
    # The expiring reminder is off: nothing near the end of the 72 h either.
    assert send_due_reminders(session=session, now=now + timedelta(hours=71)) == 0
    keys = [m.idempotency_key for m in session.exec(
        select(OutboxMessage).where(OutboxMessage.kind == "reminder"))]
    assert keys == [f"reminder:link:{link.id}:unopened"]

    save_settings(session=session, actor=admin, values={"reminder_expiring_hours": "10"})
    assert send_due_reminders(session=session, now=now + timedelta(hours=61)) == 0
    assert send_due_reminders(session=session, now=now + timedelta(hours=63)) == 1


def test_the_built_in_interview_uses_the_saved_length(session, admin, make_application,
                                                      recruiter):
    save_settings(session=session, actor=admin, values={"interview_minutes": "15"})
    link = generate_link(session=session, application_id=make_application(88).id,
                         actor=recruiter).link
    record_consent(session=session, link=link, webcam_analysis=True, client_key="c")
    mark_started(session=session, link=link)
    session.commit()
    start_interview(session=session, link=link)
    view = room_view(session=session, link=link)
    assert "about 15 minutes" in view.turns[0]["text"]
    assert view.deadline_iso == (link.started_at + timedelta(minutes=15)).isoformat()


def test_mistral_calls_use_the_saved_timeout_and_retries(session, admin):
    key = "sk-mistral-0123456789-abcd"
    with FakeMistralServer(api_key=key) as fake:
        save_settings(session=session, actor=admin, values={
            "classifier_engine": "mistral", "mistral_api_key": key,
            "mistral_server_url": fake.url, "mistral_timeout_s": "0.5",
            "mistral_max_retries": "0"})
        engine = get_engine("classifier")
        assert (engine.timeout_s, engine.max_retries) == (0.5, 0)
        assert MistralEngine.for_agent("classifier").timeout_s == 0.5
        fake.hang(2)
        with pytest.raises(AICallFailed, match=r"0\.5 s"):
            classify_email(session=session, email=EmailInput(
                subject="Application", from_address="ada@example.com", body="My CV."))
        assert len(fake.requests) == 1  # no retry: the saved count is 0


def test_clearing_a_saved_value_brings_back_the_environment_one(session, admin, monkeypatch):
    monkeypatch.setenv("INTERVIEW_LINK_HOURS", "96")
    get_settings.cache_clear()
    save_settings(session=session, actor=admin, values={"interview_link_hours": "60"})
    assert current_settings(session=session).interview_link_hours == 60
    assert stored_names(session=session) == {"interview_link_hours"}

    save_settings(session=session, actor=admin, values={}, clear=("interview_link_hours",))
    assert current_settings(session=session).interview_link_hours == 96
    assert current_settings().interview_link_hours == 96
    assert stored_names(session=session) == set()
    last = session.exec(select(Event).where(Event.action == "settings.changed")
                        .order_by(Event.id.desc())).first()
    assert (last.before, last.after) == ({"interview_link_hours": 60.0},
                                         {"interview_link_hours": 96.0})


def test_clearing_is_refused_when_the_environment_value_clashes(session, admin, monkeypatch):
    monkeypatch.setenv("INTERVIEW_LINK_HOURS", "24")
    get_settings.cache_clear()
    save_settings(session=session, actor=admin, values={
        "interview_link_hours": "100", "reminder_unopened_hours": "48",
        "reminder_expiring_hours": "0"})
    # Back to 24 h links, the stored 48 h reminder would come after the link expired.
    with pytest.raises(SettingsInvalid, match=r"'not opened' reminder \(48 h\)"):
        save_settings(session=session, actor=admin, values={}, clear=("interview_link_hours",))
    session.rollback()
    assert current_settings(session=session).interview_link_hours == 100
    assert "interview_link_hours" in stored_names(session=session)
