"""Resume scorer: the whole job against the resume, with the evidence for every skill kept.

How the score is made:
- evidence (0-100): each job skill found in the resume earns full credit when a described piece
  of work uses it, and `LISTED_ONLY_CREDIT` when it only appears in a skills list; must-haves
  give `MUST_HAVE_POINTS` of the 100, nice-to-haves `NICE_TO_HAVE_POINTS` (a job with only one
  kind gives that kind all 100). Every point traces back to a resume sentence, shown to HR;
- lexical relevance (0-100): BM25 of the whole job (title, skills, duties, qualifications,
  description) over the resume (`relevance.py`), full marks at `LEXICAL_FULL_AT`;
- semantic similarity (0-100): WordLlama cosine of the job title (its role words, without
  seniority or arrangement) and the resume
  (`semantic.py`), 0 at `SEMANTIC_ZERO_AT` or below, full marks at `SEMANTIC_FULL_AT`;
- score = the weighted sum with `WEIGHTS`, but never below `EVIDENCE_FLOOR` times the evidence
  points: a resume whose sentences prove the job's skills keeps that credit even when it is
  written in a language the (English) embedding model and the English job words read poorly. The weights were chosen on one public labelled pool
  (half A of the Kaggle "Resume Dataset", 25 job titles drafted by auto-fill) by a grid search
  for NDCG@10, and checked, untuned, on half B and on a second public pool:
  benchmarks/judgement.py prints the figures. The title's meaning carried most, then the
  skills evidence, then the words of the whole job; the embedding of the whole job text added
  nothing once those three were in, so it has no weight;
- recommendation: shortlist at `SHORTLIST_AT` or more, screen at `SCREEN_AT` or more, else reject;
  a knockout requirement the resume clearly fails makes it reject whatever the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from hireops.knowledge import roles as catalog
from hireops.services.ai.local import semantic
from hireops.services.ai.local.classifier import person_name
from hireops.services.ai.local.relevance import lexical_relevance
from hireops.services.text.skills import (
    TEXT_CACHE_SIZE,
    QuickRegex,
    canonical_skill,
    find_skill_mentions,
    fold,
    folded_text,
    posting_skills,
    sentences_holding,
    sentences_of,
    split_sentences,
)
from hireops.services.ai.schemas import (
    CandidateSummary,
    JobInput,
    KnockoutResult,
    Match,
    ResumeScore,
    SkillEvidence,
)

MUST_HAVE_POINTS = 75.0
NICE_TO_HAVE_POINTS = 25.0
# Shares of the score (see the module docstring for how they were chosen).
WEIGHTS = {"evidence": 0.31, "lexical": 0.13, "semantic": 0.56}
EVIDENCE_FLOOR = 0.8  # chosen on the same pool; 0.8 cost no NDCG there, 1.0 did
LEXICAL_FULL_AT = 0.25  # about the 90th percentile of resumes of the right category
SEMANTIC_ZERO_AT, SEMANTIC_FULL_AT = 0.0, 0.55  # cosine of the title and the resume
# A resume this long or longer gets the whole semantic part, a shorter one a share (words);
# 40 chosen on pool A of benchmarks/judgement.py (NDCG@10 0.827; 60: 0.826, 80: 0.805, 120: 0.764).
SEMANTIC_FULL_WORDS = 40
LISTED_ONLY_CREDIT = 0.8  # a skill named in a list, with no described use, proves less
SHORTLIST_AT = 80.0
SCREEN_AT = 50.0
SHORT_TENURE_MONTHS = 12  # a finished role shorter than this counts as a short tenure
LONG_GAP_MONTHS = 12  # a pause between roles longer than this is reported
MAX_QUESTIONS = 5

# --- dates and roles ---------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "jan january janv janvier januar jän jänner ene enero",
    "feb february febr févr février fevrier februar febrero",
    "mar march mars märz maerz marzo",
    "apr april avr avril abr abril",
    "may mai mayo",
    "jun june juin juni junio",
    "jul july juil juillet juli julio",
    "aug august août aout ago agosto",
    "sep sept september septembre septiembre setiembre",
    "oct october octobre okt oktober octubre",
    "nov november novembre noviembre",
    "dec december déc décembre decembre dez dezember dic diciembre",
), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = (rf"(?:(?:{_MONTH_NAME})\.?\s+(?:19|20)\d\d|\d{{1,2}}[/.](?:19|20)\d\d"
         rf"|(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])(?!\d)|(?:19|20)\d\d)")
_NOW = (r"(?:present|current|currently|now|today|ongoing|date|heute|aktuell|jetzt|"
        r"aujourd'hui|présent|actuel|actuellement|actualidad|actual|presente|hoy)")
_RANGE = re.compile(
    rf"(?<![\w/.])(?P<start>{_DATE})\s*(?:-|–|—|to|until|till|bis|à|au|a|hasta|al)\s*"
    rf"(?P<end>{_DATE}|{_NOW})(?![\w/])"
    rf"|(?:since|seit|depuis|desde)\s+(?P<since>{_DATE})",
    re.IGNORECASE,
)

_HEADINGS: dict[str, str] = {
    "experience": r"(work |professional |relevant )?experience|employment( history)?|work history|"
                  r"career( history)?|berufserfahrung|erfahrung|praxiserfahrung|"
                  r"exp[ée]riences?( professionnelles?)?|experiencia( laboral| profesional)?",
    "education": r"education|academic background|studies|ausbildung|studium|bildung|"
                 r"formation|[ée]ducation|[ée]tudes|educaci[oó]n|formaci[oó]n|estudios",
    "skills": r"(technical |core |key )?skills|competencies|tools|technologies|kenntnisse|"
              r"f[äa]higkeiten|comp[ée]tences|habilidades|conocimientos",
    "other": r"projects|side projects|certifications?|certificates|licenses|licences|languages|"
             r"sprachen|langues|idiomas|summary|profile|about me|interests|hobbies|references|"
             r"volunteering|volunteer experience|awards|publications|courses|training",
}
_HEADING = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _HEADINGS.items())
    + r")\s*:?\s*$",
    re.IGNORECASE,
)
# A degree on the same line marks a date range as study, not work.
_DEGREE = re.compile(r"\b(bachelor|master|b\.?sc|m\.?sc|ph\.?d|mba|degree|diploma|abitur|"
                     r"licenciatura|baccalaur[ée]at|high school|gcse|a-levels)\b", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(engineer|developer|programmer|architect|manager|director|head|lead|nurse|analyst|"
    r"designer|scientist|consultant|specialist|administrator|assistant|coordinator|officer|"
    r"representative|associate|intern|technician|accountant|recruiter|vp|president|founder|"
    r"teacher|writer|marketer|executive|agent|advisor|adviser|owner|tester|devops|sre|cto|ceo|"
    r"cfo|coo|supervisor|clerk|operator|therapist|pharmacist|physician|doctor|partner|"
    r"strategist|editor|researcher|controller|bookkeeper|buyer|planner|generalist|"
    r"entwickler\w*|ingenieur\w*|berater\w*|leiter\w*|ingénieur\w*|développeu\w*|responsable|"
    r"chargée?|desarrollador\w*|ingenier[oa]|jef[ea]|enfermer[oa]|infirmi[eè]re?)\b",
    re.IGNORECASE,
)
_CLAIMED_YEARS = re.compile(
    r"(\d{1,2})\+?\s*(?:years?|yrs|ans|jahre|años)\b[^.\n]{0,40}?"
    r"(experience|expérience|erfahrung|experiencia|berufserfahrung)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DatedRole:
    """One dated line of the work history."""

    start: int  # months since year 0
    end: int
    current: bool  # ends "present"
    precise: bool  # both ends carry a month, so the length is trustworthy
    line_index: int
    line: str

    @property
    def months(self) -> int:
        return max(self.end - self.start, 0)


def _month_index(token: str) -> tuple[int, bool]:
    """(months since year 0, has a month) for one date token."""
    token = token.strip().lower().rstrip(".")
    year = int(re.search(r"(19|20)\d\d", token).group(0))
    name = re.match(r"[^\W\d]+", token)
    if name and name.group(0).rstrip(".") in _MONTHS:
        return year * 12 + _MONTHS[name.group(0).rstrip(".")] - 1, True
    numeric = re.match(r"^(\d{1,2})[/.]", token) or re.search(r"[-/.](\d{2})$", token)
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        return year * 12 + int(numeric.group(1)) - 1, True
    # A bare year: "2018 - 2022" reads as four years, so both ends sit at the year's start.
    return year * 12, False


def _section_of_each_line(lines: list[str]) -> list[str]:
    kinds, current = [], "experience"
    for line in lines:
        heading = _HEADING.match(line) if len(line.split()) <= 4 else None
        if heading:
            current = next(kind for kind, text in heading.groupdict().items() if text)
        kinds.append(current)
    return kinds


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _line_kinds(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lines of a text and the section each belongs to (cached: several steps read them)."""
    lines = text.splitlines()
    return tuple(lines), tuple(_section_of_each_line(lines))


