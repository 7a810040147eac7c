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
    # The room's texts in the candidate's language (dictation_* keys).
    texts: rx.Var[dict[str, str]]
    on_text: rx.EventHandler[passthrough_event_spec(str)]


class Countdown(rx.Component):
    """Minutes and seconds left until `deadline` (ISO time), ticking in the browser."""

    library = _LIBRARY
    tag = "Countdown"
    deadline: rx.Var[str]
    # The room's texts in the candidate's language (countdown_* keys).
    texts: rx.Var[dict[str, str]]


class MicLevel(rx.Component):
    """The microphone check: a live level meter from the browser's audio input."""

    library = _LIBRARY
    tag = "MicLevel"
    # The room's texts in the candidate's language (mic_* keys).
    texts: rx.Var[dict[str, str]]


class DraftKeeper(rx.Component):
    """Keeps the typed answer in the browser (localStorage) across a reload, per link
    (`prefix`) and `question`; an empty answer clears the link's drafts."""

    library = _LIBRARY
    tag = "DraftKeeper"
    prefix: rx.Var[str]
    question: rx.Var[int]
    value: rx.Var[str]
    on_restore: rx.EventHandler[passthrough_event_spec(str)]


dictation = Dictation.create
mic_level = MicLevel.create
draft_keeper = DraftKeeper.create
countdown = Countdown.create
