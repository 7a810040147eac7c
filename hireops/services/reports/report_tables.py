"""The reports page's tables and their CSV files: the funnel, the top candidates and the
adverse-impact view.

The page and the export route that downloads the tables (`api/export_routes.py`) read the
report the same way, `read_report`: from the per-data-version cache (`cohort.cached_cohort`,
`figures.cached_top_candidates`, `figures.cached_self_reported_groups`), so a download of what
the page shows reads nothing again but the data version. The CSVs have the page's columns and
rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urlencode

from sqlmodel import Session

from hireops.services.candidates.export import table_csv
from hireops.services.reports.cohort import Cohort, ReportFilter, cached_cohort, data_version
from hireops.services.reports.figures import (
    ImpactRow,
    TopCandidate,
    adverse_impact,
    automatic_pass_counts,
    cached_self_reported_groups,
    cached_top_candidates,
    funnel,
)

ReportTable = Literal["funnel", "top-candidates", "adverse-impact"]
REPORT_TABLES: tuple[str, ...] = get_args(ReportTable)
FUNNEL_HEADERS = ["Stage", "Reached", "Conversion from previous %", "Of all %"]
TOP_HEADERS = ["Candidate", "Job", "Resume", "Interview", "Final", "Rule says"]
IMPACT_HEADERS = ["Group", "Advanced", "Decided", "Rate", "Ratio to highest",
                  "Under four fifths"]


@dataclass(frozen=True)
class ReportRead:
    """What the report reads from the database for one filter and characteristic."""

    cohort: Cohort
    top: list[TopCandidate]
    # Each candidate's own answer to the compared question (empty for an empty cohort).
    groups: dict[int, str]


def read_report(*, session: Session, report: ReportFilter, characteristic: str) -> ReportRead:
    """The cohort, the best applications and the groups, read once per job while the data is
    unchanged and narrowed to the dates in memory (every figure is derived from the cohort)."""
    version = data_version(session=session)
    cohort = cached_cohort(session=session, report=report, version=version)
    top = cached_top_candidates(session=session, report=report, cohort=cohort, version=version)
    groups = cached_self_reported_groups(
        session=session, characteristic=characteristic,
        version=version) if cohort.applications else {}
    return ReportRead(cohort, top, groups)


def impact_rows(read: ReportRead) -> list[ImpactRow]:
    """The adverse-impact view's rows: the rule's pass rates per self-reported group."""
    return adverse_impact(automatic_pass_counts(read.cohort, read.groups)) if read.groups else []


def report_table_csv(table: ReportTable, read: ReportRead) -> bytes:
    """One of the page's tables as a spreadsheet-safe CSV."""
    if table == "funnel":
        return table_csv(FUNNEL_HEADERS, ([s.label, s.reached, s.conversion_pct, s.of_total_pct]
                                          for s in funnel(read.cohort)))
    if table == "top-candidates":
        return table_csv(TOP_HEADERS, ([t.candidate, t.job, t.resume_score, t.interview_score,
                                        t.final_score, t.verdict] for t in read.top))
    if table == "adverse-impact":
        return table_csv(IMPACT_HEADERS, ([r.group, r.passed, r.total, r.rate, r.ratio,
                                           "yes" if r.flagged else "no"]
                                          for r in impact_rows(read)))
    raise ValueError(f"unknown report table {table!r}")


def report_query(report: ReportFilter, characteristic: str) -> str:
    """The page's filter as the report tables' addresses take it (`api/export_routes.py`): its
    set fields, days in ISO form."""
    fields = (("job_id", report.job_id),
              ("date_from", report.date_from and report.date_from.isoformat()),
              ("date_to", report.date_to and report.date_to.isoformat()),
              ("characteristic", characteristic))
    return urlencode({name: value for name, value in fields if value})
