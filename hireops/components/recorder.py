"""The interview room's consented recording, from the small local JSX file beside this one
(recorder.jsx): MediaRecorder chunks uploaded as the interview goes, with question marks and
voice activity for the speech signals HR sees beside the transcript."""

from __future__ import annotations

import reflex as rx

_LIBRARY = rx.asset("recorder.jsx", shared=True).importable_path


class Recorder(rx.Component):
    """Records the camera and microphone while `active`; shows a small "recording" line."""

    library = _LIBRARY
    tag = "Recorder"
    # Where chunks go: the room's upload route with the link's token; "" records nothing.
    upload_url: rx.Var[str]
    # False stops the recording (the last chunk is still sent).
    active: rx.Var[bool]
    # The question on screen: each new one is marked at its time in the video.
    question: rx.Var[int]
    # The room's texts in the candidate's language (recording_* keys).
    texts: rx.Var[dict[str, str]]
    # How often a chunk is cut and uploaded, milliseconds.
    timeslice_ms: rx.Var[int]


recorder = Recorder.create
