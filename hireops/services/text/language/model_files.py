"""py3langid's model unpacked once on disk, so a process maps it instead of holding it.

The wheel ships the model as an xz-compressed npz (4.6 MB): read the usual way, its arrays
(68 MB) sit in the memory of every process that detects a language, though one text reads a
few hundred of their entries. Unpacked once under `data_dir` (at setup by `python -m hireops
migrate`, else on first use) into plain .npy files, the arrays are memory-mapped read-only: a
process holds only the pages its texts touched (with the kernel's 64 KB around each: 37 MB for
one French mail), processes share them, and the kernel can drop them when memory is short.
"""

from __future__ import annotations

import lzma
import os
import shutil
import tempfile
import threading
import zipfile
from importlib import metadata
from pathlib import Path

from hireops.config import get_settings

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# Raise when what the folder holds changes: the new layout is then unpacked anew.
FOLDER_FORMAT = 1
_lock = threading.Lock()


def model_folder() -> Path:
    """Where this py3langid version's unpacked arrays live (unpacked or not)."""
    version = metadata.version("py3langid")
    return get_settings().data_dir / "language" / f"py3langid-{version}-{FOLDER_FORMAT}"


def ensure_model_folder() -> Path:
    """The folder of .npy files, unpacked first when missing (about 1 s, once)."""
    folder = model_folder()
    with _lock:
        if not (folder / "complete").exists():
            unpack_model(folder)
    return folder


def unpack_model(folder: Path) -> None:
    """Unpack the wheel's model into `folder`, whole or not at all: streamed (never all in
    memory) into a folder beside it, which is then renamed into place."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        with tempfile.TemporaryFile(suffix=".npz") as npz:
            with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
                shutil.copyfileobj(packed, npz, length=1 << 20)
            npz.seek(0)
            with zipfile.ZipFile(npz) as members:
                for name in ARRAYS:
                    with members.open(f"{name}.npy") as source, \
                            open(building / f"{name}.npy", "wb") as target:
                        shutil.copyfileobj(source, target, length=1 << 20)
        (building / "complete").touch()
        try:
            os.rename(building, folder)
        except OSError:  # another process put its complete copy there first
            if not (folder / "complete").exists():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
