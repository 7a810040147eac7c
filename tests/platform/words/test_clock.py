"""The one clock: times in the company's zone, labelled, in one format, through DST."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from hireops.config import get_settings
from hireops.services.platform import clock
from hireops.services.platform.runtime_settings import invalidate_cache


@pytest.fixture
def company_zone(monkeypatch: pytest.MonkeyPatch):
    def use(zone: str, style: str = "day-month-year") -> None:
        monkeypatch.setenv("COMPANY_TIMEZONE", zone)
        monkeypatch.setenv("COMPANY_DATE_STYLE", style)
        get_settings.cache_clear()
        invalidate_cache()
    yield use
    invalidate_cache()


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_company_zone_labelled_in_winter_and_summer(company_zone):
    company_zone("Europe/Paris")
    assert clock.format_local(utc(2026, 12, 7, 13, 5)) == "7 Dec 2026, 14:05 CET"
    assert clock.format_local(utc(2026, 7, 7, 13, 5)) == "7 Jul 2026, 15:05 CEST"


def test_dst_change_night_keeps_the_right_offset(company_zone):
    company_zone("Europe/Paris")
    # Clocks go back at 03:00 CEST on 25 Oct 2026 (01:00 UTC): 00:30 and 01:30 UTC differ by
    # an hour of real time but read 02:30 both, told apart by the label.
    assert clock.format_local(utc(2026, 10, 25, 0, 30)) == "25 Oct 2026, 02:30 CEST"
    assert clock.format_local(utc(2026, 10, 25, 1, 30)) == "25 Oct 2026, 02:30 CET"


def test_explicit_zone_and_zones_without_an_abbreviation(company_zone):
    company_zone("Europe/Paris")
    moment = utc(2026, 12, 7, 23, 30)
    assert clock.format_local(moment, "America/New_York") == "7 Dec 2026, 18:30 EST"
    assert clock.format_local(moment, "Asia/Kolkata") == "8 Dec 2026, 05:00 IST"
    assert clock.format_local(moment, "Europe/Istanbul") == "8 Dec 2026, 02:30 UTC+03"
    assert clock.format_local(moment, "UTC") == "7 Dec 2026, 23:30 UTC"
    assert clock.format_local(moment, "Not/AZone") == "7 Dec 2026, 23:30 UTC"
    assert clock.format_local(None) == ""


def test_naive_values_are_read_as_utc(company_zone):
    company_zone("Europe/London")
    assert clock.format_local(datetime(2026, 7, 1, 8, 0)) == "1 Jul 2026, 09:00 BST"


def test_day_is_the_company_day_not_the_utc_day(company_zone):
    company_zone("Pacific/Auckland")
    assert clock.format_day(utc(2026, 12, 7, 20, 0)) == "8 Dec 2026"
    assert clock.format_day(date(2026, 1, 2)) == "2 Jan 2026"


def test_span_and_candidate_zone(company_zone):
    company_zone("Europe/Paris")
    start, end = utc(2026, 12, 8, 9, 0), utc(2026, 12, 8, 9, 45)
    assert clock.format_span(start, end) == "Tue 8 Dec 2026, 10:00–10:45 CET"
    assert clock.format_span_for_candidate(start, end, "Europe/Paris") == \
        "Tue 8 Dec 2026, 10:00–10:45 CET"
    assert clock.format_span_for_candidate(start, end, "America/New_York") == \
        "Tue 8 Dec 2026, 04:00–04:45 EST (Tue 8 Dec 2026, 10:00–10:45 CET for us)"
    assert clock.format_for_candidate(utc(2026, 12, 7, 13, 5), "America/New_York") == \
        "7 Dec 2026, 14:05 CET (08:05 EST your time)"
    assert clock.format_for_candidate(utc(2026, 12, 7, 13, 5), None) == "7 Dec 2026, 14:05 CET"
    # Same offset, different name (Berlin and Paris): said once.
    assert clock.format_for_candidate(utc(2026, 12, 7, 13, 5), "Europe/Berlin") == \
        "7 Dec 2026, 14:05 CET"
    assert clock.format_for_candidate(utc(2026, 12, 7, 20, 0), "Asia/Tokyo") == \
        "7 Dec 2026, 21:00 CET (8 Dec 2026, 05:00 JST your time)"


def test_day_bounds_follow_the_company_zone(company_zone):
    company_zone("Europe/Paris")
    assert clock.day_bounds(date(2026, 12, 7)) == (utc(2026, 12, 6, 23, 0), utc(2026, 12, 7, 23, 0))
    # The DST day is 25 hours long.
    start, end = clock.day_bounds(date(2026, 10, 25))
    assert (end - start).total_seconds() == 25 * 3600


@pytest.mark.parametrize("text,expected", [
    ("2026-12-07", date(2026, 12, 7)), ("07/12/2026", date(2026, 12, 7)),
    ("7.12.2026", date(2026, 12, 7)), (" 7-12-2026 ", date(2026, 12, 7)),
    ("12/31/2026", None), ("2026-02-30", None), ("", None), ("yesterday", None),
    ("1" * 10_000, None)])
def test_typed_days_are_day_first_or_iso(text, expected):
    assert clock.parse_day(text) == expected


def test_pickers_follow_the_company_style(company_zone):
    company_zone("Europe/Paris", "day-month-year")
    assert clock.day_placeholder() == "DD/MM/YYYY"
    assert clock.format_day_input(date(2026, 12, 7)) == "07/12/2026"
    company_zone("Europe/Paris", "iso")
    assert clock.day_placeholder() == "YYYY-MM-DD"
    assert clock.format_day_input(date(2026, 12, 7)) == "2026-12-07"


def test_a_candidates_language_writes_the_day_its_own_way_on_the_same_clock():
    moment = datetime(2026, 12, 15, 17, 30, tzinfo=timezone.utc)
    assert clock.format_local(moment, "Europe/Paris", language="fr") == \
        "15 décembre 2026, 18:30 CET"
    assert clock.format_local(moment, "Europe/Berlin", weekday=True, language="de") == \
        "Dienstag, 15. Dezember 2026, 18:30 CET"
    assert clock.format_local(moment, "Europe/Paris") == "15 Dec 2026, 18:30 CET"
    # A language the mail is not written in keeps the English form.
    assert clock.format_local(moment, "Europe/Paris", language="xx") == "15 Dec 2026, 18:30 CET"
