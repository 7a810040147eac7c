"""The short words candidate mail is put together with, in the candidate's language.

Whole emails are templates (email_templates); these are the pieces code adds around them: the
name a greeting uses when none is known, the signature when no person sends, where an
interview takes place, the calendar invitation's title and description, the offer letter's
defaults. One data file per language (knowledge/data/mail_words/<lang>.json); every language
has exactly English's keys and, in each text, English's `{placeholders}`, or loading refuses
the file with the key named.
"""

from __future__ import annotations

import re
from functools import cache

from hireops.knowledge.loading import KnowledgeError, read_json
from hireops.services.language.supported import DEFAULT_LANGUAGE, supported_language

# Linear: a brace, letters and underscores, a brace.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(text: str) -> set[str]:
    """The `{names}` a text expects to have filled in."""
    return set(_PLACEHOLDER.findall(text))


def _read(language: str) -> dict[str, str]:
    name = f"mail_words/{language}.json"
    words = read_json(name)
    if not isinstance(words, dict):
        raise KnowledgeError(f"{name}: expected an object of texts")
    for key, text in words.items():
        if not isinstance(text, str) or not text:
            raise KnowledgeError(f"{name}.{key}: expected a non-empty text, got {text!r}")
    return words


@cache
def mail_words_in(language: str) -> dict[str, str]:
    """All the words in `language` (English for one HireOps does not speak), checked
    against the English file."""
    language = supported_language(language)
    english = _read(DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return dict(english)
    words, name = _read(language), f"mail_words/{language}.json"
    missing, unknown = set(english) - set(words), set(words) - set(english)
    if missing or unknown:
        raise KnowledgeError(f"{name}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    for key, text in words.items():
        if placeholders(text) != placeholders(english[key]):
            raise KnowledgeError(f"{name}.{key}: placeholders {sorted(placeholders(text))} "
                                 f"differ from English {sorted(placeholders(english[key]))}")
    return dict(words)


def mail_word(language: str | None, key: str, **values: object) -> str:
    """One text in the candidate's `language`, its `{placeholders}` filled by name."""
    text = mail_words_in(language or DEFAULT_LANGUAGE)[key]
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


def candidate_name_or_greeting(full_name: str | None, language: str | None) -> str:
    """The candidate's name for a greeting; when unknown, the language's way of greeting
    someone unnamed ("Hello there,", "Bonjour à vous,")."""
    return (full_name or "").strip() or mail_word(language, "unnamed_candidate")


def sender_name(actor_name: str | None, language: str | None) -> str:
    """Who signs: the person acting, else the recruiting team in the candidate's language."""
    return (actor_name or "").strip() or mail_word(language, "recruiting_team")
