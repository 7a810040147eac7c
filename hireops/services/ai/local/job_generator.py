"""Offline job drafts: read a title against the role catalogue and write a posting from it.

Reading a title: words are normalised ("Front-end" -> "frontend"), the longest role alias wins
("backend engineer" beats "engineer"), title modifiers ("Python", "iOS", "B2B SaaS") and seniority
words ("Senior", "Head of") are picked out of what is left. A generic word alone ("Engineer",
"Designer") maps to its family's generic role with a note; next to a word nobody can place
("Sound Engineer") it does not, and the title is treated as unknown.

A title the catalogue does not know is looked up among O*NET's occupations and their job titles
("Chef", "Attorney", "Civil Engineer"): the draft then carries that occupation's duties and
department, with general professional skills behind any skill the title names ("Hadoop"), and
`known_role=True` with a note saying where the duties came from. A title found nowhere gets a
generic draft, with `known_role=False` and a note asking the recruiter to add the role's specifics.

Deterministic: no randomness, no clock; the same title always gives the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from hireops.knowledge import roles as catalog
from hireops.knowledge.occupations import Occupation, find_occupation
from hireops.knowledge.roles import Family, Level, Modifier, Role
from hireops.services.text.skills import skills_in_text
from hireops.services.ai.schemas import JobDraft

MIN_WORDS, MAX_WORDS = 200, 350
MUST_HAVE_COUNT, NICE_TO_HAVE_COUNT, RESPONSIBILITY_COUNT = 8, 6, 8
MAX_TITLE_SKILLS = 4  # modifier skills placed first; more would crowd out the role's own
MAX_TITLE_WORDS_IN_PROSE = 8  # longer titles are replaced by the role name in the description
LEADERSHIP_RANK = 4  # Lead, Manager and above may name a function ("Head of Sales")

_TOKEN = re.compile(r"[a-z0-9+#&]+(?:\.[a-z0-9]+)*")


# --- reading a title ---------------------------------------------------------------------------

def normalise(text: str) -> tuple[str, ...]:
    """Lower-case words of a title or alias, with spelling variants folded together."""
    lowered = re.sub(r"\s&\s", " and ", f" {text.casefold()} ")
    joined = " " + " ".join(_TOKEN.findall(lowered)) + " "
    for variant, canonical in catalog.CANONICAL_SPELLINGS:
        joined = joined.replace(f" {variant} ", f" {canonical} ")
    return tuple(joined.split())


@dataclass(frozen=True)
class _Alias:
    words: tuple[str, ...]
    role_key: str
    kind: str  # specific | ambiguous | function
    text: str  # as the catalogue writes it, for notes


@dataclass(frozen=True)
class _Match:
    alias: _Alias
    positions: tuple[int, ...]  # where its words sit in the title

    @property
    def gaps(self) -> int:
        return self.positions[-1] - self.positions[0] + 1 - len(self.positions)


@cache
def _aliases() -> tuple[_Alias, ...]:
    found: list[_Alias] = []
    for key, role in catalog.ROLES.items():
        for kind, texts in (("specific", role.aliases), ("ambiguous", role.ambiguous_aliases),
                            ("function", role.function_aliases)):
            found += [_Alias(normalise(text), key, kind, text) for text in texts]
    return tuple(found)


@cache
def _modifier_phrases() -> tuple[tuple[tuple[str, ...], Modifier], ...]:
    pairs = [(normalise(phrase), modifier)
             for modifier in catalog.MODIFIERS for phrase in modifier.phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _level_phrases() -> tuple[tuple[tuple[str, ...], Level], ...]:
    pairs = [(normalise(phrase), level) for level in catalog.LEVELS for phrase in level.phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _skippable() -> frozenset[str]:
    """Modifier words may sit inside an alias: "Backend Python Engineer" is a backend engineer."""
    return frozenset(word for words, _ in _modifier_phrases() for word in words)


def _level(label: str) -> Level:
    return next(level for level in catalog.LEVELS if level.label == label)


def _find_alias(words: tuple[str, ...], tokens: tuple[str, ...]) -> tuple[int, ...] | None:
    """Positions of `words` in order, skipping modifier words between them; the last match wins."""
    best = None
    for start, token in enumerate(tokens):
        if token != words[0]:
            continue
        positions, index = [start], start + 1
        for word in words[1:]:
            while index < len(tokens) and tokens[index] != word and tokens[index] in _skippable():
                index += 1
            if index == len(tokens) or tokens[index] != word:
                break
            positions.append(index)
            index += 1
        if len(positions) == len(words):
            best = tuple(positions)
    return best


def _best_alias(tokens: tuple[str, ...], kinds: tuple[str, ...]) -> _Match | None:
    """Longest alias first, then a specific one, then the tightest, then the one nearest the end
    (the head noun of an English title comes last)."""
    matches = [_Match(alias, positions) for alias in _aliases() if alias.kind in kinds
               for positions in [_find_alias(alias.words, tokens)] if positions]
    return max(matches, default=None, key=lambda m: (
        len(m.alias.words), m.alias.kind == "specific", -m.gaps, m.positions[-1]))


def _find_phrases(tokens: tuple[str, ...], phrases: tuple, taken: set[int],
                  accept: Callable[[object], bool]) -> tuple[list, set[int]]:
    """Items whose phrase occurs in untaken positions, in title order, and the positions used."""
    found: list[tuple[int, object]] = []
    used: set[int] = set()
    for words, item in phrases:
        if not accept(item):
            continue
        for start in range(len(tokens) - len(words) + 1):
            span = set(range(start, start + len(words)))
            if tokens[start:start + len(words)] == words and span.isdisjoint(taken | used):
                found.append((start, item))
                used |= span
    ordered = list(dict.fromkeys(item for _, item in sorted(found, key=lambda pair: pair[0])))
    return ordered, used


def _applies(modifier: Modifier, role: Role) -> bool:
    return "*" in modifier.families or role.family in modifier.families


def _find_modifiers(tokens: tuple[str, ...], taken: set[int],
                    role: Role) -> tuple[list[Modifier], set[int]]:
    return _find_phrases(tokens, _modifier_phrases(), taken, lambda m: _applies(m, role))


def _hinted_role(modifiers: list[Modifier]) -> tuple[str, str]:
    """The role a generic title's modifiers point to, and the modifier that said so."""
    hints = [(m.hint, m) for m in modifiers if m.hint]
    if not hints:
        return "", ""
    keys = {key for key, _ in hints}
    if {"backend_engineer", "frontend_engineer"} <= keys:  # "Python React Developer"
        return "fullstack_engineer", " and ".join(_label(m) for _, m in hints[:2])
    return hints[0][0], _label(hints[0][1])


