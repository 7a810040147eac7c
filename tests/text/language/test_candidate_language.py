"""A new candidate's language comes from their own words; HR changes it, audited."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Event
from hireops.services.candidates.records import find_or_create_candidate
from hireops.services.candidates.contacts import ContactInfo
from hireops.services.candidates.language import (
    LanguageRefused,
    get_candidate_language,
    set_candidate_language,
)

FRENCH_MAIL = ("Bonjour, je vous adresse ma candidature pour le poste d'ingénieure backend. "
               "Mon CV est en pièce jointe, je serais ravie d'en parler avec vous.")
ENGLISH_RESUME = ("Backend engineer, six years of Python and PostgreSQL at a payments "
                  "company; built the reconciliation service and mentored two juniors.")


def _new(session, email: str, **texts):
    candidate, created = find_or_create_candidate(
        session=session, contact=ContactInfo(name="Léa Martin", email=email),
        source="email:test", **texts)
    session.commit()
    assert created
    return candidate


def test_a_new_candidate_gets_the_language_of_their_mail(session):
    candidate = _new(session, "lea@example.test", resume_text=ENGLISH_RESUME,
                     written_text=FRENCH_MAIL)
    assert candidate.language == "fr"
    assert _new(session, "sam@example.test", resume_text=ENGLISH_RESUME).language == "en"


def test_hr_changes_the_language_and_the_change_is_audited(session):
    candidate = _new(session, "lea@example.test", resume_text=ENGLISH_RESUME)
    assert set_candidate_language(session=session, candidate_id=candidate.id, language="es",
                                  actor=None)
    assert not set_candidate_language(session=session, candidate_id=candidate.id,
                                      language="es", actor=None)
    assert get_candidate_language(session=session, candidate_id=candidate.id) == "es"
    [event] = session.exec(select(Event).where(
        Event.action == "candidate.language_changed")).all()
    assert (event.before, event.after) == ({"language": "en"}, {"language": "es"})


def test_only_the_four_languages_can_be_chosen(session):
    candidate = _new(session, "lea@example.test", resume_text=ENGLISH_RESUME)
    with pytest.raises(LanguageRefused, match="en, fr, de, es"):
        set_candidate_language(session=session, candidate_id=candidate.id, language="it",
                               actor=None)
