"""Slot understanding: a candidate's own words for when they can talk ("next Tuesday at 3pm",
"weekday mornings", "mardi prochain à 15h") turned into concrete, future interview slots that HR
can pick from, always keeping what the candidate wrote.

Rules, deterministic and local (no date guessing library: the phrases that matter here are
vague ones, which general parsers either reject or resolve to one arbitrary instant):

- English, French, German and Spanish day names, relative days, parts of the day, "after" and
  "before" bounds, ISO dates, day-first numeric dates ("15/12") and month names.
- Times are in the candidate's zone unless the message names one ("14:00 CET", "UTC+2",
  "Europe/Berlin", or a city: "3pm London"), which then wins.
- A weekday name means its next occurrence after today; "next week" means Monday to Friday of
  the following week; a time alone means today if still ahead, else the next weekday.
- Never a slot in the past; vague phrases skip weekends and start tomorrow.
- Anything it cannot read is `unparsed` with a reason, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hireops.services.platform.clock import format_as_given, format_day, format_time
from hireops.services.text.zone_names import find_named_zone

SlotKind = Literal["exact", "range", "vague", "unparsed"]

# Vague phrases get a few slots on a few days: enough choice without flooding the HR card.
VAGUE_DAYS = 3
VAGUE_SLOTS_PER_DAY = 2
RANGE_SLOTS_PER_DAY = 3
# How far ahead a vague phrase may look for weekdays.
_LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class ProposedSlot:
    """One concrete interview slot."""

    # Timezone-aware, in the zone below.
    start: datetime
    end: datetime
    # The zone the candidate meant: theirs, or the one their message named.
    tz: str


@dataclass(frozen=True)
class SlotParse:
    """What the candidate wrote and the slots read from it."""

    # The candidate's words, unchanged.
    original: str
    slots: list[ProposedSlot] = field(default_factory=list)
    kind: SlotKind = "unparsed"
    # One sentence for HR: what was understood, or why nothing was.
    explanation: str = ""


@dataclass
class _Reading:
    """Everything recognised in one message, before it becomes slots."""

    zone: tzinfo
    zone_name: str
    zone_from_text: bool = False
    days: list[date] = field(default_factory=list)
    # weekdays | this_week | next_week, when no particular day was named.
    day_set: str = ""
    # (start hour, end hour) of a part of the day or "any time".
    window: tuple[int, int] | None = None
    window_label: str = ""
    points: list[time] = field(default_factory=list)
    # Dates written like one that do not exist ("31/02"), kept to tell HR.
    impossible_dates: list[str] = field(default_factory=list)
    after: time | None = None
    before: time | None = None


def parse_slot(text: str, *, now: datetime, candidate_tz: str, default_duration_min: int = 45,
               working_hours: tuple[int, int] = (9, 18)) -> SlotParse:
    """Read a candidate's availability into concrete future slots (or say why not)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    original = text if isinstance(text, str) else ""
    try:
        return _parse(original, now, candidate_tz, timedelta(minutes=default_duration_min),
                      working_hours)
    except (ValueError, OverflowError) as error:
        # Out-of-range dates and the like: the candidate's words must never break the flow.
        return SlotParse(original, [], "unparsed", f"Could not read a time from this ({error}).")


def _parse(original: str, now: datetime, candidate_tz: str, duration: timedelta,
           working_hours: tuple[int, int]) -> SlotParse:
    zone, zone_name, note = _candidate_zone(candidate_tz)
    reading = _Reading(zone=zone, zone_name=zone_name)
    rest = _read_zone(original, reading)
    today = now.astimezone(reading.zone).date()
    rest = _read_phrases(_fold(rest), reading, today, working_hours)
    rest = _read_dates(rest, reading, today)
    rest = _read_weekdays(rest, reading, today)
    _read_times(rest, reading)
    if reading.impossible_dates:
        return SlotParse(original, [], "unparsed",
                         f"{', '.join(reading.impossible_dates)} is not a date in the calendar.")
    if not original.strip():
        return SlotParse(original, [], "unparsed", "The answer is empty; ask for a day and time.")
    if not (reading.days or reading.day_set or reading.window or reading.points
            or reading.after or reading.before):
        shown = original.strip() or "an empty answer"
        return SlotParse(original, [], "unparsed",
                         f"No day or time found in {shown!r}; ask the candidate for one." + note)
    kind, slots = _make_slots(reading, now, today, duration, working_hours)
    if not slots:
        return SlotParse(original, [], "unparsed",
                         "The times named are already past or fall on no working day." + note)
    return SlotParse(original, slots, kind, _explain(kind, slots, reading) + note)


