"""What the local job generator knows: role families, roles, title modifiers and seniority levels.

The data is `data/roles.json`; this module only gives it types and checks it. Reading titles and
writing drafts lives in `services/ai/local/job_generator.py`.

Writing conventions, so the generator can reuse every string in lists and in prose:
- skills read as they would mid-sentence ("unit testing", "REST APIs", "Python"); lists capitalise
  them. They are short and use the skills vocabulary's names where one exists, with alternatives
  joined by "or" and no parentheses, so the local resume scorer can find them in a resume.
- responsibilities start with a verb ("Design and build ..."); prose lower-cases that verb.
- aliases and modifier phrases are written naturally ("front-end developer", "Node.js"); the
  generator normalises them the same way it normalises titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hireops.knowledge.loading import KnowledgeError, build, build_all, read_json


@dataclass(frozen=True)
class Family:
    """A group of related roles that share a department and a way of working."""

    department: str  # shown on the job and used in prose ("our Engineering team")
    location: str  # default work arrangement for the family
    colleagues: str  # who a lead mentors or a manager hires ("engineers")
    discipline: str  # the field in prose ("10+ years of experience in software engineering")
    why_it_matters: str  # one sentence on the impact of the team, no invented company facts
    how_we_work: str  # one more sentence, used when a description needs more words


@dataclass(frozen=True)
class Role:
    """One role the generator can draft with real knowledge."""

    name: str  # canonical title, e.g. "Backend Engineer"
    family: str  # key of FAMILIES
    summary: str  # one or two sentences: what the person in this role does and why
    must_have: tuple[str, ...]  # at least 8; a title's modifiers may push some out
    nice_to_have: tuple[str, ...]  # at least 6
    responsibilities: tuple[str, ...]  # 8, most important first
    qualifications: tuple[str, ...]  # 2; the generator adds experience and leadership lines
    aliases: tuple[str, ...]  # titles that name this role outright
    # Words that name this role only when nothing else in the title is unexplained ("Engineer").
    ambiguous_aliases: tuple[str, ...] = ()
    # Function names that mean this role when a lead, manager, head, director or VP is hired
    # ("Head of Sales", "VP Engineering").
    function_aliases: tuple[str, ...] = ()
    # Generic skills that a title modifier of the given kind makes redundant:
    # {"language": "Python, Go or Java"} is dropped when the title says "Python".
    replaceable: dict[str, str] = field(default_factory=dict)
    # Aliases that imply a seniority ("tech lead" -> "Lead", "marketing coordinator" -> "Junior").
    alias_levels: dict[str, str] = field(default_factory=dict)
    default_level: str = "Mid-level"
    leads_team: bool = False  # the role itself manages people (its responsibilities say so)
    location: str = ""  # overrides the family default
    # A generic role that a title modifier may specialise ("React Developer" -> frontend).
    accepts_hints: bool = False


@dataclass(frozen=True)
class Modifier:
    """A technology, platform or domain named in a title ("Python", "iOS", "B2B SaaS")."""

    phrases: tuple[str, ...]  # how it appears in titles
    skills: tuple[str, ...]  # must-haves it puts first, in this order
    families: tuple[str, ...]  # families where the phrase means this; ("*",) for all
    replaces: tuple[str, ...] = ()  # kinds of generic skills it makes redundant (Role.replaceable)
    # Kinds of generic skills it swaps, in place, for a specific one: Python turns the backend
    # framework "Django, FastAPI or Spring Boot" into "Django, FastAPI or Flask".
    fills: tuple[tuple[str, str], ...] = ()
    hint: str = ""  # role key it suggests when the title only says "Engineer" or "Developer"
    label: str = ""  # how prose names it; defaults to the first phrase as the title wrote it


@dataclass(frozen=True)
class Level:
    """A seniority level and the words that signal it."""

    label: str  # the seniority field
    rank: int  # for choosing between two signals ("Senior Manager" -> Manager)
    phrases: tuple[str, ...]
    tier: str  # key of TIERS: what the level adds to responsibilities and prose
    min_years: int | None  # years of experience asked for; None for interns


@dataclass(frozen=True)
class Tier:
    """What a band of levels adds to a draft; {colleagues} and {department} are filled in."""

    responsibilities: tuple[str, ...]
    qualifications: tuple[str, ...]  # added after the role's own
    outlook: str  # one sentence for the description
    role_qualifications: int = 2  # how many of the role's qualifications still fit this level


# --- loading -------------------------------------------------------------------------------

def _check(families: dict[str, Family], roles: dict[str, Role], modifiers: tuple[Modifier, ...],
           levels: tuple[Level, ...], tiers: dict[str, Tier]) -> None:
    """References between entries point at something that exists."""
    for key, role in roles.items():
        if role.family not in families:
            raise KnowledgeError(f"roles.json: roles.{key}.family {role.family!r} is unknown")
        if not role.aliases or not role.must_have or not role.responsibilities:
            raise KnowledgeError(f"roles.json: roles.{key} needs aliases, must_have and "
                                 f"responsibilities")
    for index, modifier in enumerate(modifiers):
        unknown = [f for f in modifier.families if f != "*" and f not in families]
        if unknown or (modifier.hint and modifier.hint not in roles):
            raise KnowledgeError(f"roles.json: modifiers[{index}] names an unknown family or "
                                 f"role: {unknown or modifier.hint}")
    for level in levels:
        if level.tier not in tiers:
            raise KnowledgeError(f"roles.json: level {level.label} has unknown tier {level.tier}")


_DATA = read_json("roles.json")

FAMILIES: dict[str, Family] = build_all(Family, _DATA["families"], "roles.json: families")
ROLES: dict[str, Role] = build_all(Role, _DATA["roles"], "roles.json: roles")
MODIFIERS: tuple[Modifier, ...] = tuple(build(Modifier, m, f"roles.json: modifiers[{i}]")
                                        for i, m in enumerate(_DATA["modifiers"]))
LEVELS: tuple[Level, ...] = tuple(build(Level, level, f"roles.json: levels[{i}]")
                                  for i, level in enumerate(_DATA["levels"]))
TIERS: dict[str, Tier] = build_all(Tier, _DATA["tiers"], "roles.json: tiers")
_check(FAMILIES, ROLES, MODIFIERS, LEVELS, TIERS)

DEFAULT_LEVEL: str = _DATA["default_level"]

# A draft for a title the catalogue does not know: general professional skills only.
GENERIC_DEPARTMENT: str = _DATA["generic"]["department"]
GENERIC_LOCATION: str = _DATA["generic"]["location"]
GENERIC_MUST_HAVE: tuple[str, ...] = tuple(_DATA["generic"]["must_have"])
GENERIC_NICE_TO_HAVE: tuple[str, ...] = tuple(_DATA["generic"]["nice_to_have"])
GENERIC_RESPONSIBILITIES: tuple[str, ...] = tuple(_DATA["generic"]["responsibilities"])
GENERIC_QUALIFICATION: str = _DATA["generic"]["qualification"]
GENERIC_SUMMARY: str = _DATA["generic"]["summary"]

# Words that carry no role meaning; they never make a title "unexplained".
FILLER_WORDS: frozenset[str] = frozenset(_DATA["filler_words"])
# Spellings folded together before matching, so data and titles can be written naturally.
CANONICAL_SPELLINGS: tuple[tuple[str, str], ...] = tuple(
    (variant, canonical) for variant, canonical in _DATA["canonical_spellings"])
# How title words are written when a title arrives all lower- or upper-case.
DISPLAY_WORDS: dict[str, str] = {word.lower(): word for word in _DATA["display_words"]}
LOWERCASE_TITLE_WORDS: frozenset[str] = frozenset(_DATA["lowercase_title_words"])

LOCATION_SENTENCES: dict[str, str] = dict(_DATA["location_sentences"])
# Added in order, after the family's own sentence, when a description is still too short.
PADDING_SENTENCES: tuple[str, ...] = tuple(_DATA["padding_sentences"])
CLOSING_SENTENCE: str = _DATA["closing_sentence"]
