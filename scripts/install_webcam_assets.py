"""Put the webcam widget's runtime files into assets/mediapipe/, so the browser needs no CDN.

- The tasks-vision wasm runtime comes from the npm tarball of the pinned version, fetched once
  with `npm pack` into .tools/cache/ and checked against the registry's published integrity.
- The face model comes from the installed mediapipe wheel, the same file the server-side
  check uses, so browser and server count faces with one model.

Idempotent: files already in place with the same content are left alone. Run with the
project's Python from the project root (`make setup` does).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import shutil
import subprocess
import sys
import tarfile
import tempfile
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


def install_model() -> list[str]:
    """Copy the face model from the installed mediapipe wheel; names of the files changed."""
    spec = importlib.util.find_spec("mediapipe")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("mediapipe is not installed: run `make setup` (requirements.txt pins it)")
    source = Path(next(iter(spec.submodule_search_locations))) / FACE_MODEL
    if not source.is_file():
        sys.exit(f"{source} is missing: mediapipe==0.10.21 is the last wheel with the model")
    return [FACE_MODEL.name] if _write_if_changed(source.read_bytes(),
                                                  TARGET / FACE_MODEL.name) else []


def main() -> None:
    if shutil.which("npm") is None and not (CACHE / f"mediapipe-tasks-vision-{VERSION}.tgz").exists():
        sys.exit("npm is needed once to fetch the MediaPipe wasm runtime")
    changed = install_wasm() + install_model()
    print(f"webcam assets in {TARGET.relative_to(ROOT)}: "
          + (", ".join(changed) + " updated" if changed else "up to date"))


if __name__ == "__main__":
    main()
