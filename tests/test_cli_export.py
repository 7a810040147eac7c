"""`python -m hireops export` as a real subprocess writes what the Candidates page exports."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hireops.config import PROJECT_ROOT
from hireops.models import Application, Job, Stage
from hireops.services.candidates.export import export_rows, export_tracker
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort
from tests.factories import make_candidate, make_job


def _export(database_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("MISTRAL_", "HIREOPS_", "DEMO_", "DATABASE_"))}
    env.update(DATABASE_URL=database_url, SECRET_KEY_FILE=str(tmp_path / "secret"),
               HIREOPS_ENV_FILE=os.devnull)
    return subprocess.run([sys.executable, "-m", "hireops", "export", *args], cwd=PROJECT_ROOT,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def jobs(session) -> list[Job]:
    """Two jobs (the second screens blind) with hostile, unicode and ordinary candidates."""
    jobs = [make_job(session), make_job(session, title="Night Nurse", blind_screening=True)]
    names = ['=HYPERLINK("http://evil","x")', "+1 555", "Zoë Łukasiewicz", "Ann Lee", "Bo Kim"]
    for i, name in enumerate(names):
        candidate = make_candidate(session, full_name=name, email=f"c{i}@example.com")
        session.add(Application(candidate_id=candidate.id, job_id=jobs[i % 2].id,
                                stage=[Stage.matched, Stage.new][i % 2],
                                resume_score=50.0 + i))
    session.commit()
    return jobs


def test_csv_export_equals_the_page_export(session, database_url, jobs, tmp_path):
    out = tmp_path / "all.csv"
    result = _export(database_url, tmp_path, "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"exported 5 application(s) to {out} (csv)"
    rows = export_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    assert out.read_bytes() == export_rows(rows, "csv")
    assert "'=HYPERLINK" in out.read_text("utf-8-sig")


def test_xlsx_export_with_a_filter_equals_the_page_export(session, database_url, jobs, tmp_path):
    out = tmp_path / "matched.xlsx"
    result = _export(database_url, tmp_path, "--format", "xlsx", "--out", str(out),
                     "--job-id", str(jobs[0].id), "--stage", "matched", "--search", "example")
    assert result.returncode == 0, result.stderr
    assert "exported 3 application(s)" in result.stdout
    rows = export_tracker(session=session, sort=TrackerSort(), filter=TrackerFilter(
        job_ids=[jobs[0].id], stages=[Stage.matched], search="example"))
    # XLSX files carry their creation time, so the cells are compared, not the bytes.
    assert _cells(out.read_bytes()) == _cells(export_rows(rows, "xlsx"))
    assert "Zoë Łukasiewicz" in {row[0] for row in _cells(out.read_bytes())}


def test_unknown_stage_is_an_error(database_url, tmp_path):
    result = _export(database_url, tmp_path, "--format", "csv", "--out",
                     str(tmp_path / "x.csv"), "--stage", "archived")
    assert result.returncode == 2
    assert "unknown stage archived" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def _cells(data: bytes) -> list[tuple]:
    return [tuple(cell.value for cell in row)
            for row in load_workbook(io.BytesIO(data)).active.rows]
