"""Which open jobs an application is for: the job the sender names, else the jobs the resume fits.

1. A job named in the subject, the detected role or the application sentences of the body wins
   outright (score 1.0). Titles match without their seniority or title modifiers ("Backend
   Engineer (Python)" names the job "Senior Backend Engineer"), or through the role catalogue's
   aliases ("Back-end Developer" is a backend engineer). When several jobs are named, the one
   whose title is matched most completely wins; a tie goes to the better resume fit.
2. Otherwise each job gets a resume similarity: the share of its must-have skills the resume
   shows (weighted most), of its nice-to-have skills, and of its title words. Jobs at or above
   the floor are returned, best first. A job with no skill lists (a posting pasted as its
   description) is read for the skills its text names, as the scorer reads it.
3. Never a default: no open jobs, or nothing good enough, gives [].

Pure and deterministic: the caller passes the open jobs (closed or draft jobs are skipped if
passed anyway) and may reuse `prepare_jobs` for a whole ingest run.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from hireops.knowledge.skills import IMPLIED_BY  # PostgreSQL proves SQL
from hireops.models import Job, JobStatus
from hireops.knowledge import roles as catalog
from hireops.services.ai.local.job_generator import normalise, read_title
from hireops.services.text.skills import (
    SKILLS,
    TEXT_CACHE_SIZE,
    ascii_runs,
    canonical_skill,
    fold,
    folded_text,
    may_contain,
    posting_skills,
    skills_in_joined,
    skills_in_text,
)

MUST_WEIGHT, NICE_WEIGHT, TITLE_WEIGHT = 0.6, 0.2, 0.2
TITLE_ONLY_FACTOR = 0.5  # a job with no skills listed can only be half-matched by its title
BODY_SCAN_CHARS = 3000  # where a cover note names the job; later text is usually the resume
MAX_MENTION_CHARS = 300
REASON_SKILLS = 6  # skills listed per kind in a reason

NAMED_REASONS = {"subject": "named in the subject", "role_hint": "named as the role applied for",
                 "body": "named in the email body"}
# Words that only say how senior a title is; titles match without them. "Lead", "Manager" and
# "Head" stay: they are part of role names ("Tech Lead", "Product Manager").
_SENIORITY = frozenset("junior jr entry level graduate grad associate mid intermediate senior sr "
                       "snr experienced staff principal i ii iii iv".split())
# Body sentences that say which job the sender applies for.
_APPLYING = re.compile(
    r"\b(apply(ing)? (for|to)|application (for|as|to)|my application|interested in|"
    r"candidate for|candidature|postul\w*|bewerb\w*|solicitud|(position|role|poste|stelle|"
    r"puesto) (of|as|de|d'|als))\b", re.IGNORECASE)
_STOPWORDS = frozenset("a an and or of the for in on with to by as at from such experience "
                       "knowledge skills strong good solid working hands-on plus etc".split())


@dataclass(frozen=True)
class JobMatch:
    """One job an application is matched to, and why."""

    job_id: int
    title: str
    score: float  # 0-1: 1.0 when named by the sender, else the resume similarity
    reason: str  # "named in the subject", or the skills and title words in common


@dataclass(frozen=True)
class _Requirement:
    """One skill line of a job ("Tableau, Looker or Power BI")."""

    label: str  # as the job writes it
    named: tuple[str, ...]  # vocabulary skills it names; any one of them satisfies it
    implying: tuple[str, ...]  # skills that prove a named one (PostgreSQL proves SQL)
    loose: tuple[re.Pattern[str], ...]  # outside the vocabulary: all these words in one sentence
    stems: tuple[str, ...] = ()  # the words of `loose`, for a cheap test before the regexes


@dataclass(frozen=True)
class PreparedJob:
    """A job with its title and skills read once, for many applications."""

    job_id: int
    title: str
    tokens: tuple[str, ...]  # normalised title words without filler words
    core: tuple[str, ...]  # the words a mention must contain: no seniority, no qualifier
    role_key: str  # role catalogue key of the title, or ""
    must: tuple[_Requirement, ...]
    nice: tuple[_Requirement, ...]


@dataclass(frozen=True)
class _Resume:
    skills: frozenset[str]  # the vocabulary skills the jobs ask about that the resume mentions
    words: str  # normalised words joined with spaces, padded: " data analyst sql "
    word_set: frozenset[str]
    text: str  # resume and body; its sentences are read only when a requirement needs them


# --- preparing jobs ----------------------------------------------------------------------------

def _generic_words() -> frozenset[str]:
    return frozenset(words[0] for role in catalog.ROLES.values()
                     for words in map(normalise, role.ambiguous_aliases) if len(words) == 1)


_GENERIC = _generic_words()
# Where a title's qualifier starts: "Backend Engineer (Python)", "Sales Manager - DACH".
_QUALIFIER = re.compile(r"\s*(?:[(\[,|/]|\s[-–—:]\s).*$")


def _title_words(title: str) -> tuple[str, ...]:
    return tuple(t for t in normalise(title) if t not in catalog.FILLER_WORDS)


def _core_words(title: str) -> tuple[str, ...]:
    """ "Senior Backend Engineer (Python)" -> ("backend", "engineer"): no seniority, no
    qualifier, but never a lone generic word when the title says more ("Staff Engineer")."""
    full = _title_words(title)
    head = _title_words(_QUALIFIER.sub("", title)) or full
    core = tuple(t for t in head if t not in _SENIORITY) or head
    if len(core) == 1 and core[0] in _GENERIC and len(full) > 1:
        wider = tuple(t for t in full if t not in _SENIORITY)
        return wider if len(wider) > 1 else full
    return core


def _requirement(text: str) -> _Requirement | None:
    name = canonical_skill(text)
    if name in SKILLS:
        known = [name]
    else:
        parts = re.split(r"\s*/\s*|\s*,\s*|\s+or\s+|\s+and\s+", name)
        known = [skill for skill in map(canonical_skill, parts) if skill in SKILLS]
        known = known or skills_in_text(text)
    if known:
        implying = [s for skill in known for s in IMPLIED_BY.get(skill, ()) if s not in known]
        return _Requirement(label=text, named=tuple(dict.fromkeys(known)),
                            implying=tuple(dict.fromkeys(implying)), loose=())
    words = [w for w in re.findall(r"[\w#+.-]+", text.casefold()) if w not in _STOPWORDS]
    stems = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if len(w) > 1]
    if not stems:
        return None
    loose = tuple(re.compile(r"(?<!\w)" + re.escape(stem), re.IGNORECASE) for stem in stems)
    return _Requirement(label=text, named=(), implying=(), loose=loose, stems=tuple(stems))


def _requirements(texts: Iterable[str]) -> tuple[_Requirement, ...]:
    found = (_requirement(text) for text in texts if text and text.strip())
    return tuple(requirement for requirement in found if requirement)


def prepare_job(job: Job) -> PreparedJob:
    """`job` read once: title words, catalogue role and skill requirements."""
    return PreparedJob(
        job_id=job.id, title=job.title, tokens=_title_words(job.title),
        core=_core_words(job.title), role_key=read_title(job.title).role_key,
        must=_requirements(job.must_have_skills or _posted_skills(job)),
        nice=_requirements(job.nice_to_have_skills or []),
    )


def _posted_skills(job: Job) -> list[str]:
    """For a job with no skill lists (a posting pasted as its description), the skills its text
    asks for, as the scorer reads them: without them its fit was its title's alone, at most
    half, so a candidate's nearest jobs ranked it below any job with lists."""
    if job.nice_to_have_skills:
        return []
    return posting_skills(job.responsibilities or [], job.qualifications or [],
                          job.description or "")


