"""A skills vocabulary with synonyms, and finders for the resume sentences that prove a skill.

Each vocabulary line reads ``Canonical | alias | alias``. Matching is case-insensitive except for
aliases that are also ordinary words or units ("Go", "R", "C", "ML", "Excel", "React", "Swift"):
those must be written as the vocabulary writes them (or in capitals, for words of 3+ letters).
Some skills imply another (a PostgreSQL sentence proves SQL); direct mentions come first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from hireops.knowledge.skills import CASE_SENSITIVE, IMPLIED_BY, VOCABULARY_LINES

# --- the vocabulary ----------------------------------------------------------------------

# The vocabulary is data (hireops/knowledge/data/skills.json); these names are what the rest of
# this module and its callers read.
_VOCABULARY = VOCABULARY_LINES
# Aliases that are ordinary words, units or initials in lower case: matched case-sensitively.
_CASE_SENSITIVE = CASE_SENSITIVE
# Canonical skill -> skills whose mention also proves it (a Django project proves Python).
_IMPLIED_BY = IMPLIED_BY

# Patterns for aliases that need context to tell the skill from the English word or initial.
_SPECIAL_PATTERNS: dict[str, str] = {
    # "Go" but not "Go-to-market", "go live", "Go ahead"
    "Go": r"(?<![\w.#+/-])(?-i:Go|GO)(?![\w#+])(?![\s-]+(?:to|live|ahead|back|through)\b)",
    # "C" but not "C#", "C++", "C-level", "Vitamin C", "grade C" or an initial ("John C. Smith")
    "C": (r"(?<!\w)(?<!vitamin )(?<!grade )(?<!class )(?<!level )(?<!type )(?<![&.'’-])"
          r"(?-i:C)(?![\w#+&'’-])(?!\.\s?[A-Z]|\.\w)"),
    # "R" but not "R&D", "R-squared" or an initial
    "R": r"(?<![\w&.'’-])(?-i:R)(?![\w#+&'’-])(?!\.\s?[A-Z]|\.\w)",
    # Code hosts, but not their web addresses: a "github.com/jane" link on a resume is a
    # profile, not evidence of using GitHub (or Git, which GitHub implies).
    "GitHub": r"(?<![\w./])GitHub(?![\w#+])(?!\.(?:com|io)\b)",
    "GitLab": r"(?<![\w./])GitLab(?![\w#+])(?!\.(?:com|io)\b)",
    "Bitbucket": r"(?<![\w./])Bitbucket(?![\w#+])(?!\.(?:org|com)\b)",
}

# Lead-ins that job postings wrap around a skill name ("Strong knowledge of SQL").
_LEAD_IN = re.compile(
    r"^(?:\d+\+?\s*(?:years?|yrs)\s+(?:of\s+)?)?"
    r"(?:(?:strong|solid|good|deep|proven|excellent|hands-on|working|advanced|basic|some)\s+)*"
    r"(?:(?:experience|knowledge|proficiency|expertise|familiarity|skills?|background|fluency)"
    r"\s+(?:with|in|of|using)\s+)?",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"\s+(?:experience|skills?|knowledge|proficiency)$", re.IGNORECASE)
_STOPWORDS = frozenset(
    "a an and the of in on with for to using use or experience knowledge strong solid good "
    "skills skill ability able proven excellent years year working understanding familiarity "
    "proficiency proficient expertise hands-on plus including etc".split()
)


@dataclass(frozen=True)
class Skill:
    """One vocabulary entry."""

    name: str  # canonical spelling shown to users
    domain: str  # engineering, data, design, product, sales, marketing, ...
    aliases: tuple[str, ...]  # every accepted spelling, the canonical one first


def _parse_vocabulary() -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    for domain, block in _VOCABULARY.items():
        for line in block:
            names = tuple(part.strip() for part in line.split("|") if part.strip())
            if not names:
                continue
            # A canonical name repeated on a later line adds more aliases to the same skill.
            known = skills.get(names[0])
            aliases = known.aliases + names[1:] if known else names
            skills[names[0]] = Skill(name=names[0], domain=known.domain if known else domain,
                                     aliases=aliases)
    return skills


SKILLS: dict[str, Skill] = _parse_vocabulary()


def _normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().strip(".,;:")).casefold()


def _build_alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for skill in SKILLS.values():
        for alias in skill.aliases:
            index.setdefault(_normalise(alias), skill.name)
    return index


_ALIAS_INDEX: dict[str, str] = _build_alias_index()


def get_skill(name: str) -> Skill | None:
    """The vocabulary entry for a name or any of its spellings, or None."""
    return SKILLS.get(canonical_skill(name))


@lru_cache(maxsize=4096)
def canonical_skill(name: str) -> str:
    """The canonical spelling of a skill ("k8s" -> "Kubernetes"); unknown names come back tidied."""
    tidy = re.sub(r"\s+", " ", name.strip().strip(".,;:"))
    for candidate in (tidy, _TRAILER.sub("", _LEAD_IN.sub("", tidy))):
        found = _ALIAS_INDEX.get(_normalise(candidate))
        if found:
            return found
    return _TRAILER.sub("", _LEAD_IN.sub("", tidy)) or tidy


# --- matching ----------------------------------------------------------------------------
#
# Each alias has its own regex (below). Running every skill's regex over a whole resume is slow,
# so the text is read once into words ("\w" runs, lower-cased) and only the aliases whose words
# appear there, in that order, are tried with their regex, at that spot. The regex still decides,
# so the answers are exactly those of running each skill's regex over the text.
#
# What is read from a text (its words, sentences, ...) is cached for the last few texts: one
# application's resume is matched, then scored against one or two jobs, and each step reuses
# it. Cached values are shared, so they are tuples, frozensets or private; public functions
# return fresh lists.

TEXT_CACHE_SIZE = 16  # texts whose reading is kept: a resume, its email body and the two joined


def _alias_pattern(alias: str) -> str:
    if alias in _SPECIAL_PATTERNS:
        return _SPECIAL_PATTERNS[alias]
    # Spaces and hyphens are interchangeable: "machine learning" matches "machine-learning".
    body = r"[\s-]+".join(re.escape(word) for word in alias.split())
    if alias in _CASE_SENSITIVE:
        forms = [body] + ([re.escape(alias.upper())] if len(alias) >= 3 else [])
        body = "(?-i:" + "|".join(forms) + ")"
    start = r"(?<![\w])" if alias[0].isalnum() else r"(?<![\w.])"
    return start + body + r"(?![\w#+])"


@lru_cache(maxsize=4096)
def _skill_regex(skill: str) -> re.Pattern[str]:
    """One regex for every spelling of a skill; unknown skills match their own words."""
    entry = SKILLS.get(skill)
    aliases = entry.aliases if entry else (skill,)
    # Longest first so "React Native" wins over "React" inside the alternation.
    ordered = sorted(dict.fromkeys(aliases), key=len, reverse=True)
    return re.compile("|".join(f"(?:{_alias_pattern(alias)})" for alias in ordered), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _loose_regexes(skill: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For unknown multi-word skills: every content word must appear in the same sentence.
    (stem, regex) for each content word."""
    words = [w for w in re.findall(r"[\w#+./-]+", skill.casefold()) if w not in _STOPWORDS]
    stems = [w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words]
    return tuple((stem, re.compile(r"(?<!\w)" + re.escape(stem) + r"\w*", re.IGNORECASE))
                 for stem in stems)


