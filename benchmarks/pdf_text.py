"""PDF text on real resumes: the reader as shipped (PDFium) against pypdf alone (the fallback),
file by file, through `extract_text` with the same limits and clean-up.

    .venv/bin/python benchmarks/pdf_text.py benchmarks/data/resumes

(ingest.py's docstring says how to get the resumes.) Prints the seconds each reader took, the
word recall against pypdf's text (distinct words of pypdf's text also in PDFium's; median and
worst), the words each file lost (pypdf words found nowhere in PDFium's text, not even inside a
word pypdf had split or glued), and every file whose status or failure reason differs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hireops.services.candidates.resume_text import ExtractionLimits, extract_text  # noqa: E402
from hireops.services.candidates.resume_text import pdf as pdf_module  # noqa: E402
from hireops.services.candidates.resume_text.pdfium_text import PdfiumFailed  # noqa: E402

WORD = re.compile(r"\w+")
LIMITS = ExtractionLimits(max_seconds=0)  # inline: the clock measures the reader alone


def without_pdfium(payload, limits):
    raise PdfiumFailed("benchmark: pypdf alone")


def read(payload: bytes, *, pdfium: bool):
    real = pdf_module.read_pages_with_pdfium
    if not pdfium:
        pdf_module.read_pages_with_pdfium = without_pdfium
    try:
        started = time.perf_counter()
        result = extract_text("cv.pdf", "application/pdf", payload, LIMITS)
        return result, time.perf_counter() - started
    finally:
        pdf_module.read_pages_with_pdfium = real


def compare(pypdf_text: str, pdfium_text: str) -> tuple[float, list[str]]:
    """(distinct-word recall of pypdf's words, the words PDFium's text holds nowhere)."""
    pypdf_words = {word.lower() for word in WORD.findall(pypdf_text)}
    pdfium_words = {word.lower() for word in WORD.findall(pdfium_text)}
    if not pypdf_words:
        return 1.0, []
    recall = len(pypdf_words & pdfium_words) / len(pypdf_words)
    compact = "".join(pdfium_text.lower().split())
    lost = sorted(word for word in pypdf_words - pdfium_words
                  if word not in compact and not made_of(word, pdfium_words))
    return recall, lost


def made_of(glued: str, words: set[str]) -> bool:
    """Whether `glued` is PDFium words run together (pypdf glues a heading to its shadow copy:
    "objectivecareer" from "Career Objective" printed twice)."""
    reachable = [True] + [False] * len(glued)
    for end in range(1, len(glued) + 1):
        reachable[end] = any(reachable[start] and glued[start:end] in words
                             for start in range(max(0, end - 40), end))
    return reachable[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.pdf"), key=lambda path: (len(path.name), path.name))
    if not files:
        sys.exit(f"no PDF files under {args.folder}")
    seconds = {"pdfium": 0.0, "pypdf": 0.0}
    recalls: list[tuple[float, str]] = []
    losses: list[tuple[int, str, list[str]]] = []
    statuses: dict[str, int] = {}
    for path in files:
        payload = path.read_bytes()
        new, seconds_new = read(payload, pdfium=True)
        old, seconds_old = read(payload, pdfium=False)
        seconds["pdfium"] += seconds_new
        seconds["pypdf"] += seconds_old
        statuses[f"{new.status}: {new.reason}"[:90]] = statuses.get(
            f"{new.status}: {new.reason}"[:90], 0) + 1
        if (new.status, new.reason) != (old.status, old.reason):
            print(f"differs {path.name}: pdfium {new.status} {new.reason!r}; "
                  f"pypdf {old.status} {old.reason!r}")
        if old.status == "ok":
            recall, lost = compare(old.text, new.text)
            recalls.append((recall, path.name))
            losses.append((len(lost), path.name, lost))
    print(f"pdf_files={len(files)}")
    for outcome, count in sorted(statuses.items(), key=lambda item: -item[1]):
        print(f"outcome={count} {outcome}")
    print(f"pypdf_seconds={seconds['pypdf']:.2f}")
    print(f"pdfium_seconds={seconds['pdfium']:.2f}")
    print(f"speed_up={seconds['pypdf'] / seconds['pdfium']:.1f}")
    print(f"word_recall_median={statistics.median(r for r, _ in recalls):.4f}")
    print(f"word_recall_min={min(recalls)[0]:.4f} file={min(recalls)[1]}")
    losses.sort(reverse=True)
    print(f"files_losing_words={sum(1 for count, _, _ in losses if count)}")
    for count, name, lost in losses[:5]:
        if count:
            print(f"lost_words={count} file={name} words={' '.join(lost[:12])}")


if __name__ == "__main__":
    main()
