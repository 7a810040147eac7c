"""A timer in the browser that fires an event every few seconds while its page is open."""

from __future__ import annotations

import reflex as rx
from reflex_base.event import no_args_event_spec


class Ticker(rx.Component):
    """Renders nothing; fires `on_tick` every `every` ms while the tab is visible."""

    library = rx.asset("ticker.jsx", shared=True).importable_path
    tag = "Ticker"
    every: rx.Var[int]
    on_tick: rx.EventHandler[no_args_event_spec]


ticker = Ticker.create