# Time zones.

_ZONE_ABBREVIATIONS = {
    "CET": "CET", "CEST": "CET", "MEZ": "CET", "MESZ": "CET", "WET": "WET", "WEST": "WET",
    "EET": "EET", "EEST": "EET", "BST": "Europe/London", "UTC": "UTC", "GMT": "UTC", "Z": "UTC",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "MST": "America/Denver",
    "MDT": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "PT": "America/Los_Angeles",
}
# Upper case only: "est" is French for "is", "z" and "et" are words too.
_OFFSET_RE = re.compile(r"\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b")
_ABBREVIATION_RE = re.compile(r"(?<![\w/])(" + "|".join(
    sorted(_ZONE_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w/])")
_IANA_RE = re.compile(r"\b[A-Z][A-Za-z_]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?\b")


def _candidate_zone(name: str) -> tuple[tzinfo, str, str]:
    try:
        return ZoneInfo(name), name, ""
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return timezone.utc, "UTC", f" (Unknown candidate time zone {name!r}: times read as UTC.)"


def _read_zone(text: str, reading: _Reading) -> str:
    """Find a zone named in the message; it wins over the candidate's. Returns the rest."""
    if match := _OFFSET_RE.search(text):
        sign = 1 if match[1] == "+" else -1
        offset = timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
        if offset <= timedelta(hours=14):
            label = f"UTC{match[1]}{int(match[2]):02d}:{int(match[3] or 0):02d}"
            _set_zone(reading, timezone(sign * offset, label), label)
            return _blank(text, match)
    for pattern in (_IANA_RE, _ABBREVIATION_RE):
        for match in pattern.finditer(text):
            key = _ZONE_ABBREVIATIONS.get(match[0], match[0])
            try:
                _set_zone(reading, ZoneInfo(key), key)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            return _blank(text, match)
    if named := find_named_zone(text):
        # "3pm London": the candidate's city names their zone.
        _set_zone(reading, ZoneInfo(named.key), named.key)
        return text[:named.start] + " " * (named.end - named.start) + text[named.end:]
    return text


def _set_zone(reading: _Reading, zone: tzinfo, name: str) -> None:
    reading.zone, reading.zone_name, reading.zone_from_text = zone, name, True


# Words and phrases (matched on lower-cased text without accents).

_ANY_TIME = r"any ?time|whenever|flexible|n'importe quand|a tout moment|jederzeit|cuando sea|" \
            r"cuando quiera|(?:en )?cualquier momento"
_PARTS = [  # (pattern, label, window); afternoon first: "apres-midi" contains "midi"
    (r"afternoons?|apres[- ]midis?|aprem|nachmittags?|(?:por|en) la tarde|tardes?",
     "afternoon", (14, None)),
    (r"mornings?|matin(?:ee)?s?|vormittags?|morgens|fruh|(?:por|en) la manana|mananas",
     "morning", (None, 12)),
    (r"evenings?|soir(?:ee)?s?|abends?|(?:por|en) la noche|noches?", "evening", (17, 20)),
]
_NOON = r"noon|midday|midi|mittags?|mediodia"
_RELATIVE_DAYS = [  # longest first: "apres-demain" contains "demain"
    (r"(?:the )?day after tomorrow|apres[- ]demain|ubermorgen|pasado manana", 2),
    (r"tomorrow|demain|morgen|manana", 1),
    (r"today|tonight|aujourd'hui|aujourd hui|ce soir|heute|hoy", 0),
]
_DAY_SETS = [
    (r"next week|following week|(?:la )?semaine prochaine|nachste[nr]? woche|"
     r"(?:la )?proxima semana|(?:la )?semana que viene", "next_week"),
    (r"this week|cette semaine|diese woche|esta semana", "this_week"),
    (r"week ?days?|during the week|en semaine|jours ouvres|unter der woche|werktags?|"
     r"entre semana|dias laborables", "weekdays"),
]
_THIS = r"\b(?:this|cet|ce|cette|heute|esta|diesen)\b"


def _read_phrases(text: str, reading: _Reading, today: date,
                  working_hours: tuple[int, int]) -> str:
    text, found = _take(_ANY_TIME, text)
    if found:
        reading.window, reading.window_label = working_hours, "any time"
    for pattern, label, (start, end) in _PARTS:
        text, found = _take(pattern, text)
        if found and reading.window is None:
            reading.window = (start or working_hours[0], end or working_hours[1])
            reading.window_label = label + "s"
    text, found = _take(_NOON, text)
    if found:
        reading.points.append(time(12, 0))
    for pattern, offset in _RELATIVE_DAYS:
        text, found = _take(pattern, text)
        if found:
            reading.days.append(today + timedelta(days=offset))
    for pattern, day_set in _DAY_SETS:
        text, found = _take(pattern, text)
        if found and not reading.day_set:
            reading.day_set = day_set
    if reading.window and not reading.days and not reading.day_set and re.search(_THIS, text):
        reading.days.append(today)  # "this afternoon", "cet après-midi"
    return text


# Dates.

_MONTHS = {
    1: "january|jan|janvier|januar|enero", 2: "february|feb|fevrier|februar|febrero",
    3: "march|mar|mars|marz|marzo", 4: "april|apr|avril|abril", 5: "may|mai|mayo",
    6: "june|jun|juin|juni|junio", 7: "july|jul|juillet|juli|julio", 8: "august|aug|aout|agosto",
    9: "september|sept|sep|septembre|septiembre|setiembre",
    10: "october|oct|octobre|oktober|octubre", 11: "november|nov|novembre|noviembre",
    12: "december|dec|decembre|dezember|diciembre",
}
_MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names.split("|")}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + ")"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?{_MONTH}\b{_YEAR}"),
    re.compile(rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?!\s*(?:[ap]\.?m\b|h\b|uhr\b|:)){_YEAR}"),
    # Day first, as written in Europe: 15/12, 15.12., 15/12/2026.
    re.compile(r"(?<![\d:.])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})"
               r"(?:[/.](?P<year>\d{4}|\d{2}))?(?![\d:/])"),
]


