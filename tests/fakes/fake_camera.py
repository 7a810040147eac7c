"""A fake webcam for Chromium: Y4M video made from a real face photo.

Chromium's `--use-file-for-fake-video-capture=FILE.y4m` plays the file in a loop as the camera.
The face is Grace Hopper's public-domain portrait that ships with matplotlib. The default size
is 1280x720 so tests prove the widget reads the real video size instead of assuming 640x480.
"""

from __future__ import annotations

import base64
from pathlib import Path

import cv2
import matplotlib
import numpy as np

HOPPER_JPG = Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg"
# A light grey wall, like a room behind the candidate.
BACKGROUND_BGR = (200, 204, 208)


def hopper_bgr() -> np.ndarray:
    """The Grace Hopper photo (512x600) as a BGR array."""
    image = cv2.imread(str(HOPPER_JPG), cv2.IMREAD_COLOR)
    if image is None:
        raise FileNotFoundError(HOPPER_JPG)
    return image


def scene(width: int = 1280, height: int = 720, faces: int = 1) -> np.ndarray:
    """A BGR frame with `faces` copies of the portrait side by side (0: an empty room)."""
    frame = np.empty((height, width, 3), dtype=np.uint8)
    frame[:] = BACKGROUND_BGR
    if faces <= 0:
        return frame
    portrait = hopper_bgr()
    slot_width = width // faces
    scale = min(height / portrait.shape[0], slot_width / portrait.shape[1])
    size = (int(portrait.shape[1] * scale), int(portrait.shape[0] * scale))
    resized = cv2.resize(portrait, size, interpolation=cv2.INTER_AREA)
    top = (height - size[1]) // 2
    for slot in range(faces):
        left = slot * slot_width + (slot_width - size[0]) // 2
        frame[top:top + size[1], left:left + size[0]] = resized
    return frame


def write_y4m(path: Path, frame_bgr: np.ndarray, *, fps: int = 15, seconds: float = 2.0) -> Path:
    """Write a still frame as a YUV 4:2:0 Y4M clip that Chromium accepts as a camera."""
    height, width = frame_bgr.shape[:2]
    if width % 2 or height % 2:
        raise ValueError("4:2:0 needs an even width and height")
    planes = cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2YUV_I420).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(max(1, round(fps * seconds))):
            out.write(b"FRAME\n")
            out.write(planes)
    return path


def face_y4m(directory: Path, *, faces: int = 1, width: int = 1280, height: int = 720,
             fps: int = 15, seconds: float = 2.0) -> Path:
    """A Y4M camera clip of `faces` portraits (0: nobody) in `directory`."""
    path = directory / f"camera-{faces}face-{width}x{height}.y4m"
    return write_y4m(path, scene(width, height, faces), fps=fps, seconds=seconds)


def jpeg_b64(frame_bgr: np.ndarray, *, max_width: int = 320, quality: int = 80) -> str:
    """The frame as the widget sends it: downscaled to `max_width`, JPEG, base64."""
    height, width = frame_bgr.shape[:2]
    if width > max_width:
        frame_bgr = cv2.resize(frame_bgr, (max_width, round(height * max_width / width)),
                               interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", frame_bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return base64.b64encode(encoded.tobytes()).decode()
