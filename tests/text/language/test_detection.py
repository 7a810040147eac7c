"""The candidate's language, read from what they send: clear texts decide, short, mixed or
unsupported ones fall back to English, and the candidate's own words outrank the resume."""

from __future__ import annotations

import pytest

from hireops.services.text.language.detection import detect_language
from hireops.services.text.language.supported import supported_language

ENGLISH_RESUME = (
    "Senior backend engineer with eight years of experience building payment APIs in Python "
    "and PostgreSQL. Led a team of four, moved the monolith to services on Kubernetes, and "
    "cut the p95 latency of the checkout by half.")


@pytest.mark.parametrize(("text", "language"), [
    ("Bonjour, je vous envoie ma candidature pour le poste de développeur backend. Vous "
     "trouverez mon CV en pièce jointe. Je reste à votre disposition pour un entretien.", "fr"),
    ("Guten Tag, anbei sende ich Ihnen meine Bewerbung als Backend-Entwickler. Meinen "
     "Lebenslauf finden Sie im Anhang. Ich freue mich auf Ihre Rückmeldung.", "de"),
    ("Hola, les envío mi candidatura para el puesto de desarrollador backend. Adjunto mi "
     "currículum. Quedo a su disposición para una entrevista.", "es"),
    (ENGLISH_RESUME, "en"),
])
def test_a_clear_text_gives_its_language(text, language):
    assert detect_language(text) == language


def test_short_texts_fall_back_to_english():
    assert detect_language("Bonjour") == "en"
    assert detect_language("CV ci-joint.", "") == "en"
    assert detect_language("") == "en"


def test_a_language_we_do_not_speak_falls_back_to_english():
    italian = ("Buongiorno, vi invio la mia candidatura per la posizione di sviluppatore "
               "backend. In allegato trovate il mio curriculum vitae. Resto a disposizione.")
    assert detect_language(italian) == "en"


def test_the_candidates_own_words_outrank_an_english_resume():
    body = ("Bonjour, je suis très intéressée par votre offre et je vous adresse mon CV en "
            "anglais, car j'ai travaillé longtemps à Londres.")
    assert detect_language(body, ENGLISH_RESUME) == "fr"


def test_a_too_short_message_leaves_the_resume_to_decide():
    german_resume = ("Berufserfahrung: acht Jahre als Softwareentwickler bei einer Bank in "
                     "Frankfurt, verantwortlich für die Zahlungsschnittstellen und das Team.")
    assert detect_language("Hi, CV attached.", german_resume) == "de"


def test_a_mixed_text_without_a_clear_majority_is_not_guessed():
    mixed = "Python Django Kubernetes AWS Terraform Docker Redis Kafka React GraphQL CI/CD"
    assert detect_language(mixed) == "en"


def test_language_codes_are_narrowed_to_the_four_we_speak():
    assert [supported_language(code) for code in ("fr-CA", "DE", "es_MX", "it", "", None)] \
        == ["fr", "de", "es", "en", "en", "en"]


def test_the_compact_model_answers_as_py3langids_own_loader():
    """Our loader keeps views of the model's arrays instead of py3langid's copies: the same
    language and the same probability for texts of every kind, bytes the DFA has never seen
    included."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from hireops.services.text.language.detection import _identifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [ENGLISH_RESUME, "Bonjour, je vous envoie ma candidature, mon CV est en pièce jointe.",
             "Guten Tag, anbei mein Lebenslauf.", "Hola, adjunto mi currículum vitae.",
             "Москва, опыт работы восемь лет", "東京都の開発者です。よろしくお願いします。",
             "مرحبا، أرسل لكم سيرتي الذاتية", "x" * 500, "\x00\x01\uffff 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", ""]
    for text in texts:
        language, probability = _identifier().classify(text)
        expected_language, expected_probability = reference.classify(text)
        assert language == expected_language
        assert probability == pytest.approx(expected_probability, abs=1e-6)