def _read_dates(text: str, reading: _Reading, today: date) -> str:
    for pattern in _DATE_PATTERNS:
        for match in list(pattern.finditer(text)):
            day = _date_from(match, today)
            if day is None and _looks_like_date(match):
                reading.impossible_dates.append(match[0].strip())
            if day is not None:
                reading.days.append(day)
                text = _blank(text, match)
    return text


def _looks_like_date(match: re.Match) -> bool:
    # "14.30" is a time, not a 30th month; "31/02" is a date that does not exist.
    month = match["month"]
    return int(match["day"]) <= 31 and (not month.isdigit() or 1 <= int(month) <= 12)


def _date_from(match: re.Match, today: date) -> date | None:
    month = match["month"]
    month = int(month) if month.isdigit() else _MONTH_OF[month]
    year = match["year"]
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, int(match["day"]))
        day = date(today.year, month, int(match["day"]))
    except ValueError:  # 31/02, 14.30 (a time, not a date)
        return None
    # No year: the next such date, never one already gone.
    return day if day >= today else day.replace(year=today.year + 1)


# Weekday names.

_WEEKDAYS = [
    "monday|mon|lundi|montag|lunes", "tuesday|tues|tue|mardi|dienstag|martes",
    "wednesday|wed|mercredi|mittwoch|miercoles", "thursday|thurs|thu|jeudi|donnerstag|jueves",
    "friday|fri|vendredi|freitag|viernes", "saturday|sat|samedi|samstag|sabado",
    "sunday|sun|dimanche|sonntag|domingo",
]
_WEEKDAY_OF = {name: index for index, names in enumerate(_WEEKDAYS) for name in names.split("|")}
_WEEKDAY_RE = re.compile(
    r"\b(?:(?:next|coming|this|el|le)\s+)?(?:(?:nachste[nrs]?|kommende[nrs]?|proximo)\s+)?"
    r"(?P<day>" + "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True)) + r")s?\b"
    r"(?:\s+(?:prochain|que viene))?")


