"""Secrets stay secret: a wrong or failing Mistral key never appears in logs or stored errors,
and stored credentials are encrypted at rest."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AICall, AppSetting, Event
from hireops.services.ai.calls import AICallFailed, classify_email
from hireops.services.ai.schemas import EmailInput
from hireops.services.platform.runtime_settings import save_settings
from tests.fakes.mistral_server import FakeMistralServer

SECRET = "sk-live-VERY-SECRET-0123456789"


def test_a_refused_mistral_key_is_never_logged_or_stored(session, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    with FakeMistralServer(api_key="the-right-key") as fake:
        for name, value in {"CLASSIFIER_ENGINE": "mistral", "MISTRAL_API_KEY": SECRET,
                            "MISTRAL_SERVER_URL": fake.url, "MISTRAL_MAX_RETRIES": "0"}.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        with pytest.raises(AICallFailed) as failure:
            classify_email(session=session, email=EmailInput(subject="Application: Ada"))
    session.commit()
    assert SECRET not in str(failure.value)
    assert SECRET not in caplog.text
    assert all(SECRET not in call.error for call in session.exec(select(AICall)))


def test_secrets_saved_in_settings_are_encrypted_at_rest(session, caplog):
    caplog.set_level(logging.DEBUG)
    save_settings(session=session, values={"mistral_api_key": SECRET,
                                           "smtp_password": SECRET[::-1]}, actor=None)
    session.commit()
    raw = session.execute(sa.select(AppSetting.key, AppSetting.value)).all()
    events = session.execute(sa.select(Event.before, Event.after, Event.note)).all()
    assert events  # the change is audited...
    dumped = repr(raw) + repr(events)  # ...without the values
    assert SECRET not in dumped and SECRET[::-1] not in dumped
    assert SECRET not in caplog.text
