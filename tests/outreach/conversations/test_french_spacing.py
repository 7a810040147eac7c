"""A message HR writes to a French candidate is sent with a narrow no-break space before
? ! : ; (French typography, so the mark never wraps alone); to anyone else, as written."""

from __future__ import annotations

from hireops.models import Application
from hireops.services.outreach.conversations import draft_from_template, preview_message
from tests.factories import make_application, make_candidate, make_user

SUBJECT = "Une question : {job_title}"
BODY = "Bonjour {candidate_name} !\n\nQuand pourriez-vous commencer ? Merci ; à bientôt."


def _preview(session, language: str):
    candidate = make_candidate(session, language=language)
    application = make_application(session, candidate=candidate)
    session.commit()
    return preview_message(session=session, candidate_id=candidate.id,
                           application_id=application.id, subject=SUBJECT, body=BODY,
                           actor=make_user(session))


def test_a_message_to_a_french_candidate_gets_the_narrow_no_break_spaces(session):
    mail = _preview(session, "fr")
    assert mail.subject == "Une question\u202f: Backend Engineer"
    assert mail.text == ("Bonjour Ada Lovelace\u202f!\n\nQuand pourriez-vous commencer\u202f? "
                         "Merci\u202f; à bientôt.")


def test_a_message_to_an_english_candidate_is_sent_as_written(session):
    mail = _preview(session, "en")
    assert mail.subject == "Une question : Backend Engineer"
    assert "commencer ? Merci ; à" in mail.text


def test_the_french_draft_starts_with_the_narrow_spaces(session):
    candidate = make_candidate(session, language="fr")
    about_job = make_application(session, candidate=candidate)
    about_pool = Application(candidate_id=candidate.id, job_id=None)
    session.add(about_pool)
    session.commit()
    for application in (about_job, about_pool):
        subject, body = draft_from_template(session=session, template_kind="message_update",
                                            candidate_id=candidate.id,
                                            application_id=application.id)
        assert "\u202f:" in body and " :" not in body
