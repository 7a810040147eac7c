"""SQLite's reading of the company's day (`services/reports/company_days.py`) gives Python's
`clock.local_day` for every time tried: each midnight of a year and a microsecond either side,
each offset change and a microsecond either side, and every 37 minutes in between, in zones
with DST north and south, half and three-quarter hours, and the farthest from UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from hireops.models import UTCDateTime
from hireops.services.platform.clock import day_bounds, local_day
from hireops.services.reports.company_days import company_days, offset_changes

FIRST = datetime(2024, 12, 20, tzinfo=timezone.utc)
LAST = datetime(2026, 1, 10, tzinfo=timezone.utc)
ZONES = ["Europe/Paris", "Europe/London", "America/Los_Angeles", "America/St_Johns",
         "Pacific/Auckland", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Kiritimati",
         "Pacific/Pago_Pago", "UTC"]


def times_to_try(zone: str) -> list[datetime]:
    moments = []
    day = FIRST.date()
    while day <= LAST.date():
        midnight = day_bounds(day, zone)[0]
        moments += [midnight - timedelta(microseconds=1), midnight,
                    midnight + timedelta(microseconds=1),
                    midnight - timedelta(microseconds=300)]
        day += timedelta(days=1)
    for instant, _ in offset_changes(ZoneInfo(zone) if zone != "UTC" else timezone.utc,
                                     FIRST, LAST):
        moments += [instant - timedelta(microseconds=1), instant,
                    instant + timedelta(microseconds=1)]
    moment = FIRST
    while moment < LAST:
        moments.append(moment)
        moment += timedelta(minutes=37, microseconds=123457)
    return moments


@pytest.mark.parametrize("zone", ZONES)
def test_sqlite_reads_the_day_python_reads(zone):
    engine = sa.create_engine("sqlite://")
    table = sa.Table("times", sa.MetaData(), sa.Column("at", UTCDateTime))
    table.metadata.create_all(engine)
    moments = times_to_try(zone)
    calendar = company_days("sqlite", zone, FIRST, LAST)
    with engine.begin() as connection:
        connection.execute(table.insert(), [{"at": moment} for moment in moments])
        rows = connection.execute(sa.select(table.c.at, calendar.day_of(table.c.at))).all()
    wrong = [(at, day) for at, day in rows if day != local_day(at, zone).isoformat()]
    assert len(rows) == len(moments) and wrong == []


def test_the_offset_changes_of_a_year_in_paris_and_auckland():
    year = (datetime(2025, 1, 1, tzinfo=timezone.utc), datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert offset_changes(ZoneInfo("Europe/Paris"), *year) == [
        (datetime(2025, 3, 30, 1, tzinfo=timezone.utc), 7200),
        (datetime(2025, 10, 26, 1, tzinfo=timezone.utc), 3600)]
    # South of the equator summer time ends in April and begins in September.
    assert offset_changes(ZoneInfo("Pacific/Auckland"), *year) == [
        (datetime(2025, 4, 5, 14, tzinfo=timezone.utc), 43200),
        (datetime(2025, 9, 27, 14, tzinfo=timezone.utc), 46800)]
    assert offset_changes(timezone.utc, *year) == []
