"""Semantic similarity for the offline engine: WordLlama's static word embeddings.

The model ships inside the `wordllama` wheel (l2_supercat, 256 dimensions, 16 MB of float16
weights, MIT licence) and is read from the installed package: nothing comes from a model hub.
Only its two files are used, not the package's code, which would load requests, pydantic and
a float32 copy of the weights (32 MB) into every process that scores. The weights are mapped
from the file instead (`numpy.memmap`): a process reads the rows its texts use, and processes
scoring side by side share one copy in the page cache. Loaded lazily, once per process, under
a lock so two threads never load it twice. An embedding is the sum of the text's token
vectors, so it costs a tokenizer pass and a sum: well under a millisecond for a job, a few for
a long resume.

Deterministic for a given model version; `MODEL_NAME` is recorded as part of the engine's model.
"""

from __future__ import annotations

import json
import struct
import threading
from dataclasses import dataclass
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path

import numpy as np

CONFIG, DIMENSIONS = "l2_supercat", 256
# l2_supercat is the one configuration the wheel bundles, so version and size name the model.
MODEL_NAME = f"wordllama-{metadata.version('wordllama')}-{DIMENSIONS}"
WEIGHTS_FILE = f"weights/{CONFIG}_{DIMENSIONS}.safetensors"
TOKENIZER_FILE = f"tokenizers/{CONFIG}_tokenizer_config.json"
WEIGHTS_TENSOR = "embedding.weight"
EMBEDDING_CACHE_SIZE = 256  # job texts and recent resumes; a job is embedded once per batch
WORD_CACHE_SIZE = 200_000  # distinct words whose token ids are kept (a few MB)
MAX_EMBED_CHARS = 20_000  # a resume longer than this is embedded on its first 20,000 characters
# Cosine of two words' vectors from which one says the other: another form of the same word
# ("supervised" for supervision 0.66, "designed" for design 0.53, "vet" for veterinary 0.73) or
# a close synonym ("rules" for regulations 0.50); words of one field that are not the same
# thing stay below it ("court" for legal 0.40, "budget" for cost 0.30, "tripping" for fault
# 0.04).
NEAR_WORD = 0.5

_lock = threading.Lock()
_model = None


@dataclass(frozen=True)
class StaticEmbeddings:
    """A tokenizer and its token vectors (one row per token id)."""

    tokenizer: object  # tokenizers.Tokenizer
    embedding: np.ndarray  # (vocabulary, DIMENSIONS) float16, read-only, mapped from the file


def _load() -> StaticEmbeddings:
    """The WordLlama model from the installed wheel (first call only)."""
    global _model
    with _lock:
        if _model is None:
            from tokenizers import Tokenizer  # noqa: PLC0415  (only in processes that score)

            package = _package_folder()
            tokenizer = Tokenizer.from_file(str(package / TOKENIZER_FILE))
            tokenizer.no_truncation()  # as WordLlama itself sets it: a long text stays whole
            _model = StaticEmbeddings(tokenizer, map_safetensors(package / WEIGHTS_FILE,
                                                                 WEIGHTS_TENSOR))
    return _model


def _package_folder() -> Path:
    """The installed `wordllama` package's folder, found without importing the package."""
    spec = util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the wordllama package is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


# safetensors dtypes this reader maps; the file format is an 8-byte little-endian header length,
# a JSON header naming each tensor's dtype, shape and byte range, then the tensors' bytes.
_DTYPES = {"F16": np.float16, "F32": np.float32}
_MAX_HEADER_BYTES = 1024 * 1024


def map_safetensors(path: Path, tensor: str) -> np.ndarray:
    """One tensor of a safetensors file as a read-only memory map; ValueError when the file
    does not hold it as a float matrix."""
    with path.open("rb") as weights:
        (header_bytes,) = struct.unpack("<Q", weights.read(8))
        if header_bytes > _MAX_HEADER_BYTES:
            raise ValueError(f"{path.name}: header of {header_bytes} bytes")
        header = json.loads(weights.read(header_bytes))
    entry = header.get(tensor) or {}
    dtype, shape = _DTYPES.get(entry.get("dtype")), entry.get("shape")
    start, end = entry.get("data_offsets", (0, 0))
    if dtype is None or len(shape or ()) != 2:
        raise ValueError(f"{path.name}: no float matrix named {tensor}")
    if end - start != shape[0] * shape[1] * np.dtype(dtype).itemsize:
        raise ValueError(f"{path.name}: {tensor} has {end - start} bytes for shape {shape}")
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + header_bytes + start,
                     shape=tuple(shape))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_ids(word: str) -> tuple[int, ...]:
    return tuple(_load().tokenizer.encode(word, add_special_tokens=False).ids)


@lru_cache(maxsize=EMBEDDING_CACHE_SIZE)
def embed(text: str) -> np.ndarray:
    """The unit-length embedding of a text (a zero vector for a text with no tokens).

    WordLlama's own `embed` averages the token vectors of the whole text. The tokenizer's
    pre-tokenizer splits on whitespace and marks each word, so a text's ids are its words' ids
    in order: they are looked up per word, from a cache, instead of tokenizing every resume
    anew (ten times faster once common words are cached). The mean's direction is the sum's,
    and only the direction is kept."""
    model = _load()
    ids = [i for word in text[:MAX_EMBED_CHARS].split() for i in _word_ids(word)]
    if not ids:
        vector = np.zeros(model.embedding.shape[1], dtype=np.float32)
    else:
        rows = np.clip(np.asarray(ids, dtype=np.int64), 0, model.embedding.shape[0] - 1)
        # float16 rows widened exactly and added in float32, row after row, as WordLlama's
        # float32 copy of the same rows would be.
        vector = np.asarray(model.embedding[rows]).sum(axis=0, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    vector = vector / norm if norm else vector
    vector.setflags(write=False)  # cached and shared: nobody may change it
    return vector


def similarity(first: str, second: str) -> float:
    """Cosine similarity of two texts, -1 to 1 (0 when either has no tokens)."""
    return float(np.dot(embed(first), embed(second)))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_vector(word: str) -> np.ndarray:
    """One word's unit vector (the sum of its token vectors, as `embed` sums a text's)."""
    model = _load()
    ids = _word_ids(word)
    if not ids:
        return np.zeros(model.embedding.shape[1], dtype=np.float32)
    rows = np.clip(np.asarray(ids, dtype=np.int64), 0, model.embedding.shape[0] - 1)
    vector = np.asarray(model.embedding[rows]).sum(axis=0, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def closest_word_similarity(words: Sequence[str], among: Sequence[str]) -> list[float]:
    """For each of `words`, the cosine of the nearest of `among` (0 when `among` is empty):
    near 1 for the same word in another form ("supervision", "supervised") or a close synonym
    ("regulations", "rules"), near 0 for unrelated words."""
    if not words or not among:
        return [0.0] * len(words)
    others = np.stack([_word_vector(w) for w in dict.fromkeys(among)])
    return [float(np.max(others @ _word_vector(w))) for w in words]
