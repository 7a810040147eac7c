"""The editable part of Settings (admins): company, interview links, AI engines, voice, outgoing
mail and new-job defaults, one card per group saved on its own (services.platform.runtime_settings).

The browser only ever holds masks of stored secrets ("set ••••1234"). A secret the admin types
(an API key, the SMTP password) is in no var: its field is bound to none, Save passes the
fields' text as an argument and empties them once stored (components/secret_field.py), so the
tab's saved state (`.states/` or Redis) never holds it.
"""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.platform.runtime_settings import (
    BY_NAME,
    EDITABLE,
    SECRET_NAMES,
    SettingsInvalid,
    masked_view,
    save_settings,
    saved_plain_names,
    stored_names,
)
from hireops.state.access import ADMIN_ROLES, current_actor, event_for
from hireops.state.auth import AuthState

# The page's field for each secret: Save reads them, a successful save empties them.
SECRET_FIELD_IDS = {name: f"setting-{name}" for name in sorted(SECRET_NAMES)}
MAX_SECRET_CHARS = 2000
GROUP_TITLES = {"company": "Company", "interviews": "Interview settings", "ai": "AI engines",
                "voice": "Voice interviews",
                "smtp": "Outgoing mail", "job_defaults": "New job defaults"}


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def secret_fields_of(group: str) -> dict[str, str]:
    """The page's fields of the card `group`'s secrets, by setting name."""
    return {s.name: SECRET_FIELD_IDS[s.name] for s in EDITABLE if s.group == group and s.secret}


class GeneralSettingsState(AuthState):
    # Every non-secret editable setting as text, by field name.
    values: dict[str, str] = {}
    # Stored secrets as the browser may see them: "not set", "set" or "set ••••1234".
    masks: dict[str, str] = {}
    # Why the last save of a group failed, by group.
    errors: dict[str, str] = {}
    # Where ElevenLabs posts its post-call webhook, built from the saved public address.
    webhook_url: str = ""
    # Groups with a non-secret setting saved in the app (they offer "Restore defaults").
    customised: list[str] = []

    @event_for(*ADMIN_ROLES)
    def load(self):
        with session_scope() as session:
            self._show(masked_view(session=session), stored_names(session=session))
        self.errors = {}

    @event_for(*ADMIN_ROLES)
    def set_value(self, name: str, value: str | bool):
        if name in BY_NAME and name not in SECRET_NAMES:
            self.values[name] = _shown(value) if isinstance(value, bool) else str(value)[:500]

    @event_for(*ADMIN_ROLES)
    def save(self, group: str, typed: dict[str, str] | None = None):
        """Save the card `group`; `typed` is the text of its secret fields as Save was pressed
        (an empty field keeps the stored secret)."""
        names = [s.name for s in EDITABLE if s.group == group]
        typed = typed if isinstance(typed, dict) else {}
        values = {name: self.values.get(name, "") for name in names if name not in SECRET_NAMES}
        values.update({name: str(typed[name])[:MAX_SECRET_CHARS] for name in names
                       if name in SECRET_NAMES and typed.get(name)})
        saved = self._apply(group, values, (), " saved", " not saved")
        if self.errors.get(group):
            return saved  # what was typed stays in the fields, to save again once fixed
        return [saved, *[rx.set_value(SECRET_FIELD_IDS[name], "") for name in names
                         if name in SECRET_NAMES]]

    @event_for(*ADMIN_ROLES)
    def restore_defaults(self, group: str):
        """Forget the group's saved values (not its secrets): the environment's values, or
        the built-in defaults, apply again."""
        with session_scope() as session:
            names = saved_plain_names(session=session, group=group)
        return self._apply(group, {}, names, ": defaults restored", ": defaults not restored")

    def _apply(self, group: str, values: dict, clear: tuple[str, ...], done: str,
               failed: str):
        """Save and/or clear settings of one card, then show the result or why it failed."""
        title = GROUP_TITLES.get(group, group)
        try:
            with session_scope() as session:
                save_settings(session=session, values=values, clear=clear,
                              actor=current_actor())
                view, stored = masked_view(session=session), stored_names(session=session)
        except SettingsInvalid as problem:
            self.errors[group] = str(problem)
            return rx.toast.error(f"{title}{failed}.")
        self.errors[group] = ""
        self._show(view, stored)
        return rx.toast.success(f"{title}{done}.")

    @event_for(*ADMIN_ROLES)
    def clear_secret(self, name: str):
        if name not in SECRET_NAMES:
            return None
        with session_scope() as session:
            save_settings(session=session, values={}, clear=(name,), actor=current_actor())
            self._show(masked_view(session=session), stored_names(session=session))
        return rx.toast.info("Removed. The environment's value, if any, applies again.")

    def _show(self, view: dict, stored: set[str]) -> None:
        self.values = {name: _shown(value) for name, value in view.items()
                       if name not in SECRET_NAMES}
        self.customised = sorted({BY_NAME[name].group for name in stored
                                  if name not in SECRET_NAMES})
        self.masks = {name: str(view[name]) for name in SECRET_NAMES}
        # The saved public address, so the URL shown follows a change of it at once.
        self.webhook_url = (f"{str(view.get('public_base_url', '')).rstrip('/')}"
                            "/api/v1/webhooks/elevenlabs")
