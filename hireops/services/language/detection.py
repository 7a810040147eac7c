"""Which of our languages a candidate writes in, read offline with py3langid.

The candidate's own words (the mail body, the form's note) say more than a resume, which is
often written in English whatever the candidate speaks; so texts are tried in the order given
and the first one long and clear enough decides. A short, unclear or unsupported text never
guesses: the answer falls back to English.
"""

from __future__ import annotations

from functools import lru_cache

from hireops.services.language.supported import (
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
    """The model (about 2 s to load), once per process, on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
