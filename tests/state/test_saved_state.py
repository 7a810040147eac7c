"""What Reflex saves of a tab (to `.states/` or Redis) holds no secret shown once."""

from __future__ import annotations

import pickle

import pytest

import reflex as rx

from hireops.state.settings.api_tokens import ApiTokensState

NEW_TOKEN = "hop_just-created-and-shown-once-7f3a"


def _tab_state(cls: type[rx.State]) -> rx.State:
    root = rx.State(_reflex_internal_init=True)
    return root.get_substate(cls.get_full_name().split(".")[1:])


def test_a_new_api_token_is_shown_but_never_saved_with_the_tab():
    state = _tab_state(ApiTokensState)
    state.created_token, state.created_name = NEW_TOKEN, "BI export"
    saved = state._serialize()
    assert NEW_TOKEN.encode() not in saved
    assert b"BI export" in saved  # the rest of the page is saved as usual
    # The page still shows it: only the saved copy leaves it out.
    assert state.created_token == NEW_TOKEN
    _schema, restored = pickle.loads(saved)
    assert restored.created_token == "" and restored.created_name == "BI export"


def test_a_new_calendar_feed_address_is_never_saved_with_the_tab():
    from hireops.state.calendar.week import CalendarState

    state = _tab_state(CalendarState)
    state.new_feed_url = "http://localhost:3000/calendar/hcal_shown-once-9c1e.ics"
    state.title = "18 - 24 March 2030"
    saved = state._serialize()
    assert b"hcal_shown-once" not in saved and b"18 - 24 March 2030" in saved


@pytest.mark.parametrize("module", ["calendar_busy", "mailbox_settings", "team_settings"])
def test_a_typed_password_is_no_var_of_its_tab(module):
    """A typed password reaches the server only inside the event that uses it (Save, Test
    connection, Add user): no var holds it between keystrokes, so nothing saves it with the
    tab, and with Redis nothing can be lost between typing and pressing the button."""
    import importlib

    states = importlib.import_module(f"hireops.state.settings.{module}")
    state_class = next(value for name, value in vars(states).items()
                       if name.endswith("State") and value.__module__ == states.__name__)
    assert not [name for name in state_class.base_vars if "password" in name
                and name not in ("password_saved", "has_password", "one_time_password")], state_class
    assert states.PASSWORD_FIELD  # the field the page reads and the handler empties
