"""The client address behind trusted proxies, read from the right of X-Forwarded-For."""

from __future__ import annotations

import pytest

from hireops.config import get_settings
from hireops.services.platform.client_address import client_address


@pytest.fixture
def trusted(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16, ::1")
    get_settings.cache_clear()


@pytest.mark.parametrize(("peer", "forwarded_for", "client"), [
    # Straight from the client: the header is whatever it wrote, and ignored.
    ("203.0.113.7", "1.2.3.4", "203.0.113.7"),
    # One trusted proxy: the address it appended.
    ("10.0.0.5", "203.0.113.7", "203.0.113.7"),
    # The client's own entries sit left of what the proxy appended.
    ("10.0.0.5", "1.2.3.4, 5.6.7.8, 203.0.113.7", "203.0.113.7"),
    # Two trusted proxies in a row (a load balancer in front of nginx).
    ("10.0.0.5", "203.0.113.7, 10.1.4.4", "203.0.113.7"),
    # An untrusted hop in the chain is where belief stops.
    ("10.0.0.5", "203.0.113.7, 198.51.100.1", "198.51.100.1"),
    # A trusted proxy with nothing forwarded, or garbage: the proxy is the client we know.
    ("10.0.0.5", "", "10.0.0.5"),
    ("10.0.0.5", "not-an-address", "10.0.0.5"),
    ("10.0.0.5", "203.0.113.7, unknown", "10.0.0.5"),
    # IPv6, bracketed, and an IPv4 client seen through an IPv6 socket.
    ("::1", "[2001:db8::7]", "2001:db8::7"),
    ("::ffff:10.0.0.5", "203.0.113.7", "203.0.113.7"),
])
def test_client_behind_trusted_proxies(trusted, peer, forwarded_for, client):
    assert client_address(peer=peer, forwarded_for=forwarded_for) == client


def test_nothing_is_trusted_by_default():
    assert client_address(peer="10.0.0.5", forwarded_for="203.0.113.7") == "10.0.0.5"


def test_a_proxy_that_is_not_an_address_is_refused_at_start_up(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.5,nginx")
    get_settings.cache_clear()
    with pytest.raises(ValueError, match="'nginx' in TRUSTED_PROXIES"):
        get_settings()
