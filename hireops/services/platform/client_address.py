"""Which address a request comes from, for the per-client limits, when it may have come through
reverse proxies.

Each proxy appends the address it received the request from to X-Forwarded-For, so the list is
read from the right: the peer and every hop that is a trusted proxy (TRUSTED_PROXIES) is
skipped, and the first address that is not one is the client. Entries left of it were written
by the client itself and are never used: a client cannot pick its own address for the limits.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network

from hireops.config import get_settings


def client_address(*, peer: str, forwarded_for: str = "") -> str:
    """The client's address: `peer` itself unless `peer` is a trusted proxy, else the nearest
    address in `forwarded_for` (the joined X-Forwarded-For headers) not a trusted proxy."""
    trusted = [ip_network(network) for network in get_settings().trusted_proxies]
    hops = [hop.strip() for hop in forwarded_for.split(",")]
    address = peer
    while hops and _is_trusted(address, trusted):
        hop = _parse(hops.pop())
        if hop is None:
            # Not an address (a proxy that forwards a header it did not write): stay with the
            # last address a trusted proxy vouched for.
            break
        address = str(hop)
    return address


def _is_trusted(address: str, trusted: list) -> bool:
    parsed = _parse(address)
    return parsed is not None and any(parsed in network for network in trusted)


def _parse(text: str) -> IPv4Address | IPv6Address | None:
    text = text.strip().removeprefix("[").removesuffix("]")
    try:
        parsed = ip_address(text)
    except ValueError:
        return None
    # An IPv4 client reaching an IPv6 socket shows as ::ffff:a.b.c.d; count it as a.b.c.d.
    return getattr(parsed, "ipv4_mapped", None) or parsed