# Characters outside ASCII that IGNORECASE matching takes for an ASCII letter, and what
# `str.lower` does not already turn into that letter ("K", the Kelvin sign, lowers to "k").
_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})  # İ ı ſ
_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_ASCII_WORD_SPLIT = re.compile(r"(\w+)", re.ASCII)
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")


def _fold(word: str) -> str:
    """A word as the alias index keys it: lower case, look-alikes as their ASCII letter."""
    return word.lower() if word.isascii() else word.translate(_LOOKALIKES).lower()


class _AliasProbe:
    """One alias, keyed by its first word: the words that must follow, and its regex (compiled
    when first needed: most aliases never turn up)."""

    __slots__ = ("skill", "rest", "offset", "alias", "_regex")

    def __init__(self, skill: str, rest: tuple[str, ...], offset: int, alias: str) -> None:
        self.skill = skill
        self.rest = rest  # folded words after the first
        self.offset = offset  # characters before the first word (".NET": 1)
        self.alias = alias
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(_alias_pattern(self.alias), re.IGNORECASE)
        return self._regex


def _build_probes() -> tuple[dict[str, tuple[_AliasProbe, ...]], frozenset[str]]:
    probes: dict[str, list[_AliasProbe]] = {}
    for skill in SKILLS.values():
        for alias in dict.fromkeys(skill.aliases):
            first = _WORD.search(alias)
            words = tuple(_fold(w) for w in _WORD.findall(alias))
            probes.setdefault(words[0], []).append(
                _AliasProbe(skill.name, words[1:], first.start(), alias))
    # Texts with these characters are read word by word in Unicode: "ç" and "ñ" are in aliases,
    # and "İ", "ı", "ſ" and "K" (the Kelvin sign) match ASCII letters.
    special = {ch for entry in SKILLS.values() for alias in entry.aliases for ch in alias.lower()
               if not ch.isascii()}
    special |= {ch.upper() for ch in special} | {"\u0130", "\u0131", "\u017f", "\u212a"}
    return {key: tuple(found) for key, found in probes.items()}, frozenset(special)


