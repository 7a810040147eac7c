"""The camera of the room, from the check to the end of the interview: the widget's signals
and stills go to the server's checks, and a camera that fails can be left off."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.interviews import room_flow
from hireops.services.interviews.webcam import (
    InterviewLinkNotFound,
    WebcamAnalysisDeclined,
    check_frame,
    record_browser_report,
)
from hireops.state.interviews.room import InterviewRoomState
from hireops.state.interviews.room_access import room_handler

# The widget's error reasons that have their own `camera_<reason>` text; any other reads as
# camera_failed.
CAMERA_PROBLEMS = ("permission_denied", "no_camera", "camera_busy", "camera_lost",
                   "unsupported", "model_failed", "camera_failed")


class RoomCameraState(InterviewRoomState):
    """What the candidate reads when the camera does not work."""

    camera_message: str = ""

    @rx.event
    @room_handler
    def webcam_report(self, report: dict):
        if not self.webcam_enabled or not isinstance(report, dict):
            return
        with session_scope() as session:
            try:
                record_browser_report(session=session, link_id=self._link_id, report=report)
            except (WebcamAnalysisDeclined, InterviewLinkNotFound):
                self.webcam_enabled = False

    @rx.event
    @room_handler
    def webcam_frame(self, frame: dict):
        """A small still from the widget, checked by the server's own face detector (which
        also limits how often one room may ask)."""
        if not self.webcam_enabled or not isinstance(frame, dict):
            return
        faces = frame.get("faces")
        with session_scope() as session:
            try:
                check_frame(session=session, link_id=self._link_id,
                            jpeg_b64=str(frame.get("jpeg", "")),
                            browser_faces=faces if isinstance(faces, int) else None)
            except (WebcamAnalysisDeclined, InterviewLinkNotFound):
                self.webcam_enabled = False

    @rx.event
    @room_handler
    def camera_error(self, error: dict):
        reason = str(error.get("reason", "")) if isinstance(error, dict) else ""
        self.camera_message = self._say(
            f"camera_{reason if reason in CAMERA_PROBLEMS else 'camera_failed'}")

    @rx.event
    @room_handler
    def continue_without_camera(self):
        """The candidate turns camera analysis off (e.g. the camera does not work)."""
        room_flow.turn_camera_off(link_id=self._link_id)
        self.webcam_enabled, self.camera_message = False, ""
