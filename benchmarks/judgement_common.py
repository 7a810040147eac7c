"""What the sections of benchmarks/judgement.py share: the fixed "today" and the TF-IDF
baseline every section compares the product with."""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

# Resumes say "2019 - present": scoring them on a fixed day keeps the figures reproducible.
TODAY = date(2026, 11, 21)

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*")


def _tokens(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text.lower()) if len(w.strip(".")) > 1]


class TfIdf:
    """A plain TF-IDF cosine (sublinear tf, smoothed idf) fitted on one pool's resumes."""

    def __init__(self, documents: list[str]) -> None:
        self.df = Counter(t for doc in documents for t in set(_tokens(doc)))
        self.n = len(documents)
        self.vectors = [self.vector(doc) for doc in documents]

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(_tokens(text))
        vec = {t: (1 + math.log(c)) * (math.log((1 + self.n) / (1 + self.df.get(t, 0))) + 1)
               for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def scores(self, query: str) -> list[float]:
        q = self.vector(query)
        return [sum(w * doc.get(t, 0.0) for t, w in q.items()) for doc in self.vectors]