_PROBES, _UNICODE_WORD_CHARS = _build_probes()


@dataclass(frozen=True)
class _Words:
    """The words (runs of word characters) of a text: where each starts, its folded form, and
    which of them (indices) begin an alias."""

    starts: tuple[int, ...]
    words: tuple[str, ...]
    hits: tuple[int, ...]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _words(text: str) -> _Words:
    if text.isascii() or not any(ch in text for ch in _UNICODE_WORD_CHARS):
        # Every word a probe could need is ASCII here, and lower() keeps every position.
        pieces = _ASCII_WORD_SPLIT.split(text.lower())
        words = pieces[1::2]
    else:
        pieces = _WORD_SPLIT.split(text)
        words = [_fold(word) for word in pieces[1::2]]
    # The pieces alternate: text between words, a word, text between words, ...
    starts = tuple(accumulate(map(len, pieces)))[0:-1:2]
    hits = tuple(compress(range(len(words)), map(_PROBES.__contains__, words)))
    return _Words(starts, tuple(words), hits)


def _joined_words(parts: tuple[str, ...], separator: str) -> _Words:
    """`_words(separator.join(parts))`, from each part's (cached) words."""
    if len(parts) == 1:
        return _words(parts[0])
    starts: list[int] = []
    words: list[str] = []
    hits: list[int] = []
    offset = 0
    for part in parts:
        read = _words(part)
        hits += [index + len(words) for index in read.hits] if words else read.hits
        starts += [start + offset for start in read.starts] if offset else read.starts
        words += read.words
        offset += len(part) + len(separator)
    return _Words(tuple(starts), tuple(words), tuple(hits))


def _first_mentions(text: str, read: _Words,
                    among: frozenset[str] | None = None) -> dict[str, int]:
    """Vocabulary skill -> where its regex first matches in `text` (whose words are `read`);
    only the skills `among`, if given."""
    found: dict[str, int] = {}
    starts, words = read.starts, read.words
    for index in read.hits:
        for probe in _PROBES[words[index]]:
            start = starts[index] - probe.offset
            if (start < 0 or found.get(probe.skill, start + 1) <= start
                    or among is not None and probe.skill not in among):
                continue
            rest = probe.rest
            if rest and words[index + 1:index + 1 + len(rest)] != rest:
                continue
            if probe.regex.match(text, start):
                found[probe.skill] = start
    return found


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _skill_positions(text: str) -> tuple[tuple[int, str], ...]:
    found = _first_mentions(text, _words(text))
    return tuple(sorted((start, name) for name, start in found.items()))


def fold(text: str) -> str:
    """`text` lower-cased, look-alikes as their ASCII letter: wherever a regex matches `text`,
    even case-insensitively, the ASCII characters it matched sit here in lower case at the same
    places (so `fold(text)[a:b] == fold(text[a:b])` as far as ASCII goes)."""
    if text.isascii() or not any(ch in text for ch in "\u0130\u0131\u017f"):
        return text.lower()
    return text.translate(_LOOKALIKES).lower()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def folded_text(text: str) -> str:
    """`fold(text)`, cached for texts read many times (a resume)."""
    return fold(text)


# --- cheap tests in front of regexes -----------------------------------------------------

try:
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # Python < 3.11
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_REPEATS = tuple(getattr(_sre_constants, name) for name in
                 ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre_constants, name))


_EXACT_LIMIT = 64  # most strings an exact set may hold
_NEEDLE_LIMIT = 12  # most needles worth testing for one regex


