"""Every French text HireOps ships (the interview room and interviewer, the emails and their
words, the careers page, ...) sets ? ! : ; after a narrow no-break space (U+202F), as French
typography does: an ordinary space lets the mark wrap onto a line of its own on a phone or in
a mail reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import hireops.knowledge
from hireops.knowledge.loading import read_json

DATA = Path(hireops.knowledge.__file__).parent / "data"
FRENCH_FILES = sorted(str(path.relative_to(DATA)) for path in DATA.rglob("fr.json"))
# A space a line may break at (or a full-width no-break space) before ? ! : ; in French.
_WRONG_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0\t]+[?!:;]")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_french_files_are_all_read():
    assert {"room/fr.json", "interviewer/fr.json", "email_templates/fr.json",
            "mail_words/fr.json", "careers/fr.json"} <= set(FRENCH_FILES)


@pytest.mark.parametrize("name", FRENCH_FILES)
def test_french_texts_keep_a_narrow_no_break_space_before_double_punctuation(name):
    wrong = [text for text in _strings(read_json(name))
             if _WRONG_SPACE_BEFORE_PUNCTUATION.search(text)]
    assert not wrong, f"{len(wrong)} texts, e.g. {wrong[:3]}"


@pytest.mark.parametrize("name", ["room/fr.json", "interviewer/fr.json",
                                  "email_templates/fr.json", "mail_words/fr.json"])
def test_the_texts_that_use_the_marks_use_the_narrow_space(name):
    assert any(re.search("\u202f[?!:;]", text) for text in _strings(read_json(name)))
