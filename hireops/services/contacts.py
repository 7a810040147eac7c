"""Contact details read from a resume and its email, and the normal forms used to dedupe people.

Conservative by design: a field nobody can read with confidence stays empty, because a wrong
phone number or town on a candidate is worse than a blank one.

Phone numbers are normalised to their digits ("national significant number" rule):
- written with "+" or "00": the country code is kept and a "(0)" trunk after it is dropped,
  "+44 (0)20 7946 0321" -> "442079460321";
- written without a country code: one leading trunk "0" is dropped, "020 7946 0321" ->
  "2079460321", "06 12 34 56 78" -> "612345678", "(415) 555-0134" -> "4155550134".
So the national form is always a suffix of the international one, which is how
`services.candidates` matches the same number written both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireops.services.ai.local.classifier import person_name
from hireops.services.ai.local.job_generator import read_title

MAX_NAME, MAX_EMAIL, MAX_PHONE, MAX_URL, MAX_LOCATION = 200, 320, 60, 300, 160
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 15
HEADER_LINES = 12  # unlabelled phones and locations are only read from the top of a resume


@dataclass
class ContactInfo:
    """What a resume and its email say about how to reach the candidate."""

    name: str = ""  # "Maya Chen"; "" when nothing looked like a person's name
    email: str = ""  # as written (lower-cased), not normalised: replies go to this address
    phone: str = ""  # as written, whitespace tidied: "+44 20 7946 0321"
    linkedin_url: str = ""  # https://www.linkedin.com/in/<id>
    github_url: str = ""  # https://github.com/<user>
    location: str = ""  # "City, Region/Country", or ""


# --- tidying -----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def clean_text(value: str, limit: int) -> str:
    """Control and invisible characters removed, whitespace collapsed, cut to `limit`."""
    return " ".join(_CONTROL.sub(" ", value or "").split())[:limit].strip()


# --- email -------------------------------------------------------------------------------------

# Parts bounded as the mail standards bound them (local part 64, domain label 63 characters):
# an unbounded local part made every start in a long run of "%a%a..." scan to its end.
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}"
                    r"(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w-])")
_NOT_A_PERSON_ADDRESS = re.compile(r"^(no-?reply|do-?not-?reply|mailer-daemon|postmaster)@",
                                   re.IGNORECASE)
_GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def normalize_email(address: str) -> str:
    """Lower-cased, trimmed, "mailto:" removed; Gmail addresses without dots and "+tags"."""
    text = clean_text(address, MAX_EMAIL).strip("<>\"' ").lower()
    text = text.removeprefix("mailto:").strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return text
    if domain in _GMAIL_DOMAINS:
        # Gmail ignores dots and anything after "+"; googlemail.com is the same mailbox.
        local, domain = local.split("+", 1)[0].replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def _resume_email(text: str) -> str:
    for match in _EMAIL.finditer(text):
        address = match.group().lower()
        if not _NOT_A_PERSON_ADDRESS.match(address):
            return address
    return ""


# --- phone -------------------------------------------------------------------------------------

_PHONE_LABEL = re.compile(
    r"(?<!\w)(phone|tel|tél|telephone|téléphone|mobile|mob|mobil|cell|cellphone|handy|telefon|"
    r"portable|teléfono|móvil|celular|whatsapp)\b\.?|[☎📞📱]", re.IGNORECASE)
_PHONE_CANDIDATE = re.compile(r"(?<![\w+/=.#-])(?:\+|\(\+?)?\d[\d \t().\-/]{4,24}\d(?![\w/])")
# A word holding one of these is a link or an address: its digits are not a phone number.
# (Tested word by word: "\S*marker\S*" let every start in a long word scan to its end.)
_LINK_MARK = re.compile(r"https?://|www\.|@|\.com/|\.io/", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_TRUNK_AFTER_CODE = re.compile(r"^(\+|00)\s*(\d{1,3})\s*\(0\)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_IP_ADDRESS = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_ZIP_PLUS_FOUR = re.compile(r"^\d{5}-\d{4}$")


def normalize_phone(phone: str) -> str:
    """Digits only, country code kept when written, national trunk "0" dropped (see module doc);
    "" for anything with fewer than 7 or more than 15 digits."""
    text = _TRUNK_AFTER_CODE.sub(r"\1\2", clean_text(phone, MAX_PHONE))
    international = text.startswith(("+", "00", "(+"))
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        digits = digits[2:]
    elif not international and digits.startswith("0"):
        digits = digits[1:]
    return digits if MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS else ""


def _looks_like_date(text: str) -> bool:
    """ "2018-2022", "01/2019 - 03/2021", "2019-03-01": years with months or days, no phone."""
    groups = re.findall(r"\d+", text)
    return any(_YEAR.match(g) for g in groups) and all(_YEAR.match(g) or len(g) <= 2
                                                       for g in groups)


def _valid_phone(text: str, labelled: bool) -> str:
    text = text.strip(" \t-./")
    digits = re.sub(r"\D", "", text)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return ""
    if _looks_like_date(text) or _IP_ADDRESS.match(text) or _ZIP_PLUS_FOUR.match(text):
        return ""
    grouped = len(re.findall(r"\d+", text)) >= 2
    # An unbroken run of digits with no "+" and no label is more likely an id than a phone.
    if not (labelled or grouped or text.startswith("+")):
        return ""
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    return clean_text(text, MAX_PHONE)


def _without_links(line: str) -> str:
    return _WORD.sub(lambda word: " " if _LINK_MARK.search(word.group()) else word.group(), line)


def _find_phone(resume_text: str) -> str:
    lines = [_without_links(line) for line in resume_text.splitlines()]
    labelled = [line for line in lines if _PHONE_LABEL.search(line)]
    header = [line for line in lines if line.strip()][:HEADER_LINES]
    for group, is_labelled in ((labelled, True), (header, False)):
        for line in group:
            for match in _PHONE_CANDIDATE.finditer(line):
                # "06 12 34 56 78 / 01 23 45 67 89": two numbers, the first one wins.
                for piece in re.split(r"\s+/\s+", match.group()):
                    phone = _valid_phone(piece, is_labelled)
                    if phone:
                        return phone
    return ""


# --- profile links -----------------------------------------------------------------------------

_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/([A-Za-z0-9_%-]{2,100})",
                       re.IGNORECASE)
_GITHUB = re.compile(r"(?:https?://)?(?:www\.)?github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))"
                     r"(?![A-Za-z0-9-])", re.IGNORECASE)
# github.com/<these> are GitHub's own pages, not a user.
_GITHUB_RESERVED = frozenset(
    "about apps collections customer-stories enterprise explore features join login marketplace "
    "orgs organizations pricing security settings site sponsors topics trending".split())


def _linkedin_url(text: str) -> str:
    match = _LINKEDIN.search(text)
    return f"https://www.linkedin.com/in/{match.group(1).strip('-_')}" if match else ""


def _github_url(text: str) -> str:
    for match in _GITHUB.finditer(text):
        user = match.group(1)
        if user.lower() not in _GITHUB_RESERVED:
            return f"https://github.com/{user}"
    return ""


# --- location ----------------------------------------------------------------------------------

_LOCATION_LABEL = re.compile(
    r"^\W*(?:location|address|home address|adresse|anschrift|wohnort|standort|ville|ciudad|"
    r"ubicaci[oó]n|direcci[oó]n|based in)\s*[:：–—-]\s*(.+)$", re.IGNORECASE)
# Blanks around a separator are bounded: with "\s*" every start in a long run of spaces scanned
# the whole run. Longer runs leave blanks on the segments, which every reader strips.
_SEGMENT_SPLIT = re.compile(r"\s{0,30}(?:[|•·◦▪●]|\s[–—-]\s|\t)\s{0,30}")
_PLACE_WORD = r"[A-ZÀ-Þ][\wÀ-ÿ'’.-]*"
# Words of the town are joined by spaces only: a place word holds hyphens itself ("Aix-en-
# Provence"), and also splitting on them made "A-B-C-..." split many ways.
_PLACE = re.compile(rf"^({_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}),\s*"
                    rf"({_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}})$")
# The second half of an unlabelled "City, X" must be one of these, or it may be anything
# ("Python, Django" in a skills line).
_REGIONS = frozenset(name.casefold() for name in (
    # countries, in English and in their own languages
    "USA US U.S. United States UK U.K. United Kingdom England Scotland Wales Ireland Canada "
    "France Germany Deutschland Spain España Italy Italia Portugal Netherlands Nederland "
    "Belgium Belgique België Switzerland Schweiz Suisse Svizzera Austria Österreich Luxembourg "
    "Poland Polska Sweden Sverige Norway Norge Denmark Danmark Finland Suomi Iceland Greece "
    "Romania Hungary Czechia Slovakia Slovenia Croatia Serbia Bulgaria Ukraine Estonia Latvia "
    "Lithuania Turkey Türkiye Israel UAE Egypt Morocco Maroc Tunisia Algeria Nigeria Kenya Ghana "
    "India Pakistan Bangladesh China Japan Korea Singapore Malaysia Indonesia Philippines "
    "Vietnam Thailand Australia Brazil Brasil Mexico México Argentina Chile Colombia Peru Perú"
    ).split()) | frozenset(name.casefold() for name in (
    "United Arab Emirates", "Czech Republic", "South Africa", "South Korea", "New Zealand",
    "Northern Ireland", "Saudi Arabia", "Hong Kong", "Costa Rica", "Puerto Rico",
    # US states and Canadian provinces, as codes and names
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL",
    "California", "New York", "Texas", "Washington", "Massachusetts", "Illinois", "Florida",
    "Colorado", "Oregon", "Georgia", "Pennsylvania", "Virginia", "North Carolina", "Ontario",
    "Quebec", "Québec", "British Columbia", "Alberta", "Bavaria", "Bayern", "Catalonia",
    "Île-de-France",
))


# Street names: a part of an address that holds one is not the town.
_STREET = re.compile(
    r"\b(rue|avenue|ave|boulevard|blvd|street|road|rd|lane|drive|apt|suite|flat|floor|po box|"
    r"calle|avenida|via|piazza|chemin|impasse|allée)\b|(stra(ss|ß)e|str\.|weg|platz|gasse)\b",
    re.IGNORECASE)
_PLACE_PARTICLES = frozenset("de la le les du des d am an der den im upon on sur del y e".split())


def _is_place(part: str) -> bool:
    words = re.split(r"[ -]", part)
    return 0 < len(words) <= 4 and all(
        word[:1].isupper() or word.casefold() in _PLACE_PARTICLES for word in words if word)


def _tidy_place(value: str) -> str:
    """ "12 Rue de la Paix, 75002 Paris, France" -> "Paris, France"; "" unless it reads as one."""
    parts = []
    for raw in value.split(","):
        if _STREET.search(raw):
            continue
        # Postcodes and house numbers: "75002", "SW1A 1AA", "D-10115".
        part = " ".join(word for word in raw.split() if not re.search(r"\d", word))
        if part:
            parts.append(part.strip(" ."))
    parts = parts[-2:]
    if not parts or not all(_is_place(part) for part in parts):
        return ""
    return clean_text(", ".join(parts), MAX_LOCATION)


def _labelled_location(lines: list[str]) -> str:
    for line in lines:
        match = _LOCATION_LABEL.match(line)
        if match:
            value = _SEGMENT_SPLIT.split(match.group(1).strip())[0]
            if not _EMAIL.search(value) and not re.search(r"https?://", value):
                return _tidy_place(value)
    return ""


def _header_location(lines: list[str]) -> str:
    for line in [line for line in lines if line.strip()][:HEADER_LINES]:
        for segment in _SEGMENT_SPLIT.split(line.strip()):
            segment = re.sub(r"^\d[\d -]*\s+", "", segment.strip(" .;"))  # "75011 Paris, France"
            match = _PLACE.match(segment)
            if match and match.group(2).casefold() in _REGIONS:
                return clean_text(f"{match.group(1)}, {match.group(2)}", MAX_LOCATION)
    return ""


# --- name --------------------------------------------------------------------------------------

_HEADING = re.compile(r"^\W*(curriculum vitae|cv|resume|résumé|resumé|lebenslauf|profile|"
                      r"profil|contact|hoja de vida)\W*$", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^\W*(?:name|full name|nom|nom complet|vorname und name|nombre)\s*:\s*"
                         r"(.+)$", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|mme|mlle|m|herr|frau|sr|sra)\.?\s+",
                        re.IGNORECASE)
_CREDENTIALS = re.compile(r",?\s+(?:ph\.?d|m\.?sc|b\.?sc|mba|msc|bsc|cpa|pmp|rn|md)\.?$",
                          re.IGNORECASE)


def _as_person(text: str) -> str:
    """`text` as a person's name, or "" when it reads as a heading or a job title."""
    text = _CREDENTIALS.sub("", _HONORIFIC.sub("", clean_text(text, MAX_NAME)))
    name = person_name(text)
    # "Senior Software Engineer" is capitalised like a name; the title reader knows better.
    if not name or read_title(name).role_key or _HEADING.match(name):
        return ""
    return name


