"""Reading a record's id from the page address (`/candidate?id=12`)."""

from __future__ import annotations

import reflex as rx


def id_in_url(state: rx.State, name: str = "id") -> int:
    """The whole number in the query parameter `name` of the page the event came from; 0 when it
    is missing or not a number (an address typed or edited by hand)."""
    raw = str(state.router.url.query_parameters.get(name, ""))
    return int(raw) if raw.isdigit() else 0