def _exact_strings(items) -> frozenset[str] | None:
    """Every string the parsed `items` can match, lower-cased, when they are few and ASCII;
    else None. Zero-width anchors match ""."""
    strings = frozenset([""])
    for op, av in items:
        item = _exact_item(op, av)
        if item is None:
            return None
        strings = frozenset(a + b for a in strings for b in item)
        if len(strings) > _EXACT_LIMIT:
            return None
    return strings


def _exact_item(op, av) -> frozenset[str] | None:
    if op is _sre_constants.LITERAL:
        return frozenset([chr(av).lower()]) if chr(av).isascii() else None
    if op is _sre_constants.AT or op is _sre_constants.ASSERT or op is _sre_constants.ASSERT_NOT:
        return frozenset([""])  # zero-width: consumes nothing
    if op is _sre_constants.SUBPATTERN:
        return _exact_strings(av[-1])
    if op is _sre_constants.BRANCH:
        options = [_exact_strings(branch) for branch in av[1]]
        return None if None in options else frozenset().union(*options)
    if op is _sre_constants.IN:
        chars = [chr(code) for kind, code in av if kind is _sre_constants.LITERAL]
        if len(chars) != len(av) or not all(ch.isascii() for ch in chars):
            return None  # a range, a category or a negation
        return frozenset(ch.lower() for ch in chars)
    if op in _REPEATS and av[1] <= 2:
        inner = _exact_strings(av[2])
        if inner is None:
            return None
        strings, power = set(), frozenset([""])
        for count in range(av[1] + 1):
            if count >= av[0]:
                strings |= power
            power = frozenset(a + b for a in power for b in inner)
        return frozenset(strings) if len(strings) <= _EXACT_LIMIT else None
    return None


def _needles_of(items) -> frozenset[str] | None:
    """Lower-case ASCII strings, one of which every match of the parsed `items` holds; None
    when the pattern promises none. Neighbouring parts with few possible strings combine
    ("(my|the) cv" gives "my cv" and "the cv")."""
    best: frozenset[str] | None = None

    def rank(option: frozenset[str]) -> tuple[int, int]:
        # Longer needles are rarer, up to a point; fewer needles are quicker to test.
        return min(6, min(map(len, option))), -len(option)

    def consider(option: frozenset[str] | None) -> None:
        nonlocal best
        if option and "" not in option and (best is None or rank(option) > rank(best)):
            best = option

    current = frozenset([""])
    for op, av in items:
        item = _exact_item(op, av)
        if item is not None:
            combined = frozenset(a + b for a in current for b in item)
            if len(combined) <= _NEEDLE_LIMIT:
                current = combined
                continue
            consider(current)
            current = item
            continue
        consider(current)
        current = frozenset([""])
        if op is _sre_constants.SUBPATTERN:
            consider(_needles_of(av[-1]))
        elif op is _sre_constants.BRANCH:
            options = [_needles_of(branch) for branch in av[1]]
            if all(options):
                consider(frozenset().union(*options))
        elif op in _REPEATS and av[0] >= 1:
            consider(_needles_of(av[2]))
    consider(current)
    return best


# Lower-case letters outside ASCII that case-insensitive matching pairs only with their own
# capitals, as `fold` does (tests check every character against the re module).
FOLD_SAFE_LETTERS = frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœß")
_SAFE_CATEGORIES = frozenset(getattr(_sre_constants, name) for name in (
    "CATEGORY_DIGIT", "CATEGORY_NOT_DIGIT", "CATEGORY_SPACE", "CATEGORY_NOT_SPACE",
    "CATEGORY_WORD", "CATEGORY_NOT_WORD"))


def _fold_safe_char(code: int) -> bool:
    """A character that case-insensitive matching pairs with exactly the characters `fold`
    turns into it: ASCII ("K", the Kelvin sign, folds to "k"), the letters above, and signs
    without case ("–", "°")."""
    char = chr(code)
    return char == fold(char) and (char.isascii() or char in FOLD_SAFE_LETTERS
                                   or (not char.isalpha() and char.upper() == char))


