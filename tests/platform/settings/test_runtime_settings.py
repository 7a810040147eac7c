"""Settings edited in the app: round trip over the environment, secrets encrypted and masked,
validation, the AI "Test" button, new-job defaults and the services reading stored values."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AppSetting, Event
from hireops.services.ai.calls import get_engine
from hireops.services.ai.engine_check import check_agent
from hireops.services.jobs.records import JobForm, create_job, new_job_form
from hireops.services.mail.sender import SmtpConfig, configured_sender
from hireops.services.platform.runtime_settings import (
    KEY_PREFIX,
    SettingsInvalid,
    current_settings,
    masked_view,
    save_settings,
)
from hireops.services.outreach.bookings import company_zone
from tests.fakes.mistral_server import FakeMistralServer

MISTRAL_KEY = "sk-mistral-0123456789-abcd"


def test_round_trip_overrides_the_environment(session, admin, monkeypatch):
    monkeypatch.setenv("COMPANY_NAME", "Env Co")
    monkeypatch.setenv("SMTP_HOST", "env.example.com")
    get_settings.cache_clear()
    assert current_settings(session=session).company_name == "Env Co"
    save_settings(session=session, actor=admin, values={
        "company_name": "Acme Hiring", "company_timezone": "America/New_York",
        "working_hours_start": "8", "working_hours_end": "16", "smtp_port": "2525",
        "classifier_engine": "mistral", "classifier_agent_id": "ag:123"})
    settings = current_settings(session=session)
    assert settings.company_name == "Acme Hiring"
    assert settings.company_timezone == "America/New_York"
    assert (settings.working_hours_start, settings.working_hours_end) == (8, 16)
    assert settings.smtp_port == 2525 and settings.smtp_host == "env.example.com"
    assert settings.agent_settings("classifier") == ("mistral", "ag:123", "mistral-small-latest")
    # Code without a session sees the same values (the save cleared the cache).
    assert current_settings().company_name == "Acme Hiring"
    assert str(company_zone()) == "America/New_York"
    view = masked_view(session=session)
    assert view["company_name"] == "Acme Hiring" and view["smtp_port"] == 2525


def test_secrets_are_encrypted_masked_kept_and_cleared(session, admin):
    save_settings(session=session, actor=admin, values={"mistral_api_key": MISTRAL_KEY,
                                                         "smtp_password": "short"})
    raw = session.get(AppSetting, KEY_PREFIX + "mistral_api_key")
    assert raw.is_secret and MISTRAL_KEY not in str(raw.value)
    assert current_settings(session=session).mistral_api_key.get_secret_value() == MISTRAL_KEY
    view = masked_view(session=session)
    assert view["mistral_api_key"] == "set ••••abcd"
    assert view["smtp_password"] == "set"  # too short to show any of it
    assert view["elevenlabs_api_key"] == "not set"
    assert MISTRAL_KEY not in repr(view) and "short" not in repr(view)
    # The audit trail names the change, never the value.
    events = session.exec(select(Event).where(Event.action == "settings.changed")).all()
    assert events and MISTRAL_KEY not in repr([(e.before, e.after) for e in events])
    # An empty secret keeps the stored one; "clear" removes it.
    save_settings(session=session, actor=admin, values={"mistral_api_key": "",
                                                         "company_name": "Still Here"})
    assert current_settings(session=session).mistral_api_key.get_secret_value() == MISTRAL_KEY
    save_settings(session=session, actor=admin, values={}, clear=("mistral_api_key",))
    assert current_settings(session=session).mistral_api_key is None
    assert masked_view(session=session)["mistral_api_key"] == "not set"


def test_environment_secret_is_shown_as_such(session, admin, monkeypatch):
    monkeypatch.setenv("ELEVENLABS_API_KEY", "xi-from-the-environment-9876")
    get_settings.cache_clear()
    assert masked_view(session=session)["elevenlabs_api_key"] == "set ••••9876 (environment)"


@pytest.mark.parametrize(("values", "message"), [
    ({"company_timezone": "Mars/Olympus"}, "not a known time zone"),
    ({"job_resume_weight": "0.5", "job_interview_weight": "0.6"}, "add up to 1"),
    ({"smtp_port": "70000"}, "^SMTP port must be at most 65535$"),
    ({"smtp_port": "abc"}, "^SMTP port must be a whole number$"),
    ({"working_hours_start": "18", "working_hours_end": "9"}, "Working hours"),
    ({"classifier_engine": "openai"}, "^Classifier engine must be one of 'local' or 'mistral'$"),
    ({"database_url": "sqlite://"}, "Not editable"),
])
def test_invalid_values_are_refused_and_nothing_is_stored(session, admin, values, message):
    with pytest.raises(SettingsInvalid, match=message):
        save_settings(session=session, actor=admin, values=values)
    session.rollback()
    assert session.exec(select(AppSetting).where(AppSetting.key.startswith(KEY_PREFIX))).all() \
        == []


def test_stored_smtp_and_voice_settings_reach_their_users(session, admin):
    save_settings(session=session, actor=admin, values={
        "smtp_host": "smtp.example.com", "smtp_port": "465", "smtp_security": "ssl",
        "smtp_user": "jobs@example.com", "smtp_password": "app-password-1234",
        "elevenlabs_api_key": "xi-key-0000000000", "elevenlabs_agent_id": "agent_1",
        "elevenlabs_webhook_secret": "whsec-abcdefabcdef"})
    config = SmtpConfig.from_settings()
    assert (config.host, config.port, config.security, config.password) == (
        "smtp.example.com", 465, "ssl", "app-password-1234")
    assert configured_sender().name == "smtp:smtp.example.com:465"
    from hireops.services.interviews.links import voice_provider_configured
    assert voice_provider_configured()
    assert current_settings().elevenlabs_webhook_secret.get_secret_value() == \
        "whsec-abcdefabcdef"


def test_ai_test_button_path_local_and_fake_mistral(session, admin):
    local = check_agent(session=session, agent="classifier",
                        settings=current_settings(session=session))
    assert local.ok and local.message.startswith("OK: local")
    with FakeMistralServer(api_key=MISTRAL_KEY) as fake:
        save_settings(session=session, actor=admin, values={
            "classifier_engine": "mistral", "mistral_api_key": MISTRAL_KEY,
            "mistral_server_url": fake.url})
        settings = current_settings(session=session)
        assert get_engine("classifier").name == "mistral"
        fake.reply_json({"category": "candidate_application", "confidence": 0.9,
                         "reasoning": "A CV is attached."})
        ok = check_agent(session=session, agent="classifier", settings=settings)
        assert ok.ok and "mistral" in ok.message, ok.message
        assert fake.requests[-1].headers.get("authorization") == f"Bearer {MISTRAL_KEY}"
        # The fake refuses any other key, as Mistral does.
        wrong = settings.model_copy(update={"mistral_api_key": SecretStr("wrong-key")})
        refused = check_agent(session=session, agent="classifier", settings=wrong)
        assert not refused.ok and refused.message.startswith("Failed:")
        assert "401" in refused.message or "nauthori" in refused.message, refused.message


def test_new_job_defaults_are_used_by_create_job(session, admin):
    save_settings(session=session, actor=admin, values={
        "job_resume_min": "70", "job_interview_min": "65", "job_reject_below": "40",
        "job_resume_weight": "0.3", "job_interview_weight": "0.7", "job_auto_reject": True})
    job = create_job(session=session, form=JobForm(title="Data Analyst"), actor=admin)
    assert (job.resume_min, job.interview_min, job.reject_below) == (70, 65, 40)
    assert (job.resume_weight, job.interview_weight) == (0.3, 0.7)
    assert job.auto_reject and not job.auto_advance
    # Values a recruiter typed win over the defaults.
    typed = create_job(session=session, form=JobForm(title="Designer", resume_min=90),
                       actor=admin)
    assert typed.resume_min == 90 and typed.interview_min == 65
    assert new_job_form(session=session, title="Analyst").resume_weight == 0.3



def _read_refused(monkeypatch):
    """From now on the stored settings cannot be read (a lock, a dropped connection)."""
    import sqlalchemy as sa

    from hireops.services.platform import runtime_settings

    def refuse(session):
        raise sa.exc.OperationalError("SELECT app_settings", {}, Exception("database is locked"))

    monkeypatch.setattr(runtime_settings, "_merged", refuse)


def test_a_failed_read_never_sends_mail_by_the_environment_instead(session, admin, monkeypatch):
    # Mail goes through the company's server. A process that has not read the stored settings
    # yet and cannot read them now must fail (the job retries), not quietly take the
    # environment's default, the local folder, where a candidate's invitation would be marked
    # delivered and never arrive.
    from hireops.services.platform import runtime_settings

    save_settings(session=session, actor=admin, values={
        "smtp_host": "smtp.example.com", "smtp_port": "587", "smtp_security": "starttls"})
    runtime_settings.invalidate_cache()
    _read_refused(monkeypatch)
    with pytest.raises(Exception, match="database is locked"):
        configured_sender()


def test_a_failed_read_keeps_the_settings_last_read(session, admin, monkeypatch):
    from hireops.services.platform import runtime_settings

    save_settings(session=session, actor=admin, values={
        "smtp_host": "smtp.example.com", "smtp_port": "587", "smtp_security": "starttls"})
    assert configured_sender().name == "smtp:smtp.example.com:587"
    # Every call reads afresh, and every read fails: what was read a moment ago stands.
    monkeypatch.setattr(runtime_settings, "CACHE_SECONDS", 0.0)
    _read_refused(monkeypatch)
    assert configured_sender().name == "smtp:smtp.example.com:587"


def test_settings_before_the_first_migration_are_the_environment(tmp_path, monkeypatch):
    # An empty database file (no tables yet): the environment's settings, no error.
    from hireops import db
    from hireops.services.platform import runtime_settings

    path = tmp_path / "empty.db"
    db.make_engine(f"sqlite:///{path}").connect().close()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("COMPANY_NAME", "Env Co")
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    runtime_settings.invalidate_cache()
    try:
        assert current_settings().company_name == "Env Co"
    finally:
        db.get_engine.cache_clear()
