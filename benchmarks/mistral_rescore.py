"""Batch rescoring on the Mistral engine: N scored applications of one job, rescored against the
loopback fake Mistral server answering each request after `--latency` seconds, through the real
SDK. Prints `mistral_rescore_500_seconds=X` (the N in the name is the real count) and the
remote calls made, then rescores again to show the result cache: `mistral_rescore_cached_seconds`
with `mistral_rescore_cached_new_calls=0`.

    .venv/bin/python benchmarks/mistral_rescore.py --n 500

Calls run `--concurrency` at a time (the `ai_max_concurrency` setting). At 0.3 s a request the
floor is N x 0.3 / concurrency: 37.5 s for 500 at the default of 4, so the benchmark uses 8
(18.75 s); raise the setting only as far as the Mistral plan's rate limit allows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.mistral_server import SAMPLE_REPLIES, FakeMistralServer  # noqa: E402

API_KEY = "bench-key"
SKILLS = ["Python", "PostgreSQL", "Docker", "Kubernetes", "Redis", "AWS", "FastAPI", "Kafka",
          "Terraform", "GraphQL", "React", "Go"]


def resume(i: int) -> str:
    """A short resume, different for each applicant (so each one is its own remote call)."""
    skills = [SKILLS[(i + k) % len(SKILLS)] for k in range(2 + i % 5)]
    return (f"Applicant {i}\napplicant{i}@example.com\nBackend engineer, {2 + i % 12} years.\n"
            f"Built services with {', '.join(skills)} for {10 + i} customers.\n"
            f"Led project {i * 7919 % 1000} and mentored {i % 6} engineers.")


def score_reply(body: dict) -> dict:
    """A valid resume score that varies with the request, as a model's would."""
    reply = {**SAMPLE_REPLIES["resume_scorer"]}
    reply["match"] = {**reply["match"], "score": len(body["messages"][-1]["content"]) % 101}
    return reply


def seed(n: int) -> int:
    from hireops.db import session_scope
    from hireops.models import Application, Candidate, Job

    with session_scope() as session:
        job = Job(title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"],
                  nice_to_have_skills=["Kubernetes"], version=2)
        session.add(job)
        session.flush()
        for i in range(n):
            candidate = Candidate(full_name=f"Applicant {i}", email=f"applicant{i}@example.com",
                                  resume_text=resume(i))
            session.add(candidate)
            session.flush()
            session.add(Application(candidate_id=candidate.id, job_id=job.id, resume_score=50,
                                    resume_job_version=1, resume_prompt_version="old"))
        return job.id


def rescore(job_id: int) -> tuple[float, int, int]:
    from hireops.db import session_scope
    from hireops.services.jobs.rescoring import rescore_job

    started = time.perf_counter()
    with session_scope() as session:
        summary = rescore_job(session=session, job_id=job_id)
    return time.perf_counter() - started, summary.rescored, len(summary.failed)


def run(workdir: Path, n: int, latency: float, concurrency: int) -> None:
    with FakeMistralServer(api_key=API_KEY, latency_s=latency) as fake:
        fake.answer_every_request(score_reply)
        os.environ.update(DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}",
                          SECRET_KEY_FILE=str(workdir / "secret"), DATA_DIR=str(workdir / "data"),
                          HIREOPS_ENV_FILE=os.devnull, RESUME_SCORER_ENGINE="mistral",
                          RESUME_SCORER_MODEL="mistral-medium-latest",
                          MISTRAL_SERVER_URL=fake.url, MISTRAL_API_KEY=API_KEY,
                          AI_MAX_CONCURRENCY=str(concurrency))
        from hireops.services.platform.migrations import upgrade_database

        upgrade_database()
        job_id = seed(n)

        seconds, rescored, failed = rescore(job_id)
        calls = len(fake.requests)
        print(f"mistral_rescore_n={n} latency_s={latency} concurrency={concurrency}")
        print(f"mistral_rescore_{n}_seconds={seconds:.2f}")
        print(f"mistral_rescore_calls={calls} rescored={rescored} failed={failed}")
        print(f"mistral_rescore_max_in_flight={fake.max_in_flight}")

        seconds, rescored, failed = rescore(job_id)
        print(f"mistral_rescore_cached_seconds={seconds:.2f}")
        print(f"mistral_rescore_cached_new_calls={len(fake.requests) - calls} "
              f"rescored={rescored} failed={failed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="applications to rescore")
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per request")
    parser.add_argument("--concurrency", type=int, default=8, help="ai_max_concurrency")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="hireops-mistral-bench-"))
    try:
        run(workdir, args.n, args.latency, args.concurrency)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
