"""A static check: times are written as text only by services.platform.clock. A page, state or service
that formats a moment itself (strftime, isoformat, an f-string "%H:%M") would bring back the
unlabelled, differently formatted times this replaced."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "hireops"
# The browser-facing layers: no time reaches a page except through the clock.
SHOWN = ("pages", "state", "components")
# strftime, an f-string time format ("{at:%H:%M}"), and today's date from the server's zone.
_FORMATTING = re.compile(r"\.strftime\(|\{[^{}\n]*:%[A-Za-z]|\bdate\.today\(\)")
# ISO text in the browser layers (services keep ISO for stored values and the API).
_ISO_TEXT = re.compile(r"\.isoformat\(")
# Where writing a date otherwise is right, and why.
ALLOWED = {
    # The one formatter.
    "services/platform/clock.py",
    # A month named in a resume ("Mar 2019") is a fact of the resume, not a moment.
    "services/ai/local/resume_scorer.py",
    # Plotly's date axis takes its range as ISO dates (data, not text); its ticks are "%d %b".
    "state/reports/charts.py",
}


def _offences(pattern: re.Pattern[str], folders: tuple[str, ...]) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            name = path.relative_to(PACKAGE).as_posix()
            if name in ALLOWED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line) and not line.lstrip().startswith("#"):
                    found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_no_page_state_or_service_formats_a_time_itself():
    assert _offences(_FORMATTING, (*SHOWN, "services")) == []


def test_no_page_or_state_shows_iso_text():
    assert _offences(_ISO_TEXT, SHOWN) == []


def test_the_check_sees_what_it_forbids(tmp_path):
    # The patterns must match the forms they exist for, or the two tests above prove nothing.
    for line in ('at.strftime("%d %b")', 'f"{moment:%H:%M}"', "date.today()"):
        assert _FORMATTING.search(line), line
    assert _ISO_TEXT.search("created.isoformat()")
    assert not _FORMATTING.search('f"{value:g}"')