def _label(modifier: Modifier) -> str:
    return modifier.label or modifier.phrases[0]


def _location(tokens: tuple[str, ...], role: Role | None) -> str:
    text = " " + " ".join(tokens) + " "
    if " remote " in text:
        return "Remote"
    if " hybrid " in text:
        return "Hybrid"
    if any(f" {phrase} " in text for phrase in ("onsite", "in office", "office based")):
        return "On-site"
    if role is None:
        return catalog.GENERIC_LOCATION
    return role.location or catalog.FAMILIES[role.family].location


@dataclass(frozen=True)
class TitleReading:
    """What the generator understood from a title."""

    role_key: str  # "" when no role was recognised
    level: Level
    level_in_title: bool  # False when the level is the role's default
    modifiers: tuple[Modifier, ...]
    generic_word: str  # the generic word the role rests on ("engineer"), or ""
    hinted_by: str  # the modifier that chose a specific role ("React"), or ""
    unexplained: tuple[str, ...]  # title words nobody could place
    location: str


def _match_role(tokens: tuple[str, ...]) -> _Match | None:
    """A named role, else a function under a leadership level ("Head of Sales")."""
    match = _best_alias(tokens, ("specific", "ambiguous"))
    if match is None:
        levels, _ = _find_phrases(tokens, _level_phrases(), set(), lambda _: True)
        if any(level.rank >= LEADERSHIP_RANK for level in levels):
            match = _best_alias(tokens, ("function",))
    return match


def _specialise(tokens: tuple[str, ...],
                match: _Match) -> tuple[str, list[Modifier], set[int], str]:
    """The role, its modifiers and their positions, and the modifier that picked a more
    specific role for a generic title ("React Developer" -> frontend engineer)."""
    role_key = match.alias.role_key
    taken = set(match.positions)
    modifiers, positions = _find_modifiers(tokens, taken, catalog.ROLES[role_key])
    if not catalog.ROLES[role_key].accepts_hints:
        return role_key, modifiers, positions, ""
    hinted_key, hinted_by = _hinted_role(modifiers)
    if not hinted_key:
        return role_key, modifiers, positions, ""
    modifiers, positions = _find_modifiers(tokens, taken, catalog.ROLES[hinted_key])
    return hinted_key, modifiers, positions, hinted_by