# Every date a range starts with holds a year, so a line without one holds no range.
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUICK_RANGE = QuickRegex(_RANGE)
_QUICK_DEGREE = QuickRegex(_DEGREE)


def parse_dated_roles(resume_text: str, *, today: date | None = None) -> list[DatedRole]:
    """The work history's date ranges, leaving out education and projects."""
    return list(_dated_roles(resume_text, today or date.today()))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _dated_roles(resume_text: str, today: date) -> tuple[DatedRole, ...]:
    now = today.year * 12 + today.month - 1
    lines, kinds = _line_kinds(resume_text)
    roles = []
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        if (kind in ("education", "other") or ("19" not in line and "20" not in line)
                or not _YEAR.search(line)):
            continue
        folded = fold(line)
        degree = _QUICK_DEGREE.search(line, folded)
        # Under a work-experience heading a "High School" is an employer (a teacher's school),
        # not a diploma; any other degree word still marks the line as study.
        if degree and not (kind == "experience" and degree.group(1).lower() == "high school"):
            continue
        for match in _QUICK_RANGE.finditer(line, folded):
            start, start_month = _month_index(match.group("start") or match.group("since"))
            end_token = match.group("end")
            current = end_token is None or re.fullmatch(_NOW, end_token, re.IGNORECASE) is not None
            end, end_month = (now, True) if current else _month_index(end_token)
            if not start_month and not end_month and end == start:
                end += 6  # "2021 - 2021": some months within one year
            if start <= end <= now + 1:
                roles.append(DatedRole(start, end, current, start_month and end_month, index, line))
    return tuple(roles)


