"""The job's skills as the candidate spoke of them: from experience, denied, or not at all.

A skill counts as discussed when a sentence names it (any spelling, or a skill that implies it)
and its clause does not deny it (`negation`). It counts fully when that sentence also tells of
something done (an own action, a number or an outcome), half when it is only named. A skill the
candidate never named is still "covered" when the answers talk about the same thing in other
words (a concept group shared with the skill's name, or the words of its name in other forms:
"designed the structure" for Structural Design): then no one may say they did not mention it.
"""

from __future__ import annotations

import re

from hireops.services.ai.local.answer_reading import (
    concept_groups,
    content_stems,
    content_words,
    specific_kinds,
)
from hireops.services.ai.local.semantic import NEAR_WORD, closest_word_similarity
from hireops.services.ai.local.interview_evidence import SkillUse
from hireops.services.text.negation import is_denied
from hireops.services.text.skills import (
    IMPLIED_BY,
    SKILLS,
    canonical_skill,
    find_skill_mentions,
    skill_pattern,
)
from hireops.services.ai.schemas import JobInput

_DONE = ("own_action", "number", "outcome")


def _denied(sentence: str, name: str, language: str = "en") -> bool:
    for skill in (name, *IMPLIED_BY.get(name, ())):
        match = skill_pattern(skill).search(sentence)
        if match:
            return is_denied(sentence, match.start(), language)
    return False


# Words of a skill's name that say what kind of skill it is, not what it is about: "Stock
# Control" is about stock, "Warehouse Management Systems" about warehouses.
_KIND_WORDS = frozenset(content_stems(
    "management manager system systems skill skills administration control service services "
    "process processes technique techniques method methods practice practices operation "
    "operations handling planning"))
_INITIALS_FROM = 2  # words a skill's name needs before its initials name it (WMS, POS)


def _said_otherwise(name: str, told: str, language: str = "en") -> bool:
    """The skill talked about by its initials (WMS) or by the words of its name that carry its
    subject (stock for Stock Control), in sentences telling of something done."""
    words = name.split()
    initials = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    if len(words) >= _INITIALS_FROM and len(initials) >= 2 and re.search(
            rf"\b{re.escape(initials)}s?\b", told):
        return True
    if len(words) < 2:
        return False  # a one-word name (Tableau) is a name: "table" does not say it
    subject = {s for s in content_stems(name) if s not in _KIND_WORDS}
    # The skill's English words said in an English answer; another language's answer says them
    # in its own words, which the concept groups read.
    if not subject or language != "en":
        return False
    missing = subject - content_stems(told)
    if not missing:
        return True
    # Or in other forms of those words or close synonyms ("designed the structure" for
    # Structural Design), read by the semantic model's word vectors.
    wanted = [w for w in content_words(name) if content_stems(w) & missing]
    return bool(wanted) and min(closest_word_similarity(wanted, content_words(told))) >= NEAR_WORD


def _in_context(sentence: str, language: str = "en") -> bool:
    return any(kind in specific_kinds(sentence, language=language) for kind in _DONE)


def skill_uses(job: JobInput, genuine_text: str, all_text: str, *,
               language: str = "en") -> list[SkillUse]:
    """Each job skill once, must-haves first, as the genuine answers speak of it. `all_text`
    (pasted and list answers included) only decides whether a skill was named at all.
    `language` is the answers' language (en, fr, de, es)."""
    uses, seen = [], set()
    # Talk in other words counts as covering a skill only where it tells of something done.
    told = [s for s in re.split(r"(?<=[.!?])\s+", genuine_text) if _in_context(s, language)]
    told_text = " ".join(told)
    groups = concept_groups(told_text, language=language)
    wanted = [(s, True) for s in job.must_have_skills]
    wanted += [(s, False) for s in job.nice_to_have_skills]
    for skill, must in wanted:
        name = canonical_skill(skill) or skill.strip()
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        mentions = find_skill_mentions(genuine_text, name) if canonical_skill(skill) else [
            s for s in re.split(r"(?<=[.!?])\s+", genuine_text) if name.casefold() in s.casefold()]
        positive = [m for m in mentions if not _denied(m, name, language)]
        sentence = (positive or mentions or [""])[0]
        # The job's own spelling too: "Stock Control" is read as Inventory management.
        related = bool(concept_groups(name, whole_words=True) & groups) or any(
            _said_otherwise(spelling, told_text, language) for spelling in {name, skill.strip()})
        uses.append(SkillUse(
            skill=name, must_have=must, sentence=sentence,
            negated=bool(mentions) and not positive,
            in_context=bool(positive) and _in_context(sentence, language),
            named_anywhere=bool(mentions) or bool(find_skill_mentions(all_text, name)
                                                  if canonical_skill(skill) else False),
            related=related,
            soft=name in SKILLS and SKILLS[name].domain == "general"))
    return uses
