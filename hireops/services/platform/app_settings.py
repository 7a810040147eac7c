"""Settings changed from the app (stored in the `settings` table); secrets stored encrypted."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from hireops.models import AppSetting, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import decrypt_secret, encrypt_secret


def get_setting(*, session: Session, key: str, default: Any = None) -> Any:
    """The stored value of `key` (decrypted if secret), or `default`."""
    row = session.get(AppSetting, key)
    if row is None:
        return default
    return decrypt_secret(row.value) if row.is_secret else row.value


def set_setting(
    *, session: Session, key: str, value: Any, secret: bool = False, actor: User | None = None
) -> None:
    """Store `key`; the audit log never sees a secret's value."""
    row = session.get(AppSetting, key) or AppSetting(key=key)
    before = None if row.is_secret else row.value
    row.value = encrypt_secret(str(value)) if secret else value
    row.is_secret = secret
    row.updated_at = utcnow()
    row.updated_by_id = actor.id if actor else None
    session.add(row)
    shown = "(secret changed)" if secret else value
    record_event(session=session, action="setting.changed", actor=actor, entity_type="setting",
                 before={"key": key, "value": before}, after={"key": key, "value": shown})
