"""French double punctuation: a narrow no-break space (U+202F) before ? ! : ; in place of the
space a line could break at, so the mark never starts a line of its own."""

from __future__ import annotations

import pytest

from hireops.services.text.punctuation import NARROW_NO_BREAK_SPACE, french_spacing
from tests.linear_time import assert_linear

N = NARROW_NO_BREAK_SPACE


@pytest.mark.parametrize(("written", "set"), [
    ("Pourquoi ce poste ?", f"Pourquoi ce poste{N}?"),
    ("Bonjour ! Salaire : 50 k€ ; début : lundi", f"Bonjour{N}! Salaire{N}: 50 k€{N}; début{N}: lundi"),
    ("Vraiment  ?!", f"Vraiment{N}?!"),
    ("Tab\t: espace insécable\u00a0?", f"Tab{N}: espace insécable{N}?"),
    (f"Déjà juste{N}?", f"Déjà juste{N}?"),
    # No space, nothing added: an address or a time keeps its colon.
    ("https://jobs.acme.test/i/abc?x=1 à 10:30", "https://jobs.acme.test/i/abc?x=1 à 10:30"),
    # A mark at the start of a line has no word to hold on to.
    ("Liste\n: un", "Liste\n: un"),
])
def test_the_space_before_double_punctuation_no_longer_breaks(written, set):
    assert french_spacing(written) == set


def test_a_long_run_of_spaces_is_read_in_linear_time():
    text = "a" + " " * 200_000 + "b"
    # First: a quadratic rule would take hours on the whole text.
    assert_linear(french_spacing, "a" + " " * 12_500 + "b", text)
    assert french_spacing(text) == text
    assert french_spacing(text + " ?") == "a" + " " * 200_000 + f"b{N}?"
