"""Reading and changing a candidate's language (HR's choice wins over the detected one)."""

from __future__ import annotations

from sqlmodel import Session

from hireops.models import User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.candidates.profile import get_candidate_or_raise
from hireops.services.text.language.supported import SUPPORTED_LANGUAGES, Language


class LanguageRefused(ValueError):
    """Not a language HireOps writes in; the message lists the ones it does."""


def get_candidate_language(*, session: Session, candidate_id: int) -> Language:
    """The language the candidate's emails and interview questions are written in."""
    language = get_candidate_or_raise(session=session, candidate_id=candidate_id).language
    return language if language in SUPPORTED_LANGUAGES else "en"  # type: ignore[return-value]


def set_candidate_language(*, session: Session, candidate_id: int, language: str,
                           actor: User | None) -> bool:
    """Change the candidate's language (audited, committed); False when it was already so."""
    if language not in SUPPORTED_LANGUAGES:
        raise LanguageRefused(f"HireOps writes to candidates in {', '.join(SUPPORTED_LANGUAGES)};"
                              f" {language[:20]!r} is not one of them.")
    candidate = get_candidate_or_raise(session=session, candidate_id=candidate_id)
    if candidate.language == language:
        return False
    record_event(session=session, action="candidate.language_changed", actor=actor,
                 entity_type="candidate", entity_id=candidate.id,
                 before={"language": candidate.language}, after={"language": language})
    candidate.language, candidate.updated_at = language, utcnow()
    session.add(candidate)
    session.commit()
    return True
