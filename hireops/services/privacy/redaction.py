"""Blind screening: strip what identifies a person (or their gender, age, origin or family)
from a resume before anyone scores or reads it.

Every pattern reads text strangers send, so each is linear: no repeated group that itself
repeats, bounded runs, and a look-behind so a pattern only starts where a token starts.
"""

from __future__ import annotations

import re

# Bounded as the mail standards bound addresses (local part 64, domain label 63 characters),
# and the look-behind starts a match only where an address can start: unbounded, every start in
# a long word scanned to its end looking for "@".
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().-]{6,}\d(?![\w-])")
_DIGIT_GROUPS = re.compile(r"\d+")
_BIRTH = re.compile(
    r"\b(?:date of birth|date de naissance|d\.?o\.?b\.?|born(?: on)?|née? le|née? en)"
    r"\s*:?\s*[\w ,./-]{0,30}?\d{4}(?:[-/.]\d\d?)?(?:[-/.]\d\d?)?",
    re.IGNORECASE,
)
_ADDRESS_LABEL = re.compile(r"\b(?:address|adresse|domicile)[ \t]*:[ \t]*[^\n]{1,120}",
                            re.IGNORECASE)
# "12 rue de la Paix, 75002 Paris", "4 bis avenue Jean Jaurès 69007 Lyon".
_ADDRESS_FR = re.compile(
    r"(?<![\w-])\d{1,4}(?:[ \t]?(?:bis|ter|[a-c]))?,?[ \t]+"
    r"(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage)\b"
    r"[^\n,;|·•]{0,50}(?:,[ \t]*\d{5}[ \t]+[^\W\d_][\w'’-]{0,30})?",
    re.IGNORECASE,
)
# "221B Baker Street", "1600 Amphitheatre Parkway": the street's name and kind are
# capitalised, so "3 projects in a way" stays, and a run of numbers is dismissed at once.
_ADDRESS_EN = re.compile(
    r"(?<![\w-])\d{1,5}[A-Za-z]?,?[ \t]+(?=[A-Z])[^\n,;|·•]{0,40}?\b"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Court|Place|Square|"
    r"Parkway|Terrace|Crescent|Highway|Way)\b"
)
_NATIONALITY = re.compile(
    r"\b(?:nationality|nationalité|nationalite|citizenship|citoyenneté)\b[ \t]*:?[ \t]*"
    r"[^\n,;|.]{1,40}",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:âgée? de|age|âge|aged)[ \t]*:?[ \t]*\d{2}\b(?:[ \t]*(?:ans|years(?: old)?))?"
    r"|\b\d{2}[ \t-]years?[ \t-]old\b",
    re.IGNORECASE,
)
_MARITAL = re.compile(
    r"\b(?:marital status|family status|civil status|situation familiale|situation de famille"
    r"|état civil)[ \t]*:?[ \t]*[^\n,;|.]{1,30}"
    r"|\b(?:marié\(e\)|mariée?|married|divorcée?|divorced|widowed|widower|veuve|veuf"
    r"|célibataire|pacsée?)(?![\w(])",
    re.IGNORECASE,
)
# Courtesy titles go with the full stop that abbreviates them ("Mrs." "M.").
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Mme|Mlle|Madame|Monsieur|Mademoiselle|MR|MRS|MS)"
                     r"\b\.?[ \t]*|\bM\.[ \t]+(?=[A-ZÀ-Ý])")
_NEUTRAL = {
    "he": "they", "she": "they", "him": "them", "his": "their", "hers": "theirs",
    "himself": "themself", "herself": "themself", "wife": "partner", "husband": "partner",
    # French: the neutral pronoun "iel", and the plain form of feminine titles and adjectives.
    "il": "iel", "elle": "iel", "ils": "iels", "elles": "iels", "née": "", "né": "",
    "ingénieure": "ingénieur", "développeuse": "développeur", "directrice": "directeur",
    "consultante": "consultant", "cheffe": "chef", "diplômée": "diplômé",
    "certifiée": "certifié", "passionnée": "passionné", "motivée": "motivé",
}
_GENDERED = re.compile(r"\b(" + "|".join(_NEUTRAL) + r"|her)\b", re.IGNORECASE)
# "her" before these is an object ("gave her the lead"), not a possessive ("her team").
_AFTER_OBJECT_HER = {"the", "a", "an", "to", "for", "with", "and", "or", "in", "on", "at",
                     "as", "that", "from", "by", "about", "into", "again", "back"}
_NEXT_WORD = re.compile(r"[ \t]*(\w*)")


def redact_resume(text: str, *, names: tuple[str, ...] = (),
                  details: tuple[str, ...] = ()) -> str:
    """`text` without emails, links, phone numbers, addresses, birth dates, age, nationality,
    marital status, the given names and other known `details` of the person (their city,
    say), or gendered words (pronouns become "they"/"them"/"their", "il"/"elle" "iel")."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    text = _BIRTH.sub("[date of birth]", text)
    text = _ADDRESS_LABEL.sub("[address]", text)
    text = _ADDRESS_FR.sub("[address]", text)
    text = _ADDRESS_EN.sub("[address]", text)
    text = _PHONE.sub(_phone, text)
    text = _NATIONALITY.sub("[nationality]", text)
    text = _AGE.sub("[age]", text)
    text = _MARITAL.sub("[marital status]", text)
    for detail in sorted({d.strip() for d in details if len(d.strip()) > 2}, key=len,
                         reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(detail)}(?!\w)", "[redacted]", text,
                      flags=re.IGNORECASE)
    for token in _name_tokens(names):
        text = re.sub(rf"\b{re.escape(token)}\b", "[name]", text, flags=re.IGNORECASE)
    text = _TITLES.sub("", text)
    text = _GENDERED.sub(_neutral, text)
    return re.sub(r"[ \t]{2,}", " ", text)


def _phone(found: re.Match) -> str:
    groups = _DIGIT_GROUPS.findall(found.group())
    # A span of years ("(2019 - 2023)") looks like a phone number but is experience, kept;
    # so is a date written year first ("2024-03-01"), which no phone number is.
    years_only = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
    iso_date = [len(g) for g in groups] == [4, 2, 2] and groups[0][:2] in ("19", "20")
    if sum(len(g) for g in groups) < 7 or years_only or iso_date:
        return found.group()
    return "[phone]"


def _neutral(found: re.Match) -> str:
    original = found.group(1)
    key = original.lower()
    if key == "her":
        following = _NEXT_WORD.match(found.string, found.end()).group(1).lower()
        key = "him" if not following or following in _AFTER_OBJECT_HER else "his"
    word = _NEUTRAL[key]
    return word.capitalize() if original[0].isupper() else word


def _name_tokens(names: tuple[str, ...]) -> list[str]:
    # Single letters ("J.") would blank out words all over the resume.
    tokens = {part.strip(".,") for name in names for part in name.split()}
    return sorted((t for t in tokens if len(t) > 1), key=len, reverse=True)
