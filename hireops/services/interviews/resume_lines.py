"""Interview questions built from concrete lines of the candidate's resume.

The resume scorer quotes, per job skill, the resume sentence that shows it. The lines worth a
question are the concrete ones: a number ("cut hosting costs by 30%"), a migration ("moved 40
services from Heroku to Kubernetes") or a project the candidate built or led. Each becomes one
question that quotes the line and asks what a good answer to it holds, in the line's own tense
(the wordings are the bank's, `knowledge/data/question_bank.json`):
a finished piece of work ("Migrated ...") is asked about in the past, a current one ("Leading a
team of five") in the present.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from hireops.services.interviews.question_bank import RESUME_LINE_QUESTIONS

MAX_LINE_WORDS = 40  # a longer "line" is a paragraph; quoting it would read badly
MIN_LINE_WORDS = 5
MAX_QUOTE_CHARS = 160

_NUMBER = re.compile(r"\d")
_MIGRATION = re.compile(r"\b(?:migrat\w*|moved|moving|port(?:ed|ing)|upgrad\w*|replac\w*|"
                        r"rewr(?:ote|iting|itten)|re-?platform\w*|consolidat\w*)\b",
                        re.IGNORECASE)
_PROJECT = re.compile(r"\b(?:built|build|building|designed|designing|launched|launching|led|"
                      r"leading|lead|created|developed|developing|introduced|implemented|"
                      r"set up|founded|ran|running|own(?:ed|ing)?|shipped|delivered|"
                      r"automated|reduced|increased|grew|cut|saved|improved|managed|managing)\b",
                      re.IGNORECASE)
# The line's first verb tells its tense: "-ing" or a present form is work still going on.
_PRESENT = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:\w+ing|lead|manage|own|run|build|develop|"
                      r"maintain|support|oversee)\b", re.IGNORECASE)
_PAST = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:\w+ed|built|led|ran|grew|cut|wrote|rewrote|set up|"
                   r"shipped|made|took|won|sold|drove|brought)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ResumeLineQuestion:
    """A question quoting one resume line, with what a good answer covers."""

    line: str
    text: str
    expected_points: tuple[str, ...]
    kind: str  # migration | number | project
    # The bank's wording it follows (knowledge/data/question_bank.json), by which it is
    # translated.
    bank_key: str


def _tidy(line: str) -> str:
    line = re.sub(r"\s+", " ", line.strip().lstrip("-•*·– ").strip())
    if len(line) > MAX_QUOTE_CHARS:
        line = line[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
    return line.rstrip(".;,")


# A measured result: a unit or a change ("30%", "900 ms to 40 ms", "cut costs"), not a head
# count ("a team of 5").
_METRIC = re.compile(r"\d\s*(?:%|percent|ms\b|x\b|k\b|m\b|million|hours?\b|days?\b)|[€$£]\s*\d|"
                     r"\bfrom \S+ (?:\S+ )?to\b|\b(?:reduc|increas|cut|grew|grow|sav|improv|"
                     r"rais|lower|doubl|halv)\w*", re.IGNORECASE)


def _kind(line: str) -> str:
    if _MIGRATION.search(line):
        return "migration"
    if _NUMBER.search(line) and _METRIC.search(line):
        return "number"
    if _PROJECT.search(line):
        return "project"
    return ""


def is_current(line: str) -> bool:
    """True when the line tells of work still going on ("Leading a team of five")."""
    return bool(_PRESENT.search(line)) and not _PAST.search(line)




def resume_line_questions(lines: Iterable[str], *, limit: int = 2) -> list[ResumeLineQuestion]:
    """Up to `limit` questions from the most concrete lines (migrations, then lines with a
    number, then projects), one per line, none twice for the same line."""
    found: dict[str, tuple[str, str]] = {}
    for raw in lines:
        line = _tidy(raw or "")
        words = len(line.split())
        if not MIN_LINE_WORDS <= words <= MAX_LINE_WORDS or line.casefold() in found:
            continue
        if kind := _kind(line):
            found[line.casefold()] = (line, kind)
    order = {"migration": 0, "number": 1, "project": 2}
    ranked = sorted(found.values(), key=lambda pair: order[pair[1]])
    questions = []
    for line, kind in ranked[:limit]:
        asked = RESUME_LINE_QUESTIONS[(kind, is_current(line))]
        questions.append(ResumeLineQuestion(line, asked.format(line=line).text,
                                            asked.expected_points, kind, asked.key))
    return questions
