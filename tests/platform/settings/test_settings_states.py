"""The Settings page's states: typed secrets reach the state only with Save, only masks stay; the
team card adds users, changes roles and deactivates, refusing to lose the last admin."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import reflex as rx

from hireops.db import session_scope
from hireops.models import Role, User
from hireops.services.platform.auth import AuthError, create_user, sign_in
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.platform.users import change_role, set_user_active
from hireops.state.settings.general_settings import GeneralSettingsState
from hireops.state.settings.team_settings import TeamSettingsState
from tests.state import run_handler, signed_in_token, socket_router

SECRET = "sk-typed-in-the-browser-7777"


def _fake_state(cls, token: str, **fields):
    state = SimpleNamespace(router=socket_router("/settings", token), **fields)
    for helper in ("_show", "_refresh", "_apply"):
        if hasattr(cls, helper):
            setattr(state, helper, getattr(cls, helper).__get__(state))
    return state


def _emptied(answer) -> list[str]:
    """The page elements a handler's answer empties (`rx.set_value(id, "")`), by their ref."""
    specs = answer if isinstance(answer, list) else [answer]
    return [str(value._var_value) for spec in specs for name, value in getattr(spec, "args", ())
            if str(name) == "ref"]


@pytest.fixture
def admin_token(database_url) -> str:
    return signed_in_token("admin@example.com", Role.admin)


def test_saved_secret_is_cleared_from_the_state_and_only_masked(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="")
    run_handler(GeneralSettingsState, "load", state)
    assert state.masks["mistral_api_key"] == "not set"
    run_handler(GeneralSettingsState, "set_value", state, "classifier_engine", "mistral")
    answer = run_handler(GeneralSettingsState, "save", state, "ai",
                         {"mistral_api_key": SECRET})
    assert state.errors["ai"] == ""
    shown = repr({k: v for k, v in vars(state).items() if not k.startswith("_")})
    assert SECRET not in shown
    assert state.masks["mistral_api_key"] == "set ••••7777"
    # The field the key was typed in is emptied once it is stored.
    assert _emptied(answer) == _emptied(rx.set_value("setting-mistral_api_key", ""))
    with session_scope() as session:
        settings = current_settings(session=session)
    assert settings.mistral_api_key.get_secret_value() == SECRET
    assert settings.classifier_engine == "mistral"
    # A later load shows the mask again, never the value.
    run_handler(GeneralSettingsState, "load", state)
    assert SECRET not in repr(vars(state))


def test_a_bad_value_shows_the_reason_and_stores_nothing(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="")
    run_handler(GeneralSettingsState, "load", state)
    run_handler(GeneralSettingsState, "set_value", state, "company_timezone", "Nowhere/City")
    run_handler(GeneralSettingsState, "save", state, "company")
    assert "time zone" in state.errors["company"]
    with session_scope() as session:
        assert current_settings(session=session).company_timezone == "Europe/Paris"


def test_interview_card_saves_refuses_and_moves_the_webhook_url(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="")
    run_handler(GeneralSettingsState, "load", state)
    assert state.values["interview_link_hours"] == "72"
    assert state.webhook_url == "http://localhost:3000/api/v1/webhooks/elevenlabs"
    run_handler(GeneralSettingsState, "set_value", state, "interview_link_hours", "0")
    run_handler(GeneralSettingsState, "save", state, "interviews")
    assert state.errors["interviews"] == "Interview link hours must be at least 1"
    run_handler(GeneralSettingsState, "set_value", state, "interview_link_hours", "48")
    run_handler(GeneralSettingsState, "set_value", state, "reminder_unopened_hours", "24")
    run_handler(GeneralSettingsState, "set_value", state, "public_base_url", "https://hire.example.com/")
    run_handler(GeneralSettingsState, "save", state, "interviews")
    assert state.errors["interviews"] == ""
    assert state.values["public_base_url"] == "https://hire.example.com"
    assert state.webhook_url == "https://hire.example.com/api/v1/webhooks/elevenlabs"
    with session_scope() as session:
        settings = current_settings(session=session)
    assert (settings.interview_link_hours, settings.reminder_unopened_hours) == (48, 24)


def test_restore_defaults_forgets_the_group_but_keeps_its_secrets(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="", customised=[])
    run_handler(GeneralSettingsState, "load", state)
    assert state.customised == []
    run_handler(GeneralSettingsState, "set_value", state, "mistral_timeout_s", "45")
    run_handler(GeneralSettingsState, "save", state, "ai", {"mistral_api_key": SECRET})
    run_handler(GeneralSettingsState, "set_value", state, "company_name", "Kept Ltd")
    run_handler(GeneralSettingsState, "save", state, "company")
    assert state.customised == ["ai", "company"]

    run_handler(GeneralSettingsState, "restore_defaults", state, "ai")
    assert state.values["mistral_timeout_s"] == "30" and state.customised == ["company"]
    assert state.masks["mistral_api_key"] == "set ••••7777"
    with session_scope() as session:
        settings = current_settings(session=session)
    assert settings.mistral_timeout_s == 30 and settings.company_name == "Kept Ltd"
    assert settings.mistral_api_key.get_secret_value() == SECRET