def _read_weekdays(text: str, reading: _Reading, today: date) -> str:
    found = [_WEEKDAY_OF[match["day"]] for match in _WEEKDAY_RE.finditer(text)]
    if found and reading.day_set == "next_week":
        # "Tuesday next week": that weekday of the following week.
        monday = today + timedelta(days=7 - today.weekday())
        reading.days.extend(monday + timedelta(days=index) for index in found)
        reading.day_set = ""
    else:
        # The next such day after today ("Friday" said on a Friday means a week later).
        reading.days.extend(today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)
                            for index in found)
    return _WEEKDAY_RE.sub(" ", text)


# Times.

_LOWER = r"after|from|since|apres|a partir de|des|depuis|ab|nach|despues de|desde"
_UPPER = r"before|until|till|to|avant|jusqu'a|bis|vor|antes de|hasta"
_TIME_RE = re.compile(
    rf"(?:\b(?P<prefix>{_LOWER}|{_UPPER}|between|entre|zwischen|and|et|und|y|at|around|"
    r"vers|a|um|gegen|a las|a la)\s+(?:(?:las|la)\s+)?)?"
    r"(?<![\d/.:-])(?P<hour>\d{1,2})(?:(?P<sep>[:h.])(?P<minute>\d{2}))?"
    r"(?:\s*(?P<suffix>[ap]\.?m\b\.?|h\b|uhr\b))?(?![\d/:])")
_LOWER_WORDS = set(_LOWER.split("|")) | {"between", "entre", "zwischen"}
_UPPER_WORDS = set(_UPPER.split("|")) | {"and", "et", "und", "y"}


def _read_times(text: str, reading: _Reading) -> None:
    late = reading.window_label in ("afternoons", "evenings")
    for match in _TIME_RE.finditer(text):
        prefix, suffix = match["prefix"] or "", (match["suffix"] or "").replace(".", "")
        if not (prefix or suffix or match["minute"]):
            continue  # a bare number is a day or a count, not a time
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        elif suffix != "am" and not match["minute"] and suffix not in ("h", "uhr") and (
                1 <= hour <= 7 or (late and hour < 12)):
            hour += 12  # "at 3", "after 2": office hours mean the afternoon
        elif late and suffix != "am" and hour < 12:
            hour += 12  # "a las 3 de la tarde"
        if hour > 23 or minute > 59:
            continue
        _place_time(reading, prefix, time(hour, minute))


def _place_time(reading: _Reading, prefix: str, at: time) -> None:
    if prefix in _LOWER_WORDS:
        reading.after = at
    elif prefix in _UPPER_WORDS and (prefix not in ("and", "et", "und", "y") or reading.after):
        reading.before = at
    else:
        reading.points.append(at)


# Slots.

def _make_slots(reading: _Reading, now: datetime, today: date, duration: timedelta,
                working_hours: tuple[int, int]) -> tuple[SlotKind, list[ProposedSlot]]:
    days = sorted(set(reading.days))
    if reading.points:
        if days:
            return "exact", _at_times(reading, days, now, duration)
        if reading.day_set:
            return "vague", _at_times(reading, _vague_days(reading, today, now, duration,
                                                           working_hours), now, duration)
        # A time alone: today if still ahead, else the next weekday.
        days = [day for day in _weekdays_from(today) if _at_times(reading, [day], now, duration)]
        return "exact", _at_times(reading, days[:1], now, duration)
    if days:
        return "range", [slot for day in days for slot in _in_window(
            reading, day, now, duration, working_hours, RANGE_SLOTS_PER_DAY)]
    slots = []
    for day in _vague_days(reading, today, now, duration, working_hours):
        slots.extend(_in_window(reading, day, now, duration, working_hours, VAGUE_SLOTS_PER_DAY))
    return "vague", slots


