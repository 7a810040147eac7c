"""Contact details read from a resume and its email, and the normal forms used to dedupe people.

Conservative by design: a field nobody can read with confidence stays empty, because a wrong
phone number or town on a candidate is worse than a blank one. Phone numbers are checked with
phonenumbers (see `_valid_phone`); towns, regions and countries with the GeoNames gazetteer
(`services.text.gazetteer`), so a location is read anywhere in the world but only when confirmed.

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
import unicodedata
from dataclasses import dataclass

import phonenumbers

from hireops.services.ai.local.classifier import NAME_WORD, person_name
from hireops.services.ai.local.job_generator import read_title
from hireops.services.text.gazetteer import gazetteer

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


# Words that name an order, an account or a document, right before a number: its digits are not
# a phone number, however they are grouped ("Order #: 2024-118-5567", "Employee ID 123 456 789").
_ID_LABEL = re.compile(
    r"(?<!\w)(order|invoice|ref|reference|ticket|case|account|acct|iban|ssn|passport|licen[cs]e|"
    r"student|employee|customer|tracking|serial|isbn|id|po|bestellung|bestellnummer|rechnung|"
    r"commande|facture|pedido|factura|matricule|kundennummer|ordine|fattura)(?!\w)"
    r"(?:\W{0,3}(?:no|nr|number|num|n°|nº|code))?\W{0,6}$",
    re.IGNORECASE)


def _number(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """`text` as a phone number of `region` (None: written with its country code), or None."""
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def _valid_phone(text: str, labelled: bool, regions: tuple[str, ...],
                 any_region: bool = False) -> str:
    """`text` tidied when it is a phone number, else "".

    Written with its country code ("+", "00"): a length the plan of that country allows.
    Written nationally: valid (a number range in use) in one of `regions` (the company's
    country, the resume's); with `any_region`, for a number labelled as a phone, in any
    country ("Mobile: 98100 12345" from India, to a company in France). With no region known
    at all, a number shaped like a phone (grouped, or labelled) is kept.
    """
    text = text.strip(" \t-./")
    digits = re.sub(r"\D", "", text)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return ""
    if _looks_like_date(text) or _IP_ADDRESS.match(text) or _ZIP_PLUS_FOUR.match(text):
        return ""
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    tidy = clean_text(text, MAX_PHONE)
    if text.lstrip("(").startswith(("+", "00")):
        # A real country code and a length its plan allows. Not "valid" (a known range): plans
        # change faster than any copy of them, and a "+" rarely starts an order number.
        number = _number("+" + digits[2:] if text.startswith("00") else text, None)
        return tidy if number and phonenumbers.is_possible_number(number) else ""
    grouped = len(re.findall(r"\d+", text)) >= 2
    # An unbroken run of digits with no "+" and no label is more likely an id than a phone.
    if not (labelled or grouped):
        return ""
    if not regions:
        return tidy
    if any(_valid_in(text, region) for region in regions):
        return tidy
    if any_region and any(_valid_in(text, region) for region in _ALL_REGIONS):
        return tidy
    return ""


# Every country phonenumbers knows, in a stable order. Trying them all takes ~20 ms a number,
# so only the first few labelled numbers of a resume get that far.
ANY_REGION_TRIES = 3
_ALL_REGIONS = tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


def _valid_in(text: str, region: str) -> bool:
    number = _number(text, region)
    return number is not None and phonenumbers.is_valid_number(number)


def _without_links(line: str) -> str:
    # Most lines hold no link: a mark found in no part of the line is found in none of its
    # words (the marks hold no blank), and the line stays as it is (a fifth of the contact
    # reading's time went into rewriting every word of every line).
    if not _LINK_MARK.search(line):
        return line
    return _WORD.sub(lambda word: " " if _LINK_MARK.search(word.group()) else word.group(), line)


# How far before a number its label is looked for: a bounded look, so a long line of numbers
# costs linear time.
LABEL_REACH = 60


def _names_an_id(before: str) -> bool:
    """Whether the words just before a number (after any phone label) name an id."""
    labels = list(_PHONE_LABEL.finditer(before))
    after_label = before[labels[-1].end():] if labels else before
    return _ID_LABEL.search(after_label) is not None


def _find_phone(resume_text: str, regions: tuple[str, ...]) -> str:
    lines = [_without_links(line) for line in resume_text.splitlines()]
    labelled = [line for line in lines if _PHONE_LABEL.search(line)]
    header = [line for line in lines if line.strip()][:HEADER_LINES]
    tries_left = ANY_REGION_TRIES
    for group, is_labelled in ((labelled, True), (header, False)):
        for line in group:
            for match in _PHONE_CANDIDATE.finditer(line):
                if _names_an_id(line[max(0, match.start() - LABEL_REACH):match.start()]):
                    continue
                # "06 12 34 56 78 / 01 23 45 67 89": two numbers, the first one wins.
                for piece in re.split(r"\s+/\s+", match.group()):
                    any_region = is_labelled and tries_left > 0
                    tries_left -= any_region
                    phone = _valid_phone(piece, is_labelled, regions, any_region)
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
    r"ubicaci[oó]n|direcci[oó]n|based in|адрес|город|місто)\s*[:：–—-]\s*(.+)$", re.IGNORECASE)
# Blanks around a separator are bounded: with "\s*" every start in a long run of spaces scanned
# the whole run. Longer runs leave blanks on the segments, which every reader strips.
_SEGMENT_SPLIT = re.compile(r"\s{0,30}(?:[|•·◦▪●]|\s[–—-]\s|\t)\s{0,30}")
# A lone city in a header is read only when it is this big: "Lagos", "Nairobi", "Berlin", never
# "Reading", "Bath" or "Nice", which are also words.
LONE_CITY_POPULATION = 1_000_000
MAX_PLACE_WORDS = 4
# Street names: a part of an address that holds one is not the town.
_STREET = re.compile(
    r"\b(rue|avenue|ave|boulevard|blvd|street|road|rd|lane|drive|apt|suite|flat|floor|po box|"
    r"calle|avenida|via|piazza|chemin|impasse|allée|ul|ulica|ул|улица|пр|проспект)\b|"
    r"(stra(ss|ß)e|str\.|weg|platz|gasse)\b",
    re.IGNORECASE)
_PLACE_PARTICLES = frozenset("de la le les du des d am an der den im upon on sur del y e "
                             "do da dos das di al el".split())


def _is_place(part: str) -> bool:
    """Capitalised words (any script), at most four: "Aix-en-Provence", "São Paulo", "Москва"."""
    words = [word for word in re.split(r"[ -]", part) if word]
    return 0 < len(words) <= MAX_PLACE_WORDS and words[0][:1].isalpha() and all(
        not word[:1].islower() or word.casefold() in _PLACE_PARTICLES for word in words)


# Words of schools and employers: "Institute of Technology, Odisha" names no home town.
_INSTITUTION = re.compile(
    r"\b(institute|institution|technology|school|college|universit\w*|academy|board|campus|"
    r"polytechnic|vidyalaya|hospital|company|pvt|ltd|limited|inc|corp|gmbh|bank|group|"
    r"solutions|services|department|faculty)\b", re.IGNORECASE)
MAX_ACRONYM = 5


def _names_a_town(part: str) -> bool:
    """Whether a part before a region can be a town: not an institution, nor an acronym the
    gazetteer does not know ("BIET, Karnataka" is a college)."""
    if _INSTITUTION.search(part):
        return False
    return not (part.isupper() and len(part) <= MAX_ACRONYM and " " not in part
                and gazetteer().city(part) is None)


# "Delhi-110041", "Baroda-390015": a postcode joined to the town by a hyphen.
_HYPHEN_BEFORE_DIGIT = re.compile(r"(?<=[^\W\d_])[-–](?=\d)")
MAX_ADDRESS_PARTS = 8


def _place_parts(value: str) -> list[str]:
    """The comma-separated parts of an address that can be places: streets dropped, postcodes
    and house numbers ("75002", "SW1A 1AA", "D-10115") taken out of the rest."""
    parts = []
    for raw in _HYPHEN_BEFORE_DIGIT.sub(" ", value).split(","):
        if _STREET.search(raw):
            continue
        part = " ".join(word for word in raw.split() if not re.search(r"\d", word))
        if part.strip(" .-"):
            parts.append(part.strip(" .-"))
    return parts


def _read_place(value: str, *, labelled: bool) -> str:
    """Where `value` says someone lives, as written, confirmed by the gazetteer; "" when it
    confirms nothing. The place is the part before a known region or country ("Pune,
    Maharashtra", "Austin, TX, USA"), else a known city with its country ("Nairobi, Kenya").
    Unlabelled text must read as a place throughout, and a lone city must be a big one."""
    parts = _place_parts(value)
    if labelled:
        parts = [part for part in parts if _is_place(part)][-MAX_ADDRESS_PARTS:]
    elif len(parts) > 4 or not all(_is_place(part) for part in parts):
        return ""
    places = gazetteer()
    for index in range(len(parts) - 1, -1, -1):
        countries = places.region_countries(parts[index])
        if countries and index > 0:
            first = index - 2 if index >= 2 and places.region_countries(
                parts[index - 1]) & countries else index - 1  # "Austin, TX, USA"
            if not _names_a_town(parts[first]):
                return ""
            return clean_text(", ".join(parts[first:index + 1]), MAX_LOCATION)
        if countries and labelled:
            return clean_text(parts[index], MAX_LOCATION)  # "Location: India"
    if not parts:
        return ""
    city = (next((places.city(part) for part in reversed(parts) if places.city(part)), None)
            if labelled else places.city(parts[-1]))
    if city is None or not (labelled or city.population >= LONE_CITY_POPULATION):
        return ""
    written = next(part for part in reversed(parts) if places.city(part) == city)
    return clean_text(f"{written}, {places.country_names.get(city.country, '')}",
                      MAX_LOCATION).strip(" ,")


def _labelled_location(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        match = _LOCATION_LABEL.match(line)
        if match:
            value = _SEGMENT_SPLIT.split(match.group(1).strip())[0]
            # An address carried on to the next line: "Address: 12 MG Road,\nPune 411001".
            if value.rstrip().endswith(",") and index + 1 < len(lines):
                value += " " + _SEGMENT_SPLIT.split(lines[index + 1].strip())[0]
            if not _EMAIL.search(value) and not re.search(r"https?://", value):
                return _read_place(value, labelled=True)
    return ""


def _header_location(lines: list[str]) -> str:
    for line in [line for line in lines if line.strip()][:HEADER_LINES]:
        for segment in _SEGMENT_SPLIT.split(line.strip()):
            segment = segment.strip(" .;")
            if not segment or _EMAIL.search(segment) or "://" in segment:
                continue
            place = _read_place(segment, labelled=False)
            if place:
                return place
    return ""


def location_countries(location: str) -> frozenset[str]:
    """The countries a location read here may be in ("Austin, TX" -> US), for phone numbers."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    if not parts:
        return frozenset()
    places = gazetteer()
    countries = places.region_countries(parts[-1])
    if not countries:
        city = places.city(parts[0])
        return frozenset({city.country}) if city else frozenset()
    return countries


# --- name --------------------------------------------------------------------------------------

_HEADING = re.compile(r"^\W*(curriculum vitae|cv|resume|résumé|resumé|lebenslauf|profile|"
                      r"profil|contact|hoja de vida)\W*$", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^\W*(?:name|full name|nom|nom complet|vorname und name|nombre)\s*:\s*"
                         r"(.+)$", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|mme|mlle|m|herr|frau|sr|sra)\.?\s+",
                        re.IGNORECASE)
_CREDENTIALS = re.compile(r",?\s+(?:ph\.?d|m\.?sc|b\.?sc|mba|msc|bsc|cpa|pmp|rn|md)\.?$",
                          re.IGNORECASE)


# "J. Doe", "J.R. Smith", "A. B. Okafor": initials, then a surname.
_INITIALS = re.compile(r"^((?:[A-Z]\.\s?){1,3})\s?(\S.*)$")
_SURNAME = re.compile(rf"^{NAME_WORD}(?: {NAME_WORD})?$")
# One lower-case word of a name: "doe", "o'neil", "jean-luc", "garcía".
_LOWER_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)?")