def read_title(title: str) -> TitleReading:
    """Role, seniority, modifiers and location read from a job title."""
    tokens = normalise(title)
    match = _match_role(tokens)
    role_key, modifiers, modifier_positions, hinted_by = (
        _specialise(tokens, match) if match else ("", [], set(), ""))
    alias_positions = set(match.positions) if match else set()
    levels, level_positions = _find_phrases(
        tokens, _level_phrases(), alias_positions | modifier_positions, lambda _: True)
    explained = alias_positions | modifier_positions | level_positions
    unexplained = tuple(token for index, token in enumerate(tokens) if index not in explained
                        and token not in catalog.FILLER_WORDS and not token.isdigit())
    generic_word = match.alias.text if match and match.alias.kind == "ambiguous" else ""
    if generic_word and unexplained and not hinted_by:
        role_key = ""  # "Sound Engineer": "engineer" alone says nothing about sound
    if role_key and match.alias.text in catalog.ROLES[match.alias.role_key].alias_levels:
        levels.append(_level(catalog.ROLES[match.alias.role_key].alias_levels[match.alias.text]))
    level = max(levels, key=lambda found: found.rank, default=None)
    default = catalog.ROLES[role_key].default_level if role_key else catalog.DEFAULT_LEVEL
    return TitleReading(
        role_key=role_key, level=level or _level(default), level_in_title=level is not None,
        modifiers=tuple(modifiers) if role_key else (),
        generic_word="" if hinted_by else generic_word, hinted_by=hinted_by if role_key else "",
        unexplained=unexplained, location=_location(tokens, catalog.ROLES.get(role_key)),
    )


# --- small text helpers ----------------------------------------------------------------------

def tidy_title(title: str) -> str:
    """Whitespace collapsed; an all-lower or all-upper title gets title case ("iOS Developer")."""
    tidy = " ".join((title or "").split())
    letters = [c for c in tidy if c.isalpha()]
    if letters and not (all(c.islower() for c in letters) or all(c.isupper() for c in letters)):
        return tidy
    words = tidy.split(" ")
    return " ".join(re.sub(r"[A-Za-z0-9+#&.]+", lambda m: _display_word(m.group(), index == 0),
                           word) for index, word in enumerate(words))


def _display_word(word: str, first: bool) -> str:
    core, dots = word.rstrip("."), word[len(word.rstrip(".")):]
    key = core.lower()
    if key in catalog.DISPLAY_WORDS:
        return catalog.DISPLAY_WORDS[key] + dots
    if not first and key in catalog.LOWERCASE_TITLE_WORDS:
        return key + dots
    return key[:1].upper() + key[1:] + dots


def _as_item(text: str) -> str:
    """Capitalise for a list, but leave words such as "iOS" or "dbt" as they are written."""
    first = text.split(" ", 1)[0]
    if any(c.isupper() for c in first) or first in {"dbt", "pandas"}:
        return text
    return text[:1].upper() + text[1:]