def _merged_spans(roles: list[DatedRole]) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for role in sorted(roles, key=lambda r: (r.start, r.end)):
        if spans and role.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], role.end)
        else:
            spans.append([role.start, role.end])
    return [(a, b) for a, b in spans]


def estimate_years_experience(resume_text: str, *, today: date | None = None) -> float | None:
    """Years of work from dated roles (overlaps counted once), else a stated "N years"; or None."""
    roles = _dated_roles(resume_text, today or date.today())
    if roles:
        months = sum(end - start for start, end in _merged_spans(roles))
        return min(round(months / 12, 1), 70.0)
    claims = [int(m.group(1)) for m in _CLAIMED_YEARS.finditer(resume_text)]
    return float(min(max(claims), 70)) if claims else None


# Blanks bounded (30): with "\s*" every start in a long run of spaces scanned the whole run;
# longer runs leave blanks on the parts, which are stripped.
_TITLE_SEPARATOR = re.compile(r"\s{1,30}[|–—-]\s{1,30}|\s{0,30}[,|•·()\t]\s{0,30}|"
                              r"\s{1,30}(?:at|@|bei|chez|en)\s{1,30}")
_NAME_SEPARATOR = re.compile(r"\s{1,30}[|–—-]\s{1,30}|,")


def _without_ranges(line: str) -> str:
    """`_RANGE.sub(" ", line)`: each date range replaced by a space."""
    pieces, end = [], 0
    for match in _QUICK_RANGE.finditer(line):
        pieces += [line[end:match.start()], " "]
        end = match.end()
    return "".join(pieces) + line[end:] if pieces else line


