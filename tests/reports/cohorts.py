"""The one read the reports page makes per filter change, for tests that check its figures."""

from __future__ import annotations

from sqlmodel import Session

from hireops.services.reports import figures as reports
from hireops.services.reports.figures import Cohort, ReportFilter


def read_cohort(session: Session, report: ReportFilter) -> Cohort:
    return reports.read_cohort(session=session, report=report)


def top(session: Session, report: ReportFilter, limit: int = 10) -> list[reports.TopCandidate]:
    return reports.top_candidates(session=session, report=report,
                                  cohort=read_cohort(session, report), limit=limit)
