"""One clock: every time a person reads (pages, emails, exports) is written here, in the
company's time zone and labelled with it, "7 Dec 2026, 14:05 CET".

Times are stored in UTC (models.py); this is the only place that turns them into text. Dates
people type (filters) are read here too, in the company's date style: day-month-year
("07/12/2026") or ISO ("2026-12-07"), never month first, which half the world misreads.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates as babel_dates

from hireops.knowledge.loading import read_json
# The module, not the function: the settings' own error messages use the labels, which use
# this clock.
from hireops.services.platform import runtime_settings

DAY_MONTH_YEAR, ISO = "day-month-year", "iso"
DATE_STYLES = (DAY_MONTH_YEAR, ISO)
_PLACEHOLDERS = {DAY_MONTH_YEAR: "DD/MM/YYYY", ISO: "YYYY-MM-DD"}
# Bounded, no nested repetition: linear on anything typed.
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DAY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
# A candidate's languages other than English: their mail writes days the language's way.
_OTHER_LANGUAGES = frozenset({"fr", "de", "es"})
_WORDS = read_json("clock_words.json")


def company_zone_name() -> str:
    """The company's IANA zone from the settings ("Europe/Paris")."""
    return runtime_settings.current_settings().company_timezone


def date_style() -> str:
    """How the company writes dates typed into filters: "day-month-year" or "iso"."""
    return runtime_settings.current_settings().company_date_style


def zone_of(name: str | None) -> tzinfo:
    """The zone called `name`, the company's when empty; UTC when the name is unknown."""
    name = name or company_zone_name()
    if name.upper() in ("UTC", "Z", "ETC/UTC", "GMT"):
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def zone_label(moment: datetime) -> str:
    """The abbreviation people know ("CET", "EST"), or "UTC+03" where the zone has none."""
    name = moment.tzname() or "UTC"
    if name[0] in "+-":
        return f"UTC{name}"
    return name


def format_local(moment: datetime | None, zone: str | None = None, *,
                 weekday: bool = False, language: str = "en") -> str:
    """"7 Dec 2026, 14:05 CET": `moment` in `zone` (the company's when empty); "" for None.
    With `weekday`: "Mon 7 Dec 2026, 14:05 CET". In another `language` (a candidate's mail)
    the day is written that language's way: "mardi 7 décembre 2026, 14:05 CET"."""
    if moment is None:
        return ""
    return _written(_local(moment, zone), weekday, language)


def format_as_given(moment: datetime, *, weekday: bool = False) -> str:
    """`format_local` on the moment's own clock (a time a candidate wrote, in their zone)."""
    return _written(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc), weekday)


def format_time(moment: datetime) -> str:
    """"14:05": the time of day on the moment's own clock, for lists under one day."""
    return f"{moment:%H:%M}"


def format_day(moment: datetime | date | None, zone: str | None = None, *,
               weekday: bool = False, language: str = "en") -> str:
    """"7 Dec 2026" ("Mon 7 Dec 2026" with `weekday`): the day of `moment` in `zone`, or a
    plain date as it is; in French, German or Spanish as that language writes it (Babel's
    CLDR data: "lundi 7 décembre 2026", "7. Dezember 2026")."""
    if moment is None:
        return ""
    day = _local(moment, zone) if isinstance(moment, datetime) else moment
    if language in _OTHER_LANGUAGES:
        return babel_dates.format_date(day, "full" if weekday else "long", locale=language)
    return f"{day:%a} {day.day} {day:%b %Y}" if weekday else f"{day.day} {day:%b %Y}"


def format_long_day(day: date, language: str = "en") -> str:
    """"Monday 7 December 2026": a date written out in full, as a letter gives it; in
    French, German or Spanish that language's way ("lundi 7 décembre 2026")."""
    if language in _OTHER_LANGUAGES:
        return babel_dates.format_date(day, "full", locale=language)
    return f"{day:%A} {day.day} {day:%B %Y}"


def format_short_day(day: date) -> str:
    """"Mon 7 Dec": a day within a week already named (a calendar column)."""
    return f"{day:%a} {day.day} {day:%b}"


def format_day_range(first: date, last: date) -> str:
    """"7 - 13 December 2026", "30 November - 6 December 2026": a week or other span of days."""
    if first.year != last.year:
        return f"{first.day} {first:%B %Y} - {last.day} {last:%B %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%B} - {last.day} {last:%B %Y}"
    return f"{first.day} - {last.day} {last:%B %Y}"


