"""Event handlers that store one form field as the user types or toggles it.

Most form fields need nothing but "keep what was typed, cut to a sane length" (or "keep the
switch's position", or "keep the menu's choice if it is on the menu"), behind the page's access
check. Writing those handlers by hand gave every
state the same four lines per field; these factories write them once:

    set_reject_body = text_setter("reject_body", 20_000, requires(*WRITE_ROLES))
    set_agree_ai = switch_setter("agree_ai", room_handler)
    set_override_choice = choice_setter("override_choice", OVERRIDE_CHOICES, requires(...))

`guard` is the access decorator the handler runs behind (`requires(...)` on recruiter pages,
`room_handler` in the interview room): a browser can fire any event by hand.
A field with a rule of its own (a number, a choice that reloads the page) keeps a handler of
its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import reflex as rx

Guard = Callable[[Callable], Callable]


def text_setter(var: str, max_chars: int, guard: Guard) -> Callable:
    """A handler that stores the typed text in `var`, cut to `max_chars` characters (a
    hand-fired event could send megabytes)."""

    def store(self, value: str):
        setattr(self, var, str(value)[:max_chars])

    return _handler(store, var, guard)


def switch_setter(var: str, guard: Guard) -> Callable:
    """A handler that stores a switch's or checkbox's position in `var`."""

    def store(self, value: bool):
        setattr(self, var, bool(value))

    return _handler(store, var, guard)


def choice_setter(var: str, choices: Sequence[str], guard: Guard) -> Callable:
    """A handler that stores a menu's choice in `var`: one of `choices`, else (an event fired
    by hand) the first of them."""

    def store(self, value: str):
        setattr(self, var, value if value in choices else choices[0])

    return _handler(store, var, guard)


def _handler(store: Callable, var: str, guard: Guard) -> Callable:
    # Named like a hand-written setter, so logs and tracebacks say which field it was.
    store.__name__ = store.__qualname__ = f"set_{var}"
    return rx.event(guard(store))