def _resume_name(lines: list[str]) -> str:
    for line in lines[:HEADER_LINES]:
        match = _NAME_LABEL.match(line)
        if match:
            return _as_person(match.group(1))
    first = next((line for line in lines if line.strip() and not _HEADING.match(line)), "")
    segment = _SEGMENT_SPLIT.split(first.strip())[0].split(",")[0] if first else ""
    return _as_person(segment)


def name_from_address(address: str) -> str:
    """ "maya.chen@x.com" -> "Maya Chen"; "" when the local part is not two or three words."""
    local = address.split("@")[0].split("+")[0]
    parts = [part for part in re.split(r"[._-]", local) if part.isalpha() and len(part) > 1]
    if len(parts) not in (2, 3):
        return ""
    return _as_person(" ".join(part.capitalize() for part in parts))


# --- entry point -------------------------------------------------------------------------------

def parse_contact_info(*, resume_text: str, from_name: str = "",
                       from_address: str = "") -> ContactInfo:
    """Name, email, phone, profile links and location from a resume, falling back to the sender."""
    text = _CONTROL.sub(lambda m: "\n" if m.group() in "\n\r" else " ", resume_text or "")
    lines = text.splitlines()
    sender = _resume_email(from_address or "")
    email = clean_text(_resume_email(text) or sender, MAX_EMAIL)
    name = (_resume_name(lines) or _as_person(from_name) or name_from_address(email)
            or name_from_address(sender))
    return ContactInfo(
        name=clean_text(name, MAX_NAME),
        email=email,
        phone=_find_phone(text),
        linkedin_url=clean_text(_linkedin_url(text), MAX_URL),
        github_url=clean_text(_github_url(text), MAX_URL),
        location=_labelled_location(lines) or _header_location(lines),
    )
