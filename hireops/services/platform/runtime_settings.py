"""Settings an admin edits in the app; stored values override the environment at runtime.

Each editable setting is a field of `config.Settings` and is stored in the `settings` table as
`config.<field>` (secrets encrypted with `services.platform.crypto`).

Two ways to read settings, one per purpose:
- `current_settings()`: what the app runs with (the environment with the stored overrides
  merged over it). Given a `session`, it reads the overrides fresh in that transaction (saves,
  the settings pages, anything that must see its own change); without one it returns the same
  merge cached per process for a few seconds (the AI engine factory, the mail sender, the
  webhook). A save clears this process's cache at once; other processes (inbox workers, other
  web workers) see the change within `CACHE_SECONDS`. A TTL rather than a cross-process signal
  keeps this free of any messaging, and a few seconds is well inside what an admin expects.
- `config.get_settings()`: the environment alone, for what only a deployment decides and the
  app cannot change (database URL, data folder, secret key, limits). Reading an editable field
  through it would ignore the admin's saved value.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import SecretStr, ValidationError
from sqlmodel import Session, select

from hireops import db
from hireops.config import Settings, get_settings
from hireops.models import AppSetting, User
# The module: settings -> these words -> labels -> clock -> settings is a cycle of imports.
from hireops.services.platform import validation_words
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import SecretDecryptionError, decrypt_secret, encrypt_secret

log = logging.getLogger(__name__)
KEY_PREFIX = "config."
CACHE_SECONDS = 5.0
AI_AGENTS = ("classifier", "resume_scorer", "interview_evaluator", "job_generator")


@dataclass(frozen=True)
class EditableSetting:
    """One `Settings` field an admin may change from the Settings page."""

    # The `Settings` field name (also the stored key after `KEY_PREFIX`).
    name: str
    # Which card of the page shows it.
    group: str
    # Encrypted at rest and never sent back to the browser.
    secret: bool = False
    # An empty input means "none" (None) rather than an empty string.
    optional: bool = False


def _agent_settings() -> list[EditableSetting]:
    return [EditableSetting(f"{agent}_{part}", "ai") for agent in AI_AGENTS
            for part in ("engine", "agent_id", "model")]


# What an admin may change here: people-facing policy (names, hours, link lifetime, reminders,
# interview length, decision defaults), the addresses people see (the public address in
# interview links) and the credentials and endpoints of outside services, since every reader
# of these goes through `current_settings` and picks a change up within
# `CACHE_SECONDS`. The Mistral timeout and retry count are here too: they are read afresh for
# every engine built, and an admin whose calls time out must be able to raise them.
#
# What stays in the environment, and why:
# - database_url, secret_key(_file): needed before the database can be read (the key
#   decrypts the stored secrets themselves).
# - data_dir, inbox_maildir, outbox_maildir: where files live on this machine; moving them
#   needs the files moved, i.e. an operator and a restart.
# - session_hours: also the sign-in cookie's max-age, fixed when the app starts (state.auth).
# - inbox_poll_seconds, outbox_poll_seconds, scheduler_lease_seconds: read when the scheduler
#   starts its jobs; a change needs a restart.
# - inbox_worker_processes, ai_max_concurrency, inbox_batch_size, *_claim_timeout_s: capacity
#   of this deployment, sized to the machine by whoever runs it.
# - login_*, *_lookups_per_minute, extraction_*, inbox_message_max_seconds,
#   attachment_max_store_bytes, recording_*: protection against guessing and hostile files and text; not
#   something to loosen from a browser session.
# - trusted_proxies: which peers may name the client address, a fact of the network in front
#   of the app; trusting the wrong one would let clients dodge every per-client limit.
# - webcam_frame_check_seconds: compiled into the interview page.
# - demo_mode, hireops_password: for the command line only.
# - mistral backoff and prices, smtp_timeout_s, elevenlabs_base_url and webhook tolerance,
#   match_floor/match_max_jobs, ai_cache_enabled, imap_mark_seen: technical tuning with safe
#   defaults; the price table has its own editor on the AI usage page.
EDITABLE: tuple[EditableSetting, ...] = (
    *(EditableSetting(name, "company") for name in (
        "company_name", "company_timezone", "company_date_style", "working_hours_start", "working_hours_end",
        "followup_interview_minutes", "retention_days")),
    *(EditableSetting(name, "interviews") for name in (
        "public_base_url", "interview_location", "interview_link_hours", "interview_minutes",
        "reminder_unopened_hours", "reminder_expiring_hours")),
    *_agent_settings(),
    EditableSetting("mistral_api_key", "ai", secret=True, optional=True),
    EditableSetting("mistral_server_url", "ai", optional=True),
    EditableSetting("mistral_timeout_s", "ai"),
    EditableSetting("mistral_max_retries", "ai"),
    EditableSetting("elevenlabs_api_key", "voice", secret=True, optional=True),
    EditableSetting("elevenlabs_agent_id", "voice"),
    EditableSetting("elevenlabs_webhook_secret", "voice", secret=True, optional=True),
    *(EditableSetting(name, "smtp") for name in (
        "smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_from_address",
        "smtp_from_name")),
    EditableSetting("smtp_password", "smtp", secret=True, optional=True),
    *(EditableSetting(name, "job_defaults") for name in (
        "job_resume_min", "job_interview_min", "job_reject_below", "job_resume_weight",
        "job_interview_weight", "job_auto_advance", "job_auto_reject")),
)
BY_NAME = {setting.name: setting for setting in EDITABLE}
SECRET_NAMES = frozenset(s.name for s in EDITABLE if s.secret)


class SettingsInvalid(ValueError):
    """Values that do not make valid settings; the message is for people."""


def _stored(session: Session) -> dict[str, Any]:
    """The stored overrides, secrets decrypted into SecretStr (an unreadable one is skipped)."""
    rows = session.exec(select(AppSetting).where(AppSetting.key.startswith(KEY_PREFIX))).all()
    values: dict[str, Any] = {}
    for row in rows:
        name = row.key.removeprefix(KEY_PREFIX)
        if name not in BY_NAME:
            continue
        if row.is_secret:
            try:
                values[name] = SecretStr(decrypt_secret(row.value))
            except SecretDecryptionError:
                log.warning("Stored setting %s cannot be decrypted; the environment applies.",
                            name)
        else:
            values[name] = row.value
    return values


def _merged(session: Session) -> Settings:
    """The environment's settings with the stored overrides applied."""
    return get_settings().model_copy(update=_stored(session))


