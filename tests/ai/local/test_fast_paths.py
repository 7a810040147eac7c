"""The shortcuts behind the fast local engine give exactly what the plain regexes give.

The golden corpus (`test_local_speed_equivalence.py`) pins whole answers. These tests check the
shortcuts themselves on random texts built to be awkward (odd case, look-alike letters, every
kind of space and line break, bullets, punctuation), against reference code that does it the
slow, obvious way, and check the character facts the shortcuts rest on for every character.
"""

from __future__ import annotations

import json
import random
import re
import sys
from functools import cache

import pytest

from hireops.services.ai.local import classifier, resume_scorer
from hireops.services.text import skills
from hireops.services.text.skills import (
    FOLD_SAFE_LETTERS,
    SKILLS,
    QuickRegex,
    find_skill_mentions,
    fold,
    skills_in_joined,
    skills_in_text,
    split_sentences,
)
from hireops.services.jobs import matching
from hireops.services.jobs.matching import _SENTENCE_BREAK, sentence_breaks
from tests.ai.local.local_engine_golden import GOLDEN

# --- every character -----------------------------------------------------------------------


@cache
def _all_characters() -> tuple[str, str]:
    """Every character (no surrogates), and each one folded on its own."""
    text = "".join(chr(code) for code in range(sys.maxunicode + 1)
                   if not 0xD800 <= code <= 0xDFFF)
    return text, "".join(map(fold, text))


def test_fold_keeps_one_character_for_one() -> None:
    text, folded = _all_characters()
    assert len(folded) == len(text)
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("category", [r"\w", r"\s", r"\d", r"\W", r"\S", r"\D", r"."])
def test_fold_keeps_word_space_and_digit_characters(category: str) -> None:
    text, folded = _all_characters()
    assert [m.start() for m in re.finditer(category, text)] == \
        [m.start() for m in re.finditer(category, folded)]


def _used_characters() -> set[str]:
    """ASCII, the letters declared fold-safe, and what the engine's patterns use."""
    patterns = [q.regex.pattern for q in _quick_regexes()]
    used = {ch for pattern in patterns for ch in pattern if not ch.isascii()}
    return {chr(code) for code in range(128)} | set(FOLD_SAFE_LETTERS) | used


def test_ignorecase_pairs_exactly_what_fold_pairs() -> None:
    """For each character a pattern may hold, the characters that match it ignoring case are
    exactly those that `fold` turns into it (the base of needles, prefixes and folded regexes;
    an uppercase pattern character is never folded, so it only has to pair with itself)."""
    text, folded = _all_characters()
    for char in sorted(_used_characters()):
        if fold(char) != char:
            continue
        ignoring_case = [m.start() for m in re.finditer(re.escape(char), text, re.IGNORECASE)]
        by_fold = [m.start() for m in re.finditer(re.escape(char), folded)]
        assert ignoring_case == by_fold, repr(char)


def test_unicode_word_reading_covers_every_look_alike() -> None:
    """Texts holding a character that matches an ASCII letter ignoring case, without being one,
    are read word by word in Unicode (see `_words`)."""
    text, _ = _all_characters()
    look_alikes = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        look_alikes |= {m.group() for m in re.finditer(letter, text, re.IGNORECASE)
                        if not m.group().isascii()}
    assert look_alikes <= skills._UNICODE_WORD_CHARS
    alias_letters = {ch for entry in SKILLS.values() for alias in entry.aliases for ch in alias
                     if not ch.isascii()}
    for letter in alias_letters:
        assert {m.group() for m in re.finditer(letter, text, re.IGNORECASE)} <= \
            skills._UNICODE_WORD_CHARS


# --- random texts ----------------------------------------------------------------------------

_PIECES = [
    "Python", "python3", "PYTHON", "Pyth\u00f6n", "Go", "GO", "go", "Go-to-market", "go live",
    "Golang", "R", "R&D", "R-squared", "C", "C#", "C++", "C-level", "vitamin C", "John C. Smith",
    "Excel", "excel", "EXCEL", "MS Excel", "React", "React Native", "ReactJS", "ML", "5 ml",
    ".NET", "ASP.NET Core", "x.NET", "Node.js", "node", "CI/CD", "CI / CD", "A/B testing",
    "machine", "learning", "machine-learning", "data", "analysis", "SQL", "PostgreSQL",
    "Postgres", "k8s", "K8s", "\u212a8s", "\u017fql", "L\u0131nux", "\u0130OS", "fran\u00e7ais",
    "FRAN\u00c7AIS", "espa\u00f1ol", "Dr.", "e.g.", "vs.", "No.", "St.", "U.S.", "Mr. Go",
    "KPIs", "and", "metrics", "fault-tolerant", "payment", "systems", "engineers", "working",
    "apply", "application", "my CV", "invoice", "Unsubscribe", "2019", "2020 - 2023", "Jan 2021",
    "– Present", "since 2018", "seit 2019", "bachelor", "degree", "visa sponsorship",
    "authorised to work", "driving licence", "Skills", "EXPERIENCE", "Education", "\u00e9",
]
_GLUE = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\u2028", "\x0c", "\xa0", ", ", ". ", "! ", "? ",
         "; ", ": ", "/", "-", " - ", "\n- ", "\n• ", "\n  * ", "\n> ", "(", ")", ".", "#", "+",
         "&", "'", "’", "_", "", "\n\u00b7", "\u2014"]


