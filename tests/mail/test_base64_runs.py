"""Folding runs of base64 lines before parsing leaves the standard parser's tree unchanged:
the same parts, headers, payloads, preambles, epilogues and defects, on real-shaped mail, on the
golden corpus and on generated line soups of every kind the parser tells apart."""

from __future__ import annotations

import base64
import random
from email.message import Message
from email.parser import BytesParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireops.services.mail.base64_runs import _fold, parse_with_runs_folded
from hireops.services.mail.parsing import _LENIENT_POLICY, _POLICY
from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_pdf
from tests.mail.golden_messages import load_golden

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
PARSERS = {"strict": BytesParser(policy=_POLICY).parsebytes,
           "lenient": BytesParser(policy=_LENIENT_POLICY).parsebytes}


def tree(message: Message) -> list[tuple]:
    """What the parser decided, part by part in document order."""
    found, parts = [], [message]
    while parts:
        part = parts.pop(0)
        payload = part._payload
        found.append((part.get_unixfrom(), list(part.raw_items()), part.preamble, part.epilogue,
                      [(type(defect).__name__, str(defect)) for defect in part.defects],
                      part.get_default_type(),
                      payload if isinstance(payload, str) else len(payload)))
        if isinstance(payload, list):
            parts = [item for item in payload if isinstance(item, Message)] + parts
    return found


def assert_same_tree(raw: bytes) -> None:
    for parse in PARSERS.values():
        try:
            expected = tree(parse(raw))
        except Exception as problem:  # the folded parse must fail the same way
            with pytest.raises(type(problem)):
                parse_with_runs_folded(parse, raw)
            continue
        assert tree(parse_with_runs_folded(parse, raw)) == expected


def application(line_break: bytes) -> bytes:
    lines = [f"Line {i} of a resume with Python and SQL" for i in range(120)]
    raw = build_email(sender="maya@example.com", sender_name="Maya Chen", subject="Application",
                      body="Hello,\n\nmy resume is attached.\n\nMaya",
                      attachments=[("cv.pdf", PDF, resume_pdf(lines)),
                                   ("cv.docx", DOCX, resume_docx(lines))])
    return raw.replace(b"\r\n", b"\n").replace(b"\n", line_break)


@pytest.mark.parametrize("line_break", [b"\n", b"\r\n", b"\r"])
def test_an_application_with_attachments_parses_to_the_same_tree(line_break):
    raw = application(line_break)
    folded, runs = _fold(raw)
    assert len(runs) == 2 and len(folded) < len(raw) / 4  # the attachments were folded
    assert_same_tree(raw)


def test_the_golden_corpus_parses_to_the_same_trees():
    for case in load_golden().values():
        assert_same_tree(base64.b64decode(case["raw"]))


def test_a_message_carrying_the_marker_text_is_parsed_whole():
    raw = application(b"\n").replace(b"Hello,", b"HireOpsFoldedBase64Lines0")
    assert_same_tree(raw)


def _run(seed: int) -> bytes:
    return b"\n".join(_base64_lines(seed, 40))


@pytest.mark.parametrize("line_break", [b"\n", b"\r\n", b"\r"])
@pytest.mark.parametrize("shape", [
    # Blank lines separate the header blocks of a delivery report: never folded away.
    b"Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-"
    b"status\n\n%(one)s\n\n%(two)s\n\n\nReporting-MTA: dns; x\n--b--\n%(one)s\n",
    # Base64 lines where headers are expected end the header block, then blank lines follow.
    b"Subject: x\n%(one)s\n\n%(two)s\nContent-Type: text/plain\n\n%(one)s",
    b"Content-Type: multipart/mixed; boundary=b\n\n%(one)s\n--b\n%(one)s\n\n\n%(two)s\n"
    b"--b--\n\n%(two)s\n",
])
def test_blank_lines_between_runs_stay_blank_lines(shape, line_break):
    raw = (shape % {b"one": _run(1), b"two": _run(2)}).replace(b"\n", line_break)
    assert len(_fold(raw)[1]) >= 3
    assert_same_tree(raw)


def _base64_lines(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    return [bytes(rng.choice(B64.encode()) for _ in range(rng.choice((4, 60, 76, 76, 76))))
            for _ in range(count)]


LINES = [b"", b"", b"--b", b"--b--", b"--b  ", b"--c", b"--c--", b"From someone",
         b"Content-Type: multipart/mixed; boundary=c", b"Content-Type: multipart/alternative",
         b"Content-Type: message/rfc822", b"Content-Type: message/delivery-status",
         b"Content-Type: text/plain", b"Content-Transfer-Encoding: base64", b" folded on",
         b"\tfolded", b"Subject: hello", b"X-Note: a:b", b"plain text, with spaces", b"=",
         b"AAAA", b"-", b":"]


@st.composite
def line_soups(draw) -> bytes:
    """Headers, boundaries, blank lines, "From " lines and runs of base64 lines, in any order
    and with any line breaks, under a multipart header."""
    blocks = draw(st.lists(st.one_of(
        st.sampled_from(LINES).map(lambda line: [line]),
        st.tuples(st.integers(0, 2**32), st.integers(1, 60)).map(
            lambda seed_count: _base64_lines(*seed_count))), max_size=25))
    lines = [b"Content-Type: multipart/mixed; boundary=b", *[line for b in blocks for line in b]]
    breaks = draw(st.sampled_from([[b"\n"], [b"\r\n"], [b"\r"], [b"\n", b"\r\n", b"\r"]]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    raw = b"".join(line + rng.choice(breaks) for line in lines)
    return raw[:-1] if draw(st.booleans()) else raw  # a last line with or without its break


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_soups())
def test_any_mix_of_lines_parses_to_the_same_tree(raw):
    assert_same_tree(raw)