def _fold_safe(items) -> bool:
    """True when the parsed pattern, matched case-insensitively against a text, matches exactly
    where it matches case-sensitively against the text's `fold`: its letters are lower case
    and of a known kind, its classes are digits, spaces and word characters."""
    c = _sre_constants
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            if not _fold_safe_char(av):
                return False
        elif op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL and _fold_safe_char(value) or kind is c.NEGATE:
                    continue
                if kind is c.RANGE and all(map(_fold_safe_char, range(value[0], value[1] + 1))):
                    continue
                if kind is c.CATEGORY and value in _SAFE_CATEGORIES:
                    continue
                return False
        elif op is c.SUBPATTERN:
            if av[1] or av[2] or not _fold_safe(av[-1]):  # inline flags change the rules
                return False
        elif op is c.BRANCH:
            if not all(_fold_safe(branch) for branch in av[1]):
                return False
        elif op in _REPEATS:
            if not _fold_safe(av[2]):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _fold_safe(av[1]):
                return False
        elif op is c.CATEGORY:
            if av not in _SAFE_CATEGORIES:
                return False
        elif op is not c.AT and op is not c.ANY:
            return False
    return True


def _gates(needles: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Pieces of the needles, each with the needles holding it, that together cover every
    needle: testing a piece first spares testing its needles one by one."""
    uncovered = sorted(needles)
    gates = []
    while uncovered:
        holders: dict[str, set[str]] = {}
        for needle in uncovered:
            sizes = {*range(min(4, len(needle)), min(8, len(needle)) + 1), len(needle)}
            for size in sizes:
                for start in range(len(needle) - size + 1):
                    holders.setdefault(needle[start:start + size], set()).add(needle)
        piece = max(holders, key=lambda p: (len(holders[p]), len(p), p))
        covered = tuple(sorted(holders[piece]))
        gates.append((piece, covered))
        uncovered = [n for n in uncovered if n not in holders[piece]]
    return tuple(gates)


def _prefixes_of(items) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of the parsed `items` starts with (at
    least two characters long), or None."""
    current = frozenset([""])
    for op, av in items:
        item = _exact_item(op, av)
        if item is None:
            if current == {""}:
                if op is _sre_constants.SUBPATTERN:
                    return _prefixes_of(av[-1])
                if op is _sre_constants.BRANCH:
                    options = [_prefixes_of(branch) for branch in av[1]]
                    return None if None in options else frozenset().union(*options)
            break
        combined = frozenset(a + b for a in current for b in item)
        if len(combined) > _NEEDLE_LIMIT:
            break
        current = combined
    return current if current and min(map(len, current)) >= 2 else None


_MOST_STARTS = 64  # more places a match may start than this: scan with the regex instead


class QuickRegex:
    """A compiled regex behind cheap tests; its answers are exactly the regex's own.

    - `needles`: lower-case ASCII strings, one of which every match holds (read from the
      pattern). A text whose `fold` holds none of them cannot match, so it is not searched.
    - `prefixes`: strings one of which every match starts with. The regex is then only tried
      where one of them occurs (the regex engine cannot skip ahead to such places itself when
      a pattern starts with \\b or a lookbehind, or ignores case).
    - `folded`: for a case-insensitive pattern written in lower case, the same pattern without
      IGNORECASE, run on the text's `fold`: faster, and it matches at the same places. The
      regex itself then runs from the place found, to give its own match.
    """

    __slots__ = ("regex", "needles", "prefixes", "folded", "_gates")

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0) -> None:
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        self.needles: frozenset[str] | None = None
        self.prefixes: frozenset[str] | None = None
        self.folded: re.Pattern[str] | None = None
        self._gates: tuple[tuple[str, tuple[str, ...]], ...] = ()
        try:
            parsed = _sre_parser.parse(self.regex.pattern, self.regex.flags)
            self.needles = _needles_of(parsed)
            self._gates = _gates(self.needles) if self.needles else ()
            if parsed.getwidth()[0] > 0:  # never matches "": finditer's steps are simple
                self.prefixes = _prefixes_of(parsed)
                if (self.regex.flags & re.IGNORECASE and not self.regex.flags & re.ASCII
                        and _fold_safe(parsed)):
                    self.folded = re.compile(self.regex.pattern,
                                             self.regex.flags & ~re.IGNORECASE)
        except Exception:  # the parser of another Python version: no cheap tests, still correct
            self.needles = self.prefixes = self.folded = None
            self._gates = ()

    def may_match(self, folded: str) -> bool:
        """False when the regex cannot match a text whose `fold` is `folded`."""
        if self.needles is None:
            return True
        # A few shared pieces ("apply" for "apply for ", "applying to ", ...) go first.
        return any(gate in folded and any(needle in folded for needle in needles)
                   for gate, needles in self._gates)

    def _starts(self, folded: str) -> list[int] | None:
        """Where a match may start, in order; None when there are too many such places."""
        starts: set[int] = set()
        for prefix in self.prefixes:
            at = folded.find(prefix)
            while at >= 0:
                starts.add(at)
                if len(starts) > _MOST_STARTS:
                    return None
                at = folded.find(prefix, at + 1)
        return sorted(starts)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """`self.regex.search(text)`; `folded`, if given, must be `fold(text)`."""
        for match in self.finditer(text, folded):
            return match
        return None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """`self.regex.finditer(text)`; `folded`, if given, must be `fold(text)`."""
        if self.needles is None and self.folded is None and self.prefixes is None:
            return self.regex.finditer(text)
        folded = fold(text) if folded is None else folded
        if not self.may_match(folded):
            return iter(())
        if len(folded) != len(text):  # never, as `fold` keeps lengths; checked all the same
            return self.regex.finditer(text)
        starts = self._starts(folded) if self.prefixes is not None else None
        if starts is not None:
            return self._finditer_at(text, starts)
        if self.folded is not None:
            return self._finditer_folded(text, folded)
        return self.regex.finditer(text)

    def _finditer_at(self, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        # Every match starts at one of `starts`; matches never overlap, as in finditer.
        end = 0
        for start in starts:
            if start >= end:
                match = self.regex.match(text, start)
                if match:
                    yield match
                    end = match.end()

    def _finditer_folded(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        # No match starts before the folded pattern's next match; the regex decides.
        position = 0
        while True:
            found = self.folded.search(folded, position)
            if found is None:
                return
            match = self.regex.search(text, found.start())
            if match is None:
                return
            yield match
            position = match.end()


@lru_cache(maxsize=4096)
def ascii_runs(literal: str) -> tuple[str, ...]:
    """The lower-cased ASCII letter and digit runs of a literal a regex looks for. Where the
    regex matches (case-insensitively), each run is in `folded_text` of the text."""
    return tuple(run.lower() for run in _ASCII_RUN.findall(literal))


def may_contain(text: str, literal: str) -> bool:
    """False when a case-insensitive regex for `literal` cannot match anywhere in `text`."""
    folded = folded_text(text)
    return all(run in folded for run in ascii_runs(literal))


_BULLET = re.compile(r"^[\s\-•*·▪●◦–—>]+")
# A sentence ends at . ! ? before a capital, but not after an initial ("John C. Smith"), "e.g."
# or a title such as "Dr.". (The cheap test comes first: most places follow no . ! or ?.)
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bSt\.)"
    r"(?<!\bNo\.)\s+(?=[A-Z0-9\"“(])"
)