def prepare_jobs(jobs: Iterable[Job]) -> tuple[PreparedJob, ...]:
    """The open jobs among `jobs`, prepared for `match_jobs`; cache it for one ingest run."""
    return tuple(prepare_job(job) for job in jobs
                 if job.id is not None and job.status == JobStatus.open)


# --- the resume --------------------------------------------------------------------------------

def _read_resume(parts: tuple[str, ...], prepared: tuple[PreparedJob, ...]) -> _Resume:
    """The resume and email body (`parts`, joined by a newline) read for matching against
    `prepared`; the words of a resume already scored are reused."""
    text = "\n".join(parts)
    words = normalise(text)
    wanted = frozenset(skill for job in prepared for requirement in job.must + job.nice
                       for skill in requirement.named + requirement.implying)
    return _Resume(skills=skills_in_joined(parts, among=wanted),
                   words=" " + " ".join(words) + " ", word_set=frozenset(words), text=text)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
# The same breaks, found about three times faster: this pattern starts with the character
# before or at the break, which the regex engine can skip to. After . ! ? ; the break is the
# whitespace that follows; at a newline it is the run of newlines.
_BREAK_MARK = re.compile(r"[\n.!?;](?:(?<=\n)\n*|\s+)")


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans `_SENTENCE_BREAK.finditer(text)` gives."""
    starts, ends = _breaks(text)
    return list(zip(starts, ends))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the breaks between the sentences of a resume start, and where they end."""
    starts, ends = [], []
    for mark in _BREAK_MARK.finditer(text):
        start = mark.start()
        starts.append(start if text[start] == "\n" else start + 1)
        ends.append(mark.end())
    return tuple(starts), tuple(ends)


