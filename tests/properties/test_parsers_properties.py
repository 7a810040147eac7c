"""Property-based tests: whatever text, bytes or times come in, the parsers and exports answer
sensibly and never crash."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireops.services.candidates.contacts import normalize_email, normalize_phone, parse_contact_info
from hireops.services.candidates.export import _FORMULA_STARTS, table_csv
from hireops.services.candidates.resume_text import extract_text
from hireops.services.candidates.resume_text.limits import ExtractionLimits
from hireops.services.outreach.slots import parse_slot

LIMITS = ExtractionLimits(max_seconds=0)  # inline: hypothesis runs many small files
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

names = st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.tex", "cv.doc", "cv.rtf",
                         "photo.png", "cv", "notes.md", "CV.PDF"])
pdf_like = st.binary(max_size=400).map(lambda tail: b"%PDF-1.4\n" + tail)
zip_like = st.binary(max_size=400).map(lambda tail: b"PK\x03\x04" + tail)


@FAST
@given(name=names, payload=st.one_of(st.binary(max_size=2000), pdf_like, zip_like))
def test_any_file_gets_text_or_a_reason_never_a_crash(name, payload):
    result = extract_text(name, "", payload, LIMITS)
    assert result.status in ("ok", "failed", "skipped")
    if result.status == "ok":
        assert result.text.strip()
    else:
        assert result.text == "" and result.reason
        # Every failure is an expected one with its own explanation, not the crash fallback.
        assert not result.reason.startswith("could not read the file ("), result.reason


@FAST
@given(text=st.text(max_size=3000))
def test_any_plain_text_resume_reads_back_as_text(text):
    result = extract_text("cv.txt", "text/plain", text.encode("utf-8"), LIMITS)
    assert result.status in ("ok", "failed")
    assert "\x00" not in result.text


@FAST
@given(resume=st.text(max_size=2000), from_name=st.text(max_size=80),
       from_address=st.text(max_size=80))
def test_contact_parser_never_crashes_and_returns_tidy_fields(resume, from_name, from_address):
    contact = parse_contact_info(resume_text=resume, from_name=from_name,
                                 from_address=from_address)
    for value in (contact.name, contact.email, contact.phone, contact.location):
        assert value == value.strip() and "\n" not in value and "\x00" not in value
        assert len(value) <= 320
    if contact.email:
        assert contact.email.count("@") == 1 and " " not in contact.email
        assert normalize_email(contact.email)
    if contact.phone:
        assert 7 <= len(normalize_phone(contact.phone).lstrip("+")) <= 15
    for url, host in ((contact.linkedin_url, "linkedin.com"), (contact.github_url, "github.com")):
        assert not url or (url.startswith("https://") and host in url)


NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


@FAST
@given(text=st.text(max_size=120),
       zone=st.sampled_from(["Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC",
                             "Not/AZone", ""]),
       shift=st.integers(min_value=0, max_value=400 * 24))
def test_slot_parser_never_crashes_nor_proposes_the_past(text, zone, shift):
    now = NOW + timedelta(hours=shift)
    parsed = parse_slot(text, now=now, candidate_tz=zone)
    assert parsed.original == text
    assert parsed.kind in ("exact", "range", "vague", "unparsed")
    assert parsed.explanation
    for slot in parsed.slots:
        assert slot.start.tzinfo is not None and slot.start >= now
        assert slot.end > slot.start


@st.composite
def slot_phrases(draw):
    day = draw(st.sampled_from(["Monday", "next Tuesday", "tomorrow", "Friday", "mardi",
                                "Donnerstag", "lunes", "15/12", "3 December"]))
    time = draw(st.sampled_from(["at 3pm", "10:30", "morning", "after 2pm", "14h", ""]))
    return f"{day} {time}".strip()


@FAST
@given(phrase=slot_phrases())
def test_plain_slot_phrases_are_understood(phrase):
    parsed = parse_slot(phrase, now=NOW, candidate_tz="Europe/Paris")
    assert parsed.kind != "unparsed" and parsed.slots, parsed.explanation


@FAST
@given(rows=st.lists(st.lists(st.one_of(st.text(max_size=40), st.none(),
                                        st.floats(allow_nan=False, allow_infinity=False)),
                              min_size=3, max_size=3), max_size=20))
def test_csv_export_round_trips_and_never_starts_a_formula(rows):
    data = table_csv(["a", "b", "c"], rows).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(data, newline="")))
    assert parsed[0] == ["a", "b", "c"] and len(parsed) == len(rows) + 1
    for original, written in zip(rows, parsed[1:]):
        for value, cell in zip(original, written):
            if isinstance(value, str):  # numbers stay numbers, "-3" included
                assert not cell.lstrip(" \n").startswith(_FORMULA_STARTS)
                assert cell in (value, "'" + value)
            elif value is None:
                assert cell == ""
