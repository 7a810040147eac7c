"""Which of our languages a candidate writes in, read offline with py3langid.

The candidate's own words (the mail body, the form's note) say more than a resume, which is
often written in English whatever the candidate speaks; so texts are tried in the order given
and the first one long and clear enough decides. A short, unclear or unsupported text never
guesses: the answer falls back to English.
"""

from __future__ import annotations

import lzma
import shutil
import tempfile
from functools import lru_cache

import numpy as np

from hireops.services.text.language.supported import (
    DEFAULT_LANGUAGE,
    Language,
    supported_language,
)

# Fewer letters than this ("Hello", "CV attached") identify nothing reliably.
MIN_LETTERS = 40
# Below this probability the text is mixed or unclear: try the next text, then English.
MIN_PROBABILITY = 0.80
# The model reads byte n-grams in linear time; the first pages decide as well as a whole book.
MAX_CHARS = 6_000


@lru_cache(maxsize=1)
def _identifier():
    """The model, once per process, on first use (about 0.5 s, 75 MB).

    py3langid's own loader copies the DFA into Python arrays and lists beside the NumPy arrays
    it read (a 100 MB peak, 104,000 int objects kept); this one reads the same file and hands
    the identifier zero-copy views of the NumPy arrays instead: the same model, the same walk,
    the same answers (tests/language compares them), about 40 MB less at the peak."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    # Streamed to a temporary file, as py3langid does, so the 50 MB npz is never all resident.
    with tempfile.TemporaryFile(suffix=".npz") as unpacked:
        with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        with np.load(unpacked, allow_pickle=False) as model:
            row_of_state = model["nextmove_row"]
            identifier = LanguageIdentifier(
                model["ptc"], model["pc"], model["classes"].tolist(),
                _int_view(model["nextmove"]), _int_view(model["out_feat"]),
                norm_probs=True, tk_row=np.empty(0, dtype=np.uint32))
    # The DFA walk reads `_rowbase[state] + byte`: each state's row offset, pre-shifted.
    identifier.tk_row = row_of_state
    identifier._rowbase = _int_view(row_of_state.astype(np.uint32) << 8)
    return identifier


def _int_view(values: np.ndarray) -> memoryview:
    """A flat view whose items index as Python ints (as fast as array.array, no copy)."""
    return memoryview(np.ascontiguousarray(values)).cast("B").cast(values.dtype.char)


def detect_language(*texts: str) -> Language:
    """The first clear language among `texts` if we speak it; English otherwise."""
    for text in texts:
        found = _clear_language(text or "")
        if found is not None:
            # A clear Italian or Dutch text is not a reason to read the resume instead.
            return supported_language(found)
    return DEFAULT_LANGUAGE


def _clear_language(text: str) -> str | None:
    """The language `text` is clearly written in (any the model knows), or None."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else None
