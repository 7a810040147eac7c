"""The interview room's webcam widget: a Reflex wrapper around `assets/webcam_tracker.jsx`.

The JSX runs MediaPipe's face detector (`@mediapipe/tasks-vision`, pinned below) in the
candidate's browser. Its wasm runtime and the face model are app assets, copied there by
`scripts/install_webcam_assets.py` (`make setup`), so the page loads nothing from a CDN.
"""

from __future__ import annotations

import reflex as rx
from reflex.config import get_config
from reflex.event import passthrough_event_spec

# Pinned: the npm `latest` tag is a 2023 build and 1.x sends usage metrics to Google.
TASKS_VISION_PACKAGE = "@mediapipe/tasks-vision@0.10.35"
# Served from assets/mediapipe/ (generated, git-ignored).
WASM_URL = "/mediapipe/wasm"
FACE_MODEL_URL = "/mediapipe/face_detection_short_range.tflite"


class WebcamTracker(rx.Component):
    """Live preview, face-count badge and status line; emits face reports and check frames."""

    # Reflex copies assets/ into the frontend's public folder; `$/public` is how a module
    # there is imported at build time.
    library = "$/public/webcam_tracker.jsx"
    tag = "WebcamTracker"
    lib_dependencies: list[str] = [TASKS_VISION_PACKAGE]

    # False stops the camera and the analysis (e.g. the interview ended).
    active: rx.Var[bool]
    # How often a face report is sent, milliseconds.
    report_every_ms: rx.Var[int]
    # How often a small JPEG goes to the server's face check (0: never), milliseconds.
    frame_every_ms: rx.Var[int]
    # Where the tasks-vision wasm files and the face model are served.
    wasm_path: rx.Var[str]
    model_path: rx.Var[str]

    # The status line's words by room-text key (webcam_off, ...); English when empty.
    texts: rx.Var[dict[str, str]]

    # {window_s, samples, face_present_pct, attention, max_faces, multi_face_s,
    #  longest_absence_s, video_width, video_height}
    on_signals: rx.EventHandler[passthrough_event_spec(dict)]
    # {jpeg (base64, <= 320 px wide), width, height, faces (the browser's count on it)}
    on_frame: rx.EventHandler[passthrough_event_spec(dict)]
    # {reason: permission_denied | no_camera | camera_busy | camera_lost | unsupported |
    #  model_failed | camera_failed, message}
    on_camera_error: rx.EventHandler[passthrough_event_spec(dict)]


def webcam_tracker(*, on_signals=None, on_frame=None, on_camera_error=None,
                   active: rx.Var[bool] | bool = True, report_every_ms: int = 5000,
                   frame_every_ms: int = 10000, texts: rx.Var | dict | None = None,
                   id: str = "webcam-tracker") -> rx.Component:
    """The webcam widget; pass event handlers that take one dict each."""
    config = get_config()
    handlers = {name: handler for name, handler in (
        ("on_signals", on_signals), ("on_frame", on_frame), ("on_camera_error", on_camera_error),
    ) if handler is not None}
    return WebcamTracker.create(
        active=active, report_every_ms=report_every_ms, frame_every_ms=frame_every_ms,
        wasm_path=config.prepend_frontend_path(WASM_URL),
        model_path=config.prepend_frontend_path(FACE_MODEL_URL),
        texts=texts if texts is not None else {}, id=id, **handlers,
    )
