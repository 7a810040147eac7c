"""A password generated for a new team member is shown once, like a new API token: what Reflex
saves of the tab (to `.states/` or Redis) never holds it."""

from __future__ import annotations

import pickle

import reflex as rx

from hireops.state.settings.team_settings import TeamSettingsState

GENERATED = "generated-once-Qm4s8Zt2"


def test_a_generated_password_is_shown_but_never_saved_with_the_tab():
    root = rx.State(_reflex_internal_init=True)
    state = root.get_substate(TeamSettingsState.get_full_name().split(".")[1:])
    state.one_time_password, state.one_time_email = GENERATED, "rita@example.com"
    saved = state._serialize()
    assert GENERATED.encode() not in saved
    assert b"rita@example.com" in saved  # the rest of the card is saved as usual
    assert state.one_time_password == GENERATED  # the open page still shows it
    _schema, restored = pickle.loads(saved)
    assert restored.one_time_password == "" and restored.one_time_email == "rita@example.com"
