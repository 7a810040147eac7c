"""Time zones named by a place: "3pm London", "10:00 New York time", "mornings, Sydney time".

Candidates name a city far more often than an IANA zone. The places come from the zone database
itself (the last part of "Europe/London", "America/New_York"), plus a few large cities that share
a zone with one of them (San Francisco, Mumbai, Munich). A place counts when written with a
capital letter or followed by "time": "london time" and "London" do, "south" does not. Names that
are also ordinary words ("North", "Center", "Eastern") are left out, except as "Eastern time" and
the like, which name the US zones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

_REGIONS = frozenset({"Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic",
                      "Indian"})
# Last parts of zone names that are ordinary words, or abbreviations, not places people name.
_NOT_PLACES = frozenset({"North", "South", "West", "East", "Center", "Central", "Eastern",
                         "Western", "Mountain", "Pacific", "Atlantic", "Knox", "Marengo",
                         "Monticello", "Petersburg", "Vevay", "Winamac", "Tell_City", "Beulah",
                         "New_Salem", "ACT", "NSW", "LHI", "Currie", "Yancowinna", "Chatham",
                         "Christmas", "Easter", "Stanley", "Regina", "Victoria", "Oral", "Mahe",
                         "Norfolk", "Jersey", "Sitka", "Nome", "Creston", "Resolute",
                         "Indiana", "Marquesas", "Midway", "Saipan"})
# Large cities that are not zone names but share one.
_CITY_ZONES = {
    "San Francisco": "America/Los_Angeles", "Seattle": "America/Los_Angeles",
    "Boston": "America/New_York", "Washington": "America/New_York", "Atlanta": "America/New_York",
    "Miami": "America/New_York", "Austin": "America/Chicago", "Dallas": "America/Chicago",
    "Houston": "America/Chicago", "Bangalore": "Asia/Kolkata", "Bengaluru": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata", "Delhi": "Asia/Kolkata", "New Delhi": "Asia/Kolkata",
    "Munich": "Europe/Berlin", "Hamburg": "Europe/Berlin", "Frankfurt": "Europe/Berlin",
    "Manchester": "Europe/London", "Edinburgh": "Europe/London", "Barcelona": "Europe/Madrid",
    "Milan": "Europe/Rome", "Rome": "Europe/Rome", "Lyon": "Europe/Paris",
    "Beijing": "Asia/Shanghai", "Rotterdam": "Europe/Amsterdam", "Geneva": "Europe/Zurich",
    "Krakow": "Europe/Warsaw", "Porto": "Europe/Lisbon", "Melbourne": "Australia/Melbourne",
}
# "Eastern time" and friends: ordinary words that name a zone only before "time".
_WORD_ZONES = {"eastern": "America/New_York", "central": "America/Chicago",
               "mountain": "America/Denver", "pacific": "America/Los_Angeles"}


@dataclass(frozen=True)
class NamedZone:
    """A zone a text names, and the words that named it."""

    key: str  # IANA key, "Europe/London"
    words: str  # as written, "London time"
    start: int
    end: int


@cache
def _places() -> dict[str, str]:
    places: dict[str, str] = {}
    for key in sorted(available_timezones()):
        parts = key.split("/")
        if parts[0] in _REGIONS and len(parts) >= 2 and parts[-1] not in _NOT_PLACES:
            places.setdefault(parts[-1].replace("_", " ").casefold(), key)
    places.update({name.casefold(): key for name, key in _CITY_ZONES.items()})
    return places


@cache
def _place_pattern() -> re.Pattern[str]:
    names = sorted(_places(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"\b({alternatives})\b(\s+time\b)?", re.IGNORECASE)


_WORD_ZONE = re.compile(r"\b(eastern|central|mountain|pacific)\s+time\b", re.IGNORECASE)


def find_named_zone(text: str) -> NamedZone | None:
    """The first time zone `text` names by a place, or None."""
    for match in _place_pattern().finditer(text):
        capitalised = match.group(1)[:1].isupper()
        if capitalised or match.group(2):
            key = _places()[re.sub(r"\s+", " ", match.group(1)).casefold()]
            return NamedZone(key, match.group(0), match.start(), match.end())
    if match := _WORD_ZONE.search(text):
        return NamedZone(_WORD_ZONES[match.group(1).casefold()], match.group(0), match.start(),
                         match.end())
    return None


def zone_of_location(location: str | None) -> str | None:
    """The IANA zone a candidate's location names ("London, UK" -> "Europe/London"), or None;
    emails then also give times on the candidate's own clock."""
    named = find_named_zone((location or "")[:160])
    return named.key if named else None
