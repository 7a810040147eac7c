"""The scorer's WordLlama model is read from the wheel's files, not loaded through the package:
the float16 weights are mapped from the file (shared by every process that scores, never
copied to float32), and every embedding equals the one WordLlama's own loader gives."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from hireops.services.ai.local import semantic

TEXTS = [
    "Senior Backend Engineer",
    "Backend Developer, Paystream: payment APIs in Python and Django on PostgreSQL; p95 900 -> 40 ms",
    "Head Chef, Trattoria Roma. Run a kitchen of 9 cooks; HACCP records; pastry",
    "Ingénieure données, Zürich — 中文 简历 🙂 naïve café",
    "x",
]


def test_the_weights_are_mapped_from_the_wheels_file_as_float16():
    weights = semantic._load().embedding
    assert isinstance(weights, np.memmap)
    assert weights.dtype == np.float16 and weights.shape == (32000, semantic.DIMENSIONS)
    assert not weights.flags.writeable
    assert Path(weights.filename).name == f"{semantic.CONFIG}_{semantic.DIMENSIONS}.safetensors"


def test_embeddings_equal_wordllamas_own_loader_bit_for_bit():
    from wordllama import WordLlama

    reference = WordLlama.load(config=semantic.CONFIG, dim=semantic.DIMENSIONS,
                               cache_dir=semantic._package_folder(), disable_download=True)
    semantic.embed.cache_clear()
    for text in TEXTS:
        ids = reference.tokenizer.encode(text, add_special_tokens=False).ids
        expected = reference.embedding[np.asarray(ids)].sum(axis=0, dtype=np.float32)
        expected = expected / np.linalg.norm(expected)
        assert np.array_equal(semantic.embed(text), expected), text


def test_scoring_does_not_load_the_wordllama_package():
    """Its import alone brings requests, pydantic and logging set-up into every scoring
    process; only its two data files are needed."""
    code = ("from hireops.services.ai.local import semantic; semantic.similarity('a b', 'b c'); "
            "import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('wordllama', 'requests', 'safetensors')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.strip() == "[]"


def _safetensors(path: Path, header: dict, data: bytes) -> Path:
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data)
    return path


def test_a_weights_file_that_is_not_what_it_says_is_refused(tmp_path):
    good = {"w": {"dtype": "F16", "shape": [2, 3], "data_offsets": [0, 12]}}
    mapped = semantic.map_safetensors(_safetensors(tmp_path / "ok", good, bytes(12)), "w")
    assert mapped.shape == (2, 3) and mapped.dtype == np.float16

    short = {"w": {"dtype": "F16", "shape": [2, 3], "data_offsets": [0, 10]}}
    ints = {"w": {"dtype": "I64", "shape": [2, 3], "data_offsets": [0, 48]}}
    for name, header in (("short", short), ("ints", ints), ("other", good)):
        with pytest.raises(ValueError):
            semantic.map_safetensors(_safetensors(tmp_path / name, header, bytes(48)),
                                     "missing" if name == "other" else "w")
    huge = tmp_path / "huge"
    huge.write_bytes(struct.pack("<Q", 1 << 40))
    with pytest.raises(ValueError):
        semantic.map_safetensors(huge, "w")