def _sentence_spans(text: str, needle: str | None) -> Iterable[tuple[int, int]]:
    """Where the sentences of a resume sit (the pieces of `_SENTENCE_BREAK.split(text)`, for
    requirements outside the vocabulary): those whose `fold` holds `needle` (ASCII letters and
    digits), or every piece that is not blank."""
    starts, ends = _breaks(text)
    folded = folded_text(text)
    if needle is None or len(folded) != len(text):  # `fold` keeps lengths; checked all the same
        lefts, rights = (0, *ends), (*starts, len(text))
        return [(left, right) for left, right in zip(lefts, rights) if text[left:right].strip()]
    found = set()
    at = folded.find(needle)
    while at >= 0:
        # A needle starts with a letter or digit, so never inside a break: it sits in the
        # piece after the last break that ended before it, if it ends before the next break.
        which = bisect_right(ends, at)
        right = starts[which] if which < len(starts) else len(text)
        if at + len(needle) <= right:
            found.add((ends[which - 1] if which else 0, right))
        at = folded.find(needle, at + 1)
    return found


def _loosely_met(requirement: _Requirement, text: str) -> bool:
    """All the requirement's words in one sentence. A word the whole text lacks rules every
    sentence out; only sentences holding the longest word's letters are searched."""
    if not all(may_contain(text, stem) for stem in requirement.stems):
        return False
    runs = [run for stem in requirement.stems for run in ascii_runs(stem)]
    longest = max(runs, key=len) if runs else ""
    for left, right in _sentence_spans(text, longest if len(longest) >= 3 else None):
        piece = fold(text[left:right])
        if all(run in piece for run in runs) and all(p.search(text[left:right])
                                                     for p in requirement.loose):
            return True
    return False


def _met(requirement: _Requirement, resume: _Resume) -> str:
    """The resume skill that meets `requirement` ("" if none)."""
    named = next((skill for skill in requirement.named if skill in resume.skills), "")
    if named:
        return named
    implying = next((skill for skill in requirement.implying if skill in resume.skills), "")
    if implying:
        return f"{requirement.named[0]} (through {implying})"
    if requirement.named:
        return ""
    if _loosely_met(requirement, resume.text):
        return requirement.label
    return ""


def _contains(words: str, phrase: tuple[str, ...]) -> bool:
    return bool(phrase) and f" {' '.join(phrase)} " in words


def _title_fit(job: PreparedJob, resume: _Resume) -> float:
    """1.0 when the resume names the role, else half the share of its title words it uses."""
    if _contains(resume.words, job.core):
        return 1.0
    words = [w for w in job.core if w not in _GENERIC] or list(job.core)
    return 0.5 * sum(w in resume.word_set for w in words) / len(words) if words else 0.0


def _share(hits: list[str]) -> float:
    return sum(bool(hit) for hit in hits) / len(hits)


def _similarity(job: PreparedJob, resume: _Resume) -> tuple[float, str]:
    must = [_met(r, resume) for r in job.must]
    nice = [_met(r, resume) for r in job.nice]
    title = _title_fit(job, resume)
    if must and nice:
        score = MUST_WEIGHT * _share(must) + NICE_WEIGHT * _share(nice) + TITLE_WEIGHT * title
    elif must or nice:
        # One list only: it carries the weight of both.
        score = (1 - TITLE_WEIGHT) * _share(must or nice) + TITLE_WEIGHT * title
    else:
        score = TITLE_ONLY_FACTOR * title
    return round(min(1.0, score), 3), _reason(must, nice, job, title)


def _listing(hits: list[str]) -> str:
    unique = list(dict.fromkeys(h for h in hits if h))
    more = f" and {len(unique) - REASON_SKILLS} more" if len(unique) > REASON_SKILLS else ""
    return ", ".join(unique[:REASON_SKILLS]) + more


def _reason(must: list[str], nice: list[str], job: PreparedJob, title: float) -> str:
    parts = []
    if any(must):
        parts.append(f"must-have skills {_listing(must)} ({sum(map(bool, must))}/{len(must)})")
    if any(nice):
        parts.append(f"nice-to-have {_listing(nice)} ({sum(map(bool, nice))}/{len(nice)})")
    if title == 1.0:
        parts.append(f"the resume names the role ({job.title})")
    return "Resume overlap: " + "; ".join(parts) if parts else "Little in common."