def _random_texts(count: int, seed: int, size: int = 40) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, size)):
            piece = rng.choice(_PIECES)
            if rng.random() < 0.15:
                piece = piece.swapcase()
            parts += [piece, rng.choice(_GLUE)]
        texts.append("".join(parts))
    return texts


# --- reference code: the slow, obvious way -----------------------------------------------------

_BULLET = re.compile(r"^[\s\-•*·▪●◦–—>]+")
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])"
)


def _reference_sentences(text: str) -> list[str]:
    sentences = []
    for line in (text or "").splitlines():
        line = _BULLET.sub("", line).strip()
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if piece:
                sentences.append(piece)
    return sentences


def _reference_skills(text: str) -> list[str]:
    positions = []
    for name in SKILLS:
        match = skills._skill_regex(name).search(text)
        if match:
            positions.append((match.start(), name))
    return [name for _, name in sorted(positions)]


def _reference_mentions(text: str, skill: str) -> list[str]:
    name = skills.canonical_skill(skill)
    if not name:
        return []
    sentences = _reference_sentences(text)
    found: list[str] = []
    for group in [name, *skills._alternatives(name), *skills._IMPLIED_BY.get(name, ())]:
        regex = skills._skill_regex(group)
        direct = [s for s in sentences if regex.search(s)]
        if not direct and group not in SKILLS:
            loose = [r for _, r in skills._loose_regexes(group)]
            direct = [s for s in sentences if all(r.search(s) for r in loose)] \
                if len(loose) >= 2 else []
        for sentence in direct:
            short = skills._shorten(sentence)
            if short not in found:
                found.append(short)
    return found


# --- the checks ----------------------------------------------------------------------------------


def test_sentences_split_as_before() -> None:
    for text in _random_texts(3000, seed=1, size=12):
        assert split_sentences(text) == _reference_sentences(text), repr(text)


def test_skills_found_as_before() -> None:
    for text in _random_texts(150, seed=2):
        assert skills_in_text(text) == _reference_skills(text), repr(text)


def test_joined_texts_give_the_skills_of_the_whole() -> None:
    texts = _random_texts(120, seed=3, size=10)
    among = frozenset(["Python", "Go", "SQL", "PostgreSQL", "Machine learning", ".NET", "French"])
    for first, second in zip(texts[::2], texts[1::2]):
        expected = set(_reference_skills(first + "\n" + second))
        assert skills_in_joined((first, second)) == expected
        assert skills_in_joined((first, second), among=among) == expected & among
    with pytest.raises(ValueError):
        skills_in_joined(("a", "b"), separator=" and ")


_ASKED = ["Python", "Go", "R", "C", "Excel", "React", "Machine learning", "SQL", "JavaScript",
          ".NET", "CI/CD", "A/B testing", "Kubernetes", "Linux", "iOS", "French", "Spanish",
          "Data analysis", "KPIs and metrics", "fault-tolerant payment systems",
          "Working with engineers", "HTML/CSS", "Python or Go", "quantum annealing", "Go-lang"]


def test_mentions_found_as_before() -> None:
    for text in _random_texts(80, seed=4):
        for skill in _ASKED:
            assert find_skill_mentions(text, skill) == _reference_mentions(text, skill), \
                (skill, text)


def test_matching_sentence_breaks_as_before() -> None:
    for text in _random_texts(3000, seed=5, size=12):
        assert sentence_breaks(text) == [m.span() for m in _SENTENCE_BREAK.finditer(text)]


@pytest.mark.parametrize("label", ["KPIs and metrics", "fault-tolerant payment systems",
                                   "Working with engineers", "payment"])
