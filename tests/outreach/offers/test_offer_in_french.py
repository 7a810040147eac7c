"""A French candidate's offer: the email, the letter and the DOCX's date in French, the
salary period and the defaults in French words."""

from __future__ import annotations

from babel.dates import format_date

from hireops.models import Candidate, Job, OutboxMessage
from hireops.services.outreach.offers import offer_letter_docx, preview_offer, send_offer
from hireops.services.outreach.outbox import attachments_of
from tests.outreach.offers.test_offers import START, _docx_text, _form


def _french(session, application):
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = "fr"
    job = session.get(Job, application.job_id)
    job.location = ""  # no place known: the letter says it is to be agreed
    session.add_all([candidate, job])
    session.commit()


def test_the_offer_and_its_letter_are_written_in_french(session, shortlisted, recruiter):
    _french(session, shortlisted)
    draft = preview_offer(session=session, application_id=shortlisted.id,
                          form=_form(other_terms=""), actor=recruiter)
    assert draft.email.subject.startswith("Votre offre")
    assert draft.letter_text.startswith("Bonjour Elena Petrova,")
    assert "Sam Recruiter" in draft.letter_text
    assert "Salaire\u202f: EUR 68,000 par an" in draft.letter_text
    assert f"Date de prise de poste\u202f: {format_date(START, 'full', locale='fr')}" in \
        draft.letter_text
    assert "Lieu de travail\u202f: à convenir" in draft.letter_text
    assert "Autres conditions\u202f: aucune." in draft.letter_text
    assert "per year" not in draft.letter_text and "to be agreed" not in draft.letter_text


def test_the_sent_docx_is_dated_in_french(session, shortlisted, recruiter):
    _french(session, shortlisted)
    offer = send_offer(session=session, application_id=shortlisted.id,
                       form=_form(salary_period="per month"), actor=recruiter)
    message = session.get(OutboxMessage, offer.outbox_id)
    (stored,) = attachments_of(session, message.id)
    letter = _docx_text(stored.content)
    assert "EUR 68,000 par mois" in letter
    # The letter's own date line: a French weekday, not an English one.
    english = _docx_text(offer_letter_docx(title="t", text="x", company_name="c"))
    french = _docx_text(offer_letter_docx(title="t", text="x", company_name="c",
                                          language="fr"))
    assert english.splitlines()[1] != french.splitlines()[1]
    assert french.splitlines()[1].split()[0] in {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