def _as_person(text: str, corroboration: str = "") -> str:
    """`text` as a person's name, or "" when it reads as a heading or a job title.
    A lower-case name ("jane doe") counts only when `corroboration` (the email address and
    sender's name, case-folded) holds one of its words: lower-case lines are mostly not names."""
    text = _CREDENTIALS.sub("", _HONORIFIC.sub("", clean_text(text, MAX_NAME)))
    if text.islower():
        text = _capitalised(text, corroboration)
    initials = _INITIALS.match(text)
    if initials:
        surname = initials.group(2).strip()
        if not _SURNAME.match(surname) or _HEADING.match(surname) or read_title(surname).role_key:
            return ""
        return f"{' '.join(initials.group(1).split())} {surname}"
    name = person_name(text) or _person_name_any_script(text)
    # "Senior Software Engineer" is capitalised like a name; the title reader knows better.
    if not name or read_title(name).role_key or _HEADING.match(name):
        return ""
    return name


# Lower-case inside a name: "Daan de Vries", "Ludwig van Beethoven".
_NAME_PARTICLES = frozenset("de van von der den da di la le del dos das du".split())


def _person_name_any_script(text: str) -> str:
    """`text` when it is shaped like a name in letters beyond Latin-1 ("Elif Yılmaz", "Paweł
    Wrocławski", "Иван Петров"): each such letter stands in as "A" or "a" for the check."""
    if text.isascii() or all(char <= "\xff" for char in text):
        return ""
    shape = "".join(char if char <= "\xff" or not char.isalpha() else
                    "A" if char.isupper() else "a" if char.islower() else char for char in text)
    return text if person_name(shape) == shape else ""


