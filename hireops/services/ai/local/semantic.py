"""Semantic similarity for the offline engine: WordLlama's static word embeddings.

The model ships inside the `wordllama` wheel (l2_supercat, 256 dimensions, 16 MB of weights,
MIT licence) and is loaded from the installed package with downloads disabled: nothing comes
from a model hub. It is loaded lazily, once per process, and guarded by a lock so two threads
never load it twice. An embedding is the average of the text's token vectors, so it costs a
tokenizer pass and a sum: well under a millisecond for a job, a few for a long resume.

Deterministic for a given model version; `MODEL_NAME` is recorded as part of the engine's model.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

CONFIG, DIMENSIONS = "l2_supercat", 256
# l2_supercat is the one configuration the wheel bundles, so version and size name the model.
MODEL_NAME = f"wordllama-{metadata.version('wordllama')}-{DIMENSIONS}"
EMBEDDING_CACHE_SIZE = 256  # job texts and recent resumes; a job is embedded once per batch
WORD_CACHE_SIZE = 200_000  # distinct words whose token ids are kept (a few MB)
MAX_EMBED_CHARS = 20_000  # a resume longer than this is embedded on its first 20,000 characters

_lock = threading.Lock()
_model = None


def _load():
    """The WordLlama model from the installed wheel (first call only)."""
    global _model
    with _lock:
        if _model is None:
            import wordllama  # noqa: PLC0415  (loads tokenizers and weights: only when needed)
            from wordllama import WordLlama  # noqa: PLC0415

            # wordllama 0.4.0 looks for bundled weights in the wrong folder unless told where
            # the package is; disable_download makes a missing file an error, never a fetch.
            _model = WordLlama.load(config=CONFIG, dim=DIMENSIONS,
                                    cache_dir=Path(wordllama.__file__).resolve().parent,
                                    disable_download=True)
    return _model


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
        vector = model.embedding[rows].sum(axis=0, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    vector = vector / norm if norm else vector
    vector.setflags(write=False)  # cached and shared: nobody may change it
    return vector


def similarity(first: str, second: str) -> float:
    """Cosine similarity of two texts, -1 to 1 (0 when either has no tokens)."""
    return float(np.dot(embed(first), embed(second)))
