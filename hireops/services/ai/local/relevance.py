"""Lexical relevance of a resume to a whole job: BM25 over the job's title, skills, duties and
description.

Which words matter is learnt from the knowledge package, not from the resumes being ranked: a
word's inverse document frequency is counted over every role of the catalogue and every O*NET
occupation, so "kitchen" or "litigation" (few roles) weigh far more than "team" or "work"
(nearly all). That keeps a resume's score independent of who else applied.

The job is read as a weighted query: title words count `TITLE_WEIGHT` times, must-have words
`MUST_WEIGHT`, nice-to-have words `NICE_WEIGHT`, and words of the duties, qualifications and
description `TEXT_WEIGHT` each time they occur, up to `MAX_TEXT_REPEATS`. The resume side is
BM25's saturated term frequency, so repeating a word helps less and less (keyword stuffing buys
little). The result is the share of the query's weight the resume covers, 0 to 1.

Tokens are lower-case runs of letters and digits with light suffix stripping ("developer",
"development" and "developing" meet at "develop"); the pattern is linear.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from hireops.knowledge import roles as catalog
from hireops.knowledge.occupations import OCCUPATIONS
from hireops.services.ai.schemas import JobInput

TITLE_WEIGHT = 3.0
MUST_WEIGHT = 2.0
NICE_WEIGHT = 1.0
TEXT_WEIGHT = 0.5
MAX_TEXT_REPEATS = 2
K1, B, AVERAGE_RESUME_TOKENS = 1.2, 0.5, 400  # BM25's saturation and length normalisation
MIN_TOKEN_LENGTH = 2
QUERY_CACHE_SIZE = 64
RESUME_CACHE_SIZE = 256

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")
# Longest first; a suffix is stripped only when at least three letters remain.
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ies", "ied", "ed",
             "es", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: "developers" -> "develop", "testing" -> "test", "studies" -> "study"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ies", "ied"):
                return word[:-3] + "y"
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed lower-case word tokens of a text."""
    return [stem(t) for t in _TOKEN.findall(text.casefold()) if len(t) >= MIN_TOKEN_LENGTH]


def _role_documents() -> list[str]:
    documents = [" ".join([role.name, role.summary, *role.must_have, *role.nice_to_have,
                           *role.responsibilities, *role.aliases])
                 for role in catalog.ROLES.values()]
    documents += [f"{o.title} {o.description}" for o in OCCUPATIONS.values()]
    return documents


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """Inverse document frequency of every word of the knowledge package, and the value for a
    word none of it uses (the rarest possible)."""
    documents = _role_documents()
    frequency = Counter(word for document in documents for word in set(tokens(document)))
    count = len(documents)
    idf = {word: math.log(1 + (count - df + 0.5) / (df + 0.5)) for word, df in frequency.items()}
    return idf, math.log(1 + (count + 0.5) / 0.5)


@dataclass(frozen=True)
class _Query:
    weights: tuple[tuple[str, float], ...]  # (stemmed word, weight x idf)
    total: float  # the sum of the weights: what a resume covering everything would score


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def _query(title: str, must: tuple[str, ...], nice: tuple[str, ...], text: str) -> _Query:
    idf, rarest = _idf()
    weight: Counter[str] = Counter()
    for word in set(tokens(title)):
        weight[word] += TITLE_WEIGHT
    for word in set(tokens(" ".join(must))):
        weight[word] += MUST_WEIGHT
    for word in set(tokens(" ".join(nice))):
        weight[word] += NICE_WEIGHT
    for word, count in Counter(tokens(text)).items():
        weight[word] += TEXT_WEIGHT * min(count, MAX_TEXT_REPEATS)
    weights = tuple(sorted(((w, v * idf.get(w, rarest)) for w, v in weight.items()),
                           key=lambda pair: (-pair[1], pair[0])))
    return _Query(weights, sum(v for _, v in weights) or 1.0)


def job_query(job: JobInput) -> _Query:
    """The job read as a weighted query (cached per job)."""
    text = "\n".join([*job.responsibilities, *job.qualifications, job.description])
    return _query(job.title, tuple(job.must_have_skills), tuple(job.nice_to_have_skills), text)


@lru_cache(maxsize=RESUME_CACHE_SIZE)
def _resume_terms(resume_text: str) -> tuple[dict[str, int], int]:
    words = tokens(resume_text)
    return dict(Counter(words)), len(words)


def lexical_relevance(job: JobInput, resume_text: str) -> float:
    """The share of the job's weighted words the resume covers, BM25-saturated: 0 to 1."""
    query = job_query(job)
    counts, length = _resume_terms(resume_text)
    if not length:
        return 0.0
    norm = K1 * (1 - B + B * length / AVERAGE_RESUME_TOKENS)
    covered = 0.0
    for word, weight in query.weights:
        tf = counts.get(word)
        if tf:
            covered += weight * tf / (tf + norm)
    return covered / query.total
