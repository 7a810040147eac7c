"""When the candidate said they can talk, in their own words: from the answer to the
availability question, or, elsewhere, only from a sentence that offers time ("I can talk again
on Wednesday at 11am"), never from a story ("that we all shipped that month", "the Monday
morning meeting last year").

`detect_slots` returns short phrases for the list of slots ("Tuesday at 3pm (London)");
`availability_words` returns the candidate's sentences that hold them, unchanged, so the date
and time zone they gave travel with the text HR reads and the scheduler parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireops.services.text.skills import split_sentences
from hireops.services.ai.schemas import TranscriptTurn
from hireops.services.text.zone_names import find_named_zone

_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"mon|tues?|wed|thu(?:rs?)?|fri|"
        r"lundi|mardi|mercredi|jeudi|vendredi|montag|dienstag|mittwoch|donnerstag|freitag|"
        r"lunes|martes|mi[ée]rcoles|jueves|viernes)")
_PART = r"(?:morning|afternoon|evening|lunchtime|lunch time)"
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h\b|uhr)|\d{1,2}:\d{2}|noon|midday)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_AT = r"(?:at|from|around|after|before)"
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
_UNTIL = rf"(?:\s*(?:-|–|to|until)\s*{_TIME})?"
# Between a day and its time: ", ", " at ", " " or nothing. Written so no two runs of spaces
# can trade characters (one `\s*` after another is quadratic on a long run of spaces).
_SEP = rf"(?:\s*,\s*|\s+(?:{_AT}\s+)?)?"
# Each alternative ends on a word boundary: "mon" is Monday, not the start of "month".
_SLOT = re.compile(
    # "Tuesday at 3pm", "next Monday from 10:00 to 12:00", "Thursday morning", "Fridays",
    # "Thursday 10 December at 3pm"
    rf"\b(?:(?:next|this)\s+)?{_DAY}s?\b(?:,?\s+{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}\b)?"
    rf"(?:\s+{_PART}s?\b)?(?:{_SEP}{_TIME}{_UNTIL})?"
    # "March 14th at 2pm", "3 June"
    rf"|\b(?:{_MONTH}\.?\s+{_DAY_OF_MONTH}\b|{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}\b)"
    rf"(?:{_SEP}{_TIME})?"
    # "mornings", "any weekday afternoon", "evenings after 6pm"
    rf"|\b(?:any\s+|weekday\s+|early\s+|late\s+)?(?:any\s+|weekday\s+|early\s+|late\s+)?"
    rf"{_PART}s?\b(?:\s+{_AT}\s+{_TIME})?"
    # "after 4 pm", "from 9:00 to 11:00"
    rf"|\b{_AT}\s+{_TIME}{_UNTIL}"
    rf"|\b(?:tomorrow|next week|any ?time|anytime this week)\b",
    re.IGNORECASE,
)
# About the candidate's time, not the work's: "on schedule" or "when would you stop work" in a
# question about the job is no availability question, and its answer is part of the rubric.
AVAILABILITY_QUESTION = re.compile(
    r"availab|when (could|can|would|are) you (be |get )?(free|talk|meet|join|speak|start)\b|"
    r"what (days|time)|best time|schedul\w* (a|an|the|our|your|another|next)( \w+)?"
    r" (call|meeting|interview|chat|conversation|follow-?up)|free (to|for|on)|"
    r"suits? you|works? (best )?for you|convenient|"
    r"dispon|verfügbar|wann|disponibilidad|cu[aá]ndo", re.IGNORECASE)
# Outside an answer about availability, a sentence must offer time to count.
_OFFERS_TIME = re.compile(
    r"\b(?:availab\w*|free|can (?:do|make|talk|meet|join|speak)|could (?:do|make|talk|meet|"
    r"join|speak)|works? (?:for me|well|best)|suits? me|talk again|speak again|meet again|"
    r"follow-up|next call|next step|happy to (?:talk|meet|join))\b", re.IGNORECASE)
_DAY_ANCHORED = re.compile(rf"\b{_DAY}\b|{_MONTH}\.?\s+\d|\d\s+(?:of\s+)?{_MONTH}\b",
                           re.IGNORECASE)


@dataclass(frozen=True)
class _Offer:
    sentence: str  # the candidate's sentence, unchanged
    slots: tuple[str, ...]  # short phrases read from it


def _tidy_slot(slot: str) -> str:
    slot = re.sub(r"\s+", " ", slot.strip(" ,"))
    return slot[0].upper() + slot[1:] if slot else slot


def _offers(transcript: list[TranscriptTurn]) -> list[_Offer]:
    question, asked, rest = "", [], []
    for turn in transcript:
        if turn.speaker == "interviewer":
            question = turn.text
            continue
        for sentence in split_sentences(turn.text) or [turn.text]:
            slots = [m.group(0) for m in _SLOT.finditer(sentence) if m.group(0).strip()]
            if not slots:
                continue
            zone = find_named_zone(sentence)
            if zone and not any(zone.words.casefold() in s.casefold() for s in slots):
                slots = [f"{s} ({zone.words})" for s in slots]
            offer = _Offer(sentence.strip(), tuple(_tidy_slot(s) for s in slots))
            if AVAILABILITY_QUESTION.search(question):
                asked.append(offer)
            elif _OFFERS_TIME.search(sentence) and _DAY_ANCHORED.search(sentence):
                rest.append(offer)
    return asked or rest


def detect_slots(transcript: list[TranscriptTurn]) -> list[str]:
    """Times the candidate offered: first from the answer to an availability question."""
    slots = [s for offer in _offers(transcript) for s in offer.slots]
    return list(dict.fromkeys(slots))[:5]


def availability_words(transcript: list[TranscriptTurn]) -> str:
    """The candidate's own sentences that offer time, unchanged ("" when none)."""
    return " ".join(dict.fromkeys(offer.sentence for offer in _offers(transcript)))