def _title_from_line(line: str) -> str:
    line = _without_ranges(line)
    parts = _TITLE_SEPARATOR.split(line)
    for part in (p.strip(" -–—:") for p in parts):
        if part and _TITLE_WORDS.search(part) and len(part.split()) <= 7:
            return part
    return ""


def guess_current_title(resume_text: str, roles: list[DatedRole]) -> str:
    """The title on (or next to) the most recent dated role, else a title-like headline."""
    lines = resume_text.splitlines()
    # A line read once without a title is not read again: many roles on one long line made
    # this quadratic.
    tried: set[int] = set()
    for role in sorted(roles, key=lambda r: (r.current, r.end, r.start), reverse=True):
        # A neighbouring line counts only if it carries no dates of its own (another role's).
        nearby = [role.line_index] + [
            i for i in (role.line_index - 1, role.line_index - 2, role.line_index + 1)
            if 0 <= i < len(lines) and i not in tried and not _QUICK_RANGE.search(lines[i])
            and not _HEADING.match(lines[i])
        ]
        for index in nearby:
            if index in tried:
                continue
            tried.add(index)
            title = _title_from_line(lines[index])
            if title:
                return title
    for line in [ln for ln in lines if ln.strip()][:4]:
        title = _title_from_line(line)
        if title:
            return title
    return ""


# A name is at most four name words and three particles ("Anna van der Berg"); a longer
# line is not tried, which also spares the name pattern a whole one-line resume.
MAX_NAME_WORDS = 7
_NAME_LINE_CHARS = 200  # enough for any name and what follows it before the first separator


def _candidate_name(resume_text: str) -> str:
    for line in [ln.strip() for ln in resume_text.splitlines() if ln.strip()][:3]:
        candidate = _NAME_SEPARATOR.split(line[:_NAME_LINE_CHARS])[0]
        if len(candidate.split()) > MAX_NAME_WORDS:
            continue
        name = person_name(candidate)
        if name:
            return name
    return ""


# --- skills ------------------------------------------------------------------------------

