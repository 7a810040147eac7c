"""Exports of the tracker grid as CSV or XLSX, safe to open in a spreadsheet.

Candidate names, emails and job titles come from strangers' mail, so a cell that a spreadsheet
would read as a formula (=, +, -, @, or a tab or carriage return first) is neutralised with a
leading single quote, in both formats. XLSX cells are also written as plain strings, never as
formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Literal
from urllib.parse import urlencode

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlmodel import Session

from hireops.services.candidates.tracker import TrackerFilter, TrackerRow, TrackerSort, list_tracker_rows

ExportFormat = Literal["csv", "xlsx"]

# Header and TrackerRow field of each exported column, in the grid's order; a list (the tags)
# is written as one cell, its items separated by commas.
EXPORT_COLUMNS: list[tuple[str, str]] = [
    ("Candidate", "candidate_name"),
    ("Email", "candidate_email"),
    ("Job", "job_title"),
    ("Stage", "stage_label"),
    ("Resume score", "resume_score"),
    ("Interview score", "interview_score"),
    ("Final score", "final_score"),
    ("Decision", "decision_label"),
    ("Source", "source_label"),
    ("Applied", "applied"),
    ("Last activity", "last_activity"),
    # Talent pool rows (Job "Talent pool"): the open jobs they came nearest to, and the fit.
    ("Nearest jobs", "nearest_jobs"),
    ("Tags", "tags"),
]

# What spreadsheets take as the start of a formula, including the full-width forms some of
# them also accept. Leading spaces and line breaks are looked through.
_FORMULA_STARTS = tuple("=+-@\t\r") + ("＝", "＋", "－", "＠")
_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_query(*, filter: TrackerFilter, sort: TrackerSort, picked: Iterable[int] = ()) -> str:
    """The grid's filter, sort and picked rows as the tracker export's address takes them
    (`api/export_routes.py`): the filter and sort as JSON, the picked ids comma-separated."""
    return urlencode({"filter": filter.model_dump_json(), "sort": sort.model_dump_json(),
                      "picked": ",".join(str(i) for i in sorted(picked))})


def export_tracker(*, session: Session, filter: TrackerFilter, sort: TrackerSort,
                   reveal_blind: bool = False) -> list[TrackerRow]:
    """Every row of the grid for `filter` and `sort`, not only the page on screen."""
    return list_tracker_rows(session=session, filter=filter, sort=sort,
                             reveal_blind=reveal_blind)


def export_rows(rows: list[TrackerRow], fmt: ExportFormat) -> bytes:
    """The rows as a CSV (UTF-8 with a byte-order mark, for Excel) or XLSX file."""
    if fmt == "csv":
        return _csv(rows)
    if fmt == "xlsx":
        return _xlsx(rows)
    raise ValueError(f"unknown export format {fmt!r}")


def content_type(fmt: ExportFormat) -> str:
    """The MIME type of an export in `fmt`."""
    return _CONTENT_TYPES[fmt]


def neutralise(value: str) -> str:
    """`value`, with a leading quote if a spreadsheet would run it as a formula."""
    return "'" + value if value.lstrip(" \n").startswith(_FORMULA_STARTS) else value


def _cells(row: TrackerRow) -> list[str | float | None]:
    values = (getattr(row, field) for _header, field in EXPORT_COLUMNS)
    values = (", ".join(value) if isinstance(value, list) else value for value in values)
    return [neutralise(value) if isinstance(value, str) else value for value in values]


def table_csv(headers: Sequence[str], rows: Iterable[Sequence[str | float | None]]) -> bytes:
    """Any table as CSV (UTF-8 with a byte-order mark), text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) if isinstance(value, str)
                         else value for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv(rows: list[TrackerRow]) -> bytes:
    return table_csv([header for header, _field in EXPORT_COLUMNS], map(_cells, rows))


def _xlsx(rows: list[TrackerRow]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Candidates")
    sheet.append([header for header, _field in EXPORT_COLUMNS])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in _cells(row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value: str | float | None) -> WriteOnlyCell | float | None:
    if not isinstance(value, str):
        return value
    # Control characters make the file unreadable; openpyxl refuses them.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    # Set after the value: openpyxl guesses "formula" for any text starting with "=".
    cell.data_type = "s"
    return cell
