"""The sign-in route checks passwords off the event loop (argon2 takes ~0.1 s of CPU by design;
every user's events share that loop), and counts failures for the client address read through
TRUSTED_PROXIES from the request."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from hireops.api.app import build_api
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.models import LoginThrottle, Role
from hireops.services.platform.auth import create_user
from hireops.services.platform.login_throttle import client_key

WRONG_SIGN_INS = 6
OWN_PAGE = {"Origin": "http://localhost:3000"}


async def _post_sign_in(client: httpx.AsyncClient, email: str, headers: dict) -> httpx.Response:
    return await client.post("/auth/sign-in", headers={**OWN_PAGE, **headers},
                             data={"email": email, "password": "a guess", "next": "/jobs"})


def _client(peer: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=build_api(), client=(peer, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://localhost:3000")


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
    result = await work()
    ended = time.perf_counter()
    done.set()
    await ticking
    return sum(begun < at <= ended for at in answered), ended - begun, result


def _in_own_loop(coroutine):
    # A thread of its own: the browser tests' Playwright loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_wrong_passwords_do_not_stall_other_events(database_url):
    with session_scope() as session:
        create_user(session=session, email="rita@example.com", password="correct horse 1",
                    role=Role.recruiter)

    async def one_wrong_sign_in(n: int):
        # Each from its own address: several people mistyping, not one guesser (whom the
        # per-client throttle would slow down).
        async with _client(f"203.0.113.{n}") as client:
            return await _post_sign_in(client, f"rita{n}@example.com", {})

    async def wrong_sign_ins():
        return await asyncio.gather(*(one_wrong_sign_in(n) for n in range(WRONG_SIGN_INS)))

    answers, took, responses = _in_own_loop(_loop_answers_during(wrong_sign_ins))
    assert all(r.status_code == 303 and "error=wrong" in r.headers["location"]
               for r in responses), [r.headers.get("location") for r in responses]
    # Checked on the loop, one request blocks it until its check ends, so the loop answers
    # at most once between two sign-ins. Off the loop it answers all along, even on a busy
    # machine where the checks compete for the cores.
    assert answers >= 5 * WRONG_SIGN_INS, \
        f"the loop answered {answers} times in {took * 1000:.0f} ms of sign-ins"


def test_failures_count_for_the_client_behind_a_trusted_proxy(database_url, monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.5")
    get_settings.cache_clear()

    async def one_guess():
        async with _client("10.0.0.5") as client:
            return await _post_sign_in(client, "ghost@example.com",
                                       {"X-Forwarded-For": "198.51.100.1, 203.0.113.44"})

    assert _in_own_loop(one_guess()).status_code == 303
    with session_scope() as session:
        assert session.get(LoginThrottle, client_key("203.0.113.44")).failures == 1
        assert session.get(LoginThrottle, client_key("10.0.0.5")) is None


def test_request_client_ignores_the_header_from_untrusted_peers():
    from reflex.istate.data import RouterData

    from hireops.state.client import request_client

    get_settings.cache_clear()
    router = RouterData.from_router_data({"ip": "203.0.113.9",
                                          "headers": {"x-forwarded-for": "1.2.3.4"},
                                          "pathname": "/login", "asPath": "/login"})
    assert request_client(router) == "203.0.113.9"
