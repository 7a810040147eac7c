"""Thin answers, and the one adaptive follow-up the built-in interviewer may ask about them.

An answer is thin when it is short (under `THIN_WORDS` words), touches none of the question's
expected points, or gives no concrete example while covering under half the points. Concrete
means a number, "I/we" with a past-tense verb, a marker such as "for example" or "at my last
job", a named tool from the skills vocabulary or another proper name. A warm-up answer needs no
example.

The follow-up names what was missing (an example, or the first expected point not yet covered)
in a friendly tone. At most one follow-up per question: this module keeps no state, so the caller
(the interview room) asks `follow_up_for` once, records that it did, and then moves on whatever
the second answer says. The closing slot question is checked for a day or time and a time zone.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from typing import Literal

from hireops.services.ai.local.answer_reading import read_answer
from hireops.services.ai.local.availability import detect_slots
from hireops.services.text.skills import SKILLS, canonical_skill, mentions_skill, skills_in_text
from hireops.services.ai.schemas import TranscriptTurn
from hireops.services.interviews.question_plan import PlannedQuestion

THIN_WORDS = 25  # fewer words than this cannot hold a situation, an action and a result

ThinCode = Literal["too_short", "off_points", "no_example", "no_experience", "no_slot",
                   "no_time_zone"]


@dataclass(frozen=True)
class ThinReason:
    """Why an answer is thin, and what it did and did not cover."""

    codes: tuple[ThinCode, ...]  # every reason that applies, in a fixed order
    words: int
    covered_points: tuple[str, ...]
    missing_points: tuple[str, ...]

    def describe(self) -> str:
        """One readable line for the transcript log."""
        texts = {
            "too_short": f"short ({self.words} words)",
            "off_points": "none of the expected points",
            "no_example": "no concrete example",
            "no_experience": "says they have no experience with it",
            "no_slot": "no day or time",
            "no_time_zone": "no time zone",
        }
        return "Thin answer: " + "; ".join(texts[code] for code in self.codes) + "."


# --- expected points as keyword evidence -------------------------------------------------

_WORD = re.compile(r"[a-zà-ÿ0-9+#/&]+")
_STOPWORDS = frozenset("""a an and or the of in on at to for from by with about as into over
    your you yours their they them its it this that these those any one own how what why when
    which who whom is are was were be been being do does did has have had can could would should
    than then so such very more most less""".split())
_SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers",
             "er", "ed", "es", "ly", "s")
_MIN_PREFIX = 4  # shorter stems must match exactly ("use" is not "user")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS]


def _same_root(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _MIN_PREFIX and longer.startswith(shorter)


def covered_points(expected_points: list[str] | tuple[str, ...], answer: str, *,
                   asked: str = "") -> list[str]:
    """The expected points an answer covers: a vocabulary skill point when the answer names
    the skill; any other point when its content words (by stem) appear, one for a point of one
    or two words, half for longer ones. Words of the question `asked` do not count on their
    own: echoing "query" back is not talking about the query plan."""
    answer_stems = set(_stems(answer))
    echoed = set(_stems(asked))
    covered = []
    for point in expected_points:
        if canonical_skill(point) in SKILLS and mentions_skill(answer, point):
            covered.append(point)
            continue
        stems = list(dict.fromkeys(_stems(point)))
        stems = [s for s in stems if s not in echoed] or stems
        needed = 1 if len(stems) <= 2 else math.ceil(len(stems) / 2)
        found = sum(1 for s in stems if any(_same_root(s, a) for a in answer_stems))
        if stems and found >= needed:
            covered.append(point)
    return covered


# --- concrete examples -------------------------------------------------------------------

_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
                     r"fifty|hundred|thousand|million|percent|half|twice|double|doubled|"
                     r"halved)\b", re.IGNORECASE)
_PAST_ACTION = re.compile(
    r"\b(?:i|we)(?:'ve|'d| have| had)?\s+(?:\w+ly\s+)?"
    r"(?!(?:need|feed|seed|speed|proceed|succeed|exceed|embed|shed|indeed)\b)"
    r"(?:\w{2,}ed|built|led|wrote|ran|made|took|did|found|gave|set|brought|chose|went|began|"
    r"kept|taught|sold|met|spoke|told|drove|won|got|saw|bought|caught|cut|put|sent|spent|"
    r"rewrote|shipped|fixed|had|written|rewritten|taken|done|given|chosen|gone|begun|"
    r"spoken|driven|gotten|seen)\b",
    re.IGNORECASE,
)
_EXAMPLE_MARKER = re.compile(
    r"\b(?:for example|for instance|e\.g\.|at my (?:last|previous|current|old) "
    r"(?:job|role|company|team|employer|school|hospital|practice)|in my (?:last|previous|"
    r"current) (?:role|job|team|company|position)|when i was|last (?:year|month|quarter|week)|"
    r"one time|once,)", re.IGNORECASE)


def _names_a_tool(answer: str) -> bool:
    """A vocabulary skill with a proper name (Salesforce, PostgreSQL, Epic), not a plain
    phrase such as "customer support" or a general skill such as "communication"."""
    for name in skills_in_text(answer):
        words = name.split()
        plain = len(words) > 1 and all(w.islower() for w in words[1:])
        if SKILLS[name].domain != "general" and not plain:
            return True
    return False


# A capitalised word after the start of a sentence names something (Brightcall, Berlin, SAP).
_PROPER_NAME = re.compile(r"(?<=[\w,;:)] )(?!I\b|I'(?:m|ve|d|ll)\b)[A-Z][\w&.-]*")


def has_concrete_example(answer: str) -> bool:
    """True when an answer holds a number, a first-person past action, an example marker, a
    named tool or another proper name (an employer, a product, a place)."""
    return bool(_NUMBER.search(answer) or _PAST_ACTION.search(answer)
                or _EXAMPLE_MARKER.search(answer) or _PROPER_NAME.search(answer)
                or _names_a_tool(answer))


# --- the closing slot question -----------------------------------------------------------

_TIME_ZONE = re.compile(
    r"\b(?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b|time ?zone|local time|my time|"
    r"\b(?:eastern|central|mountain|pacific|atlantic|european|london|paris|berlin|madrid|"
    r"new york|chicago|los angeles|sydney|tokyo|singapore|dubai|india|uk|us) time\b|"
    r"(?-i:\b(?:CET|CEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|AEST|AEDT|JST|SGT|WET|EET)\b)",
    re.IGNORECASE,
)


# "Any time" or "next week" is kind, but nothing a recruiter can book.
_VAGUE_SLOT = re.compile(r"^(?:any ?time(?: this week)?|next week|tomorrow)$", re.IGNORECASE)


def _thin_slot_answer(question: PlannedQuestion, answer: str, words: int) -> ThinReason | None:
    turns = [TranscriptTurn(speaker="interviewer", text=question.text),
             TranscriptTurn(speaker="candidate", text=answer or "")]
    codes: list[ThinCode] = []
    if not [s for s in detect_slots(turns) if not _VAGUE_SLOT.match(s)]:
        codes.append("no_slot")
    if not _TIME_ZONE.search(answer or ""):
        codes.append("no_time_zone")
    if not codes:
        return None
    return ThinReason(codes=tuple(codes), words=words, covered_points=(), missing_points=())


# --- thin answers and follow-ups ---------------------------------------------------------

_NO_EXPERIENCE = re.compile(
    r"\b(?:haven'?t|have not|never (?:used|worked|done|had)|no (?:real |direct |hands-on )?"
    r"experience|not familiar|don'?t know|not really|didn'?t get (?:the )?chance)\b",
    re.IGNORECASE)


def is_thin_answer(*, question: PlannedQuestion, answer: str,
                   language: str = "en") -> ThinReason | None:
    """Why the answer is thin, or None when it is full enough to move on; `language` is the
    interview's (en, fr, de, es)."""
    answer = answer or ""
    words = len(answer.split())
    if question.kind == "closing":
        return _thin_slot_answer(question, answer, words)
    # Points covered in the answer's words or in other words (the evaluator's reading).
    reading = read_answer(question.text, answer, question.expected_points, language=language)
    covered = list(dict.fromkeys([*covered_points(question.expected_points, answer,
                                                  asked=question.text),
                                  *reading.covered_points]))
    missing = tuple(p for p in question.expected_points if p not in covered)
    codes: list[ThinCode] = []
    if words < THIN_WORDS:
        codes.append("too_short")
    if question.expected_points and not covered:
        codes.append("off_points")
    half = math.ceil(len(question.expected_points) / 2)
    # A warm-up is about the candidate's story so far, not one worked example.
    wants_example = question.kind != "warm_up"
    # Beliefs in place of a case ("I always stay calm") are no example, however long.
    evasive = reading.generic_share >= 0.5 and not reading.specifics
    # In another language the English example markers say nothing: the reading's own actions
    # and numbers do.
    concrete = has_concrete_example(answer) if language == "en" else bool(
        {"number", "own_action", "named_system"} & set(reading.specifics))
    if wants_example and (evasive or (not concrete and len(covered) < half)):
        codes.append("no_example")
    if question.kind == "gap_probe" and _NO_EXPERIENCE.search(answer) and codes:
        codes.append("no_experience")
    if not codes:
        return None
    return ThinReason(codes=tuple(codes), words=words, covered_points=tuple(covered),
                      missing_points=missing)


