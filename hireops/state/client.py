"""The address an event's browser connects from, for the per-client limits."""

from __future__ import annotations

from reflex.istate.data import RouterData

from hireops.services.platform.client_address import client_address


def request_client(router: RouterData) -> str:
    """The client's address, read through TRUSTED_PROXIES (Reflex's own `client_ip` is the
    websocket's peer as long as its `trusted_proxy_hops` stays unset)."""
    forwarded_for = router.headers.raw_headers.get("x-forwarded-for", "")
    return client_address(peer=router.session.client_ip, forwarded_for=forwarded_for)
