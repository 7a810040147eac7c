"""Which of our languages a candidate writes in, read offline with py3langid.

The candidate's own words (the mail body, the form's note) say more than a resume, which is
often written in English whatever the candidate speaks; so texts are tried in the order given
and the first one long and clear enough decides. A short, unclear or unsupported text never
guesses: the answer falls back to English.

The model costs a process about 75 MB read in, 20-35 MB of pages mapped from its files while
a text is read, none after (`_classify`). Most texts are plainly English (a mail saying "I am
applying for the role"): a count of English function words says so without loading it. The
bar is set so that the model agrees on every such text of our corpora (about 2,600 resumes,
mails and transcripts: tests/language checks a sample); below it, the model decides.
"""

from __future__ import annotations

import math
import mmap
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from hireops.knowledge.loading import read_json
from hireops.services.text.language.model_files import ensure_model_folder
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
# Plainly English: at least this many of the text's words are English function words, and at
# least this share of them; nearly all its words are written in ASCII letters.
MIN_ENGLISH_WORDS = 4
MIN_ENGLISH_SHARE = 0.15
MAX_NON_ASCII_SHARE = 0.02
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    """The model, once per process, on first use, its arrays mapped from the files
    `model_files` unpacked: one French mail makes about 37 MB of them resident (the kernel maps
    64 KB around each page the walk reads), where reading them into memory cost 75 MB.

    py3langid's own loader copies the DFA into Python arrays and lists beside the NumPy arrays
    it read (a 100 MB peak, 104,000 int objects kept); this one hands the identifier zero-copy
    views of the mapped arrays instead: the same model, the same walk, the same answers
    (tests/language compares them)."""
    from py3langid.langid import LanguageIdentifier

    folder = ensure_model_folder()

    def mapped(name: str) -> np.ndarray:
        return _map_array(folder / f"{name}.npy")

    row_of_state = mapped("nextmove_row")
    identifier = LanguageIdentifier(
        mapped("ptc"), np.array(mapped("pc")), mapped("classes").tolist(),
        _int_view(mapped("nextmove")), _int_view(mapped("out_feat")),
        norm_probs=True, tk_row=np.empty(0, dtype=np.uint32))
    # The DFA walk reads `_rowbase[state] + byte`: each state's row offset, pre-shifted.
    identifier.tk_row = row_of_state
    identifier._rowbase = _int_view(row_of_state.astype(np.uint32) << 8)
    return identifier


# The model files' mappings. Their pages are let go after each text (`_classify`): one text
# touches pages all over the files, and the kernel maps 64 KB around each, so the process held
# 20-35 MB of them for good after a single French mail. Read again, they come from the page
# cache (a millisecond or two a text, for the texts that are not plainly English).
_mappings: list[mmap.mmap] = []


def _map_array(path: Path) -> np.ndarray:
    """A read-only array over the .npy file at `path`, its mapping kept in `_mappings`."""
    with path.open("rb") as file:
        version = np.lib.format.read_magic(file)
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        shape, fortran_order, dtype = read_header(file)
        offset = file.tell()
        mapping = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    _mappings.append(mapping)
    values = np.frombuffer(mapping, dtype=dtype, count=math.prod(shape), offset=offset)
    return values.reshape(shape, order="F" if fortran_order else "C")


def _classify(sample: str) -> tuple[str, float]:
    """The model's language and probability for `sample`; the model's pages let go after."""
    try:
        return _identifier().classify(sample)
    finally:
        for mapping in list(_mappings):
            mapping.madvise(mmap.MADV_DONTNEED)


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
    if plainly_english(sample):
        return "en"
    language, probability = _classify(sample)
    return language if probability >= MIN_PROBABILITY else None


def plainly_english(text: str) -> bool:
    """Whether English function words are frequent enough in `text` to call it English."""
    words = _WORD.findall(text.lower())
    if not words or sum(not word.isascii() for word in words) > MAX_NON_ASCII_SHARE * len(words):
        return False
    english = _english_function_words()
    found = sum(word in english for word in words)
    return found >= MIN_ENGLISH_WORDS and found >= MIN_ENGLISH_SHARE * len(words)


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return frozenset(read_json("english_function_words.json")["words"])
