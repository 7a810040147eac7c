"""The sign-in handler checks passwords off the event loop (argon2 takes ~0.1 s of CPU by
design; every user's events share that loop), and counts failures for the client address read
through TRUSTED_PROXIES from the websocket's router data."""

from __future__ import annotations

import asyncio
import inspect
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

from reflex.istate.data import RouterData

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import LoginThrottle, Role
from hireops.services.auth import create_user
from hireops.services.login_throttle import client_key
from hireops.state.client import request_client
from hireops.state.login import LoginState

WRONG_SIGN_INS = 6


def _router(peer: str, forwarded_for: str = "") -> RouterData:
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return RouterData.from_router_data({"ip": peer, "headers": headers,
                                        "pathname": "/login", "asPath": "/login"})


def _form_state(router: RouterData) -> SimpleNamespace:
    return SimpleNamespace(router=router, error="", session_token="")


async def _submit(state, form: dict) -> None:
    outcome = LoginState.event_handlers["submit"].fn(state, form)
    if inspect.isawaitable(outcome):
        await outcome


async def _loop_answers_during(work) -> tuple[int, float]:
    """Run `work` while a ticker asks for the loop every 5 ms, as other users' events would;
    how many times the loop answered while the work ran, and how long it ran (seconds)."""
    answered: list[float] = []
    done = asyncio.Event()

    async def ticker():
        while not done.is_set():
            await asyncio.sleep(0.005)
            answered.append(time.perf_counter())

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0.02)
    begun = time.perf_counter()
    await work()
    ended = time.perf_counter()
    done.set()
    await ticking
    return sum(begun < at <= ended for at in answered), ended - begun


def _in_own_loop(coroutine):
    # A thread of its own: the browser tests' Playwright loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_wrong_passwords_do_not_stall_other_events(database_url):
    with session_scope() as session:
        create_user(session=session, email="rita@example.com", password="correct horse 1",
                    role=Role.recruiter)
    states = [_form_state(_router(f"203.0.113.{n}")) for n in range(WRONG_SIGN_INS)]

    async def wrong_sign_ins():
        await asyncio.gather(*(_submit(state, {"email": f"rita{n}@example.com",
                                               "password": "a guess"})
                               for n, state in enumerate(states)))

    answers, took = _in_own_loop(_loop_answers_during(wrong_sign_ins))
    assert all(state.error == "Wrong email or password." for state in states)
    # Checked on the loop, one handler blocks it until its check ends, so the loop answers
    # at most once between two sign-ins. Off the loop it answers all along, even on a busy
    # machine where the checks compete for the cores (about 200 times in 5 s there).
    assert answers >= 5 * WRONG_SIGN_INS, \
        f"the loop answered {answers} times in {took * 1000:.0f} ms of sign-ins"


def test_failures_count_for_the_client_behind_a_trusted_proxy(database_url, monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.5")
    get_settings.cache_clear()
    state = _form_state(_router("10.0.0.5", "198.51.100.1, 203.0.113.44"))
    _in_own_loop(_submit(state, {"email": "ghost@example.com", "password": "a guess"}))
    with session_scope() as session:
        assert session.get(LoginThrottle, client_key("203.0.113.44")).failures == 1
        assert session.get(LoginThrottle, client_key("10.0.0.5")) is None


def test_request_client_ignores_the_header_from_untrusted_peers():
    get_settings.cache_clear()
    assert request_client(_router("203.0.113.9", "1.2.3.4")) == "203.0.113.9"