def _validated(base: Settings, changes: dict[str, Any]) -> Settings:
    current = {s.name: getattr(base, s.name) for s in EDITABLE}
    try:
        return Settings.model_validate({**current, **changes})
    except ValidationError as problem:
        raise SettingsInvalid("; ".join(_describe(error) for error in problem.errors())) from None


_LINK_TIMING = ("interview_link_hours", "reminder_unopened_hours", "reminder_expiring_hours")


def _check_reminder_timing(settings: Settings) -> None:
    # Checked on save rather than in `Settings`, so an environment that already has a short
    # link lifetime keeps starting; a reminder at or past the expiry would go out with the
    # invitation (expiring) or never (not opened).
    hours = settings.interview_link_hours
    expiring, unopened = settings.reminder_expiring_hours, settings.reminder_unopened_hours
    problems = []
    if unopened and unopened >= hours:
        problems.append(f"The 'not opened' reminder ({unopened:g} h) must come before the "
                        f"link expires ({hours:g} h), or be 0 for none.")
    if expiring and expiring >= hours:
        problems.append(f"The reminder before expiry ({expiring:g} h) must be shorter than "
                        f"the link's lifetime ({hours:g} h), or 0 for none.")
    if problems:
        raise SettingsInvalid(" ".join(problems))


# Field names that do not read well with their underscores simply replaced.
_FIELD_NAMES = {
    "smtp_port": "SMTP port", "smtp_host": "SMTP server", "smtp_security": "SMTP security",
    "smtp_user": "SMTP user", "smtp_from_address": "Sender address",
    "smtp_from_name": "Sender name", "mistral_timeout_s": "Mistral timeout",
    "mistral_max_retries": "Mistral retries", "mistral_server_url": "Mistral server URL",
    "public_base_url": "Public address", "company_timezone": "Company time zone",
    "company_date_style": "Date style",
    "elevenlabs_agent_id": "ElevenLabs agent id",
}
def _describe(error: dict) -> str:
    """One validation error as a sentence for the admin, e.g. "SMTP port must be at most
    65535" (services.platform.validation_words)."""
    wording = {name: validation_words.FieldWording(label) for name, label in _FIELD_NAMES.items()}
    return validation_words.describe_error(error, wording)


