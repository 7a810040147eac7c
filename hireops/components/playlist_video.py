"""A <video> that tells the page when it ends, so a recording in parts plays as one interview
(Reflex's html video element names no `ended` trigger)."""

from __future__ import annotations

import reflex as rx
from reflex.components.el.elements.media import Video
from reflex.event import no_args_event_spec


class PlaylistVideo(Video):
    """The html video element with its `ended` event."""

    on_ended: rx.EventHandler[no_args_event_spec]


playlist_video = PlaylistVideo.create