# Follow-ups thank the candidate and ask; they never praise, since they only follow answers
# that were thin or evasive. The wording keeps the tense of the question asked: a story in the
# past, a practice in the present, a plan in the conditional.
_ASK_EXAMPLE = (
    "Thank you. Could you walk me through one specific time you did this: what the situation "
    "was, what you did yourself and how it turned out?{point}",
    "Thank you. Could you make that concrete with a real example from your work?{point}",
    "Thank you. Can you pick one real situation and take me through it step by step?{point}",
)
# A "how would you" question asks for a plan: the follow-up asks for its steps, and for a real
# case only if there was one.
_ASK_PLAN = ("Thank you. Could you take me through it step by step, as you would do it?{point} "
             "If you have done something like it before, tell me what you did.")
_ASK_POINT = {
    "past": ("Thank you. Could you also tell me about {point}?",
             "Thank you. I'd like to hear a little more about {point}: how did that part go?",
             "Thank you. Could you say a bit more about {point}?"),
    "present": ("Thank you. Could you also tell me about {point}?",
                "Thank you. I'd like to hear a little more about {point}: how do you handle "
                "that part?",
                "Thank you. Could you say a bit more about {point}?"),
    "conditional": ("Thank you. Could you also tell me about {point}?",
                    "Thank you. I'd like to hear a little more about {point}: how would you "
                    "handle that part?",
                    "Thank you. Could you say a bit more about {point}?"),
}
_ASK_MORE = {
    "past": "Thank you. Could you tell me a bit more about that, and how it turned out?",
    "present": "Thank you. Could you tell me a bit more about how you do that, with an example?",
    "conditional": "Thank you. Could you tell me a bit more about how you would do that, and "
                   "why?",
}
_CONDITIONAL = re.compile(r"\b(?:would|could) you\b|\bif you (?:were|had)\b|\bimagine\b",
                          re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:how|what|when|where|why) (?:do|does) you\b|\bdo you\b",
                      re.IGNORECASE)


