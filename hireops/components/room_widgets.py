"""Browser-side helpers of the interview room, from a small local JSX file beside this one."""

from __future__ import annotations

import reflex as rx
from reflex_base.event import passthrough_event_spec

_LIBRARY = rx.asset("room_widgets.jsx", shared=True).importable_path


class Dictation(rx.Component):
    """A button that turns the candidate's speech into text with the browser's recognition;
    the text goes into the answer box, so the candidate can read and correct it."""

    library = _LIBRARY
    tag = "Dictation"
    # BCP 47 language of the speech, e.g. "en-US".
    lang: rx.Var[str]
    on_text: rx.EventHandler[passthrough_event_spec(str)]


class Countdown(rx.Component):
    """Minutes and seconds left until `deadline` (ISO time), ticking in the browser."""

    library = _LIBRARY
    tag = "Countdown"
    deadline: rx.Var[str]


dictation = Dictation.create
countdown = Countdown.create