_BULLET_CHARS = frozenset("-•*·▪●◦–—>")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of `split_sentences(text)` sits in `text`: its lines, bullets
    stripped, split after . ! ? (see `_SENTENCE_END`), stripped, empty pieces dropped."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line, whole in zip(text.splitlines(), text.splitlines(keepends=True)):
        if line:
            # `_BULLET` only matches from a bullet character or whitespace (\s is isspace()).
            cut = _BULLET.match(line).end() if line[0] in _BULLET_CHARS or line[0].isspace() else 0
            content = line[cut:] if cut else line
            stripped = content.strip()
            if stripped:
                base = offset + cut + len(content) - len(content.lstrip())
                last = len(stripped) - 1
                # A break needs . ! or ? with more text after it on the line.
                if (-1 < stripped.find(".") < last or -1 < stripped.find("!") < last
                        or -1 < stripped.find("?") < last):
                    cuts = [0]
                    for end in _SENTENCE_END.finditer(stripped):
                        cuts += [end.start(), end.end()]
                    cuts.append(len(stripped))
                    for left, right in zip(cuts[::2], cuts[1::2]):
                        piece = stripped[left:right]
                        left += len(piece) - len(piece.lstrip())
                        right -= len(piece) - len(piece.rstrip())
                        if left < right:
                            spans.append((base + left, base + right))
                else:
                    spans.append((base, base + len(stripped)))
        offset += len(whole)
    return tuple(spans)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(text[left:right] for left, right in _sentence_spans(text))


