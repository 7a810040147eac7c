"""Blind screening: strip what identifies a person (or their gender) from a resume to score."""

from __future__ import annotations

import re

# Bounded as the mail standards bound addresses (local part 64, domain label 63 characters):
# unbounded, every start in a long word scanned to its end looking for "@".
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().-]{6,}\d(?![\w-])")
# A span of years ("2019 - 2023") looks like a phone number but is experience, kept for scoring.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–.]+\s*(?:19|20)\d\d")
_BIRTH = re.compile(
    r"\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\s*:?\s*[\w ,./-]{0,30}?\d{4}",
    re.IGNORECASE,
)
_NEUTRAL = {
    "he": "they", "she": "they", "him": "them", "her": "their", "his": "their",
    "hers": "theirs", "himself": "themself", "herself": "themself",
    "mr": "", "mrs": "", "ms": "", "miss": "",
}
_GENDERED = re.compile(r"\b(" + "|".join(_NEUTRAL) + r")\b\.?", re.IGNORECASE)


def redact_resume(text: str, *, names: tuple[str, ...] = ()) -> str:
    """`text` without emails, links, phone numbers, dates of birth, the given names or
    gendered words (pronouns become "they"/"them"/"their")."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    text = _BIRTH.sub("[date of birth]", text)
    text = _PHONE.sub(_phone, text)
    for token in _name_tokens(names):
        text = re.sub(rf"\b{re.escape(token)}\b", "[name]", text, flags=re.IGNORECASE)
    text = _GENDERED.sub(_neutral, text)
    return re.sub(r"[ \t]{2,}", " ", text)


def _phone(found: re.Match) -> str:
    digits = sum(ch.isdigit() for ch in found.group())
    if digits < 7 or _YEAR_RANGE.fullmatch(found.group().strip()):
        return found.group()
    return "[phone]"


def _neutral(found: re.Match) -> str:
    word = _NEUTRAL[found.group(1).lower()]
    return word.capitalize() if found.group(1)[0].isupper() else word


def _name_tokens(names: tuple[str, ...]) -> list[str]:
    # Single letters ("J.") would blank out words all over the resume.
    tokens = {part.strip(".,") for name in names for part in name.split()}
    return sorted((t for t in tokens if len(t) > 1), key=len, reverse=True)
