"""Tracker exports: CSV and XLSX read back, hostile cells neutralised, unicode intact."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from hireops.models import Application, Candidate, Stage
from hireops.services.candidates.export import EXPORT_COLUMNS, export_rows, export_tracker, neutralise
from hireops.services.candidates.tracker import TrackerFilter, TrackerRow, TrackerSort
from tests.factories import make_candidate, make_job

HEADERS = [header for header, _field in EXPORT_COLUMNS]
HOSTILE = ['=HYPERLINK("http://evil","x")', "+1 555", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1",
           "  =cmd|' /C calc'!A0", "＝1+1"]


def _row(name: str, **changes) -> TrackerRow:
    row = TrackerRow(
        application_id=1, candidate_id=1, candidate_name=name, candidate_email="x@example.com",
        job_id=1, job_title="Backend Engineer", stage="matched", stage_label="Matched",
        resume_score=81.5, interview_score=None, final_score=None, decision="", source="email",
        applied="1 Mar 2026", last_activity="20 Mar 2026, 10:00 CET", resume_stale=False,
        blind=False, source_label="Email")
    return replace(row, **changes)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _xlsx_rows(data: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [["" if cell.value is None else cell.value for cell in row] for row in sheet.rows]


@pytest.mark.parametrize("value", HOSTILE)
def test_neutralise_quotes_formula_starts(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Alice", "", "2026-03-01", "a=b", "O'Brien", "100"])
def test_neutralise_leaves_ordinary_text(value):
    assert neutralise(value) == value


def test_csv_has_the_grid_columns_and_neutralised_cells():
    rows = [_row(name) for name in HOSTILE] + [_row("Zoë Østergaard-Łukasiewicz 李")]
    read = _csv_rows(export_rows(rows, "csv"))
    assert read[0] == HEADERS
    assert [line[0] for line in read[1:]] == ["'" + name for name in HOSTILE] + [
        "Zoë Østergaard-Łukasiewicz 李"]
    assert read[1][1:] == ["x@example.com", "Backend Engineer", "Matched", "81.5", "", "", "",
                           "Email", "1 Mar 2026", "20 Mar 2026, 10:00 CET", "", ""]


def test_tags_are_exported_joined_and_neutralised():
    rows = [_row("Ada", tags=["Python", "Rehire"]), _row("Bo", tags=["=1+1", "SQL"])]
    read = _csv_rows(export_rows(rows, "csv"))
    assert [line[HEADERS.index("Tags")] for line in read[1:]] == ["Python, Rehire",
                                                                 "'=1+1, SQL"]


def test_xlsx_cells_are_strings_never_formulas():
    rows = [_row(name, job_title=name) for name in HOSTILE] + [
        _row("Zoë Østergaard 李", final_score=74.4)]
    data = export_rows(rows, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    read = _xlsx_rows(data)
    assert read[0] == HEADERS
    assert [(line[0], line[2]) for line in read[1:-1]] == [("'" + n, "'" + n) for n in HOSTILE]
    assert read[-1][0] == "Zoë Østergaard 李"
    # Scores stay numbers a spreadsheet can sum.
    assert (read[-1][4], read[-1][6]) == (81.5, 74.4)


def test_xlsx_drops_control_characters_that_would_corrupt_the_file():
    read = _xlsx_rows(export_rows([_row("Bad\x00Name\x1b")], "xlsx"))
    assert read[1][0] == "BadName"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export_rows([], "pdf")


def test_export_tracker_returns_every_matching_row(session):
    job = make_job(session)
    for i in range(120):
        candidate = make_candidate(session, full_name=f"Candidate {i:03d}",
                                   email=f"c{i}@example.com")
        session.add(Application(candidate_id=candidate.id, job_id=job.id,
                                stage=Stage.matched if i % 2 else Stage.new))
    session.commit()
    rows = export_tracker(session=session, filter=TrackerFilter(stages=[Stage.matched]),
                          sort=TrackerSort(column="candidate", direction="asc"))
    assert len(rows) == 60  # beyond one grid page
    assert [r.candidate_name for r in rows] == [f"Candidate {i:03d}" for i in range(1, 120, 2)]
    assert len(_csv_rows(export_rows(rows, "csv"))) == 61
