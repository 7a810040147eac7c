"""Filler words in what a candidate said: hesitation sounds ("uhm", "euh"), discourse markers
("you know", "o sea"), hedges ("kind of") and "like," as a filler, in the languages the
interview runs in. A text reader: the communication signals and the offline evaluator count
them the same way.
"""

from __future__ import annotations

import re

# Always fillers: hesitation sounds with no other meaning. Not "er" (German "he") and not bare
# "um" (German "at", "um 10 Uhr"), which is handled below.
_SOUND = re.compile(r"\b(?:u+h+m*|e+r+m+|h+m+|m{2,}|euh+|heu+|äh+m*|öh+m*|e+h+m*)\b",
                    re.IGNORECASE)
# "um" is a filler unless German uses it as a preposition ("um 10 Uhr", "um die", "um zu").
_UM = re.compile(r"\bu+m+\b(?!\s*(?:\d|zu\b|die\b|der\b|den\b|das\b|dem\b|ein\w*\b|mich\b|"
                 r"sich\b|uns\b|es\b|halb\b|viertel\b))", re.IGNORECASE)
# Discourse markers. "you know" and "I mean" are fillers when punctuation follows them
# ("it was, you know, slow"), not when they carry an object ("you know the library", "I mean the
# cache"); "actually" when it opens a clause or a comma follows it, not in "it actually doubled";
# "basically" and Spanish "o sea" always, as they add no content wherever they stand.
_MARKER = re.compile(r"\b(?:you know|i mean)\b(?=\s*(?:[,.;:!?…]|$))|\bo sea\b|\bbasically\b"
                     r"|(?:^|(?<=[,.;:!?…]\s)|(?<=[,.;:!?…]))actually\b|\bactually\s*,",
                     re.IGNORECASE | re.MULTILINE)
# "kind of"/"sort of" as a hedge ("it was kind of slow"), not after a determiner, where "kind"
# is a noun ("what kind of database").
_HEDGE = re.compile(r"(?:\b(\w+)\s+)?\b(?:kind|sort)\s+of\b", re.IGNORECASE)
_DETERMINERS = frozenset("""a an the what which this that these those any some every each no one
    same other another different all its their our your my his her whatever""".split())
# "like" as a filler is followed by a comma ("it was, like, slow"; "like, maybe ten"); "I like
# Python", "tools like Docker" and "I like, really enjoy" (a verb before a comma) are not.
# The word before is bounded (30): unbounded, every start in a long "a'a'a'..." scanned to its end.
_LIKE = re.compile(r"(?:\b([\w']{1,30})\s*)?\blike\s*,", re.IGNORECASE)
_LIKE_AS_VERB = frozenset("""i we you they he she would 'd really also don't didn't do did
    still just""".split())
# Spanish "este" means "this" unless it hangs on its own ("este, ..." or "este...").
_ESTE = re.compile(r"\beste\s*(?:,|\.\.\.|…)", re.IGNORECASE)


def count_fillers(text: str) -> int:
    """Filler words in `text`, by the patterns above."""
    count = len(_SOUND.findall(text)) + len(_UM.findall(text)) + len(_ESTE.findall(text))
    count += len(_MARKER.findall(text))
    count += sum(1 for m in _HEDGE.finditer(text)
                 if (m.group(1) or "").casefold() not in _DETERMINERS)
    count += sum(1 for m in _LIKE.finditer(text)
                 if (m.group(1) or "").casefold() not in _LIKE_AS_VERB)
    return count