def split_sentences(text: str) -> list[str]:
    """Lines and sentences of a text, bullets stripped, empty pieces dropped."""
    return list(_sentences(text or ""))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _sentence_lefts(text: str) -> tuple[int, ...]:
    return tuple(left for left, _ in _sentence_spans(text))


def _build_skill_probes() -> dict[str, tuple[tuple[str, _AliasProbe], ...]]:
    """Vocabulary skill -> (first word, probe) for each of its aliases."""
    found: dict[str, list[tuple[str, _AliasProbe]]] = {}
    for word, probes in _PROBES.items():
        for probe in probes:
            found.setdefault(probe.skill, []).append((word, probe))
    return {skill: tuple(pairs) for skill, pairs in found.items()}


_SKILL_PROBES = _build_skill_probes()
_SKILL_FIRST_WORDS = {skill: frozenset(word for word, _ in pairs)
                      for skill, pairs in _SKILL_PROBES.items()}


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _word_places(text: str) -> dict[str, tuple[int, ...]]:
    """Folded word -> the indices of the words of `text` that are it (only words that begin
    an alias)."""
    read = _words(text)
    places: dict[str, list[int]] = {}
    for index in read.hits:
        places.setdefault(read.words[index], []).append(index)
    return {word: tuple(indices) for word, indices in places.items()}


@lru_cache(maxsize=256)  # (text, skill) pairs: a few texts' worth
def _skill_sentences(text: str, skill: str) -> tuple[int, ...]:
    """The sentences of `text` (indices, in order) that mention the vocabulary `skill`: its
    aliases' regexes run on the sentences holding their words, at those words."""
    places = _word_places(text)
    if _SKILL_FIRST_WORDS[skill].isdisjoint(places):
        return ()  # none of its aliases' first words is in the text
    read = _words(text)
    spans, lefts, sentences = _sentence_spans(text), _sentence_lefts(text), _sentences(text)
    found: set[int] = set()
    for word, probe in _SKILL_PROBES[skill]:
        for index in places.get(word, ()):
            position = read.starts[index]
            which = bisect_right(lefts, position) - 1
            if which < 0 or which in found or position >= spans[which][1]:
                continue
            start = position - probe.offset - lefts[which]
            if start < 0:
                continue
            rest = probe.rest
            if rest and read.words[index + 1:index + 1 + len(rest)] != rest:
                continue
            if probe.regex.match(sentences[which], start):
                found.add(which)
    return tuple(sorted(found))


_SHORTEST_NEEDLE = 3  # shorter needles turn up everywhere: then every sentence is tried


def sentences_holding(text: str, needles: Iterable[str] | None) -> Iterable[int]:
    """Indices, in order, of the sentences of `split_sentences(text)` whose `fold` may hold one
    of `needles` (all of them when `needles` is None or too short to narrow the search)."""
    sentences = _sentences(text)
    needles = tuple(needles) if needles is not None else ()
    folded = folded_text(text)
    if (not needles or min(map(len, needles)) < _SHORTEST_NEEDLE
            or len(folded) != len(text)):
        return range(len(sentences))
    return spans_holding(folded, _sentence_spans(text), _sentence_lefts(text), needles)


def spans_holding(folded: str, spans: Sequence[tuple[int, int]], lefts: Sequence[int],
                  needles: Iterable[str]) -> list[int]:
    """Indices, in order, of the `spans` (sorted, not overlapping; `lefts` are their starts)
    of `folded` that hold one of `needles`."""
    found: set[int] = set()
    for needle in needles:
        at = folded.find(needle)
        while at >= 0:
            which = bisect_right(lefts, at) - 1
            if which >= 0 and at + len(needle) <= spans[which][1]:
                found.add(which)
            at = folded.find(needle, at + 1)
    return sorted(found)


@lru_cache(maxsize=4096)
def _alternatives(skill: str) -> tuple[str, ...]:
    """ "HTML/CSS" or "Python or Go" -> its parts, when the whole is not a known skill."""
    if skill in SKILLS:
        return ()
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+or\s+|\s*,\s*", skill) if p.strip()]
    return tuple(canonical_skill(p) for p in parts) if len(parts) > 1 else ()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def folded_sentences(text: str) -> tuple[str, ...]:
    """`fold` of each sentence of `split_sentences(text)`."""
    folded = folded_text(text)
    if len(folded) == len(text):
        return tuple(folded[left:right] for left, right in _sentence_spans(text))
    return tuple(map(fold, _sentences(text)))


