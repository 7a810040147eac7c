"""Helpers for calling state handlers without a browser."""

from types import SimpleNamespace

from hireops.services.platform.session_cookie import event_socket_cookie_header


def socket_router(path: str, token: str) -> SimpleNamespace:
    """A state's `router` as Reflex fills it for a tab on `path` whose browser holds the session
    `token` ('' for none): the event socket's Cookie header carries only the token's digest."""
    cookie = event_socket_cookie_header(f"hireops_session={token}" if token else "")
    return SimpleNamespace(url=SimpleNamespace(path=path), headers=SimpleNamespace(cookie=cookie))


def run_coroutine(coroutine):
    """Run `coroutine` to its end on a loop of its own, in a thread of its own: the browser
    tests' Playwright loop may be running in this one, where asyncio.run refuses."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run_handler(cls, name: str, state, *args):
    """Run `cls`'s event handler `name` on `state` (a stand-in), as the server would."""
    return run_coroutine(cls.event_handlers[name].fn(state, *args))


def signed_in_token(email: str, role) -> str:
    """A new user `email` with `role`, signed in: the token of their session."""
    from hireops.db import session_scope
    from hireops.services.platform.auth import create_user, open_session

    with session_scope() as session:
        user = create_user(session=session, email=email, password="long-enough-password",
                           role=role)
        return open_session(session=session, user=user)


def tracker_state(token: str):
    """A stand-in for the tracker's state of a fresh tab signed in with `token`."""
    from hireops.state.candidates.tracker import DEFAULT_HIDDEN, TrackerState

    state = SimpleNamespace(token=token, rows=[], total=0, page=1, page_size="50", search="",
                            job_filter="", stage_filter="", decision_filter="", tag_filter="",
                            resume_min="", sort_column="last_activity", sort_direction="desc",
                            hidden_columns=list(DEFAULT_HIDDEN), selected=[], job_options=[],
                            stage_options=[],
                            _columns_user=0, _stage_menus={})
    for helper in ("_filter", "_sort", "_load_columns", "_read_stage_menus", "_offer_stage_filter",
                   "_offer_bulk_stages", "_move"):
        setattr(state, helper, getattr(TrackerState, helper).__get__(state))
    state.router = socket_router("/candidates", token)
    return state
