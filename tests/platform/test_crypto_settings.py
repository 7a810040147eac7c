"""Encryption of stored secrets with the app key, and settings stored from the app."""

from __future__ import annotations

import json
import stat

import pytest
import sqlalchemy as sa
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AppSetting, Event
from hireops.services.platform.app_settings import get_setting, set_setting
from hireops.services.platform.crypto import SecretDecryptionError, decrypt_secret, encrypt_secret

PLAINTEXT = "imap-pass-Zq81!"


def test_round_trip_and_ciphertext_hides_the_plaintext():
    ciphertext = encrypt_secret(PLAINTEXT)
    assert ciphertext != PLAINTEXT
    assert PLAINTEXT not in ciphertext
    assert decrypt_secret(ciphertext) == PLAINTEXT
    # Fernet uses a fresh IV each time.
    assert encrypt_secret(PLAINTEXT) != ciphertext


def test_key_is_generated_once_with_mode_0600_and_reused(tmp_path):
    key_file = get_settings().secret_key_file
    assert key_file == tmp_path / "secret"
    assert not key_file.exists()
    ciphertext = encrypt_secret(PLAINTEXT)
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()
    assert len(key) >= 32
    get_settings.cache_clear()
    assert get_settings().get_secret_key() == key
    assert decrypt_secret(ciphertext) == PLAINTEXT
    assert key_file.read_text() == key


def test_changed_key_gives_a_clear_error():
    ciphertext = encrypt_secret(PLAINTEXT)
    get_settings().secret_key_file.write_text("a-completely-different-key")
    with pytest.raises(SecretDecryptionError, match="secret key has changed"):
        decrypt_secret(ciphertext)
    with pytest.raises(SecretDecryptionError):
        decrypt_secret("not a token at all")


def test_env_key_overrides_the_file(monkeypatch):
    key_file = get_settings().secret_key_file
    key_file.write_text("key-from-file")
    from_file = encrypt_secret(PLAINTEXT)
    monkeypatch.setenv("HIREOPS_SECRET_KEY", "key-from-env")
    get_settings.cache_clear()
    assert get_settings().get_secret_key() == "key-from-env"
    from_env = encrypt_secret(PLAINTEXT)
    assert decrypt_secret(from_env) == PLAINTEXT
    with pytest.raises(SecretDecryptionError):
        decrypt_secret(from_file)
    assert key_file.read_text() == "key-from-file"


def test_env_key_does_not_create_a_key_file(monkeypatch):
    monkeypatch.setenv("HIREOPS_SECRET_KEY", "key-from-env")
    get_settings.cache_clear()
    encrypt_secret(PLAINTEXT)
    assert not get_settings().secret_key_file.exists()


def _raw_value(session, key: str) -> str:
    return session.connection().execute(
        sa.text("SELECT value FROM settings WHERE key = :key"), {"key": key}
    ).scalar_one()


def _events_text(session) -> str:
    events = session.exec(select(Event).where(Event.action == "setting.changed")).all()
    return json.dumps([[e.before, e.after, e.note, e.actor_label] for e in events])


def test_secret_setting_is_stored_encrypted_and_never_audited(session):
    set_setting(session=session, key="imap_password", value=PLAINTEXT, secret=True)
    session.commit()
    set_setting(session=session, key="imap_password", value=PLAINTEXT + "-2", secret=True)
    session.commit()

    raw = _raw_value(session, "imap_password")
    assert PLAINTEXT not in raw
    assert decrypt_secret(json.loads(raw)) == PLAINTEXT + "-2"
    assert session.get(AppSetting, "imap_password").is_secret
    assert get_setting(session=session, key="imap_password") == PLAINTEXT + "-2"

    audited = _events_text(session)
    assert audited.count("(secret changed)") == 2
    assert PLAINTEXT not in audited
    # Neither is the ciphertext.
    assert json.loads(raw) not in audited


def test_plain_setting_is_stored_and_audited_as_is(session):
    assert get_setting(session=session, key="company", default="fallback") == "fallback"
    set_setting(session=session, key="company", value="Acme")
    set_setting(session=session, key="company", value="Acme Ltd")
    session.commit()
    assert get_setting(session=session, key="company") == "Acme Ltd"
    assert json.loads(_raw_value(session, "company")) == "Acme Ltd"
    events = session.exec(select(Event).where(Event.action == "setting.changed")
                          .order_by(Event.id)).all()
    assert [(e.before["value"], e.after["value"]) for e in events] == [
        (None, "Acme"), ("Acme", "Acme Ltd")]