def sentences_of(text: str) -> tuple[str, ...]:
    """`split_sentences(text)` as a cached tuple, for callers that only read it."""
    return _sentences(text or "")


def _holding_all(text: str, runs: list[str] | tuple[str, ...]) -> list[int]:
    """The sentences whose `fold` holds every one of `runs`."""
    folded = folded_sentences(text)
    longest = [max(runs, key=len)] if runs else None
    return [which for which in sentences_holding(text, longest)
            if all(run in folded[which] for run in runs)]


def _direct_mentions(text: str, skill: str) -> list[str]:
    sentences = _sentences(text)
    if skill in SKILLS:
        return [sentences[which] for which in _skill_sentences(text, skill)]
    # Unknown skills: a sentence must hold the words a regex looks for before it can match.
    found = []
    if may_contain(text, skill):
        regex = _skill_regex(skill)
        found = [sentences[which] for which in _holding_all(text, ascii_runs(skill))
                 if regex.search(sentences[which])]
    if found:
        return found
    loose = _loose_regexes(skill)
    if len(loose) < 2 or not all(may_contain(text, stem) for stem, _ in loose):
        return []
    runs = [run for stem, _ in loose for run in ascii_runs(stem)]
    return [sentences[which] for which in _holding_all(text, runs)
            if all(r.search(sentences[which]) for _, r in loose)]


def _shorten(sentence: str, limit: int = 300) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=256)  # (text, skill) pairs: a few texts' worth
def _mentions(text: str, name: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for group in (name, *_alternatives(name), *_IMPLIED_BY.get(name, ())):
        for sentence in _direct_mentions(text, group):
            found.setdefault(_shorten(sentence))
    return tuple(found)


def find_skill_mentions(text: str, skill: str) -> list[str]:
    """The sentences of `text` that mention `skill` (any spelling), direct mentions first."""
    name = canonical_skill(skill)
    if not name:
        return []
    return list(_mentions(text or "", name))


def skill_pattern(skill: str) -> re.Pattern[str]:
    """The compiled regex matching every spelling of `skill` (for highlighting or quoting)."""
    return _skill_regex(canonical_skill(skill) or skill)


def mentions_skill(text: str, skill: str) -> bool:
    """True when `text` mentions `skill` under any spelling."""
    return bool(find_skill_mentions(text, skill))


def skills_in_text(text: str) -> list[str]:
    """Canonical names of every vocabulary skill the text mentions, in order of first mention."""
    return [name for _, name in _skill_positions(text or "")]


INFERRED_SKILLS = 8  # as many as a drafted job's must-haves
GENERIC_DOMAIN = "general"  # communication, teamwork, attention to detail: every posting asks


def posting_skills(responsibilities: Iterable[str], qualifications: Iterable[str],
                   description: str) -> list[str]:
    """The skills a job without skill lists asks for, read from its posting: those of its own
    field (the domain most of the skills it names belong to) first, then other fields', then
    the generic qualities, each in the order written. Taken in the order written, a posting
    that opens with "attention to detail" and its company's business ("B2B services", "our
    customer support team") was matched on those and cut off the trade's skills it named
    further down, so one resume's scores for different postings measured how each posting was
    written more than the fit."""
    found = skills_in_text("\n".join([*responsibilities, *qualifications, description]))
    fields = Counter(SKILLS[name].domain for name in found
                     if name in SKILLS and SKILLS[name].domain != GENERIC_DOMAIN)
    own = fields.most_common(1)[0][0] if fields else None  # ties: the first mentioned

    def place(name: str) -> int:
        domain = SKILLS[name].domain if name in SKILLS else None
        return 0 if domain == own else 2 if domain == GENERIC_DOMAIN else 1

    return sorted(found, key=place)[:INFERRED_SKILLS]


def skills_in_joined(parts: tuple[str, ...], separator: str = "\n",
                     among: frozenset[str] | None = None) -> frozenset[str]:
    """The skills of `skills_in_text(separator.join(parts))` (only those `among`, if given),
    reusing the words each part had when read before (a resume scored, then matched with its
    email body)."""
    if _WORD.search(separator):
        raise ValueError("the separator must not hold word characters")
    text = separator.join(parts)
    return frozenset(_first_mentions(text, _joined_words(tuple(parts), separator), among))
