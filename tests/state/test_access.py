"""Every event handler of a signed-in page checks the user on the server."""

import asyncio
import importlib
import inspect
import pkgutil
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
import reflex as rx

import hireops.state
from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.auth import create_user, open_session
from hireops.state.access import ACCESS_MARKER, WRITE_ROLES, current_actor, requires
from hireops.state.auth import AuthState
from hireops.state.jobs.careers import CareersState
from hireops.state.interviews.recording import InterviewRecordingState
from hireops.state.interviews.room import InterviewRoomState
from hireops.state.interviews.room_camera import RoomCameraState
from hireops.state.interviews.room_consent import RoomConsentState
from hireops.state.interviews.room_equal import RoomEqualState
from hireops.state.interviews.room_typed import RoomTypedState
from hireops.state.interviews.room_voice import RoomVoiceState
from hireops.state.login import LoginState
from hireops.state.interviews.room_access import ROOM_ACCESS_MARKER
from tests.state import socket_router

# Handlers that must work before anyone is signed in.
PUBLIC_HANDLERS = {(AuthState, "check_access"), (LoginState, "open_page"),
                   # The room's loader checks the token itself (rate-limited).
                   (InterviewRoomState, "load_room"),
                   # It reads only the link the room's loader found (no link: nothing).
                   (InterviewRecordingState, "load"),
                   # The careers pages only read what is published for everyone.
                   *((CareersState, name) for name in ("open_list", "open_job", "open_thanks",
                                                       "open_privacy"))}
# The candidate's room, its steps and its recording: no sign-in; their handlers are guarded by
# the link the loader found.
ROOM_STATES = {InterviewRoomState, RoomConsentState, RoomEqualState, RoomCameraState,
               RoomTypedState, RoomVoiceState, InterviewRecordingState}


def _state_classes() -> list[type]:
    """Every state class defined in hireops.state, whatever it derives from."""
    found = []
    for module in pkgutil.walk_packages(hireops.state.__path__, "hireops.state."):
        loaded = importlib.import_module(module.name)
        found.extend(value for value in vars(loaded).values()
                     if inspect.isclass(value) and issubclass(value, rx.State)
                     and value.__module__ == loaded.__name__
                     # A mixin is checked through the states that use it.
                     and not getattr(value, "_mixin", False))
    assert AuthState in found and InterviewRoomState in found
    return found


def _own_handlers(cls: type) -> list[str]:
    return [name for name, value in cls.__dict__.items()
            if not name.startswith("_") and name in cls.event_handlers and name != "setvar"]


def test_setvar_reaches_only_guarded_setters():
    """Reflex's built-in `setvar(name, value)` calls `set_<name>`; auto setters are off, so
    the only setters that exist must be our own guarded handlers."""
    for cls in _state_classes():
        for name, handler in cls.event_handlers.items():
            if name.startswith("set_") and (cls, name) not in PUBLIC_HANDLERS:
                guard = ROOM_ACCESS_MARKER if cls in ROOM_STATES else ACCESS_MARKER
                assert hasattr(handler.fn, guard), f"{cls.__name__}.{name}"


def test_every_page_handler_is_guarded():
    unguarded = []
    checked = 0
    for cls in _state_classes():
        for name in _own_handlers(cls):
            if (cls, name) in PUBLIC_HANDLERS:
                continue
            checked += 1
            handler = cls.event_handlers[name].fn
            if cls in ROOM_STATES and hasattr(handler, ROOM_ACCESS_MARKER):
                continue
            if not hasattr(handler, ACCESS_MARKER):
                unguarded.append(f"{cls.__name__}.{name}")
    assert checked >= 10, "the enumeration found too few handlers to be trusted"
    assert unguarded == []


def _call(handler, token: str):
    state = SimpleNamespace(router=socket_router("/jobs/", token))
    # A thread of its own: the browser tests' Playwright loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, handler(state)).result()


@requires(*WRITE_ROLES)
def _write_something(self):
    return f"done by {current_actor().email}"


@pytest.fixture
def tokens(database_url) -> dict[str, str]:
    out = {}
    with session_scope() as session:
        for role in Role:
            user = create_user(session=session, email=f"{role.value}@example.com",
                               password="long-enough-password", role=role)
            out[role.value] = open_session(session=session, user=user)
    return out


def test_anonymous_and_forged_callers_are_sent_to_sign_in(tokens):
    stranger = _call(_write_something, "")
    assert "/login?next=/jobs" in repr(stranger)
    forged = _call(_write_something, "forged-token")
    assert isinstance(forged, list) and "/login?next=/jobs" in repr(forged[-1])


def test_wrong_role_is_refused_and_right_role_runs(tokens):
    refused = _call(_write_something, tokens["viewer"])
    assert not isinstance(refused, str)
    assert _call(_write_something, tokens["recruiter"]) == "done by recruiter@example.com"
    assert _call(_write_something, tokens["admin"]) == "done by admin@example.com"


def test_background_and_generator_handlers_keep_their_kind():
    @requires(*WRITE_ROLES)
    async def background(self):
        return None

    @requires(*WRITE_ROLES)
    async def streaming(self):
        yield None

    assert inspect.iscoroutinefunction(background)
    assert inspect.isasyncgenfunction(streaming)


def _open_page(token: str, path: str, **browser_payload) -> str:
    """Run the page's access check as Reflex would for an event from the browser: the
    payload's keys become keyword arguments. 'granted', 'denied', or 'refused' (the handler
    took no such arguments, so the event failed before it ran)."""
    import hireops.hireops  # noqa: F401  (registers every page and its roles)

    state = SimpleNamespace(router=socket_router(path, token), user_email="", user_name="",
                            user_role="", access_granted=False, access_denied=False)
    try:
        AuthState.check_access.fn(state, **browser_payload)
    except TypeError:
        return "refused"
    return "granted" if state.access_granted else "denied" if state.access_denied else "?"


def test_page_roles_come_from_the_server_not_the_browser(tokens):
    assert _open_page(tokens["admin"], "/settings/api") == "granted"
    assert _open_page(tokens["viewer"], "/settings/api/") == "denied"
    assert _open_page(tokens["recruiter"], "/settings") == "denied"
    assert _open_page(tokens["viewer"], "/jobs") == "granted"
    # A viewer naming its own role as the page's allowed roles gets nowhere.
    assert _open_page(tokens["viewer"], "/settings/api",
                      allowed_roles="viewer") in ("denied", "refused")
    # A path that is no signed-in page of ours opens nothing.
    assert _open_page(tokens["admin"], "/no-such-page") == "denied"
