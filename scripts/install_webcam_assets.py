"""Put the webcam widget's runtime files into assets/mediapipe/, so the browser needs no CDN.

- The tasks-vision wasm runtime comes from the npm tarball of the pinned version, fetched once
  with `npm pack` into .tools/cache/ and checked against the registry's published integrity.
- The face model comes from the mediapipe 0.10.21 wheel, the last one that ships it: the wheel
  is downloaded with `pip download --no-deps` (never installed, so its numpy<2 pin binds
  nothing), the one file is taken out and checked against its published SHA-256. Browser and
  server-side check read that same file, so both count faces with one model.

Idempotent: files already in place with the same content are left alone. Run with the
project's Python from the project root (`make setup` does).
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "assets" / "mediapipe"
CACHE = ROOT / ".tools" / "cache"

# Keep in step with TASKS_VISION_PACKAGE in hireops/components/webcam.py.
PACKAGE = "@mediapipe/tasks-vision"
VERSION = "0.10.35"
# The registry's `dist.integrity` for that version: a tarball that differs is refused.
INTEGRITY = ("sha512-HOvadwVRE6JC+45nyYhmnywnr5h/J8KZvOeUNVOG9q/0875pZgItznFB9bRTvLc264YSJq"
             "iZ1NsIpCStJw/egg==")
# FilesetResolver picks the SIMD build where the browser has SIMD, the other one elsewhere.
WASM_FILES = ("vision_wasm_internal.js", "vision_wasm_internal.wasm",
              "vision_wasm_nosimd_internal.js", "vision_wasm_nosimd_internal.wasm")
FACE_MODEL = Path("modules") / "face_detection" / "face_detection_short_range.tflite"
MODEL_WHEEL = "mediapipe==0.10.21"
# SHA-256 of face_detection_short_range.tflite in that wheel (Apache-2.0, 229 KB).
MODEL_SHA256 = "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8"


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def tarball() -> Path:
    """The pinned package tarball, from the cache or downloaded into it."""
    cached = CACHE / f"mediapipe-tasks-vision-{VERSION}.tgz"
    if cached.exists() and _integrity(cached) == INTEGRITY:
        return cached
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", scratch,
                        "--silent"], check=True, stdout=subprocess.DEVNULL)
        packed = next(Path(scratch).glob("*.tgz"))
        if _integrity(packed) != INTEGRITY:
            sys.exit(f"{PACKAGE}@{VERSION}: the downloaded tarball does not match {INTEGRITY}")
        # A rename, so a concurrent or interrupted run never leaves half a tarball behind.
        packed.replace(cached)
    return cached


def _write_if_changed(data: bytes, target: Path) -> bool:
    if target.exists() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)
    return True


def install_wasm() -> list[str]:
    """Copy the wasm runtime into assets/mediapipe/wasm/; names of the files changed."""
    changed = []
    with tarfile.open(tarball(), "r:gz") as archive:
        # Members are read by their exact names, never extracted by the archive's own paths.
        for name in WASM_FILES:
            member = archive.extractfile(f"package/wasm/{name}")
            if member is None:
                sys.exit(f"{PACKAGE}@{VERSION} has no wasm/{name}")
            if _write_if_changed(member.read(), TARGET / "wasm" / name):
                changed.append(f"wasm/{name}")
    return changed


def _model_from_wheel() -> bytes:
    """The face model file out of the 0.10.21 wheel, downloaded into a scratch folder."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "--disable-pip-version-check", "-d", scratch,
                        MODEL_WHEEL], check=True)
        wheel = next(Path(scratch).glob("mediapipe-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read(f"mediapipe/{FACE_MODEL.as_posix()}")
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        sys.exit(f"{MODEL_WHEEL}: {FACE_MODEL.name} does not match {MODEL_SHA256}")
    return data


def install_model() -> list[str]:
    """Put the face model into assets/mediapipe/; names of the files changed."""
    target = TARGET / FACE_MODEL.name
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == MODEL_SHA256:
        return []
    _write_if_changed(_model_from_wheel(), target)
    return [FACE_MODEL.name]


def main() -> None:
    if shutil.which("npm") is None and not (CACHE / f"mediapipe-tasks-vision-{VERSION}.tgz").exists():
        sys.exit("npm is needed once to fetch the MediaPipe wasm runtime")
    changed = install_wasm() + install_model()
    print(f"webcam assets in {TARGET.relative_to(ROOT)}: "
          + (", ".join(changed) + " updated" if changed else "up to date"))


if __name__ == "__main__":
    main()