# --- naming --------------------------------------------------------------------------------------

def _mentions(subject: str, role_hint: str, body: str) -> list[tuple[str, str]]:
    """(where, text) for every place the sender might name a job, most telling first."""
    found = [("subject", subject), ("role_hint", role_hint)]
    found += [("body", line[:MAX_MENTION_CHARS]) for line in body[:BODY_SCAN_CHARS].splitlines()
              if _APPLYING.search(line)]
    return [(where, text) for where, text in found if text and text.strip()]


def _naming_strength(job: PreparedJob, words: str, word_set: frozenset[str],
                     role_key: str) -> tuple[int, int, int] | None:
    """How completely a mention names `job`: by its title words (2) or its role (1), then how
    many title words it has and lacks; None when it does not name the job."""
    by_words = _contains(words, job.core)
    by_role = bool(role_key) and role_key == job.role_key
    if not (by_words or by_role):
        return None
    matched = sum(token in word_set for token in job.tokens)
    return (2 if by_words else 1, matched, matched - len(job.tokens))


def _mention_role(text: str) -> str:
    """The catalogue role a subject, role hint or body line names as a title, or "". Cached:
    many applications share a subject."""
    return _read_role(text) if len(text) <= 500 else _read_role.__wrapped__(text)


@lru_cache(maxsize=256)
def _read_role(text: str) -> str:
    reading = read_title(text)
    return "" if reading.generic_word else reading.role_key


def _named_job(prepared: tuple[PreparedJob, ...], mentions: list[tuple[str, str]],
               resume: _Resume | None) -> JobMatch | None:
    for where, text in mentions:
        tokens = normalise(text)
        words, word_set = " " + " ".join(tokens) + " ", frozenset(tokens)
        # Reading the title's role is slow, and only needed when no job is named by its words:
        # a job named by its words outranks any job named by role (see `_naming_strength`).
        by_words = any(_contains(words, job.core) for job in prepared)
        role_key = "" if by_words else _mention_role(text)
        named = [(strength, job) for job in prepared
                 for strength in [_naming_strength(job, words, word_set, role_key)] if strength]
        if not named:
            continue

        def rank(pair: tuple[tuple[int, int, int], PreparedJob]) -> tuple:
            strength, job = pair
            fit = _similarity(job, resume)[0] if resume else 0.0
            return (*strength, fit, -job.job_id)

        _, best = max(named, key=rank)
        return JobMatch(job_id=best.job_id, title=best.title, score=1.0,
                        reason=NAMED_REASONS[where])
    return None


# --- entry point ---------------------------------------------------------------------------------

def match_jobs(*, jobs: list[Job], subject: str, body: str, role_hint: str, resume_text: str,
               floor: float = 0.25, max_jobs: int = 2,
               prepared: tuple[PreparedJob, ...] | None = None) -> list[JobMatch]:
    """The job the sender names, else up to `max_jobs` jobs the resume fits at `floor` or above;
    [] when none. `prepared`, if given, must be `prepare_jobs(jobs)` and replaces `jobs`."""
    prepared = prepare_jobs(jobs) if prepared is None else prepared
    if not prepared or max_jobs < 1:
        return []
    parts = tuple(t for t in (resume_text or "", body or "") if t.strip())
    resume = _read_resume(parts, prepared) if parts else None
    named = _named_job(prepared, _mentions(subject or "", role_hint or "", body or ""), resume)
    if named:
        return [named]
    if resume is None:
        return []
    scored = [(job, *_similarity(job, resume)) for job in prepared]
    fitting = sorted((item for item in scored if item[1] >= floor and item[1] > 0),
                     key=lambda item: (-item[1], item[0].job_id))
    return [JobMatch(job_id=job.job_id, title=job.title, score=score, reason=reason)
            for job, score, reason in fitting[:max_jobs]]


def nearest_jobs(*, resume_text: str, prepared: tuple[PreparedJob, ...],
                 limit: int = 3) -> list[JobMatch]:
    """The `limit` jobs this resume fits best, however weakly (for a candidate who fits none
    well enough to be applied: the talent pool shows how near they came)."""
    if not prepared or not resume_text.strip():
        return []
    resume = _read_resume((resume_text,), prepared)
    scored = [(job, *_similarity(job, resume)) for job in prepared]
    ranked = sorted(scored, key=lambda item: (-item[1], item[0].job_id))
    return [JobMatch(job_id=job.job_id, title=job.title, score=score, reason=reason)
            for job, score, reason in ranked[:limit]]
