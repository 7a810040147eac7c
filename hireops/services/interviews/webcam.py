"""Webcam signals of an interview: browser reports, server frame checks, and what HR reads.

The browser widget (hireops/components/webcam.py) counts faces in the candidate's preview and
reports every few seconds; every ~10 s it also sends one small frame, which is checked here
with the same MediaPipe face model, so the recorded signals do not rest on the browser alone.
Every value coming from the browser is clamped, and a report or frame that cannot be read is
stored as a row with its reason instead of raising into the event handler.
"""

from __future__ import annotations

import base64
import binascii
import math
import threading
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from sqlmodel import Session, select

from hireops.config import PROJECT_ROOT, get_settings
from hireops.models import InterviewLink, InterviewSignal, utcnow
from hireops.services.interviews.links import InterviewLinkNotFound, get_link_or_raise

# A 320 px JPEG is 10-30 KB; anything near this is not what the widget sends.
MAX_FRAME_BYTES = 300_000
# The widget downscales to 320 px; larger frames are refused before decoding, so a tiny
# file cannot expand into a huge bitmap.
MAX_FRAME_SIDE = 1920
# A face whose box is this share of the frame's shorter side counts as fully near the camera
# (about 1 m from a laptop camera); smaller faces lower the attention score.
NEAR_FACE_SHARE = 0.2
# Attention = weighted centring and nearness; the browser widget uses the same formula.
CENTRING_WEIGHT = 0.6
MIN_DETECTION_CONFIDENCE = 0.5

# What HR is warned about (integrity flags are shown, never part of the score).
FLAG_MULTI_FACE_S = 5.0
FLAG_ABSENCE_S = 30.0
FLAG_PRESENCE_BELOW_PCT = 70.0
FLAG_DISAGREEMENT_SHARE = 0.2

# Put there by scripts/install_webcam_assets.py (`make setup`) from the mediapipe 0.10.21 wheel;
# the browser widget is served the same file.
FACE_MODEL_FILE = PROJECT_ROOT / "assets" / "mediapipe" / "face_detection_short_range.tflite"


class WebcamAnalysisDeclined(PermissionError):
    """The candidate declined webcam analysis; nothing of their camera is recorded."""


def _clamp(value: Any, low: float, high: float) -> float:
    """`value` as a number within [low, high]; ValueError (which pydantic reports) otherwise."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"not a number: {str(value)[:40]!r}") from None
    if math.isnan(number):
        raise ValueError("not a number: NaN")
    return min(max(number, low), high)


class WebcamReport(BaseModel):
    """One period of the browser widget's face counts, clamped to what is physically possible."""

    model_config = ConfigDict(extra="ignore")

    # Length of the period the report covers, seconds.
    window_s: float
    # Detections run in the period.
    samples: int
    # Share of samples with exactly one face, 0-100.
    face_present_pct: float
    # Centring and nearness of the face, 0-100; None when no face was seen in the period.
    attention: float | None = None
    max_faces: int = 0
    # Seconds in the period with two faces or more.
    multi_face_s: float = 0.0
    # The longest run without a face, counted from its real start even if that was in an
    # earlier period (so a long absence is not split into short ones).
    longest_absence_s: float = 0.0
    # The real size of the camera's video, never assumed.
    video_width: int = 0
    video_height: int = 0

    @field_validator("window_s", mode="before")
    @classmethod
    def _window(cls, value: Any) -> float:
        return _clamp(value, 0, 600)

    @field_validator("samples", "max_faces", "video_width", "video_height", mode="before")
    @classmethod
    def _count(cls, value: Any) -> int:
        return int(_clamp(value, 0, 100_000))

    @field_validator("face_present_pct", mode="before")
    @classmethod
    def _percent(cls, value: Any) -> float:
        return _clamp(value, 0, 100)

    @field_validator("attention", mode="before")
    @classmethod
    def _attention(cls, value: Any) -> float | None:
        return None if value is None else _clamp(value, 0, 100)

    @field_validator("multi_face_s", "longest_absence_s", mode="before")
    @classmethod
    def _seconds(cls, value: Any) -> float:
        return _clamp(value, 0, 24 * 3600)

    @model_validator(mode="after")
    def _consistent(self) -> WebcamReport:
        # A face count or a video size no camera produces is noise, not a signal.
        self.max_faces = min(self.max_faces, 20)
        self.video_width = min(self.video_width, 8192)
        self.video_height = min(self.video_height, 8192)
        self.multi_face_s = min(self.multi_face_s, self.window_s)
        return self


