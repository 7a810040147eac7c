"""The real app behind a proxy (`reflex run --env prod --backend-only`, websockets from
127.0.0.1 carrying X-Forwarded-For, as the documented nginx sends them): with the proxy in
TRUSTED_PROXIES, one client's forged interview links use up only its own allowance, and a
candidate behind the same proxy still opens a valid link."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from pathlib import Path

import pytest

from hireops.services.interviews.links import generate_link
from tests.app_server import app_env, start_app
from tests.fakes.reflex_socket import ReflexSocket

ROOM_STATE = "reflex___state____state.hireops___state___interviews___room____interview_room_state"
LOOKUPS_PER_MINUTE = 3
FORGED = "/interview/" + "x" * 43


@pytest.fixture
def app_behind_proxy(database_url: str, tmp_path: Path) -> Iterator[str]:
    """The backend on the test's database, its secret key file shared with this process (so
    links made here open there), trusting 127.0.0.1 as its proxy."""
    env = app_env(tmp_path, database_url, TRUSTED_PROXIES="127.0.0.1",
                  INTERVIEW_LOOKUPS_PER_MINUTE=str(LOOKUPS_PER_MINUTE))
    app = start_app(env, tmp_path / "app.log", backend_only=True, timeout_s=300)
    try:
        yield app.url
    finally:
        app.stop()


async def _open_room(url: str, path: str, client: str, times: int = 1) -> list[str]:
    """What the room showed after each of `times` loads, from a tab of `client`."""
    tab = ReflexSocket(url, path, headers={"X-Forwarded-For": f"198.51.100.200, {client}"})
    await tab.connect()
    shown = []
    try:
        for _ in range(times):
            await tab.send(f"{ROOM_STATE}.load_room")
            shown.append(tab.var(ROOM_STATE, "problem_message", "") or
                         tab.var(ROOM_STATE, "step", ""))
    finally:
        await tab.close()
    return shown


def test_forged_links_from_one_client_leave_a_candidate_behind_the_proxy_alone(
        app_behind_proxy, session, make_application, recruiter):
    issued = generate_link(session=session, application_id=make_application(90).id,
                           actor=recruiter)
    session.commit()
    valid = "/" + issued.url.split("/", 3)[3]

    async def scenario():
        guesses = await _open_room(app_behind_proxy, FORGED, "203.0.113.1",
                                   times=LOOKUPS_PER_MINUTE + 1)
        candidate = await _open_room(app_behind_proxy, valid, "203.0.113.2")
        # The guesser's own further tabs stay limited, whatever it writes into the header.
        again = await _open_room(app_behind_proxy, FORGED, "203.0.113.1")
        return guesses, candidate, again

    # A thread of its own: the browser tests' Playwright loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        guesses, candidate, again = pool.submit(asyncio.run, scenario()).result()
    assert all("not valid" in shown for shown in guesses[:LOOKUPS_PER_MINUTE])
    assert "Too many attempts" in guesses[-1]
    assert candidate == ["welcome"]
    assert "Too many attempts" in again[0]
