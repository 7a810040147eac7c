"""Every email template exists in every language, with the placeholders English has, and the
candidate's language picks the text; HR's edits in Settings change English only."""

from __future__ import annotations

import string

import pytest

from hireops.knowledge.loading import read_json
from hireops.services.outreach.email_templates import (
    TEMPLATE_KINDS,
    default_template,
    get_template,
    save_template,
    validate_template,
)
from hireops.services.text.language.supported import SUPPORTED_LANGUAGES


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_template_exists_in_every_language(language):
    texts = read_json(f"email_templates/{language}.json")
    assert set(texts) == set(TEMPLATE_KINDS)
    for kind in TEMPLATE_KINDS:
        template = default_template(kind, language)
        validate_template(template)  # known placeholders, required ones in the body
        english = default_template(kind, "en")
        # A translation says everything the English one says: same values, nothing dropped.
        assert _placeholders(template.subject + template.body) == \
            _placeholders(english.subject + english.body), (language, kind)
        if language != "en":
            assert template.body != english.body, (language, kind)


def test_the_candidates_language_chooses_the_text(session):
    assert get_template(session=session, kind="invite", language="fr").subject.startswith(
        "Votre entretien")
    assert get_template(session=session, kind="rejection", language="de").body.startswith(
        "Hallo {candidate_name},")
    assert get_template(session=session, kind="invite", language="it") == \
        default_template("invite", "en")


def test_hr_edits_change_the_english_text_only(session):
    save_template(session=session, kind="rejection", subject="About {job_title}",
                  body="Dear {candidate_name}, not this time.", actor=None)
    assert get_template(session=session, kind="rejection").subject == "About {job_title}"
    french = get_template(session=session, kind="rejection", language="fr")
    assert french == default_template("rejection", "fr") and french.is_default