def attention_score(box: tuple[float, float, float, float], frame_width: int,
                    frame_height: int) -> float:
    """0-100 from how centred and how near the face box (x, y, w, h in pixels) is in the frame."""
    x, y, w, h = box
    centre_x = (x + w / 2) / frame_width
    centre_y = (y + h / 2) / frame_height
    # 0 at the centre, 1 at a corner, in frame-relative units so any aspect ratio works.
    offset = math.hypot((centre_x - 0.5) * 2, (centre_y - 0.5) * 2) / math.sqrt(2)
    centring = 1 - min(offset, 1.0)
    nearness = min(w / min(frame_width, frame_height) / NEAR_FACE_SHARE, 1.0)
    return round(100 * (CENTRING_WEIGHT * centring + (1 - CENTRING_WEIGHT) * nearness), 1)


def _link_accepting_signals(session: Session, link_id: int) -> InterviewLink:
    link = get_link_or_raise(session=session, link_id=link_id, missing=InterviewLinkNotFound)
    if link.webcam_declined:
        raise WebcamAnalysisDeclined(f"Interview link {link_id}: webcam analysis was declined.")
    return link


def _store(session: Session, signal: InterviewSignal) -> InterviewSignal:
    session.add(signal)
    session.commit()
    session.refresh(signal)
    return signal


def record_browser_report(*, session: Session, link_id: int, report: dict) -> InterviewSignal:
    """Store one browser report, clamped; an unreadable one is stored with its reason."""
    _link_accepting_signals(session, link_id)
    try:
        valid = WebcamReport.model_validate(report)
    except ValidationError as error:
        reason = f"unreadable browser report: {_first_error(error)}"
        return _store(session, InterviewSignal(link_id=link_id, source="browser",
                                               detail={"error": reason}))
    return _store(session, InterviewSignal(
        link_id=link_id, source="browser", face_present_pct=valid.face_present_pct,
        attention=valid.attention, max_faces=valid.max_faces,
        longest_absence_s=valid.longest_absence_s, frame_width=valid.video_width,
        frame_height=valid.video_height,
        detail={"window_s": valid.window_s, "samples": valid.samples,
                "multi_face_s": valid.multi_face_s},
    ))


def _first_error(error: Exception) -> str:
    if isinstance(error, ValidationError) and error.errors():
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "report"
        return f"{where}: {first.get('msg', 'invalid')}"
    return str(error) or type(error).__name__