_ACTION = re.compile(
    r"\b(built|build|developed|designed|led|implemented|migrated|reduced|improved|managed|created|"
    r"wrote|delivered|launched|maintained|ran|owned|administered|automated|deployed|shipped|"
    r"optimi[sz]ed|scaled|introduced|used|using|cared|provided|handled|trained|analy[sz]ed|"
    r"negotiated|closed|grew|increased|supported|coordinated|organi[sz]ed|mentored|"
    r"entwickelt|développé|desarrollé)\b|\d",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"^\s*(skills?|technolog\w*|tools|stack|languages|competenc\w*|kenntnisse|"
                        r"comp[ée]tences|habilidades)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _SkillMatch:
    skill: str
    importance: str  # must_have | nice_to_have
    evidence: str  # "" when the resume never mentions the skill
    credit: float  # 0, LISTED_ONLY_CREDIT or 1


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _skills_section(resume_text: str) -> frozenset[str]:
    """The sentences under a "Skills" heading: they name skills without showing their use."""
    lines, kinds = _line_kinds(resume_text)
    return frozenset(split_sentences("\n".join(ln for ln, kind in zip(lines, kinds)
                                               if kind == "skills")))


def _has_action(sentence: str) -> bool:
    """Does the sentence describe work done (an action verb or a number)? Cached: the same
    sentences come up for many skills and jobs."""
    return _has_action_cached(sentence) if len(sentence) <= 500 else bool(_ACTION.search(sentence))


@lru_cache(maxsize=2048)
def _has_action_cached(sentence: str) -> bool:
    return bool(_ACTION.search(sentence))


def _is_list(sentence: str, skills_section: frozenset[str]) -> bool:
    if sentence in skills_section or _LIST_LINE.match(sentence):
        return True
    return sentence.count(",") >= 3 and not _has_action(sentence)


def _best_evidence(mentions: list[str], skills_section: frozenset[str]) -> tuple[str, float]:
    """The sentence that proves most: described work first, then a skills list."""
    described = [s for s in mentions if not _is_list(s, skills_section)]
    if described:
        return max(described, key=lambda s: (_has_action(s), -abs(len(s) - 140))), 1.0
    return (mentions[0], LISTED_ONLY_CREDIT) if mentions else ("", 0.0)


def _match_skills(skills: list[str], importance: str, resume_text: str) -> list[_SkillMatch]:
    matches, seen = [], set()
    skills_section = _skills_section(resume_text)
    for skill in skills:
        name = canonical_skill(skill)
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        evidence, credit = _best_evidence(find_skill_mentions(resume_text, name), skills_section)
        matches.append(_SkillMatch(name, importance, evidence, credit))
    return matches


def _skill_points(must: list[_SkillMatch], nice: list[_SkillMatch]) -> float:
    def share(items: list[_SkillMatch]) -> float:
        return sum(m.credit for m in items) / len(items)

    if must and nice:
        return MUST_HAVE_POINTS * share(must) + NICE_TO_HAVE_POINTS * share(nice)
    if must or nice:
        return 100.0 * share(must or nice)
    return 0.0


# --- knockouts ---------------------------------------------------------------------------

# (requirement topic, the resume passes, the resume fails); fail is checked first.
_KNOCKOUT_RULES: tuple[tuple[str, str, str], ...] = (
    (r"authori[sz]|work permit|right to work|visa|sponsor|eligib|citizen|arbeitserlaubnis|"
     r"permis de travail",
     r"(authori[sz]ed|eligible|entitled|permitted) to work|right to work|work permit|"
     r"permanent resident|green card|citizen(ship)?\b|"
     r"no (visa )?sponsorship (is )?(required|needed)|"
     r"not require (visa )?sponsorship|arbeitserlaubnis|blue card|settled status",
     r"(require|need)s? (a )?(visa )?sponsorship|not (authori[sz]ed|eligible) to work|"
     r"visa sponsorship (is )?(required|needed)"),
    (r"driv|f[üu]hrerschein|permis (b|de conduire)|carnet de conducir",
     r"driv(er'?s|ing) licen[cs]e|full (uk |clean )?licen[cs]e|f[üu]hrerschein|permis b\b|"
     r"permis de conduire|carnet de conducir|\bcdl\b|class [a-e] licen[cs]e|own (a )?car",
     r"\bno driv(er'?s|ing) licen[cs]e|(do not|don't) (have|hold) a driv|without a driv"),
    (r"relocat|on-?site|in[- ]office",
     r"willing to relocate|open to relocation|happy to relocate|on-?site|in[- ]office",
     r"not (willing|open) to relocate|remote only|remote-only"),
    (r"clearance", r"\bclearance\b", r"(no|without) (security )?clearance"),
    (r"degree|bachelor|master|ph\.?d|diploma",
     r"\b(bachelor|master|b\.?sc|m\.?sc|b\.?a\b|m\.?a\b|ph\.?d|mba|degree|diploma|diplom|"
     r"licenciatura|licence)\b", r"$^"),
)
_KNOCKOUT_REGEXES = tuple((re.compile(topic, re.IGNORECASE), QuickRegex(passes, re.IGNORECASE),
                           QuickRegex(fails, re.IGNORECASE))
                          for topic, passes, fails in _KNOCKOUT_RULES)
_REQUIRED_YEARS = re.compile(r"(\d{1,2})\+?\s*(?:years?|yrs)", re.IGNORECASE)
_NEGATED = re.compile(r"\b(no|not|without|lack|lacking|pending|expired)\b", re.IGNORECASE)


def _first_sentence(resume_text: str, pattern: QuickRegex) -> str:
    if not pattern.may_match(folded_text(resume_text)):
        return ""
    sentences = sentences_of(resume_text)
    for which in sentences_holding(resume_text, pattern.needles):
        if pattern.regex.search(sentences[which]):
            return sentences[which][:300]
    return ""


def _check_knockout(requirement: str, resume_text: str, years: float | None) -> KnockoutResult:
    wanted_years = _REQUIRED_YEARS.search(requirement)
    if wanted_years and re.search(r"experience|years", requirement, re.IGNORECASE):
        if years is None:
            return KnockoutResult(requirement=requirement, result="unknown",
                                  evidence="No dated roles to count years from.")
        result = "pass" if years >= int(wanted_years.group(1)) else "fail"
        return KnockoutResult(requirement=requirement, result=result,
                              evidence=f"About {years:g} years of dated work in the resume.")
    for topic, passes, fails in _KNOCKOUT_REGEXES:
        if topic.search(requirement):
            failed = _first_sentence(resume_text, fails)
            if failed:
                return KnockoutResult(requirement=requirement, result="fail", evidence=failed)
            passed = _first_sentence(resume_text, passes)
            if passed:
                return KnockoutResult(requirement=requirement, result="pass", evidence=passed)
            return KnockoutResult(requirement=requirement, result="unknown")
    # Anything else ("BLS certification", "Fluent German"): look for the thing itself.
    mentions = find_skill_mentions(resume_text, requirement)
    if mentions and not _NEGATED.search(mentions[0]):
        return KnockoutResult(requirement=requirement, result="pass", evidence=mentions[0])
    return KnockoutResult(requirement=requirement, result="unknown",
                          evidence=mentions[0] if mentions else "")


# --- risks and questions -----------------------------------------------------------------

_SENIOR = re.compile(r"\b(senior|sr\.?|lead|principal|staff|head of|director)\b", re.IGNORECASE)


def _month_label(index: int) -> str:
    return date(index // 12, index % 12 + 1, 1).strftime("%b %Y")


def _long_gaps(roles: list[DatedRole]) -> list[tuple[int, int]]:
    spans = _merged_spans(roles)
    return [(a_end, b_start) for (_, a_end), (b_start, _) in zip(spans, spans[1:])
            if b_start - a_end > LONG_GAP_MONTHS]


def _risks(job: JobInput, roles: list[DatedRole], years: float | None,
           knockouts: list[KnockoutResult]) -> list[str]:
    risks = []
    short = [r for r in roles if r.precise and not r.current and r.months < SHORT_TENURE_MONTHS]
    if len(short) >= 2:
        risks.append(f"{len(short)} roles lasted under a year "
                     f"({', '.join(f'{r.months} months' for r in short[:4])}).")
    for gap_start, gap_end in _long_gaps(roles):
        risks.append(f"A gap of about {gap_end - gap_start} months between roles "
                     f"({_month_label(gap_start)} to {_month_label(gap_end)}).")
    if years is None:
        risks.append("No dated roles found, so experience could not be estimated.")
    elif _SENIOR.search(job.title) and years < 5:
        risks.append(f"The role is senior, and the resume shows about {years:g} years of "
                     f"dated work.")
    for knockout in knockouts:
        if knockout.result == "fail":
            risks.append(f"Knockout requirement not met: {knockout.requirement}.")
    return risks


def _lower_first(text: str) -> str:
    """ "Design APIs" -> "design APIs", but "API design" stays as it is."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _screening_questions(job: JobInput, matches: list[_SkillMatch], knockouts: list[KnockoutResult],
                         roles: list[DatedRole]) -> list[str]:
    must = [m for m in matches if m.importance == "must_have"]
    questions = [
        f"The role asks for {m.skill}, which your resume does not mention. Tell us about any "
        f"experience you have with it, or with something close to it." for m in must if not m.credit
    ][:3]
    questions += [f"Your resume lists {m.skill} without describing where you used it. "
                  f"Tell us about a project where you relied on it." for m in must
                  if m.credit == LISTED_ONLY_CREDIT][:2]
    questions += [f"Can you confirm this requirement: {k.requirement}?" for k in knockouts
                  if k.result == "unknown"][:2]
    gaps = _long_gaps(roles)
    if gaps:
        questions.append(f"Your resume shows a pause from {_month_label(gaps[0][0])} to "
                         f"{_month_label(gaps[0][1])}. What were you doing in that time?")
    # Probe the strongest skills too: two of them when nothing is missing, one otherwise.
    missing = any(not m.credit for m in must)
    strongest = [m for m in matches if m.credit == 1.0][: 1 if missing else 2]
    questions += [f"Tell us about the most demanding piece of work you did with {m.skill}: "
                  f"what was your part, and what was the result?" for m in strongest]
    questions += [f"This role will {_lower_first(r.rstrip('.'))}. When have you done "
                  f"something similar, and how did it go?" for r in job.responsibilities[:2] if r]
    questions += [
        f"What would you want to achieve in your first 90 days as {job.title}?",
        "Walk us through your most recent role: what did you own, and what changed because of "
        "your work?",
        f"What draws you to the {job.title} role, and what would you need from us to do it well?",
    ]
    return list(dict.fromkeys(questions))[:MAX_QUESTIONS]


# --- the scorer --------------------------------------------------------------------------

# (fewer than N words, confidence): a short resume says too little to be sure of anything.
_CONFIDENCE_BY_WORDS = ((20, 0.1), (60, 0.3), (150, 0.5), (300, 0.7))


@dataclass(frozen=True)
class _ResumeFacts:
    """What a resume says whatever the job: read once, then reused for every job it is scored
    against."""

    roles: tuple[DatedRole, ...]
    years: float | None
    name: str
    current_title: str
    words: int


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _resume_facts(resume_text: str, today: date) -> _ResumeFacts:
    roles = _dated_roles(resume_text, today)
    return _ResumeFacts(roles=roles, years=estimate_years_experience(resume_text, today=today),
                        name=_candidate_name(resume_text),
                        current_title=guess_current_title(resume_text, list(roles)),
                        words=len(resume_text.split()))


def _confidence(words: int, roles: list[DatedRole], job_had_skills: bool) -> float:
    base = next((value for limit, value in _CONFIDENCE_BY_WORDS if words < limit), 0.85)
    base += 0.05 if roles else 0.0
    base -= 0.0 if job_had_skills else 0.15
    return round(min(max(base, 0.05), 0.95), 2)


def _recommendation(score: float, knockouts: list[KnockoutResult]) -> str:
    if any(k.result == "fail" for k in knockouts):
        return "reject"
    return "shortlist" if score >= SHORTLIST_AT else "screen" if score >= SCREEN_AT else "reject"


def _job_skills(job: JobInput) -> tuple[list[str], list[str], bool]:
    """Must-haves and nice-to-haves; a job without skill lists uses skills named in its text."""
    if job.must_have_skills or job.nice_to_have_skills:
        return job.must_have_skills, job.nice_to_have_skills, True
    return posting_skills(job.responsibilities, job.qualifications, job.description), [], False


def _clip(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def lexical_points(job: JobInput, resume_text: str) -> float:
    """Lexical relevance of the resume to the whole job, 0-100."""
    return 100.0 * _clip(lexical_relevance(job, resume_text) / LEXICAL_FULL_AT)


# Seniority and arrangement words say nothing about what the work is: "Senior Backend
# Engineer (m/f/d), Remote" means "Backend Engineer" to the embedding.
_NOT_ROLE_WORDS = frozenset(
    "senior sr snr junior jr mid midlevel intermediate experienced entry level graduate "
    "principal staff i ii iii iv".split()) | catalog.FILLER_WORDS


# "(1-4 years experience)", "5+ yrs of exp.": how much experience is wanted, not what the work
# is; left in, the title's meaning leans towards any text about experience.
_EXPERIENCE_WANTED = re.compile(
    r"\b\d{1,2}\s{0,3}(?:[-–+]|to)?\s{0,3}(?:\d{1,2})?\+?\s{0,3}(?:years?|yrs?)\b\.?"
    r"(?:\s{1,3}of)?(?:\s{1,3}(?:experience|exp)\b\.?)?", re.IGNORECASE)


def role_words(title: str) -> str:
    """The words of a title that name the work, for the semantic comparison."""
    words = re.findall(r"[\w+#.&-]+", _EXPERIENCE_WANTED.sub(" ", title))
    kept = [w for w in words
            if w.casefold() not in _NOT_ROLE_WORDS and any(c.isalnum() for c in w)]
    return " ".join(kept) or title


def semantic_points(job: JobInput, resume_text: str) -> float:
    """How close the resume's meaning is to the job title's, 0-100, in proportion to how much
    of the work the resume describes: a few lines that repeat the title are close in meaning to
    it and show nothing else (without this, five lines saying "Backend Engineer" outranked
    eight years of described backend work)."""
    cosine = semantic.similarity(role_words(job.title), resume_text)
    closeness = _clip((cosine - SEMANTIC_ZERO_AT) / (SEMANTIC_FULL_AT - SEMANTIC_ZERO_AT))
    substance = _clip(len(resume_text.split()) / SEMANTIC_FULL_WORDS)
    return 100.0 * closeness * substance


def evidence_points(job: JobInput, resume_text: str) -> float:
    """The skills-evidence part of the score, 0-100: what every quoted sentence adds up to."""
    must_skills, nice_skills, _ = _job_skills(job)
    return _skill_points(_match_skills(must_skills, "must_have", resume_text),
                         _match_skills(nice_skills, "nice_to_have", resume_text))


def _combined_score(job: JobInput, resume_text: str, evidence_points: float) -> float:
    if not resume_text.strip():
        return 0.0
    weighted = (WEIGHTS["evidence"] * evidence_points
                + WEIGHTS["lexical"] * lexical_points(job, resume_text)
                + WEIGHTS["semantic"] * semantic_points(job, resume_text))
    return max(weighted, EVIDENCE_FLOOR * evidence_points)


def score_resume(job: JobInput, resume_text: str, *, today: date | None = None) -> ResumeScore:
    """Score a resume against a job with explainable rules; `today` fixes what "present" means."""
    resume_text = resume_text or ""
    must_skills, nice_skills, job_had_skills = _job_skills(job)
    must = _match_skills(must_skills, "must_have", resume_text)
    nice = _match_skills(nice_skills, "nice_to_have", resume_text)
    facts = _resume_facts(resume_text, today or date.today())
    roles, years = list(facts.roles), facts.years
    knockouts = [_check_knockout(k, resume_text, years) for k in job.knockout_requirements]
    evidence_points = _skill_points(must, nice)
    score = round(_combined_score(job, resume_text, evidence_points), 1)
    risks = _risks(job, roles, years, knockouts)
    if not resume_text.strip():
        risks.insert(0, "The resume text is empty.")
    if not must and not nice:
        risks.append("The job lists no skills to match against.")
    strengths = [m.skill for m in must + nice if m.credit == 1.0][:4]
    if years:
        strengths.append(f"About {years:g} years of dated work experience")
    return ResumeScore(
        candidate_summary=CandidateSummary(
            name=facts.name, years_experience_est=years,
            current_title=facts.current_title, key_strengths=strengths,
        ),
        match=Match(
            score=score,
            confidence=_confidence(facts.words, roles, job_had_skills),
            evidence=[
                SkillEvidence(skill=m.skill, resume_evidence=m.evidence, importance=m.importance)
                for m in must + nice if m.credit
            ],
            gaps=[m.skill for m in must if not m.credit],
            risks=risks,
            recommendation=_recommendation(score, knockouts),
        ),
        screening_questions=_screening_questions(job, must + nice, knockouts, roles),
        knockouts=knockouts,
    )