def _in_sentence(text: str) -> str:
    """ "Design APIs" -> "design APIs"; "QA Engineer" -> "QA engineer"."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().lower()
                  if m.group()[0].isupper() and m.group()[1:].islower() else m.group(), text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _article(phrase: str) -> str:
    word = (re.findall(r"[A-Za-z0-9]+", phrase) or ["x"])[0]
    if word.isupper() and len(word) <= 5:  # acronyms are read letter by letter: "an SEO"
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    return "an" if lower[0] in "aeiou" or lower.startswith(("hour", "honest")) else "a"


def _join(items: list[str], conjunction: str = "and") -> str:
    """A readable list; semicolons when the items carry their own commas or alternatives."""
    if len(items) < 2:
        return "".join(items)
    if any("," in item or " or " in item for item in items):
        return "; ".join(items[:-1]) + f"; {conjunction} {items[-1]}"
    return ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


def _unique(items: list[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {item.casefold() for item in exclude}
    kept: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            kept.append(item)
    return kept


def _word_count(paragraphs: list[list[str]]) -> int:
    return sum(len(sentence.split()) for paragraph in paragraphs for sentence in paragraph)


def _fit_length(paragraphs: list[list[str]], padding: list[str]) -> str:
    """Pad the last paragraph until the description reaches MIN_WORDS; never exceed MAX_WORDS."""
    closing = paragraphs[-1]
    for sentence in padding:
        if _word_count(paragraphs) >= MIN_WORDS:
            break
        closing.insert(len(closing) - 1, sentence)
    words = _word_count(paragraphs)
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise ValueError(f"job description has {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


# --- writing a known role --------------------------------------------------------------------

def _skills(role: Role, modifiers: tuple[Modifier, ...]) -> tuple[list[str], list[str]]:
    """Must-haves led by the title's modifiers; what no longer fits moves to nice-to-haves."""
    swaps = {role.replaceable[kind]: text for modifier in modifiers
             for kind, text in modifier.fills if kind in role.replaceable}
    dropped = {role.replaceable[kind] for modifier in modifiers for kind in modifier.replaces
               if kind in role.replaceable} - swaps.keys()

    def adapted(skills: tuple[str, ...]) -> list[str]:
        return [swaps.get(skill, skill) for skill in skills if skill not in dropped]

    from_title = _unique([skill for modifier in modifiers for skill in modifier.skills])
    must = _unique(from_title[:MAX_TITLE_SKILLS] + adapted(role.must_have))
    nice = _unique(from_title[MAX_TITLE_SKILLS:] + must[MUST_HAVE_COUNT:]
                   + adapted(role.nice_to_have), exclude=must[:MUST_HAVE_COUNT])
    return must[:MUST_HAVE_COUNT], nice[:NICE_TO_HAVE_COUNT]


def _tier_applies(role: Role, level: Level) -> bool:
    """A role that manages people already says so; only the executive tier adds to it."""
    return not (role.leads_team and level.tier in {"senior", "lead", "manager"})


def _fill(text: str, family: Family) -> str:
    return text.format(colleagues=family.colleagues, department=family.department)


def _responsibilities(role: Role, family: Family, level: Level) -> list[str]:
    tier = catalog.TIERS[level.tier]
    extra = [_fill(r, family) for r in tier.responsibilities] if _tier_applies(role, level) else []
    return list(role.responsibilities[:RESPONSIBILITY_COUNT - len(extra)]) + extra


def _experience(level: Level, role_name: str, family: Family | None) -> tuple[str, str]:
    """The experience qualification as a list item and as a sentence of the description."""
    as_role = f"as {_article(role_name)} {role_name} or in a similar role" if role_name \
        else "in a relevant role"
    if level.min_years is None:
        item = "Currently studying towards, or recently graduated from, a relevant degree or " \
               "programme"
        return item, "You are currently studying towards, or have recently graduated from, " \
                     "a relevant degree or programme."
    if level.min_years == 0:
        item = f"Up to 2 years of experience {as_role}; internships and projects count"
        return item, f"You have up to 2 years of experience {as_role}, and internships and " \
                     "projects count."
    if level.tier == "executive" and family:
        item = (f"{level.min_years}+ years of experience in {family.discipline}, including "
                "several years in leadership roles")
    else:
        item = f"{level.min_years}+ years of experience {as_role}"
    return item, f"You have {_lower_first(item)}."


def _qualifications(role: Role, family: Family, level: Level) -> list[str]:
    tier = catalog.TIERS[level.tier]
    lines = [_experience(level, _in_sentence(role.name), family)[0],
             *role.qualifications[:tier.role_qualifications]]
    if _tier_applies(role, level):
        lines += [_fill(line, family) for line in tier.qualifications]
    return lines[:5]


def _prose_title(title: str, fallback: str) -> str:
    return title if len(title.split()) <= MAX_TITLE_WORDS_IN_PROSE else fallback


def _duties_paragraph(duties: list[str]) -> list[str]:
    d = [_lower_first(duty) for duty in duties]
    return [f"Day to day, you will {d[0]}.", f"You will also {d[1]}, and {d[2]}.",
            f"In addition, you will {d[3]}.", f"Expect to {d[4]} and to {d[5]}."]


