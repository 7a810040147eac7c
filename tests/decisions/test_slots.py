"""Slot understanding with a fixed "now" (Friday 20 November 2026, 10:00 in Paris): exact
datetimes for each kind of phrase, explicit zones, several languages, and garbage."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hireops.services.outreach.slots import ProposedSlot, parse_slot

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=PARIS)


def _parse(text, **options):
    return parse_slot(text, now=NOW, candidate_tz="Europe/Paris", **options)


def _at(day, hour, minute=0, zone=PARIS) -> datetime:
    """A time in November (day >= 20) or December (day < 20) 2026."""
    month = 11 if day >= 20 else 12
    return datetime(2026, month, day, hour, minute, tzinfo=zone)


def _starts(result) -> list[datetime]:
    return [slot.start for slot in result.slots]


@pytest.mark.parametrize(("text", "starts"), [
    ("next Tuesday at 3pm", [_at(24, 15)]),
    ("Next tuesday, 3 p.m.", [_at(24, 15)]),
    ("3pm", [_at(20, 15)]),
    ("2026-12-03 10:30", [_at(3, 10, 30)]),
    ("3 December at 11am", [_at(3, 11)]),
    ("Tuesday next week 10:00", [_at(24, 10)]),
    ("Monday or Wednesday at 10", [_at(23, 10), _at(25, 10)]),
    ("at 14.30 on Monday", [_at(23, 14, 30)]),
    # Friday means the next one, a week away, not today.
    ("Friday at 11:00", [_at(27, 11)]),
    ("mardi prochain à 15h", [_at(24, 15)]),
    ("le 3 décembre à 10h30", [_at(3, 10, 30)]),
    ("nächsten Dienstag um 15 Uhr", [_at(24, 15)]),
    ("el próximo martes a las 15:00", [_at(24, 15)]),
    ("a las 3 de la tarde el jueves", [_at(26, 15)]),
])
def test_exact_times(text, starts):
    result = _parse(text)
    assert (result.kind, _starts(result)) == ("exact", starts)
    assert result.original == text
    assert all(slot.end - slot.start == timedelta(minutes=45) for slot in result.slots)
    assert all(slot.tz == "Europe/Paris" for slot in result.slots)


def test_exact_explanation_names_the_day():
    assert _parse("next Tuesday at 3pm").explanation == (
        "Tue 24 Nov 2026, 15:00 CET (Europe/Paris).")


def test_day_first_date_with_an_explicit_zone_overrides_the_candidate_zone():
    result = _parse("15/12 14:00 CET")
    [slot] = result.slots
    assert result.kind == "exact"
    assert slot == ProposedSlot(start=_at(15, 14, zone=ZoneInfo("CET")),
                                end=_at(15, 14, 45, zone=ZoneInfo("CET")), tz="CET")
    assert "named in the message" in result.explanation


@pytest.mark.parametrize(("text", "zone", "utc_hour"), [
    ("Friday 14:30 UTC+2", "UTC+02:00", 12),
    ("tomorrow 10am Europe/London", "Europe/London", 10),
    ("Monday 9am EST", "America/New_York", 14),
])
def test_other_explicit_zones(text, zone, utc_hour):
    [slot] = _parse(text).slots
    assert slot.tz == zone and slot.start.astimezone(ZoneInfo("UTC")).hour == utc_hour


def test_a_time_already_past_today_rolls_to_the_next_weekday():
    # 9:00 is gone on Friday; Saturday and Sunday are skipped.
    assert _starts(_parse("9am")) == [_at(23, 9)]


@pytest.mark.parametrize(("text", "starts"), [
    # Tomorrow is named, so its Saturday is kept.
    ("tomorrow afternoon", [_at(21, 14), _at(21, 15), _at(21, 16)]),
    ("demain après-midi", [_at(21, 14), _at(21, 15), _at(21, 16)]),
    ("mañana por la mañana", [_at(21, 9), _at(21, 10), _at(21, 11)]),
    ("morgen früh", [_at(21, 9), _at(21, 10), _at(21, 11)]),
    ("Monday or Wednesday after 2pm",
     [_at(23, 14), _at(23, 15), _at(23, 16), _at(25, 14), _at(25, 15), _at(25, 16)]),
    ("between 2 and 4pm on Thursday", [_at(26, 14), _at(26, 15)]),
    ("this afternoon", [_at(20, 14), _at(20, 15), _at(20, 16)]),
    # Today's morning is partly gone: only starts after 10:00 remain.
    ("today, any time", [_at(20, 11), _at(20, 13), _at(20, 15)]),
    ("am Mittwoch nachmittags", [_at(25, 14), _at(25, 15), _at(25, 16)]),
])
def test_ranges(text, starts):
    result = _parse(text)
    assert (result.kind, _starts(result)) == ("range", starts)


@pytest.mark.parametrize(("text", "starts"), [
    ("weekday mornings", [_at(23, 9), _at(23, 10), _at(24, 9), _at(24, 10), _at(25, 9),
                          _at(25, 10)]),
    ("any time next week", [_at(23, 9), _at(23, 13), _at(24, 9), _at(24, 13), _at(25, 9),
                            _at(25, 13)]),
    ("before 11am", [_at(23, 9), _at(23, 10), _at(24, 9), _at(24, 10), _at(25, 9),
                     _at(25, 10)]),
    ("en semaine le matin", [_at(23, 9), _at(23, 10), _at(24, 9), _at(24, 10), _at(25, 9),
                             _at(25, 10)]),
    ("weekdays at 4pm", [_at(23, 16), _at(24, 16), _at(25, 16)]),
])
def test_vague_phrases_start_tomorrow_and_skip_the_weekend(text, starts):
    result = _parse(text)
    assert (result.kind, _starts(result)) == ("vague", starts)
    assert result.explanation.startswith("No particular day named")


def test_duration_and_working_hours_are_options():
    result = _parse("any time next week", default_duration_min=30, working_hours=(8, 12))
    assert _starts(result)[:2] == [_at(23, 8), _at(23, 10)]
    assert result.slots[0].end == _at(23, 8, 30)


@pytest.mark.parametrize("text", [
    "asap!!", "", "   ", "🙂👍", "whatever works lol", "32/13", None, "today at 9am",
    "2025-01-01 10:30", "31/02 10:00", "this week", "9999-12-31 10:00 " * 3])
def test_garbage_and_the_past_are_unparsed_never_an_error(text):
    result = _parse(text)
    if result.kind != "unparsed":  # a far-off year is still a real date
        assert all(slot.start > NOW for slot in result.slots)
        return
    assert result.slots == [] and result.explanation
    assert result.original == (text if isinstance(text, str) else "")


def test_impossible_dates_and_empty_answers_are_explained():
    assert _parse("31/02 10:00").explanation == "31/02 is not a date in the calendar."
    assert _parse("").explanation == "The answer is empty; ask for a day and time."
    assert "asap!!" in _parse("asap!!").explanation


def test_unknown_candidate_zone_falls_back_to_utc_and_says_so():
    result = parse_slot("next Tuesday at 3pm", now=NOW, candidate_tz="Mars/Olympus")
    assert result.slots[0].tz == "UTC" and "Mars/Olympus" in result.explanation


def test_no_slot_is_ever_in_the_past():
    late = datetime(2026, 11, 20, 17, 30, tzinfo=PARIS)
    for text in ("today, any time", "this afternoon", "3pm", "weekday mornings"):
        result = parse_slot(text, now=late, candidate_tz="Europe/Paris")
        assert all(slot.start > late for slot in result.slots), text


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_slot("3pm", now=datetime(2026, 11, 20, 10), candidate_tz="Europe/Paris")


@pytest.mark.parametrize(("text", "zone", "hour"), [
    ("Tuesday at 3pm London", "Europe/London", 15),
    ("Tuesday at 10:00 new york time", "America/New_York", 10),
    ("Tuesday 9am, Eastern time", "America/New_York", 9),
    ("Tuesday at 2pm, I'm in Sydney", "Australia/Sydney", 14),
])
def test_a_city_names_the_candidates_zone(text, zone, hour):
    result = _parse(text)
    assert result.slots and result.slots[0].tz == zone
    assert result.slots[0].start.hour == hour
    assert result.original == text


def test_ordinary_words_are_not_places():
    # "south" and "central" are words here, not zones: the candidate's own zone stays.
    result = _parse("Tuesday at 3pm, I drive south to the central office after.")
    assert result.slots[0].tz == "Europe/Paris"
