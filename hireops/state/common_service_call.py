"""Calling a service that may refuse, from an event handler.

A service says no by raising its own exception (`LinkRefused`, `InvalidTag`, ...) whose message
is written for the person who pressed the button. Handlers used to wrap each call in
try / except / `rx.toast.error(str(refused))`; `call_service` does that once:

    counts, refusal = call_service(erase_candidate, CandidateNotFound,
                                   candidate_id=self.candidate_id, actor=current_actor())
    if refusal:
        return refusal.toast
    ...what follows a successful call...

Only the service call (and the commit of its transaction) is inside the `except`: an error in
the handler's own code after it is a defect and still raises, instead of reaching the person as
if the service had refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import reflex as rx

from hireops.db import session_scope

T = TypeVar("T")


@dataclass(frozen=True)
class Refusal:
    """Why a service refused, in the words it gave."""

    message: str

    @property
    def toast(self) -> rx.event.EventSpec:
        """The message as an error toast, for a refusal said where the button was pressed."""
        return rx.toast.error(self.message)


def call_service(service: Callable[..., T],
                 refusals: type[Exception] | tuple[type[Exception], ...],
                 **arguments) -> tuple[T | None, Refusal | None]:
    """`service(session=..., **arguments)` in a transaction of its own, committed when it
    returns: (its result, None). When it raises one of `refusals`, nothing is committed and
    the answer is (None, the refusal). Any other exception propagates."""
    try:
        with session_scope() as session:
            return service(session=session, **arguments), None
    except refusals as refused:
        return None, Refusal(str(refused))