def _describe(title: str, role: Role, family: Family, reading: TitleReading,
              must: list[str], nice: list[str], responsibilities: list[str]) -> str:
    tier = catalog.TIERS[reading.level.tier]
    named = _prose_title(title, role.name)
    intro = [f"We are looking for {_article(named)} {named} to join our {family.department} team.",
             role.summary, _fill(tier.outlook, family),
             catalog.LOCATION_SENTENCES[reading.location]]
    labels = [_label(m) for m in reading.modifiers if m.skills]
    bring = [f"The essentials for this role are {_join(must[:5])}."]
    if labels:
        bring.append(f"Because the role centres on {_join(labels[:3])}, we are looking for "
                     "real, hands-on experience there.")
    simple_nice = [skill for skill in nice if "," not in skill and " or " not in skill]
    bring += [f"It is a plus if you also bring {_join((simple_nice or nice)[:3], 'or')}.",
              _experience(reading.level, _in_sentence(role.name), family)[1]]
    closing = [family.why_it_matters, catalog.CLOSING_SENTENCE]
    paragraphs = [intro, _duties_paragraph(responsibilities[:6]), bring, closing]
    return _fit_length(paragraphs, [family.how_we_work, *catalog.PADDING_SENTENCES])


def _known_notes(title: str, role: Role, family: Family, reading: TitleReading) -> str:
    parts = [f"Drafted from the catalogue role '{role.name}' ({family.department}), seniority "
             f"{reading.level.label}" + ("" if reading.level_in_title else " by default") + "."]
    if reading.modifiers:
        parts.append(f"From the title: {', '.join(_label(m) for m in reading.modifiers)}.")
    if reading.hinted_by:
        parts.append(f"'{reading.hinted_by}' in the title made this {_article(role.name)} "
                     f"{role.name} role.")
    if reading.generic_word and not reading.modifiers:
        parts.append(f"'{reading.generic_word}' alone does not name a specific discipline, so "
                     f"this is a general {_in_sentence(role.name)} draft; change it if you meant "
                     "something else.")
    parts.append("Review every field before publishing.")
    return " ".join(parts)


def _known_draft(title: str, reading: TitleReading) -> dict:
    role = catalog.ROLES[reading.role_key]
    family = catalog.FAMILIES[role.family]
    must, nice = _skills(role, reading.modifiers)
    responsibilities = _responsibilities(role, family, reading.level)
    return {
        "title": title, "department": family.department, "location": reading.location,
        "seniority": reading.level.label,
        "must_have_skills": [_as_item(skill) for skill in must],
        "nice_to_have_skills": [_as_item(skill) for skill in nice],
        "responsibilities": responsibilities,
        "qualifications": _qualifications(role, family, reading.level),
        "description": _describe(title, role, family, reading, must, nice, responsibilities),
        "known_role": True,
        "notes": _known_notes(title, role, family, reading),
    }


# --- writing an unknown role -----------------------------------------------------------------

def _unknown_notes(title: str, reading: TitleReading) -> str:
    parts = [f"The title '{title}' was not recognised by the local role catalogue, so this is a "
             "generic draft built only from general professional skills, with no knowledge of "
             "the role itself."]
    if reading.generic_word and reading.unexplained:
        parts.append(f"'{reading.generic_word}' alone does not say which discipline, and the "
                     f"catalogue has no role for '{' '.join(reading.unexplained)}'.")
    if reading.level_in_title:
        parts.append(f"Seniority '{reading.level.label}' was read from the title.")
    parts.append("Please fill in the real must-have skills, responsibilities and qualifications "
                 "before publishing.")
    return " ".join(parts)


def _unknown_draft(title: str, reading: TitleReading) -> dict:
    tier = catalog.TIERS[reading.level.tier]
    experience_item, experience_sentence = _experience(reading.level, "", None)
    named = _prose_title(title, "new colleague")
    must = _unique(_title_skills(title, None) + list(catalog.GENERIC_MUST_HAVE))
    skills = [_in_sentence(skill) for skill in must]
    paragraphs = [
        [f"We are looking for {_article(named)} {named} to join our team.",
         catalog.GENERIC_SUMMARY, tier.outlook.format(colleagues="colleagues",
                                                      department="the team"),
         catalog.LOCATION_SENTENCES[reading.location]],
        _duties_paragraph(list(catalog.GENERIC_RESPONSIBILITIES)),
        [f"The essentials are {_join(skills[:5])}.", experience_sentence],
        [catalog.CLOSING_SENTENCE],
    ]
    return {
        "title": title, "department": catalog.GENERIC_DEPARTMENT, "location": reading.location,
        "seniority": reading.level.label,
        "must_have_skills": [_as_item(skill) for skill in must][:MUST_HAVE_COUNT],
        "nice_to_have_skills": [_as_item(skill) for skill in catalog.GENERIC_NICE_TO_HAVE],
        "responsibilities": list(catalog.GENERIC_RESPONSIBILITIES),
        "qualifications": [experience_item, catalog.GENERIC_QUALIFICATION,
                           "Fluent communication in the team's working language"],
        "description": _fit_length(paragraphs, list(catalog.PADDING_SENTENCES)),
        "known_role": False,
        "notes": _unknown_notes(title, reading),
    }


