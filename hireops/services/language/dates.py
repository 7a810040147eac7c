"""Dates and times in a candidate's emails, written the way their language writes them
(Babel's CLDR data): 'lundi 7 décembre 2026', 'Montag, 7. Dezember 2026'."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import re
from functools import cache

from babel.dates import format_date, get_date_format

from hireops.services.language.supported import DEFAULT_LANGUAGE, supported_language


def moment_label(moment: datetime, language: str, tz_name: str = "UTC") -> str:
    """A date and time: '07 December 2026, 04:40 UTC', 'lundi 7 décembre 2026, 04:40 UTC'."""
    local = moment.astimezone(ZoneInfo(tz_name))
    language = supported_language(language)
    if language == DEFAULT_LANGUAGE:  # the wording English mail has always used
        return f"{local:%d %B %Y, %H:%M} {tz_name}"
    return f"{format_date(local.date(), 'full', locale=language)}, {local:%H:%M} {tz_name}"


def slot_day_label(moment: datetime, language: str) -> str:
    """A day without its year: 'Tuesday 18 March', 'mardi 18 mars', 'Dienstag, 18. März'."""
    language = supported_language(language)
    if language == DEFAULT_LANGUAGE:
        return f"{moment:%A} {moment.day} {moment:%B}"
    return format_date(moment.date(), _full_date_without_year(language), locale=language)


@cache
def _full_date_without_year(language: str) -> str:
    """The language's own full date pattern with its year dropped ('EEEE d MMMM y' ->
    'EEEE d MMMM'; Spanish drops "'de' y" with it)."""
    pattern = get_date_format("full", locale=language).pattern
    return re.sub(r"[\s,.]*(?:'de'\s*)?y+[.]?$", "", pattern)
