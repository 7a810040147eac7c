"""Behind the documented nginx every request comes from the proxy's address: with the proxy in
TRUSTED_PROXIES each client gets its own allowance, read from X-Forwarded-For; without it, or
from anyone else, the header is ignored, so a client cannot pick a fresh address per request."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hireops.api.app import build_api
from hireops.config import get_settings
from tests.api.conftest import bearer

PROXY = ("10.0.0.5", 44321)


@pytest.fixture
def limits(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("API_TOKEN_LOOKUPS_PER_MINUTE", "3")

    def trust(proxies: str) -> None:
        monkeypatch.setenv("TRUSTED_PROXIES", proxies)
        get_settings.cache_clear()
    return trust


def _statuses(test_client: TestClient, forwarded_for: str, count: int) -> list[int]:
    headers = {**bearer("hop_guess"), "X-Forwarded-For": forwarded_for}
    return [test_client.get("/api/v1/jobs", headers=headers).status_code for _ in range(count)]


def test_clients_behind_a_trusted_proxy_are_limited_one_by_one(limits):
    limits("10.0.0.0/24")
    with TestClient(build_api(), client=PROXY) as through_nginx:
        # nginx appends the address it saw; what the client wrote itself stays on the left.
        assert _statuses(through_nginx, "203.0.113.1", 4) == [401, 401, 401, 429]
        assert _statuses(through_nginx, "203.0.113.2", 1) == [401]
        assert _statuses(through_nginx, "198.51.100.9, 203.0.113.1", 1) == [429]


def test_forwarded_for_from_an_untrusted_peer_is_ignored(limits):
    limits("10.0.0.0/24")
    with TestClient(build_api(), client=("192.0.2.50", 5000)) as direct:
        statuses = [_statuses(direct, f"203.0.113.{n}", 1)[0] for n in range(1, 6)]
    assert statuses == [401, 401, 401, 429, 429]


def test_without_trusted_proxies_the_header_is_ignored(limits):
    limits("")
    with TestClient(build_api(), client=PROXY) as through_nginx:
        assert _statuses(through_nginx, "203.0.113.1", 3) == [401, 401, 401]
        assert _statuses(through_nginx, "203.0.113.2", 1) == [429]