# --- writing a role from an O*NET occupation ---------------------------------------------------

OCCUPATION_DUTIES = 5  # O*NET description sentences used as responsibilities
IT_MAJOR_GROUP = "15"  # only there do title words name tools ("Chef" elsewhere is a cook)


def _title_skills(title: str, occupation: Occupation | None) -> list[str]:
    """Vocabulary skills the title itself names ("Hadoop Developer" -> Hadoop)."""
    if occupation is not None and not occupation.code.startswith(IT_MAJOR_GROUP):
        return []
    return skills_in_text(title)[:MAX_TITLE_SKILLS]


def _duties(occupation: Occupation) -> list[str]:
    """O*NET's description as duties, one imperative sentence each: "May plan menus" becomes
    "Plan menus", and notes on what the occupation includes or excludes are left out."""
    sentences = re.split(r"(?<=[.;])\s+", occupation.description.strip())
    duties = []
    for sentence in sentences:
        duty = re.sub(r"^May\s+", "", sentence.strip().rstrip(".; "))
        if len(duty.split()) >= 3 and not re.match(r"(Includes|Excludes|Exclude)\b", duty):
            duties.append(duty[0].upper() + duty[1:])
    return duties[:OCCUPATION_DUTIES]


def _occupation_notes(title: str, occupation: Occupation, reading: TitleReading) -> str:
    parts = [f"The duties come from the O*NET occupation '{occupation.title}' "
             f"({occupation.code}, CC BY 4.0), which the title '{title}' names. The skills "
             "are general ones: add the tools, certifications and specifics of the role "
             "before publishing."]
    if reading.level_in_title:
        parts.append(f"Seniority '{reading.level.label}' was read from the title.")
    return " ".join(parts)


def _occupation_draft(title: str, reading: TitleReading, occupation: Occupation) -> dict:
    draft = _unknown_draft(title, reading)
    duties = _duties(occupation)
    responsibilities = _unique(duties + list(catalog.GENERIC_RESPONSIBILITIES)[1:])
    must = _unique(_title_skills(title, occupation) + list(catalog.GENERIC_MUST_HAVE))
    tier = catalog.TIERS[reading.level.tier]
    experience_item, experience_sentence = _experience(reading.level, "", None)
    named = _prose_title(title, "new colleague")
    paragraphs = [
        [f"We are looking for {_article(named)} {named} to join our "
         f"{occupation.department} team.",
         tier.outlook.format(colleagues="colleagues", department=occupation.department),
         catalog.LOCATION_SENTENCES[reading.location]],
        _duties_paragraph(responsibilities),
        [f"The essentials are {_join([_in_sentence(m) for m in must[:5]])}.",
         experience_sentence],
        [catalog.CLOSING_SENTENCE],
    ]
    draft.update(
        department=occupation.department,
        must_have_skills=[_as_item(skill) for skill in must][:MUST_HAVE_COUNT],
        responsibilities=responsibilities[:RESPONSIBILITY_COUNT],
        description=_fit_length(paragraphs, list(catalog.PADDING_SENTENCES)),
        known_role=True, notes=_occupation_notes(title, occupation, reading))
    return draft


# --- entry point -----------------------------------------------------------------------------

def generate_job_draft(title: str) -> JobDraft:
    """A complete, validated job draft for `title`, written offline from the role catalogue,
    else from the O*NET occupation the title names, else from general skills."""
    tidy = tidy_title(title)
    if not any(character.isalnum() for character in tidy):
        raise ValueError("a job title needs at least one word")
    reading = read_title(tidy)
    if reading.role_key:
        return JobDraft.model_validate(_known_draft(tidy, reading))
    occupation = find_occupation(tidy)
    if occupation is not None:
        return JobDraft.model_validate(_occupation_draft(tidy, reading, occupation))
    return JobDraft.model_validate(_unknown_draft(tidy, reading))
