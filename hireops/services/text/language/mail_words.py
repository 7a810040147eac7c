"""The short words candidate mail is put together with, in the candidate's language.

Whole emails are templates (email_templates); these are the pieces code adds around them: the
name a greeting uses when none is known, the signature when no person sends, where an
interview takes place, the calendar invitation's title and description, the offer letter's
defaults. One data file per language (knowledge/data/mail_words/<lang>.json), checked key by
key against English (`text_files`).
"""

from __future__ import annotations

from hireops.services.text.language.text_files import text_in, texts_in

FOLDER = "mail_words"


def mail_words_in(language: str) -> dict[str, str]:
    """All the words in `language` (English for one HireOps does not speak)."""
    return texts_in(FOLDER, language)


def mail_word(language: str | None, key: str, **values: object) -> str:
    """One text in the candidate's `language`, its `{placeholders}` filled by name."""
    return text_in(FOLDER, language, key, **values)


def candidate_name_or_greeting(full_name: str | None, language: str | None) -> str:
    """The candidate's name for a greeting; when unknown, the language's way of greeting
    someone unnamed ("Hello there,", "Bonjour à vous,")."""
    return (full_name or "").strip() or mail_word(language, "unnamed_candidate")


def sender_name(actor_name: str | None, language: str | None) -> str:
    """Who signs: the person acting, else the recruiting team in the candidate's language."""
    return (actor_name or "").strip() or mail_word(language, "recruiting_team")
