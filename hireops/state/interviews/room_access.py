"""Access for the public interview room: the link's token instead of a sign-in.

The token is checked once by the page's loader; every later handler re-reads the link from the
database and runs only while it is still open (not revoked, expired or finished elsewhere).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

from hireops.db import session_scope
from hireops.models import InterviewLink
from hireops.services.interviews.room import check_link_open

ROOM_ACCESS_MARKER = "_hireops_room_token"


def link_still_open(link_id: int | None) -> str:
    """"" when the room's link may still be used; else why not (one of room.PROBLEMS)."""
    if not link_id:
        return "unknown"
    with session_scope() as session:
        link = session.get(InterviewLink, link_id)
        if link is None:
            return "unknown"
        problem = check_link_open(session=session, link=link).problem
        session.commit()
        return problem


async def _run(handler: Callable, state, *args, **kwargs):
    """The handler's result, awaited when the handler is a coroutine."""
    result = handler(state, *args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


def room_handler(handler: Callable) -> Callable:
    """Run `handler` only for a room whose link the loader found and which is still open."""

    @functools.wraps(handler)
    async def wrapper(self, *args, **kwargs):
        problem = link_still_open(self._link_id)
        if problem:
            return self._show_problem(problem)
        return await _run(handler, self, *args, **kwargs)

    setattr(wrapper, ROOM_ACCESS_MARKER, True)
    return wrapper


def room_loader(handler: Callable) -> Callable:
    """For a step's loader that follows `load_room` on the page: runs only once the loader
    found a link, and never repeats the check (it would replace load_room's own refusal)."""

    @functools.wraps(handler)
    async def wrapper(self, *args, **kwargs):
        if self._link_id:
            return await _run(handler, self, *args, **kwargs)

    setattr(wrapper, ROOM_ACCESS_MARKER, True)
    return wrapper


def room_link_scoped(handler: Callable) -> Callable:
    """For background work on the room's own link: runs only once the loader found a link,
    and the handler itself touches nothing but that link's rows."""

    if inspect.isasyncgenfunction(handler):  # it sends events (e.g. speech) as it goes
        @functools.wraps(handler)
        async def wrapper(self, *args, **kwargs):
            if self._link_id:
                async for update in handler(self, *args, **kwargs):
                    yield update
    else:
        @functools.wraps(handler)
        async def wrapper(self, *args, **kwargs):
            if self._link_id:
                await handler(self, *args, **kwargs)

    setattr(wrapper, ROOM_ACCESS_MARKER, True)
    return wrapper
