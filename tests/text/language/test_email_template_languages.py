"""Every email template exists in every language, with the placeholders English has, and the
candidate's language picks the text; HR's edits in Settings change English only; French text
is sent with a narrow no-break space before ? ! : ;, English never changed."""

from __future__ import annotations

import string

import pytest

from hireops.knowledge.loading import read_json
from hireops.services.outreach.email_templates import (
    TEMPLATE_KINDS,
    EmailTemplate,
    default_template,
    get_template,
    render_template,
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


FRENCH_VALUES = {"candidate_name": "Camille Dubois", "job_title": "Data Analyst",
                 "company_name": "Acme", "recruiter_name": "Sam", "slot": "jeudi 14 mars, 10:00"}


def test_a_french_template_written_with_ordinary_spaces_renders_with_no_break_ones():
    """French sets ? ! : ; after a narrow no-break space; a template written with an ordinary
    one (as people type) is sent with the no-break one, so the mark never wraps alone."""
    written = EmailTemplate(kind="schedule_confirmation", language="fr",
                            subject="Entretien confirmé : {job_title}",
                            body="Bonjour {candidate_name} !\n\nRendez-vous : {slot}. Des "
                                 "questions ? Répondez à cet e-mail ; merci.")
    mail = render_template(written, FRENCH_VALUES)
    assert mail.subject == "Entretien confirmé\u202f: Data Analyst"
    assert mail.text == ("Bonjour Camille Dubois\u202f!\n\nRendez-vous\u202f: jeudi 14 mars, "
                         "10:00. Des questions\u202f? Répondez à cet e-mail\u202f; merci.")
    assert "Rendez-vous\u202f: jeudi" in mail.html
    # The built-in French text, as sent.
    built_in = render_template(default_template("schedule_confirmation", "fr"), FRENCH_VALUES)
    assert built_in.subject == "Entretien confirmé\u202f: Data Analyst, jeudi 14 mars, 10:00"


def test_english_text_is_never_respaced():
    for language in ("en", "de", "es"):
        written = EmailTemplate(kind="schedule_confirmation", language=language,
                                subject="Confirmed : {job_title}", body="When : {slot} ?")
        mail = render_template(written, FRENCH_VALUES)
        assert (mail.subject, mail.text) == ("Confirmed : Data Analyst",
                                             "When : jeudi 14 mars, 10:00 ?"), language


def test_what_hr_types_into_a_french_mail_is_set_the_french_way_too():
    """A rejection reason or an offer's terms typed by HR with ordinary spaces before ? ! : ;
    reads like the French text around it; a link or a time in a value keeps its colon."""
    written = EmailTemplate(kind="rejection", language="fr", subject="Votre candidature",
                            body="Bonjour {candidate_name},\n\nMotif : {reason}\n{interview_link}")
    values = {**FRENCH_VALUES, "reason": "profil très solide ; poste pourvu en interne !",
              "interview_link": "https://jobs.acme.fr/i/abc?x=10:30"}
    mail = render_template(written, values)
    assert "Motif\u202f: profil très solide\u202f; poste pourvu en interne\u202f!" in mail.text
    assert "https://jobs.acme.fr/i/abc?x=10:30" in mail.text
    assert "poste pourvu en interne\u202f!" in mail.html
    english = render_template(EmailTemplate(kind="rejection", language="en", subject="Hi",
                                            body="Dear {candidate_name}: {reason}"), values)
    assert english.text.endswith("profil très solide ; poste pourvu en interne !")