def local_day(moment: datetime, zone: str | None = None) -> date:
    """The date of `moment` in `zone` (the company's when empty), for grouping by day."""
    return _local(moment, zone).date()


def format_span(start: datetime, end: datetime, zone: str | None = None, *,
                language: str = "en") -> str:
    """"Tue 8 Dec 2026, 10:00–10:45 CET": a meeting as one reads it in `zone`."""
    local_start, local_end = _local(start, zone), _local(end, zone)
    ends = f"{local_end:%H:%M}" if local_end.date() == local_start.date() \
        else format_local(end, zone, language=language).removesuffix(
            f" {zone_label(local_end)}")
    return (f"{format_day(local_start.date(), weekday=True, language=language)}, "
            f"{local_start:%H:%M}–{ends} {zone_label(local_start)}")


def format_for_candidate(moment: datetime, candidate_zone: str | None,
                         language: str = "en") -> str:
    """`format_local` in the company's zone, and also in the candidate's when known and
    different: "7 Dec 2026, 14:05 CET (08:05 EST your time)"; in the candidate's language."""
    ours = format_local(moment, language=language)
    if not candidate_zone or _same_clock(moment, candidate_zone):
        return ours
    theirs = _local(moment, candidate_zone)
    day = "" if theirs.date() == _local(moment, None).date() \
        else f"{format_day(theirs.date(), language=language)}, "
    your_time = _WORDS.get(language, _WORDS["en"])["your_time"]
    return f"{ours} ({day}{theirs:%H:%M} {zone_label(theirs)} {your_time})"


def format_span_for_candidate(start: datetime, end: datetime, candidate_zone: str | None,
                              language: str = "en") -> str:
    """A meeting in the candidate's zone first (it is their invitation), then in the
    company's when different."""
    if not candidate_zone or _same_clock(start, candidate_zone):
        return format_span(start, end, language=language)
    for_us = _WORDS.get(language, _WORDS["en"])["for_us"]
    return (f"{format_span(start, end, candidate_zone, language=language)} "
            f"({format_span(start, end, language=language)} {for_us})")


def day_bounds(day: date, zone: str | None = None) -> tuple[datetime, datetime]:
    """The first instant of `day` and of the next day in `zone`, in UTC, for filters."""
    local = zone_of(zone)
    start = datetime.combine(day, time.min, tzinfo=local)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=local)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def today(zone: str | None = None) -> date:
    """Today's date in `zone` (the company's when empty)."""
    return datetime.now(zone_of(zone)).date()


def file_stamp(*, minutes: bool = False) -> str:
    """Now on the company's clock as "2026-12-07" (or "2026-12-07-1405"), for export file
    names: sorts by name."""
    now = datetime.now(zone_of(None))
    return f"{now:%Y-%m-%d-%H%M}" if minutes else f"{now:%Y-%m-%d}"


def day_placeholder(style: str | None = None) -> str:
    """What a date filter shows while empty: "DD/MM/YYYY" or "YYYY-MM-DD"."""
    return _PLACEHOLDERS.get(style or date_style(), _PLACEHOLDERS[DAY_MONTH_YEAR])


def format_day_input(day: date | None, style: str | None = None) -> str:
    """`day` as typed in the company's style ("07/12/2026" or "2026-12-07")."""
    if day is None:
        return ""
    if (style or date_style()) == ISO:
        return day.isoformat()
    return f"{day:%d/%m/%Y}"


def parse_day(text: str | None) -> date | None:
    """A typed date, ISO ("2026-12-07") or day first ("07/12/2026", "7.12.2026"); None when
    it is not a real date. Month-first is never assumed."""
    text = (text or "").strip()[:32]
    iso, dmy = _ISO_DAY.fullmatch(text), _DMY_DAY.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        return None
    return None


def _written(local: datetime, weekday: bool, language: str = "en") -> str:
    return (f"{format_day(local.date(), weekday=weekday, language=language)}, "
            f"{local:%H:%M} {zone_label(local)}")


def _local(moment: datetime, zone: str | None) -> datetime:
    if moment.tzinfo is None:  # stored values are UTC; SQLite may drop the zone
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone_of(zone))


def _same_clock(moment: datetime, candidate_zone: str) -> bool:
    return _local(moment, candidate_zone).utcoffset() == _local(moment, None).utcoffset()