class FrameUnreadable(ValueError):
    """A frame from the browser that is not a small, decodable JPEG."""


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the JPEG's frame header, read before any pixel is decoded."""
    if not data.startswith(b"\xff\xd8"):
        raise FrameUnreadable("not a JPEG")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise FrameUnreadable("damaged JPEG")
        marker = data[position + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            position += 1 if marker == 0xFF else 2
            continue
        length = int.from_bytes(data[position + 2:position + 4], "big")
        # SOF0-SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if position + 9 > len(data):
                break
            height = int.from_bytes(data[position + 5:position + 7], "big")
            width = int.from_bytes(data[position + 7:position + 9], "big")
            return width, height
        position += 2 + length
    raise FrameUnreadable("JPEG without a frame header")


def decode_frame(jpeg_b64: str) -> np.ndarray:
    """An RGB array from the widget's base64 JPEG (a data: URL prefix is accepted)."""
    import cv2  # noqa: PLC0415  (OpenCV loads only in processes that check frames)

    if not isinstance(jpeg_b64, str) or not jpeg_b64:
        raise FrameUnreadable("no frame")
    text = jpeg_b64.partition(",")[2] if jpeg_b64.startswith("data:") else jpeg_b64
    if len(text) > MAX_FRAME_BYTES * 4 // 3 + 4:
        raise FrameUnreadable(f"frame over {MAX_FRAME_BYTES // 1000} KB")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise FrameUnreadable(f"not base64 ({error})") from None
    width, height = _jpeg_size(data)
    if not (0 < width <= MAX_FRAME_SIDE and 0 < height <= MAX_FRAME_SIDE):
        raise FrameUnreadable(f"frame of {width}x{height} px is outside 1-{MAX_FRAME_SIDE} px")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise FrameUnreadable("JPEG could not be decoded")
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def face_model_path() -> Path:
    """The short-range face model in assets/mediapipe/, the file the browser widget also loads."""
    if not FACE_MODEL_FILE.is_file():
        raise FileNotFoundError(f"{FACE_MODEL_FILE} is missing: run `make setup`")
    return FACE_MODEL_FILE


class _FaceDetector:
    """One MediaPipe FaceDetector per process, created on first use; calls are serialised
    because the Tasks graph is not documented as safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._detector: Any = None

    def detect(self, rgb: np.ndarray) -> list[tuple[float, float, float, float, float]]:
        """(x, y, w, h, score) of every face in the RGB array."""
        import mediapipe as mp  # noqa: PLC0415  (heavy; only the interview backend needs it)
    
        with self._lock:
            if self._detector is None:
                self._detector = self._create()
            image = mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb))
            result = self._detector.detect(image)
        return [(d.bounding_box.origin_x, d.bounding_box.origin_y, d.bounding_box.width,
                 d.bounding_box.height, d.categories[0].score if d.categories else 0.0)
                for d in result.detections]

    @staticmethod
    def _create() -> Any:
        from mediapipe.tasks.python import BaseOptions, vision  # noqa: PLC0415

        options = vision.FaceDetectorOptions(
            base_options=BaseOptions(model_asset_path=str(face_model_path())),
            min_detection_confidence=MIN_DETECTION_CONFIDENCE)
        return vision.FaceDetector.create_from_options(options)


FACE_DETECTOR = _FaceDetector()


def _recent_server_check(session: Session, link_id: int) -> InterviewSignal | None:
    """The last server check if it is younger than half the configured period.

    The browser decides when frames come; this bounds the CPU one page can claim, whatever
    it sends.
    """
    min_gap_s = get_settings().webcam_frame_check_seconds / 2
    if min_gap_s <= 0:
        return None
    last = session.exec(select(InterviewSignal)
                        .where(InterviewSignal.link_id == link_id,
                               InterviewSignal.source == "server")
                        .order_by(InterviewSignal.recorded_at.desc(), InterviewSignal.id.desc())
                        ).first()
    if last is not None and (utcnow() - last.recorded_at).total_seconds() < min_gap_s:
        return last
    return None


def check_frame(*, session: Session, link_id: int, jpeg_b64: str,
                browser_faces: int | None = None) -> InterviewSignal:
    """Count the faces in one browser frame on the server and store the result.

    `browser_faces` is what the widget counted on the same frame; storing both lets the summary
    say how often the two agree. A frame that cannot be read is stored with its reason. A frame
    that comes sooner than half of `webcam_frame_check_seconds` after the last check is not
    checked: the last check is returned instead.
    """
    _link_accepting_signals(session, link_id)
    if (recent := _recent_server_check(session, link_id)) is not None:
        return recent
    detail: dict[str, Any] = {}
    if browser_faces is not None:
        try:
            detail["browser_faces"] = int(_clamp(browser_faces, 0, 20))
        except ValueError:
            pass  # a garbled count only loses the comparison, not the check
    try:
        rgb = decode_frame(jpeg_b64)
        faces = FACE_DETECTOR.detect(rgb)
    except FrameUnreadable as error:
        detail["error"] = str(error)
        return _store(session, InterviewSignal(link_id=link_id, source="server", detail=detail))
    except Exception as error:  # noqa: BLE001  (a broken model must not end the interview)
        detail["error"] = f"face check failed: {type(error).__name__}: {error}"
        return _store(session, InterviewSignal(link_id=link_id, source="server", detail=detail))
    height, width = rgb.shape[:2]
    largest = max(faces, key=lambda face: face[2] * face[3], default=None)
    detail["faces"] = len(faces)
    detail["boxes"] = [[round(v, 3) if i == 4 else int(v) for i, v in enumerate(face)]
                       for face in faces]
    return _store(session, InterviewSignal(
        link_id=link_id, source="server", face_present_pct=100.0 if len(faces) == 1 else 0.0,
        attention=attention_score(largest[:4], width, height) if largest else None,
        max_faces=len(faces), frame_width=width, frame_height=height, detail=detail,
    ))


def summarize_signals(*, session: Session, link_id: int) -> dict:
    """Browser reports and server checks of one interview, aggregated for the recruiter."""
    link = get_link_or_raise(session=session, link_id=link_id, missing=InterviewLinkNotFound)
    rows = session.exec(select(InterviewSignal).where(InterviewSignal.link_id == link_id)
                        .order_by(InterviewSignal.recorded_at, InterviewSignal.id)).all()
    browser = [r for r in rows if r.source == "browser" and "error" not in r.detail]
    server = [r for r in rows if r.source == "server" and "error" not in r.detail]
    compared = [r for r in server if "browser_faces" in r.detail]
    observed_s = sum(float(r.detail.get("window_s", 0)) for r in browser)
    last = browser[-1] if browser else None
    return {
        "declined": link.webcam_declined,
        "reports": len(browser),
        "observed_s": round(observed_s, 1),
        "face_present_pct": _weighted(browser, "face_present_pct"),
        "attention": _weighted(browser, "attention"),
        "max_faces": max((r.max_faces for r in browser), default=0),
        "multi_face_s": round(sum(float(r.detail.get("multi_face_s", 0)) for r in browser), 1),
        "longest_absence_s": round(max((r.longest_absence_s for r in browser), default=0.0), 1),
        "video_width": last.frame_width if last else 0,
        "video_height": last.frame_height if last else 0,
        "unreadable_reports": sum(1 for r in rows if r.source == "browser" and "error" in r.detail),
        "server_checks": len(server),
        "server_one_face": sum(1 for r in server if r.detail.get("faces") == 1),
        "server_max_faces": max((r.max_faces for r in server), default=0),
        "server_compared": len(compared),
        "server_agreed": sum(1 for r in compared
                             if r.detail.get("faces") == r.detail["browser_faces"]),
        "server_unreadable": sum(1 for r in rows if r.source == "server" and "error" in r.detail),
    }


def _weighted(rows: list[InterviewSignal], field: str) -> float | None:
    """Mean of `field` over reports, each weighted by the seconds it covers."""
    pairs = [(getattr(r, field), float(r.detail.get("window_s", 0))) for r in rows
             if getattr(r, field) is not None]
    total = sum(weight for _, weight in pairs)
    if not total:
        return None
    return round(sum(value * weight for value, weight in pairs) / total, 1)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 120:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


# What links completed before declining stopped being a warning carry in `integrity_flags`.
DECLINED_FLAG_BEFORE = "Webcam analysis declined by the candidate"


def integrity_flags(summary: dict) -> list[str]:
    """Readable warnings for HR from a summary of `summarize_signals`."""
    if summary.get("declined"):
        # Declining is the candidate's right, not a warning sign: the webcam summary says it
        # in neutral words instead.
        return []
    flags: list[str] = []
    if not summary.get("reports") and not summary.get("server_checks"):
        flags.append("No webcam signals were received")
    multi_face_s = summary.get("multi_face_s", 0)
    if multi_face_s >= FLAG_MULTI_FACE_S:
        second = "A second face was" if summary.get("max_faces", 0) <= 2 else (
            f"Up to {summary['max_faces']} faces were")
        flags.append(f"{second} visible for {_duration(multi_face_s)}")
    if summary.get("longest_absence_s", 0) >= FLAG_ABSENCE_S:
        flags.append(f"No face for {_duration(summary['longest_absence_s'])} at once")
    present = summary.get("face_present_pct")
    if present is not None and present < FLAG_PRESENCE_BELOW_PCT:
        flags.append(f"One face was visible only {round(present)}% of the time")
    compared = summary.get("server_compared", 0)
    disagreed = compared - summary.get("server_agreed", 0)
    if compared and disagreed / compared >= FLAG_DISAGREEMENT_SHARE:
        flags.append(f"Server frame checks disagreed with the browser in {disagreed} of "
                     f"{compared} frames")
    if summary.get("server_max_faces", 0) >= 2 and summary.get("max_faces", 0) < 2:
        flags.append("The server saw a second face the browser did not report")
    unreadable = summary.get("unreadable_reports", 0) + summary.get("server_unreadable", 0)
    if unreadable:
        flags.append(f"{unreadable} webcam reports or frames could not be read")
    return flags


def refresh_link_summary(*, session: Session, link_id: int) -> InterviewLink:
    """Store the current summary and flags on the link, where the recruiter pages read them."""
    link = get_link_or_raise(session=session, link_id=link_id, missing=InterviewLinkNotFound)
    link.face_summary = summarize_signals(session=session, link_id=link_id)
    link.integrity_flags = integrity_flags(link.face_summary)
    session.add(link)
    session.commit()
    return link
