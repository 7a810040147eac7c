"""The reports name the built-in stages as the company does: over every job by the company
default's names (Settings), for one job by that job's own names, as its board does."""

from __future__ import annotations

import asyncio

from hireops.models import Stage
from hireops.services.jobs.job_stages import rename_stage
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import Cohort, ReportFilter
from hireops.state.reports import figures as reports_state

from .cohorts import read_cohort
from .fixtures import build_history


def _labels(rows) -> dict[str, str]:
    return {row.stage: row.label for row in rows}


def test_every_job_reads_under_the_company_defaults_names(session):
    build_history(session)
    rename_stage(session=session, job_id=None, key=Stage.shortlisted.value, label="Longlist",
                 actor=None)
    rename_stage(session=session, job_id=None, key=Stage.matched.value, label="Fits",
                 actor=None)
    cohort = read_cohort(session, ReportFilter())
    funnel = _labels(reports.funnel(cohort))
    assert (funnel["shortlisted"], funnel["matched"], funnel["new"]) == (
        "Longlist", "Fits", "New")
    assert _labels(reports.time_in_stage(cohort))["matched"] == "Fits"


def test_one_job_reads_under_its_own_names(session):
    ids = build_history(session)
    rename_stage(session=session, job_id=ids["job_a"], key=Stage.matched.value,
                 label="Good fit", actor=None)
    rename_stage(session=session, job_id=None, key=Stage.matched.value, label="Fits",
                 actor=None)
    cohort = read_cohort(session, ReportFilter(job_id=ids["job_a"]))
    assert _labels(reports.funnel(cohort))["matched"] == "Good fit"
    assert _labels(reports.time_in_stage(cohort))["matched"] == "Good fit"


def test_the_pages_shortlist_card_names_the_stage_as_the_report_does(monkeypatch):
    """The "Shortlisted" card beside the funnel takes the funnel's name for the stage."""
    cohort = Cohort(stage_names={"shortlisted": "Longlist"})
    monkeypatch.setattr(reports_state, "_read_report", lambda report, characteristic:
                        reports_state._ReportRead(cohort, [], {}, {"total": 0, "open": 0}))
    monkeypatch.setattr(reports_state, "flag_count_rows", lambda counts: [])
    state = reports_state.ReportsState()
    asyncio.run(state._compute_numbers())
    assert state.shortlisted_label == "Longlist"
