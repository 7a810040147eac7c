"""The company's calendar day of a stored time, worked out by the database, so that the reports
count a day as the people of the company lived it: an application at 00:30 in Paris is that
Paris day's, not the UTC day before, and a day across a DST change is 23 or 25 hours long.

PostgreSQL knows time zones: the day of `timezone(zone, column)`. SQLite knows none and keeps
UTC times as text ("YYYY-MM-DD HH:MM:SS.ffffff"), so the zone's UTC offsets over the stored
times are worked out here with `zoneinfo` (two changes a year where the zone has DST) and each
row's time is moved by the offset of its stretch, chosen by a CASE over the change instants:
a few comparisons of text per row, no Python per row, whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy import ColumnElement

from hireops.services.platform.clock import zone_of

# How far apart the offsets are compared before the instant of a change is searched for:
# zones change their offset at most once a day (DST changes are months apart).
_STEP = timedelta(days=1)
_DAY = 86400
# Rows written while a report is read carry times a little after its span was read.
_SPAN_MARGIN = timedelta(days=1)


@dataclass(frozen=True)
class CompanyDays:
    """How one database reads the day, in one zone, of the times stored in one span."""

    dialect: str
    # The IANA name of the zone ("Europe/Paris"), or "UTC".
    zone: str
    # SQLite: the zone's offset from UTC in seconds at the start of the span, then each change
    # within it as (the UTC instant it takes effect, the new offset). Unused on PostgreSQL.
    first_offset: int = 0
    changes: tuple[tuple[datetime, int], ...] = ()

    def day_of(self, column: ColumnElement) -> ColumnElement:
        """The company's date of a stored time, as "YYYY-MM-DD"."""
        if self.dialect == "postgresql":
            return sa.func.to_char(sa.func.timezone(self.zone, column), "YYYY-MM-DD")
        utc_day = sa.func.substr(column, 1, 10)
        offsets = {self.first_offset, *(offset for _, offset in self.changes)}
        if offsets == {0}:
            return utc_day
        # Whole seconds (the stored text's first 19 characters): SQLite rounds the fraction
        # to the millisecond, which would move 23:59:59.9996 into the next day.
        moved = sa.func.date(sa.func.substr(column, 1, 19), self._offset_modifier(column))
        # Most times of day fall on the same date in UTC and in the zone whatever its offset
        # (from midnight to 22:00 UTC in Paris): their UTC date is read as is, which takes
        # two thirds off what the company's day costs over the UTC day. Before `earliest` a
        # zone behind UTC is still on the day before; from `latest` one ahead is on the next.
        earliest = max(0, *(-offset for offset in offsets))
        latest = min(_DAY, *(_DAY - offset for offset in offsets))
        if earliest >= latest:
            return moved  # offsets so far apart either side of UTC that no time is spared
        time_of_day = sa.func.substr(column, 12)
        same_day = []
        if earliest > 0:
            same_day.append(time_of_day >= _clock(earliest))
        if latest < _DAY:
            same_day.append(time_of_day < _clock(latest))
        return sa.case((sa.and_(*same_day), utc_day), else_=moved)

    def _offset_modifier(self, column: ColumnElement) -> ColumnElement:
        """SQLite's "+3600 seconds" for the offset in force at each row's time."""
        if not self.changes:
            return sa.literal(_modifier(self.first_offset))
        return sa.case(*((column < instant, _modifier(offset)) for instant, offset
                         in _offsets_until(self.first_offset, self.changes)),
                       else_=_modifier(self.changes[-1][1]))


def zone_name(zone: str | None) -> str:
    """The IANA name of `zone` (the company's when empty), "UTC" for UTC or an unknown name,
    as `clock.zone_of` reads it."""
    local = zone_of(zone)
    return local.key if isinstance(local, ZoneInfo) else "UTC"


def company_days(dialect: str, zone: str | None, first: datetime | None,
                 last: datetime | None) -> CompanyDays:
    """How `dialect` reads days in `zone` (the company's when empty) for times stored from
    `first` to `last` (UTC; None when there are none)."""
    name = zone_name(zone)
    if dialect == "postgresql":
        return CompanyDays(dialect, name)
    local = zone_of(name)
    now = datetime.now(timezone.utc)
    first = first or now
    last = max(last or now, now) + _SPAN_MARGIN
    return CompanyDays(dialect, name, _offset_at(local, first),
                       tuple(offset_changes(local, first, last)))


def offset_changes(zone: tzinfo, first: datetime, last: datetime) -> list[tuple[datetime, int]]:
    """Each change of `zone`'s offset from UTC after `first` up to `last`: (the UTC instant
    it takes effect, the new offset in seconds)."""
    changes = []
    start, offset = first, _offset_at(zone, first)
    while start < last:
        end = min(start + _STEP, last)
        later = _offset_at(zone, end)
        if later != offset:
            changes.append((_change_within(zone, start, end, offset), later))
            offset = later
        start = end
    return changes


def _change_within(zone: tzinfo, start: datetime, end: datetime, offset: int) -> datetime:
    """The first whole second after `start`, up to `end`, at which `zone` is no longer at
    `offset` (a change is never inside a second)."""
    before, after = int(start.timestamp()), int(end.timestamp())
    if after < end.timestamp():
        after += 1
    while after - before > 1:
        middle = (before + after) // 2
        if _offset_at(zone, datetime.fromtimestamp(middle, timezone.utc)) == offset:
            before = middle
        else:
            after = middle
    return datetime.fromtimestamp(after, timezone.utc)


def _offset_at(zone: tzinfo, moment: datetime) -> int:
    return int(moment.astimezone(zone).utcoffset().total_seconds())


def _offsets_until(first_offset: int, changes: tuple[tuple[datetime, int], ...]):
    """(the instant each offset stops, the offset), in time order."""
    offsets = [first_offset] + [offset for _, offset in changes[:-1]]
    return [(instant, offset) for (instant, _), offset in zip(changes, offsets)]


def _clock(seconds: int) -> str:
    """A time of day as the stored text writes it, "22:00:00"."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _modifier(offset: int) -> str:
    return f"{offset:+d} seconds"