def _vague_days(reading: _Reading, today: date, now: datetime, duration: timedelta,
                working_hours: tuple[int, int]) -> list[date]:
    """The first few weekdays of the phrase's set that still have a slot."""
    if reading.day_set == "next_week":
        start = today + timedelta(days=7 - today.weekday())
        candidates = [start + timedelta(days=offset) for offset in range(5)]
    elif reading.day_set == "this_week":
        candidates = [day for day in _weekdays_from(today + timedelta(days=1))
                      if day.isocalendar()[:2] == today.isocalendar()[:2]]
    else:
        candidates = list(_weekdays_from(today + timedelta(days=1)))
    usable = [day for day in candidates
              if _in_window(reading, day, now, duration, working_hours, 1)]
    return usable[:VAGUE_DAYS]


def _weekdays_from(first: date) -> Iterator[date]:
    for offset in range(_LOOKAHEAD_DAYS):
        day = first + timedelta(days=offset)
        if day.weekday() < 5:
            yield day


def _at_times(reading: _Reading, days: list[date], now: datetime,
              duration: timedelta) -> list[ProposedSlot]:
    starts = (datetime.combine(day, at, tzinfo=reading.zone)
              for day in days for at in sorted(set(reading.points)))
    return [_slot(start, duration, reading) for start in starts if start > now]


def _in_window(reading: _Reading, day: date, now: datetime, duration: timedelta,
               working_hours: tuple[int, int], most: int) -> list[ProposedSlot]:
    """Up to `most` hourly starts spread over the day's window, none in the past."""
    first = reading.after or time((reading.window or working_hours)[0])
    last = reading.before or time((reading.window or working_hours)[1])
    start = datetime.combine(day, first, tzinfo=reading.zone)
    end = max(datetime.combine(day, last, tzinfo=reading.zone), start + duration)
    starts = []
    while start + duration <= end:
        if start > now:
            starts.append(start)
        start += timedelta(hours=1)
    if len(starts) > most:
        starts = [starts[index * len(starts) // most] for index in range(most)]
    return [_slot(start, duration, reading) for start in starts]


def _slot(start: datetime, duration: timedelta, reading: _Reading) -> ProposedSlot:
    return ProposedSlot(start=start, end=start + duration, tz=reading.zone_name)


def _explain(kind: SlotKind, slots: list[ProposedSlot], reading: _Reading) -> str:
    zone = f" ({reading.zone_name}{', named in the message' if reading.zone_from_text else ''})"
    if kind == "exact":
        return " or ".join(format_as_given(s.start, weekday=True) for s in slots) + zone + "."
    by_day: dict[date, list[str]] = {}
    for slot in slots:
        by_day.setdefault(slot.start.date(), []).append(format_time(slot.start))
    offered = "; ".join(f"{format_day(day, weekday=True)} at {', '.join(times)}"
                        for day, times in by_day.items())
    if kind == "range":
        return f"Within the times given: {offered}{zone}."
    what = reading.window_label or "the times given"
    return f"No particular day named ({what}); proposing {offered}{zone}."


# Text helpers.

def _fold(text: str) -> str:
    """Lower case without accents or curly apostrophes, so "Mañana" matches "manana"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _take(pattern: str, text: str) -> tuple[str, bool]:
    """Blank out every whole-word match of `pattern`; say whether there was one."""
    text, count = re.subn(rf"\b(?:{pattern})\b", " ", text)
    return text, count > 0


def _blank(text: str, match: re.Match) -> str:
    return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
