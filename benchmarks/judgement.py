"""How well the offline engine judges, measured on public labelled data.

    .venv/bin/python benchmarks/judgement.py                  # every section
    .venv/bin/python benchmarks/judgement.py --section ranking

Sections (one function each, `SECTIONS` below; add a new one there):
- ranking: for every job title of a pool, the job is drafted from the title as auto-fill does,
  every resume of the pool is scored with the product's scorer and ranked; a resume is relevant
  when its label is the title's category. Prints NDCG@10 and P@10, averaged over the titles, for
  the product, for a TF-IDF cosine of the same drafted job text (the baseline to beat by 1.25x)
  and for a TF-IDF of the title alone, computed in the same run; then resumes scored per second
  (median over titles, on this one process) and the slowest single resume.
- vacancies (`vacancy_matching.py`): a published resume-vacancy set with two annotators' orders
  of five vacancies per resume; mean Spearman of the product's order and of a TF-IDF cosine's
  against each annotator's, and how often the best vacancy agrees; the same with each
  vacancy's mean score taken out (fit only), and each vacancy's mean place in every order.
  Reported, not a target (the annotators agree with each other at 0.12: see that file).
- transcripts (`transcripts.py`): graded interview transcripts scored by the local evaluator
  with and without the interview plan, printed per set: the tuning set (36 over six roles), a
  held-out set (18 over three other roles), the fresh, unseen, untouched and sealed sets (12,
  18, 12 and 18 over ten more roles, each written before the rule change that followed it)
  and a small French and German set; in every set every role must come out strong > average > weak,
  strong at 75 or more, pasted answers flagged and below genuine ones.
The last line says whether every section met its targets (exit status 0) or not (1).

Pools of the ranking section (benchmarks/data/README.md says where each comes from and under
which terms):
- resume-dataset-a / resume-dataset-b: the Kaggle "Resume Dataset" (UpdatedResumeDataSet.csv,
  25 categories), duplicates removed, split in two halves by a hash of the text. Weights were
  chosen on half A only; B and every other pool are reported, not tuned on.
- resume-classification: ExcelR's resume classification set (React developer, Workday,
  PeopleSoft, SQL developer), text as published (lower-cased, stop words removed).
The CSV files are git-ignored (not ours to redistribute); without them the section says how to
get them and runs on the small fallback pool in benchmarks/data/fallback_pool.json, so the
benchmark always runs. Evaluation data never enters the product package or the demo.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.judgement_common import TODAY, TfIdf  # noqa: E402
from benchmarks.transcripts import transcripts_section  # noqa: E402
from benchmarks.vacancy_matching import vacancy_section  # noqa: E402
from hireops.services.ai.local.job_generator import generate_job_draft  # noqa: E402
from hireops.services.ai.local.resume_scorer import score_resume  # noqa: E402
from hireops.services.ai.schemas import JobInput  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
K = 10
csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Pool:
    """Labelled resumes and the job title a user would type for each label."""

    name: str
    resumes: tuple[tuple[str, str], ...]  # (label, text)
    titles: dict[str, str]  # label -> job title


# --- pools -------------------------------------------------------------------------------------

# Category -> the title a recruiter would type into auto-fill.
RESUME_DATASET_TITLES = {
    "Data Science": "Data Scientist", "HR": "HR Manager", "Advocate": "Lawyer",
    "Arts": "Artist", "Web Designing": "Web Designer", "Mechanical Engineer": "Mechanical Engineer",
    "Sales": "Sales Executive", "Health and fitness": "Fitness Trainer",
    "Civil Engineer": "Civil Engineer", "Java Developer": "Java Developer",
    "Business Analyst": "Business Analyst", "SAP Developer": "SAP Consultant",
    "Automation Testing": "Test Automation Engineer",
    "Electrical Engineering": "Electrical Engineer", "Operations Manager": "Operations Manager",
    "Python Developer": "Python Developer", "DevOps Engineer": "DevOps Engineer",
    "Network Security Engineer": "Network Security Engineer", "PMO": "Project Manager",
    "Database": "Database Administrator", "Hadoop": "Hadoop Developer",
    "ETL Developer": "ETL Developer", "DotNet Developer": ".NET Developer",
    "Blockchain": "Blockchain Developer", "Testing": "Software Tester",
}
RESUME_CLASSIFICATION_TITLES = {
    "React JS Developer Resume": "React Developer", "Workday Resume": "Workday Consultant",
    "PeopleSoft Resume": "PeopleSoft Administrator",
    "SQL Developer Lightning Insight Resume": "SQL Developer",
}
HOW_TO_GET = """\
The public pools are not in the repository. To get them (about 3.4 MB):
  git clone https://github.com/zaid-ali753/Resume-Screening-101
  cp Resume-Screening-101/UpdatedResumeDataSet.csv benchmarks/data/resume_dataset.csv
  git clone https://github.com/Siddhant1803/Resume_-Classification
  cp Resume_-Classification/Resume.csv benchmarks/data/resume_classification.csv"""


def _unique(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for label, text in rows:
        seen.setdefault(re.sub(r"\s+", " ", text).strip(), label)
    return [(label, text) for text, label in seen.items() if text]


def _half(text: str) -> str:
    return "a" if hashlib.sha256(text.encode()).digest()[0] % 2 == 0 else "b"


def load_pools() -> list[Pool]:
    """The public pools found in benchmarks/data/, else the fallback pool."""
    pools = []
    dataset = DATA / "resume_dataset.csv"
    if dataset.exists():
        with dataset.open(encoding="utf-8", errors="replace") as handle:
            rows = _unique([(r["Category"], r["Resume"]) for r in csv.DictReader(handle)])
        for half in "ab":
            pools.append(Pool(f"resume-dataset-{half}",
                              tuple(r for r in rows if _half(r[1]) == half),
                              RESUME_DATASET_TITLES))
    classification = DATA / "resume_classification.csv"
    if classification.exists():
        with classification.open(encoding="utf-8", errors="replace") as handle:
            rows = _unique([(r["Category"], r["Resumes"]) for r in csv.DictReader(handle)])
        pools.append(Pool("resume-classification", tuple(rows), RESUME_CLASSIFICATION_TITLES))
    if not pools:
        print(HOW_TO_GET)
        fallback = json.loads((DATA / "fallback_pool.json").read_text(encoding="utf-8"))
        pools.append(Pool("fallback", tuple((r["label"], r["text"]) for r in fallback["resumes"]),
                          fallback["titles"]))
    return pools


# --- metrics -----------------------------------------------------------------------------------

def ndcg_at_k(relevant: list[bool], total_relevant: int, k: int = K) -> float:
    """Binary-gain NDCG@k of one ranking (`relevant` in ranked order)."""
    dcg = sum(1 / math.log2(i + 2) for i, hit in enumerate(relevant[:k]) if hit)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(total_relevant, k)))
    return dcg / ideal if ideal else 0.0


def precision_at_k(relevant: list[bool], k: int = K) -> float:
    return sum(relevant[:k]) / k


def job_text(job: JobInput) -> str:
    return "\n".join([job.title, job.description, *job.responsibilities, *job.qualifications,
                      *job.must_have_skills, *job.nice_to_have_skills])


# --- the ranking section -----------------------------------------------------------------------

def _rank(scores: list[float], labels: list[str], label: str) -> list[bool]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [labels[i] == label for i in order]


def product_scores(job: JobInput, texts: list[str]) -> tuple[list[float], list[float]]:
    """The product's score for every resume, and the CPU seconds each took.

    CPU time of this one process, which scores on one thread: on a machine shared with other
    work the wall clock would measure the neighbours too."""
    scores, seconds = [], []
    for text in texts:
        start = time.process_time()
        scores.append(score_resume(job, text, today=TODAY).match.score)
        seconds.append(time.process_time() - start)
    return scores, seconds


def warm_up() -> None:
    """Load the semantic model and compile the patterns before any timing, as a running
    server has done long before its first batch."""
    job = JobInput(**generate_job_draft("Software Engineer").model_dump(
        include={"title", "must_have_skills", "nice_to_have_skills", "responsibilities",
                 "qualifications", "description"}))
    score_resume(job, "Jane Doe\nSoftware Engineer, 2020 - present\n- Built APIs in Python.",
                 today=TODAY)


def evaluate_pool(pool: Pool, scorer: Callable = product_scores) -> dict:
    labels = [label for label, _ in pool.resumes]
    texts = [text for _, text in pool.resumes]
    tfidf = TfIdf(texts)
    results: dict[str, list[float]] = {f"{m}_{w}": [] for m in ("ndcg", "p")
                                       for w in ("product", "tfidf", "title")}
    rates, slowest = [], 0.0
    for label, title in pool.titles.items():
        total = labels.count(label)
        if not total:
            continue
        job = JobInput(**generate_job_draft(title).model_dump(
            include={"title", "must_have_skills", "nice_to_have_skills", "responsibilities",
                     "qualifications", "description"}))
        scores, seconds = scorer(job, texts)
        rates.append(len(texts) / sum(seconds))
        slowest = max(slowest, *seconds)
        for which, ranked in (("product", scores), ("tfidf", tfidf.scores(job_text(job))),
                              ("title", tfidf.scores(title))):
            hits = _rank(ranked, labels, label)
            results[f"ndcg_{which}"].append(ndcg_at_k(hits, total))
            results[f"p_{which}"].append(precision_at_k(hits))
    summary = {key: statistics.fmean(values) for key, values in results.items()}
    summary.update(resumes=len(texts), titles=len(results["ndcg_product"]),
                   resumes_per_s=statistics.median(rates), slowest_s=slowest)
    return summary


def ranking_section(_args: argparse.Namespace) -> bool:
    """NDCG@10 and P@10 per pool; True when every target is met."""
    print("== ranking: NDCG@10 / P@10, product vs TF-IDF of the drafted job vs TF-IDF of the "
          "title ==")
    met = True
    warm_up()
    for pool in load_pools():
        s = evaluate_pool(pool)
        ratio = s["ndcg_product"] / s["ndcg_tfidf"] if s["ndcg_tfidf"] else float("inf")
        fast = s["resumes_per_s"] >= 300 and s["slowest_s"] <= 1.0
        ok = ratio >= 1.25 and s["ndcg_product"] >= s["ndcg_title"] and fast
        met &= ok
        print(f"{pool.name}: {s['resumes']} resumes, {s['titles']} titles | NDCG@10 product "
              f"{s['ndcg_product']:.3f} tfidf {s['ndcg_tfidf']:.3f} title {s['ndcg_title']:.3f} "
              f"(x{ratio:.2f}) | P@10 product {s['p_product']:.3f} tfidf {s['p_tfidf']:.3f} "
              f"title {s['p_title']:.3f} | {s['resumes_per_s']:.0f} resumes/s, slowest "
              f"{s['slowest_s'] * 1000:.1f} ms | {'met' if ok else 'NOT met'}")
    return met


SECTIONS: dict[str, Callable[[argparse.Namespace], bool]] = {
    "ranking": ranking_section,
    "vacancies": vacancy_section,
    "transcripts": transcripts_section,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--section", choices=sorted(SECTIONS), action="append",
                        help="run only this section (repeatable); default: all")
    args = parser.parse_args()
    met = True
    for name in args.section or list(SECTIONS):
        met &= SECTIONS[name](args)
    print(f"targets {'met' if met else 'NOT met'}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
