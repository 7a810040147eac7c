"""The reports count the company's calendar days, not UTC's: an application at 00:30 in Paris
is that Paris day's, a date filter's bounds are the company's midnights, a day across a DST
change is 23 or 25 hours long, zones far from UTC keep their own days, and a change of the
company's zone groups the days anew. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import count
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from hireops import db
from hireops.models import Decision, DecisionOutcome
from hireops.services.platform.runtime_settings import save_settings
from hireops.services.reports import figures as reports
from hireops.services.reports.figures import ReportFilter
from tests.factories import make_application, make_candidate, make_job

_numbers = count()


@pytest.fixture
def session(any_database_url: str) -> Iterator[Session]:
    """A session on a fresh database, SQLite then PostgreSQL."""
    with Session(db.get_engine(), expire_on_commit=False) as session:
        yield session


def local(zone: str, *parts: int) -> datetime:
    """A wall-clock time in `zone`, as an aware datetime (stored in UTC)."""
    return datetime(*parts, tzinfo=ZoneInfo(zone))


def apply_at(session: Session, *moments: datetime, resume_score: float = 80) -> list[int]:
    """One application received at each moment, each from its own candidate; their ids."""
    job = make_job(session)
    ids = []
    for moment in moments:
        number = next(_numbers)
        candidate = make_candidate(session, full_name=f"Candidate {number}",
                                   email=f"candidate{number}@example.com")
        ids.append(make_application(session, job=job, candidate=candidate, created_at=moment,
                                    resume_score=resume_score, interview_score=70).id)
    session.commit()
    return ids


def per_day(session: Session, report: ReportFilter = ReportFilter()) -> dict[str, int]:
    """Applications per day, read directly and as the page reads them (from the days of all
    applications, cached): both must agree."""
    read = reports.applications_over_time(reports.read_cohort(session=session, report=report))
    page = reports.applications_over_time(reports.cached_cohort(session=session, report=report))
    assert read == page, report
    return dict(zip(read.days, read.series["applications"]))


def test_an_application_at_half_past_midnight_in_paris_counts_on_its_paris_day(
        session, company_zone):
    company_zone("Europe/Paris")
    apply_at(session, local("Europe/Paris", 2025, 3, 1, 0, 30))  # 23:30 UTC on 28 February
    assert per_day(session) == {"2025-03-01": 1}


def test_a_date_filter_takes_the_first_hour_of_its_day_and_not_the_last_of_the_day_before(
        session, company_zone):
    company_zone("Europe/Paris")
    first_hour, hour_before = apply_at(session, local("Europe/Paris", 2025, 3, 1, 0, 30),
                                       local("Europe/Paris", 2025, 2, 28, 23, 30))
    from_day = ReportFilter(date_from=date(2025, 3, 1))
    assert per_day(session, from_day) == {"2025-03-01": 1}
    assert per_day(session, ReportFilter(date_to=date(2025, 2, 28))) == {"2025-02-28": 1}
    cohort = reports.cached_cohort(session=session, report=from_day)
    shown = reports.cached_top_candidates(session=session, report=from_day, cohort=cohort)
    assert [row.application_id for row in shown] == [first_hour]
    assert [row.application_id for row in reports.top_candidates(
        session=session, report=from_day, cohort=cohort)] == [first_hour]
    assert session.exec(reports.cohort_ids(from_day)).all() == [first_hour]
    assert hour_before not in session.exec(reports.cohort_ids(from_day)).all()


def test_the_spring_day_of_23_hours_and_the_autumn_day_of_25(session, company_zone):
    company_zone("Europe/Paris")
    utc = ZoneInfo("UTC")
    apply_at(
        session,
        # 30 March 2025: clocks go from 02:00 to 03:00 (01:00 UTC); the day ends at 22:00 UTC.
        datetime(2025, 3, 29, 22, 59, 59, 999999, tzinfo=utc),  # 23:59:59 CET, the 29th
        datetime(2025, 3, 29, 23, 0, tzinfo=utc),  # midnight CET: the 30th begins
        datetime(2025, 3, 30, 1, 0, tzinfo=utc),  # 03:00 CEST, the change itself
        datetime(2025, 3, 30, 21, 59, 59, tzinfo=utc),  # 23:59:59 CEST, still the 30th
        datetime(2025, 3, 30, 22, 0, tzinfo=utc),  # midnight CEST: the 31st
        # 26 October 2025: clocks go from 03:00 back to 02:00 (01:00 UTC); the day began at
        # 22:00 UTC on the 25th and ends at 23:00 UTC on the 26th.
        datetime(2025, 10, 25, 21, 59, 59, tzinfo=utc),  # 23:59:59 CEST, the 25th
        datetime(2025, 10, 25, 22, 0, tzinfo=utc),  # midnight CEST: the 26th
        datetime(2025, 10, 26, 0, 59, 59, tzinfo=utc),  # 02:59:59 CEST
        datetime(2025, 10, 26, 1, 0, tzinfo=utc),  # 02:00 CET, the hour again
        datetime(2025, 10, 26, 22, 59, 59, tzinfo=utc),  # 23:59:59 CET, still the 26th
        datetime(2025, 10, 26, 23, 0, tzinfo=utc),  # midnight CET: the 27th
    )
    assert per_day(session) == {"2025-03-29": 1, "2025-03-30": 3, "2025-03-31": 1,
                                "2025-10-25": 1, "2025-10-26": 4, "2025-10-27": 1}
    assert per_day(session, ReportFilter(date_from=date(2025, 3, 30),
                                         date_to=date(2025, 3, 30))) == {"2025-03-30": 3}
    assert per_day(session, ReportFilter(date_from=date(2025, 10, 26),
                                         date_to=date(2025, 10, 26))) == {"2025-10-26": 4}


@pytest.mark.parametrize("zone, moments, days", [
    # 06:30 UTC is 23:30 the evening before in California (PDT, UTC-7); 07:30 is 00:30.
    ("America/Los_Angeles", [(2025, 6, 1, 6, 30), (2025, 6, 1, 7, 30)],
     {"2025-05-31": 1, "2025-06-01": 1}),
    # In winter (PST, UTC-8) the day begins at 08:00 UTC.
    ("America/Los_Angeles", [(2025, 1, 15, 7, 59), (2025, 1, 15, 8, 0)],
     {"2025-01-14": 1, "2025-01-15": 1}),
    # Auckland's winter (NZST, UTC+12): 12:30 UTC is 00:30 the next day.
    ("Pacific/Auckland", [(2025, 6, 1, 11, 30), (2025, 6, 1, 12, 30)],
     {"2025-06-01": 1, "2025-06-02": 1}),
    # Its summer (NZDT, UTC+13), the other half of the year: 11:00 UTC is midnight.
    ("Pacific/Auckland", [(2025, 1, 15, 10, 59), (2025, 1, 15, 11, 0)],
     {"2025-01-15": 1, "2025-01-16": 1}),
])
def test_zones_far_from_utc_count_their_own_days(session, company_zone, zone, moments, days):
    company_zone(zone)
    apply_at(session, *(datetime(*parts, tzinfo=ZoneInfo("UTC")) for parts in moments))
    assert per_day(session) == days
    later = sorted(days)[1]
    assert per_day(session, ReportFilter(date_from=date.fromisoformat(later))) == {later: 1}


def test_decisions_count_on_the_company_day_they_were_made(session, company_zone):
    company_zone("America/Los_Angeles")
    applied, = apply_at(session, local("America/Los_Angeles", 2025, 6, 1, 9, 0))
    for hour in (20, 23):  # 03:00 and 06:00 UTC the next day
        session.add(Decision(application_id=applied, outcome=DecisionOutcome.advance,
                             status="confirmed", is_override=False,
                             created_at=local("America/Los_Angeles", 2025, 6, 1, hour, 0)))
    session.commit()
    decided = reports.decisions_over_time(reports.read_cohort(session=session,
                                                              report=ReportFilter()))
    assert decided.days == ["2025-06-01"] and decided.series["advance"] == [2]


def test_a_change_of_the_company_zone_groups_the_days_anew(session, company_zone):
    company_zone("Europe/Paris")
    apply_at(session, datetime(2025, 6, 1, 23, 30, tzinfo=ZoneInfo("UTC")))
    assert per_day(session) == {"2025-06-02": 1}  # 01:30 in Paris
    version = reports.data_version(session=session)
    company_zone("America/Los_Angeles")
    # Nothing in the data moved; the days kept for Paris must not be served for Los Angeles.
    assert reports.data_version(session=session) == version
    assert per_day(session) == {"2025-06-01": 1}  # 16:30 in Los Angeles


def test_an_admin_choosing_another_zone_in_settings_sees_the_days_in_it(session, company_zone):
    company_zone("Europe/Paris")
    apply_at(session, datetime(2025, 6, 1, 23, 30, tzinfo=ZoneInfo("UTC")))
    assert per_day(session) == {"2025-06-02": 1}
    save_settings(session=session, values={"company_timezone": "Pacific/Auckland"}, actor=None)
    assert per_day(session) == {"2025-06-02": 1}  # 11:30 in Auckland
    save_settings(session=session, values={"company_timezone": "America/Los_Angeles"},
                  actor=None)
    assert per_day(session) == {"2025-06-01": 1}