def _normalise(setting: EditableSetting, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if setting.optional and not value:
            return None
    return value


def save_settings(*, session: Session, values: dict[str, Any], actor: User | None,
                  clear: tuple[str, ...] = ()) -> Settings:
    """Validate and store `values` (field name -> value) and return the new effective settings.

    An empty secret keeps the stored one; names in `clear` are removed, so the environment's
    value (or the built-in default) applies again. The audit log never sees a secret's value.
    """
    unknown = sorted(set(values) - set(BY_NAME)) + sorted(set(clear) - set(BY_NAME))
    if unknown:
        raise SettingsInvalid(f"Not editable here: {', '.join(unknown)}.")
    changes = {name: _normalise(BY_NAME[name], value) for name, value in values.items()}
    changes = {name: value for name, value in changes.items()
               if not (name in SECRET_NAMES and value is None)}
    before = _merged(session)
    base = get_settings().model_copy(update={k: v for k, v in _stored(session).items()
                                              if k not in clear})
    validated = _validated(base, changes)
    # Whether typed or brought back from the environment by `clear`, new link timings must fit
    # together; timings left as they were are not checked (see `_check_reminder_timing`).
    if any(getattr(validated, name) != getattr(before, name) for name in _LINK_TIMING):
        _check_reminder_timing(validated)
    changed_plain, changed_secret = {}, []
    for name in changes:
        new = getattr(validated, name)
        if name in SECRET_NAMES:
            _store(session, name, encrypt_secret(new.get_secret_value()), True, actor)
            changed_secret.append(name)
        elif new != getattr(before, name):
            _store(session, name, new, False, actor)
            changed_plain[name] = new
    for name in clear:
        row = session.get(AppSetting, KEY_PREFIX + name)
        if row is None:
            continue
        session.delete(row)
        if name in SECRET_NAMES:
            changed_secret.append(name)
        elif getattr(validated, name) != getattr(before, name):
            changed_plain[name] = getattr(validated, name)
    if changed_plain or changed_secret:
        record_event(
            session=session, action="settings.changed", actor=actor, entity_type="setting",
            before={name: getattr(before, name) for name in changed_plain},
            after={**changed_plain, **{name: "(secret changed)" for name in changed_secret}})
    session.commit()
    invalidate_cache()
    return _merged(session)


def stored_names(*, session: Session) -> set[str]:
    """The settings saved in the app (overriding the environment or the built-in default)."""
    return {row.key.removeprefix(KEY_PREFIX) for row in session.exec(
        select(AppSetting).where(AppSetting.key.startswith(KEY_PREFIX))).all()} & set(BY_NAME)


def saved_plain_names(*, session: Session, group: str) -> tuple[str, ...]:
    """The non-secret settings of one Settings card that are saved in the app."""
    return tuple(sorted(name for name in stored_names(session=session)
                        if BY_NAME[name].group == group and name not in SECRET_NAMES))


def _store(session: Session, name: str, value: Any, secret: bool, actor: User | None) -> None:
    row = session.get(AppSetting, KEY_PREFIX + name) or AppSetting(key=KEY_PREFIX + name)
    row.value, row.is_secret = value, secret
    row.updated_by_id = actor.id if actor else None
    session.add(row)


def mask_secret(value: SecretStr | None) -> str:
    """"not set", "set", or "set ••••1234" (the last four only for a long secret)."""
    if value is None or not value.get_secret_value():
        return "not set"
    plain = value.get_secret_value()
    return f"set ••••{plain[-4:]}" if len(plain) >= 12 else "set"


def masked_view(*, session: Session) -> dict[str, Any]:
    """Every editable setting as the browser may see it: secrets only as a mask."""
    settings = _merged(session)
    stored = stored_names(session=session)
    view: dict[str, Any] = {}
    for setting in EDITABLE:
        value = getattr(settings, setting.name)
        if setting.secret:
            mask = mask_secret(value)
            if mask != "not set" and setting.name not in stored:
                mask += " (environment)"
            view[setting.name] = mask
        else:
            view[setting.name] = "" if value is None else value
    return view


# --- a per-process cache for code without a session ----------------------------------------

_cache_lock = threading.Lock()
_cache: dict[str, Any] = {}


def invalidate_cache() -> None:
    """Read afresh at the next call (called after a save). The value last read is kept as the
    stand-in for a read that fails."""
    with _cache_lock:
        _cache["at"] = float("-inf")


def current_settings(*, session: Session | None = None) -> Settings:
    """The settings the app runs with: the environment with the admin's stored values over it.

    With `session`, read now in that transaction; without, re-read from the database at most
    every `CACHE_SECONDS` (for code that has no session at hand). A read that fails (a lock, a
    dropped connection) gives the settings last read by this process, or raises when there are
    none: never the environment's defaults alone, which would quietly send mail to the local
    folder or scoring to another engine."""
    if session is not None:
        return _merged(session)
    base = get_settings()
    key = (id(base), base.database_url)
    now = time.monotonic()
    with _cache_lock:
        known = _cache.get("value") if _cache.get("key") == key else None
        if known is not None and now - _cache.get("at", 0.0) < CACHE_SECONDS:
            return known
    try:
        value = _read_current(base)
    except sa.exc.SQLAlchemyError as problem:
        if known is None:
            raise
        log.warning("Stored settings not read, the last ones read stand: %s", problem)
        return known
    with _cache_lock:
        _cache.update(key=key, at=now, value=value)
    return value


def _read_current(base: Settings) -> Settings:
    if not _database_exists(base.database_url):
        return base
    with Session(db.get_engine()) as session:
        try:
            return _merged(session)
        except sa.exc.SQLAlchemyError:
            session.rollback()
            if sa.inspect(session.connection()).has_table(AppSetting.__tablename__):
                raise
    # Before the first migration nothing can be stored yet.
    return base


def _database_exists(url: str) -> bool:
    # Connecting to a missing SQLite file would create it; nothing is stored there anyway.
    parsed = sa.engine.make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return True
    database = parsed.database or ""
    return database not in ("", ":memory:") and Path(database).exists()
