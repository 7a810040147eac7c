"""The parser gives exactly what it gave before, on a corpus of varied and broken mail
(see `golden_messages.py` for the corpus and how to regenerate it)."""

from __future__ import annotations

import base64

import pytest

from hireops.services.mail.parsing import parse_message
from tests.mail.golden_messages import load_golden, snapshot

GOLDEN = load_golden()


@pytest.mark.parametrize("name", list(GOLDEN))
def test_parse_matches_the_golden_output(name):
    case = GOLDEN[name]
    assert snapshot(parse_message(base64.b64decode(case["raw"]))) == case["expected"]


def test_the_corpus_covers_the_shapes_that_matter():
    expected = [case["expected"] for case in GOLDEN.values()]
    assert len(expected) >= 30
    assert any(e["attachments"] for e in expected)
    assert any(e["message_key"].startswith("sha256:") for e in expected)
    assert any("Forwarded message" in e["body_text"] for e in expected)
    assert any(e["parse_warnings"] for e in expected)
