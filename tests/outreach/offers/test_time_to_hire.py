"""Time to hire: days from application to the move into Hired, median over the cohort."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlmodel import Session

from hireops.models import Application, Job, Stage
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import ReportFilter
from hireops.services.candidates.stages import change_stage
from tests.factories import make_application, make_candidate, make_job

APPLIED = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def _hire(session: Session, job: Job, name: str, days: float | None) -> Application:
    candidate = make_candidate(session, full_name=name, email="")
    application = make_application(session, candidate=candidate, job=job,
                                            stage=Stage.offer, created_at=APPLIED)
    if days is not None:
        change_stage(session=session, application=application, stage=Stage.hired, actor=None)
        application.hired_at = APPLIED + timedelta(days=days)
    session.commit()
    return application


def test_median_days_from_application_to_hire(session):
    job = make_job(session, title="Support Engineer")
    for name, days in [("A", 10), ("B", 20), ("C", 45), ("D", None)]:
        _hire(session, job, name, days)
    figure = _time_to_hire(session, ReportFilter(job_id=job.id))
    assert sorted(figure.days) == [10, 20, 45]
    assert figure.median_days == 20
    # Outside the date range: none.
    later = ReportFilter(date_from=date(2026, 12, 1))
    assert _time_to_hire(session, later).median_days is None


def test_moving_out_of_hired_takes_the_application_out_of_the_hires(session):
    job = make_job(session, title="Support Engineer")
    application = _hire(session, job, "A", 12)
    assert _time_to_hire(session, ReportFilter()).days == [12]
    change_stage(session=session, application=application, stage=Stage.withdrawn, actor=None)
    session.commit()
    assert application.hired_at is None
    assert _time_to_hire(session, ReportFilter()).days == []


def _time_to_hire(session, report):
    return reports.time_to_hire(reports.read_cohort(session=session, report=report))
