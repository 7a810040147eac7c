"""The words code adds around candidate templates, and the careers page's thank-you, exist in
every language with English's keys and placeholders; a broken file is refused with the key
named."""

from __future__ import annotations

import pytest

from hireops.knowledge.loading import KnowledgeError, read_json
from hireops.services.text.language import text_files
from hireops.services.text.language.mail_words import (
    candidate_name_or_greeting,
    mail_word,
    sender_name,
)
from hireops.services.text.language.supported import SUPPORTED_LANGUAGES
from hireops.services.text.language.text_files import placeholders, texts_in
from tests.factories import make_candidate

FOLDERS = ("mail_words", "careers")


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_text_exists_in_every_language(folder, language):
    english = read_json(f"{folder}/en.json")
    words = texts_in(folder, language)
    assert set(words) == set(english)
    for key, text in words.items():
        assert placeholders(text) == placeholders(english[key]), (language, key)
        if language != "en":
            assert text != english[key], (language, key)


def test_a_missing_key_or_placeholder_is_refused(monkeypatch):
    real = text_files._read

    def broken(folder, language):
        words = dict(real(folder, language))
        if language == "fr":
            words["invite_summary"] = "Entretien\u202f: {poste}"
        return words

    texts_in.cache_clear()
    monkeypatch.setattr(text_files, "_read", broken)
    try:
        with pytest.raises(KnowledgeError, match="invite_summary"):
            texts_in("mail_words", "fr")
    finally:
        texts_in.cache_clear()


def test_the_candidates_language_picks_the_words():
    assert mail_word("fr", "invite_summary", job_title="Data", company_name="Acme") == \
        "Entretien\u202f: Data (Acme)"
    assert candidate_name_or_greeting("", "fr") == "à vous"
    assert candidate_name_or_greeting("Camille Dubois", "fr") == "Camille Dubois"
    assert sender_name(None, "de") == "Das Recruiting-Team"
    assert sender_name("Sam Recruiter", "de") == "Sam Recruiter"
    # A language HireOps does not speak: English.
    assert sender_name(None, "it") == "The recruiting team"


def test_a_message_to_a_french_candidate_starts_from_the_french_template(session):
    from hireops.services.outreach.conversations import draft_from_template

    french = make_candidate(session, full_name="Camille Dubois", email="camille@example.fr",
                            language="fr")
    english = make_candidate(session, full_name="Ada Lovelace", email="ada@example.com")
    session.commit()
    subject, body = draft_from_template(session=session, template_kind="message_question",
                                        candidate_id=french.id)
    assert body.startswith("Bonjour {candidate_name},") and "Kind regards" not in body
    _, body = draft_from_template(session=session, template_kind="message_question",
                                  candidate_id=english.id)
    assert body.startswith("Hello {candidate_name},")
