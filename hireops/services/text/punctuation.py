"""Punctuation where a value meets the text around it, and French spacing before ? ! : ;."""

from __future__ import annotations

import re

NARROW_NO_BREAK_SPACE = "\u202f"
# The spaces a French text may have before ? ! : ; (ordinary, tab, full no-break), a whole run
# at once: the look-behind starts a match only at the run's first space and the possessive
# `++` never gives one back, so a long run is read once (linear on any text).
_SPACE_BEFORE_DOUBLE_PUNCTUATION = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++(?=[?!:;])")


def text_after(value: str, following: str) -> str:
    """`following` as it is written right after `value`: a full stop that ends both is
    written once ("Demo Co." then ". We would like" reads "Demo Co. We would like")."""
    if value.endswith(".") and following.startswith("."):
        return following[1:]
    return following


def french_spacing(text: str) -> str:
    """`text` as French sets it: the space before ? ! : ; becomes a narrow no-break space
    (U+202F), so the mark never starts a line of its own. Only a space already there is
    replaced: an address or a time ("https://", "10:30") keeps its colon as it is."""
    return _SPACE_BEFORE_DOUBLE_PUNCTUATION.sub(NARROW_NO_BREAK_SPACE, text)
