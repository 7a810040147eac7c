"""The command line as a real subprocess: `python -m hireops migrate | create-user | seed-demo`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from hireops.config import PROJECT_ROOT

PASSWORD = "a-long-enough-password"


def _env(tmp_path: Path, database: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("MISTRAL_", "HIREOPS_", "DEMO_", "DATABASE_"))}
    env.update(DATABASE_URL=f"sqlite:///{database}", SECRET_KEY_FILE=str(tmp_path / "secret"),
               INBOX_MAILDIR=str(tmp_path / "maildir"), HIREOPS_ENV_FILE=os.devnull, **extra)
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hireops", *args], cwd=PROJECT_ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def migrated_by_cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created by `python -m hireops migrate` (once; tests use copies)."""
    tmp = tmp_path_factory.mktemp("cli")
    database = tmp / "cli.db"
    result = _run(_env(tmp, database), "migrate")
    assert result.returncode == 0, result.stderr
    assert "database is up to date" in result.stdout
    return database


@pytest.fixture
def database(tmp_path: Path, migrated_by_cli: Path) -> Path:
    path = tmp_path / "hireops.db"
    shutil.copy(migrated_by_cli, path)
    return path


def _query(database: Path, sql: str) -> list[tuple]:
    engine = sa.create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sa.text(sql))]
    finally:
        engine.dispose()


def test_migrate_creates_the_schema(migrated_by_cli):
    tables = {name for (name,) in _query(migrated_by_cli,
                                         "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"users", "jobs", "applications", "alembic_version"} <= tables


def test_create_user_with_password_from_env(tmp_path, database):
    result = _run(_env(tmp_path, database, HIREOPS_PASSWORD=PASSWORD), "create-user",
                  "--email", "X@Y.com", "--role", "recruiter", "--name", "Xavier")
    assert result.returncode == 0, result.stderr
    assert "created recruiter x@y.com" in result.stdout
    [(email, role, name, password_hash)] = _query(
        database, "SELECT email, role, full_name, password_hash FROM users")
    assert (email, role, name) == ("x@y.com", "recruiter", "Xavier")
    assert password_hash.startswith("$argon2id$")
    assert PASSWORD not in password_hash

    again = _run(_env(tmp_path, database, HIREOPS_PASSWORD=PASSWORD), "create-user",
                 "--email", "x@y.com", "--role", "viewer")
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_create_user_without_password_and_without_tty(tmp_path, database):
    result = _run(_env(tmp_path, database), "create-user", "--email", "x@y.com",
                  "--role", "recruiter")
    assert result.returncode == 2
    assert "set HIREOPS_PASSWORD or run in a terminal" in result.stderr
    assert _query(database, "SELECT COUNT(*) FROM users") == [(0,)]


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (("--email", "x@y.com", "--role", "owner"), PASSWORD, "invalid choice: 'owner'"),
        (("--email", "x@y.com", "--role", "viewer"), "short", "at least 10 characters"),
        (("--email", "not-an-email", "--role", "viewer"), PASSWORD, "not a valid email"),
    ],
)
def test_create_user_rejects_bad_input(tmp_path, database, args, password, message):
    result = _run(_env(tmp_path, database, HIREOPS_PASSWORD=password), "create-user", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert _query(database, "SELECT COUNT(*) FROM users") == [(0,)]


_COUNTS = ("SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM jobs), "
           "(SELECT COUNT(*) FROM candidates), (SELECT COUNT(*) FROM applications), "
           "(SELECT COUNT(*) FROM ai_calls)")


def test_seed_demo_is_idempotent(tmp_path, database):
    pytest.importorskip("hireops.services.ai.local.job_generator")
    env = _env(tmp_path, database, DEMO_MODE="true")
    first = _run(env, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "demo ready" in first.stdout
    [after_first] = _query(database, _COUNTS)
    users, jobs, candidates, applications, _calls = after_first
    assert users == 1 and jobs >= 1 and candidates >= 1 and applications == candidates

    # The demo backend job shows stages of its own before the offer.
    assert _query(database, "SELECT s.label FROM job_stages s JOIN jobs j ON j.id = s.job_id "
                            "WHERE j.title = 'Senior Backend Engineer' AND s.kind = 'custom' "
                            "ORDER BY s.position") == [
        ("Shortlisted",), ("Technical interview",), ("Reference check",)]

    second = _run(env, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "0 new candidate(s)" in second.stdout
    assert _query(database, _COUNTS) == [after_first]


def test_seed_demo_refused_outside_demo_mode(tmp_path, database):
    result = _run(_env(tmp_path, database, DEMO_MODE="false"), "seed-demo")
    assert result.returncode == 2
    assert "DEMO_MODE=true" in result.stderr
    assert _query(database, "SELECT COUNT(*) FROM users") == [(0,)]


# --- rank -------------------------------------------------------------------------------------

DATA_SCIENTIST_CV = """Lena Fischer
Data Scientist, Northwind, 2020 - present
- Built churn models in Python with scikit-learn and pandas; the retention offer cut churn 12%.
- Wrote the A/B testing guide and ran 40 experiments with product teams; SQL on BigQuery.
"""
CHEF_CV = """Marco Bianchi
Head Chef, Trattoria Roma, 2019 - present
- Run a kitchen of 9 cooks; plan the seasonal menu and price every dish.
"""


def _resume_folder(tmp_path: Path) -> Path:
    import docx

    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "chef.txt").write_text(CHEF_CV, encoding="utf-8")
    document = docx.Document()
    for line in DATA_SCIENTIST_CV.splitlines():
        document.add_paragraph(line)
    document.save(folder / "lena.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    (folder / "notes.md").write_text("not a resume file type", encoding="utf-8")
    return folder


def test_rank_scores_a_folder_against_a_drafted_title(tmp_path, database):
    result = _run(_env(tmp_path, database), "rank", "--title", "Data Scientist",
                  "--resumes", str(_resume_folder(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    ranked = json.loads(result.stdout.strip().splitlines()[-1])
    assert [item["file"] for item in ranked] == ["lena.docx", "chef.txt", "broken.pdf"]
    lena, chef, broken = ranked
    assert lena["score"] > chef["score"]
    assert {e["skill"] for e in lena["evidence"]} >= {"SQL", "A/B testing"}
    assert all(e["resume_evidence"] in DATA_SCIENTIST_CV for e in lena["evidence"])
    assert broken["score"] is None and "PDF" in broken["reason"]


def test_rank_reads_a_saved_job_and_refuses_an_unknown_one(tmp_path, database):
    folder = _resume_folder(tmp_path)
    missing = _run(_env(tmp_path, database), "rank", "--job-id", "999", "--resumes", str(folder))
    assert missing.returncode == 2 and "no job with id 999" in missing.stderr
    seeded = _run(_env(tmp_path, database, DEMO_MODE="true"), "seed-demo")
    assert seeded.returncode == 0, seeded.stderr
    job_id = _query(database, "SELECT id FROM jobs ORDER BY id LIMIT 1")[0][0]
    result = _run(_env(tmp_path, database), "rank", "--job-id", str(job_id), "--resumes",
                  str(folder))
    assert result.returncode == 0, result.stderr
    ranked = json.loads(result.stdout.strip().splitlines()[-1])
    assert {item["file"] for item in ranked} == {"lena.docx", "chef.txt", "broken.pdf"}
