"""What Reflex saves of a tab (to `.states/` or Redis) holds no secret shown once."""

from __future__ import annotations

import pickle

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


def test_a_typed_calendar_password_is_never_saved_with_the_tab():
    from hireops.state.settings.calendar_busy import CalendarBusyState

    state = _tab_state(CalendarBusyState)
    state.password, state.url = "typed-caldav-secret", "https://dav.example.com/"
    saved = state._serialize()
    assert b"typed-caldav-secret" not in saved and b"https://dav.example.com/" in saved
