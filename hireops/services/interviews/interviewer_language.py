"""The built-in interviewer in the candidate's language.

English is the bank itself (knowledge/data/question_bank.json) and the phrases in
`follow_up.py`; French, German and Spanish are data files (knowledge/data/interviewer/<lang>.json)
holding every bank question by key and every phrase the interviewer says. A planned question is
translated by its bank key, with the job's words (`{skill}`, `{title}`, `{responsibility}`) or
the quoted resume line (`{line}`) carried over from the English wording; HR's own questions are
asked as written (in French with French spacing before ? ! : ;), and the scorer's screening
questions only when they are written in the interview's language.
"""

from __future__ import annotations

import re
import zlib
from functools import cache

from hireops.knowledge.loading import read_json
from hireops.services.interviews.follow_up import is_thin_answer, question_tense
from hireops.services.interviews.question_bank import all_bank_questions
from hireops.services.interviews.question_plan import PlannedQuestion
from hireops.services.text.language.detection import detect_language
from hireops.services.text.language.supported import DEFAULT_LANGUAGE, supported_language
from hireops.services.text.punctuation import french_spacing

TRANSLATED_LANGUAGES = ("fr", "de", "es")
_PLACEHOLDER = re.compile(r"\{(skill|title|responsibility|line)\}")


def interviewer_texts(language: str) -> dict | None:
    """The phrases and questions of `language`; None for English (the bank and code)."""
    language = supported_language(language)
    return None if language == DEFAULT_LANGUAGE else read_json(f"interviewer/{language}.json")


@cache
def _english_templates() -> dict[str, str]:
    return {question.key: question.text for question in all_bank_questions()}


def localized_question_text(question: PlannedQuestion, language: str) -> str:
    """The question in `language` when the bank has it there, else as planned (HR's own and
    the scorer's), set with French spacing in a French interview."""
    texts = interviewer_texts(language)
    template = _english_templates().get(question.bank_key)
    if texts is None or template is None or question.bank_key not in texts["questions"]:
        # People type an ordinary space before ? and :, where a phone may break the line.
        return french_spacing(question.text) if supported_language(language) == "fr" \
            else question.text
    values = _placeholder_values(template, question.text)
    if values is None:  # the planner reworded it (never expected): keep what it planned
        return question.text
    translated = texts["questions"][question.bank_key]
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), translated)


def screening_in_language(resume_result: dict, language: str) -> dict:
    """The scorer's result with only the screening questions the candidate can be asked in
    `language`. The scorer writes them for HR, in English whatever the resume's language, and
    they have no bank key to translate by: a French interview leaves the English ones out and
    its bank questions take their place."""
    language = supported_language(language)
    questions = resume_result.get("screening_questions")
    if language == DEFAULT_LANGUAGE or not isinstance(questions, list):
        return resume_result
    kept = [q for q in questions if detect_language(str(q)) == language]
    return {**resume_result, "screening_questions": kept}


def _placeholder_values(template: str, text: str) -> dict[str, str] | None:
    """The job's words the planner put into `template` to make `text` (at most one field)."""
    found = _PLACEHOLDER.search(template)
    if found is None:
        return {}
    before, after = template[:found.start()], template[found.end():]
    # Several uses of one field ("uses {skill}... used {skill}"): the first fills them all.
    after_first = after.split("{" + found.group(1) + "}")[0]
    if not text.startswith(before):
        return None
    rest = text[len(before):]
    end = rest.find(after_first) if after_first else len(rest)
    if end <= 0:
        return None
    return {found.group(1): rest[:end]}


def greeting(language: str, *, first_name: str, title: str, count: int, minutes: int) -> str:
    """The interviewer's hello in `language` (callers keep the English one for English)."""
    phrases = interviewer_texts(language)["phrases"]
    hello = phrases["hello_named"].replace("{first_name}", first_name) if first_name \
        else phrases["hello"]
    return (phrases["greeting"].replace("{hello}", hello).replace("{title}", title)
            .replace("{count}", str(count)).replace("{minutes}", str(minutes)))


def phrase(language: str, name: str) -> str:
    """One fixed phrase ('closing', 'slot_noted', ...) in `language`."""
    return interviewer_texts(language)["phrases"][name]


def follow_up_in(language: str, *, question: PlannedQuestion, answer: str) -> str:
    """The one follow-up after a thin answer, in `language`. The English follow-up names a
    missing expected point; those points are English phrases, so here the follow-up asks for
    an example or for more without naming one."""
    phrases = interviewer_texts(language)["phrases"]
    reason = is_thin_answer(question=question, answer=answer, language=language)
    codes = reason.codes if reason else ()
    if question.kind == "closing":
        return phrases["slot_missing" if "no_slot" in codes else
                       "slot_no_zone" if "no_time_zone" in codes else "slot_noted"]
    if "no_experience" in codes and question.skill:
        return phrases["no_experience"].replace("{skill}", question.skill)
    if "too_short" in codes or "no_example" in codes:
        english = _english_templates().get(question.bank_key, question.text)
        if question_tense(english) == "conditional":
            return phrases["ask_plan"]
        options = phrases["ask_example"]
        return options[zlib.crc32(question.key.encode()) % len(options)]
    return phrases["ask_more"]