def test_setters_and_save_ignore_other_names(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="")
    run_handler(GeneralSettingsState, "set_value", state, "mistral_api_key", "x")
    assert state.values == {}
    run_handler(GeneralSettingsState, "load", state)
    # A secret of another card, or no setting at all, passed with the AI card's Save.
    run_handler(GeneralSettingsState, "save", state, "ai",
                {"smtp_password": SECRET, "database_url": "sqlite://"})
    with session_scope() as session:
        settings = current_settings(session=session)
    assert settings.smtp_password is None or settings.smtp_password.get_secret_value() != SECRET
    assert state.masks["smtp_password"] == "not set"


def test_a_refused_save_leaves_the_typed_secret_in_its_field(admin_token):
    state = _fake_state(GeneralSettingsState, admin_token, values={}, masks={},
                        errors={}, webhook_url="")
    run_handler(GeneralSettingsState, "load", state)
    run_handler(GeneralSettingsState, "set_value", state, "mistral_timeout_s", "-1")
    answer = run_handler(GeneralSettingsState, "save", state, "ai",
                         {"mistral_api_key": SECRET})
    assert state.errors["ai"] and state.masks["mistral_api_key"] == "not set"
    assert _emptied(answer) == []  # the typed key stays, to save again once fixed


def test_a_typed_secret_is_bound_to_no_var_of_the_tab():
    """The secret fields send nothing as the admin types (a var holding the text would be
    saved with the tab, to `.states/` or Redis): only Save reads them."""
    import json

    from hireops.pages.settings.page import _secret

    rendered = json.dumps(_secret("Mistral API key", "mistral_api_key").render(), default=str)
    assert "setting-mistral_api_key" in rendered
    assert "onChange" not in rendered and "general_settings_state.set" not in rendered


def test_team_add_user_with_generated_password_then_role_and_deactivation(admin_token):
    state = _fake_state(TeamSettingsState, admin_token, users=[], email="", full_name="",
                        role="recruiter", password="", one_time_password="",
                        one_time_email="", error="")
    run_handler(TeamSettingsState, "load", state)
    state.email, state.full_name = "Rita@Example.com", "Rita Recruiter"
    run_handler(TeamSettingsState, "add_user", state)
    assert state.error == "" and state.one_time_email == "rita@example.com"
    generated = state.one_time_password
    assert len(generated) >= 12
    with session_scope() as session:
        assert sign_in(session=session, email="rita@example.com", password=generated).user
    rita = next(u for u in state.users if u.email == "rita@example.com")
    assert rita.role == "recruiter" and rita.active
    run_handler(TeamSettingsState, "set_role", state, rita.id, "viewer")
    run_handler(TeamSettingsState, "set_active", state, rita.id, False)
    rita = next(u for u in state.users if u.email == "rita@example.com")
    assert (rita.role, rita.active, state.one_time_password) == ("viewer", False, "")
    with session_scope() as session:
        assert sign_in(session=session, email="rita@example.com", password=generated).user \
            is None
    # A duplicate email is refused with a reason.
    state.email = "rita@example.com"
    run_handler(TeamSettingsState, "add_user", state)
    assert "already exists" in state.error


def test_deactivating_oneself_from_the_team_card_is_refused_where_it_was_pressed(admin_token):
    state = _fake_state(TeamSettingsState, admin_token, users=[], email="", full_name="",
                        role="recruiter", password="", one_time_password="",
                        one_time_email="", error="")
    run_handler(TeamSettingsState, "load", state)
    me = next(u for u in state.users if u.email == "admin@example.com")
    answer = run_handler(TeamSettingsState, "set_active", state, me.id, False)
    assert "your own account" in str(answer)  # a toast beside the press
    assert state.error == ""  # not in the add-user form
    assert next(u for u in state.users if u.id == me.id).active


def test_the_last_admin_keeps_the_role_and_cannot_be_deactivated(session):
    admin = create_user(session=session, email="only@example.com",
                        password="long-enough-password", role=Role.admin)
    session.commit()
    with pytest.raises(AuthError, match="last active admin"):
        change_role(session=session, user_id=admin.id, role="viewer", actor=admin)
    other = create_user(session=session, email="second@example.com",
                        password="long-enough-password", role=Role.admin)
    session.commit()
    with pytest.raises(AuthError, match="your own account"):
        set_user_active(session=session, user_id=admin.id, active=False, actor=admin)
    set_user_active(session=session, user_id=admin.id, active=False, actor=other)
    assert session.get(User, admin.id).is_active is False