def _without_accents(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(char))


def _capitalised(text: str, corroboration: str) -> str:
    """ "jane doe" -> "Jane Doe" when the address or sender name confirms it, else ""."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(_LOWER_NAME_WORD.fullmatch(word) for word in words):
        return ""
    # Addresses are mostly ASCII: "hernández" is confirmed by "lhernandez@".
    corroboration = _without_accents(corroboration)
    if not any(len(letters) >= 3 and letters in corroboration
               for letters in (_without_accents("".join(filter(str.isalpha, word)))
                               for word in words)):
        return ""
    return " ".join(word if index and word in _NAME_PARTICLES else word.title()
                    for index, word in enumerate(words))


def _resume_name(lines: list[str], corroboration: str) -> str:
    for line in lines[:HEADER_LINES]:
        match = _NAME_LABEL.match(line)
        if match:
            return _as_person(match.group(1), corroboration)
    first = next((line for line in lines if line.strip() and not _HEADING.match(line)), "")
    segment = _SEGMENT_SPLIT.split(first.strip())[0].split(",")[0] if first else ""
    return _as_person(segment, corroboration)


def name_from_address(address: str) -> str:
    """ "maya.chen@x.com" -> "Maya Chen"; "" when the local part is not two or three words."""
    local = address.split("@")[0].split("+")[0]
    parts = [part for part in re.split(r"[._-]", local) if part.isalpha() and len(part) > 1]
    if len(parts) not in (2, 3):
        return ""
    return _as_person(" ".join(part.capitalize() for part in parts))


# --- entry point -------------------------------------------------------------------------------

def parse_contact_info(*, resume_text: str, from_name: str = "", from_address: str = "",
                       default_region: str = "") -> ContactInfo:
    """Name, email, phone, profile links and location from a resume, falling back to the sender.
    `default_region`: the company's country (ISO 3166 alpha-2, "" when unknown), in which
    phone numbers written without a country code are checked."""
    text = _CONTROL.sub(lambda m: "\n" if m.group() in "\n\r" else " ", resume_text or "")
    lines = text.splitlines()
    sender = _resume_email(from_address or "")
    email = clean_text(_resume_email(text) or sender, MAX_EMAIL)
    corroboration = " ".join((email.split("@")[0], sender.split("@")[0],
                              clean_text(from_name, MAX_NAME))).casefold()
    name = (_resume_name(lines, corroboration) or _as_person(from_name) or name_from_address(email)
            or name_from_address(sender))
    location = _labelled_location(lines) or _header_location(lines)
    regions = _phone_regions(default_region, location, email)
    return ContactInfo(
        name=clean_text(name, MAX_NAME),
        email=email,
        phone=_find_phone(text, regions),
        linkedin_url=clean_text(_linkedin_url(text), MAX_URL),
        github_url=clean_text(_github_url(text), MAX_URL),
        location=location,
    )


def _phone_regions(default_region: str, location: str, email: str) -> tuple[str, ...]:
    """Where a number written without a country code may be from: the company's country, the
    resume's location, the country of the address's domain ("jan@firma.de")."""
    places = gazetteer()
    top_level = email.rpartition(".")[2].upper()
    top_level = {"UK": "GB"}.get(top_level, top_level)
    found = [default_region.upper(), *sorted(location_countries(location)),
             top_level if len(top_level) == 2 and top_level in places.country_names else ""]
    return tuple(dict.fromkeys(region for region in found if region))