def test_matching_loose_requirements_as_before(label: str) -> None:
    requirement = matching._requirement(label)
    assert requirement is not None and requirement.loose  # outside the vocabulary
    rng = random.Random(8)
    words = ["KPIs", "kpi", "metrics", "METRIC", "fault-tolerant", "fault", "tolerant", "payment",
             "Payments", "systems", "engineers", "Engineering", "working", "data", "x.y", "\u017f"]
    glue = [" ", " ", " ", ", ", "-", ". ", "; ", "\n", "\n\n", ".\n ", "! ", "\t", "\u2028"]
    met = 0
    for _ in range(600):
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 14)))
        sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
        expected = any(all(p.search(s) for p in requirement.loose) for s in sentences)
        assert matching._loosely_met(requirement, text) == expected, text
        met += expected
    assert 0 < met < 600  # both answers come up


@cache
def _quick_regexes() -> list[QuickRegex]:
    found = [value for module in (classifier, resume_scorer)
             for value in vars(module).values() if isinstance(value, QuickRegex)]
    for module in (classifier, resume_scorer):
        for value in vars(module).values():
            if isinstance(value, tuple):
                for item in value:
                    if isinstance(item, QuickRegex):
                        found.append(item)
                    elif isinstance(item, tuple):
                        found += [part for part in item if isinstance(part, QuickRegex)]
    return found


def test_the_engine_uses_quick_regexes() -> None:
    quick = _quick_regexes()
    assert len(quick) >= 35
    assert sum(q.needles is not None for q in quick) >= 30
    assert sum(q.folded is not None for q in quick) >= 30
    assert sum(q.prefixes is not None for q in quick) >= 20


def _answers(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def test_quick_regexes_answer_as_their_regex() -> None:
    golden = json.loads(GOLDEN.read_text("utf-8"))["inputs"]
    texts = golden["texts"] + [e["body"] for e in golden["emails"]] + _random_texts(300, seed=6)
    texts += [text.upper() for text in texts[:40]] + [text.title() for text in texts[:40]]
    for quick in _quick_regexes():
        for text in texts:
            expected = _answers(quick.regex.finditer(text))
            assert _answers(quick.finditer(text)) == expected, (quick.regex.pattern, text)
            first = quick.search(text)
            assert (first and (first.span(), first.groups())) == \
                (expected[0] if expected else None)
            if expected:
                assert quick.may_match(fold(text))


@pytest.mark.parametrize("pattern, flags", [
    (r"\bapply(ing)? (for|to)\b", re.IGNORECASE),
    (r"(?<![\w.])Go(?![\w#+])", 0),
    (r"(?-i:Go)lang", re.IGNORECASE),
    (r"[A-Z]\w+ engineer", re.IGNORECASE),
    (r"^\s*skills\s*:?\s*$", re.IGNORECASE | re.MULTILINE),
    (r"stra(ß|ss)e|k8s|\bsql\b", re.IGNORECASE),
    (r"\w+", re.IGNORECASE | re.ASCII),
    (r"x*", re.IGNORECASE),
    (r"(a|b)?c{2,3}", re.IGNORECASE),
])
def test_quick_regex_on_odd_patterns(pattern: str, flags: int) -> None:
    quick = QuickRegex(pattern, flags)
    for text in _random_texts(200, seed=7, size=20) + ["STRASSE ſql \u212a8S Skills:\n", ""]:
        assert _answers(quick.finditer(text)) == _answers(quick.regex.finditer(text)), text


def test_named_job_reads_the_role_only_when_needed() -> None:
    """A job named by its title words outranks any named by role, so the (slow) role reading is
    skipped then: the answers are those of reading it always."""
    from hireops.models import Job, JobStatus
    from hireops.services.ai.local.job_generator import normalise, read_title

    golden = json.loads(GOLDEN.read_text("utf-8"))["inputs"]
    prepared = matching.prepare_jobs([Job(**{**fields, "status": JobStatus(fields.get(
        "status", "open"))}) for fields in golden["match_jobs"]])

    def reference(text: str) -> tuple[int, ...]:
        tokens = normalise(text)
        reading = read_title(text)
        role_key = "" if reading.generic_word else reading.role_key
        words, word_set = " " + " ".join(tokens) + " ", frozenset(tokens)
        named = [(strength, job) for job in prepared for strength in
                 [matching._naming_strength(job, words, word_set, role_key)] if strength]
        return max(((*s, -job.job_id), job.job_id) for s, job in named)[1] if named else None

    rng = random.Random(9)
    words = ["Senior", "Junior", "Backend", "Back-end", "Frontend", "Data", "Analyst", "Engineer",
             "Developer", "Product", "Designer", "Account", "Executive", "Nurse", "Registered",
             "Office", "Manager", "Staff", "Payments", "Application:", "for", "the", "(React)",
             "Python", "Sales", "Lead", "UX", "Scientist", "DevOps", "Bewerbung", "als"]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        found = matching._named_job(prepared, [("subject", text)], None)
        assert (found.job_id if found else None) == reference(text), text