def question_tense(text: str) -> str:
    """past (a story), present (a practice) or conditional (a plan), read from the question."""
    if _CONDITIONAL.search(text):
        return "conditional"
    if _PRESENT.search(text):
        return "present"
    return "past"


def _variant(options: tuple[str, ...], question: PlannedQuestion) -> str:
    """A phrasing chosen by the question's key: varied across an interview, yet repeatable."""
    return options[zlib.crc32(question.key.encode()) % len(options)]


def _slot_follow_up(reason: ThinReason | None) -> str:
    codes = reason.codes if reason else ()
    if "no_slot" in codes:
        return ("Thank you. Could you name one or two specific days and times in the next two "
                "weeks that would work, and your time zone?")
    if "no_time_zone" in codes:
        return "Thanks, that works. Which time zone is that in?"
    return "Thank you, that's noted."


def follow_up_for(*, question: PlannedQuestion, answer: str) -> str:
    """The one follow-up to ask after a thin answer, naming what was missing. Meant to be
    called only when `is_thin_answer` returns a reason; on a full answer it asks for more
    about the first uncovered point."""
    reason = is_thin_answer(question=question, answer=answer)
    if question.kind == "closing":
        return _slot_follow_up(reason)
    if reason and "no_experience" in reason.codes:
        skill = question.skill or "it"
        return (f"That's completely fine, thank you for saying so. Have you used anything similar "
                f"to {skill}, or how would you go about learning {skill} in your first weeks?")
    missing = (reason.missing_points if reason
               else tuple(p for p in question.expected_points if p not in covered_points(
                   question.expected_points, answer, asked=question.text)
                   and p not in read_answer(question.text, answer,
                                            question.expected_points).covered_points))
    point = missing[0] if missing else ""
    tense = question_tense(question.text)
    if reason and ("too_short" in reason.codes or "no_example" in reason.codes):
        wish = f" I'd especially like to hear about {point}." if point else ""
        if tense == "conditional":
            return _ASK_PLAN.format(point=wish)
        return _variant(_ASK_EXAMPLE, question).format(point=wish)
    if point:
        return _variant(_ASK_POINT[tense], question).format(point=point)
    return _ASK_MORE[tense]
