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


MAIL_BODY = ("Hello,\n\nI am applying for the Data Analyst role. My resume is attached.\n\n"
             "Kind regards")
PLAINLY_ENGLISH = [
    MAIL_BODY, ENGLISH_RESUME,
    "Dear hiring team, please find my CV attached. I have worked with Python for six years and "
    "would be glad to talk about the role.",
    "Responsible for the design of the data platform; developed ETL pipelines using Airflow and "
    "managed a team of three engineers through the migration to the cloud.",
]
NOT_PLAINLY_ENGLISH = [
    "Bonjour, je vous envoie ma candidature pour le poste de développeur backend. Vous "
    "trouverez mon CV en pièce jointe.",
    "Guten Tag, anbei sende ich Ihnen meine Bewerbung als Backend-Entwickler, ich war am "
    "Standort in Berlin tätig und habe das Team aufgebaut.",
    "Hola, les envío mi candidatura para el puesto de desarrollador backend. Adjunto mi "
    "currículum con mi experiencia.",
    "Buongiorno, vi invio la mia candidatura per la posizione di sviluppatore backend.",
    "Python Django Kubernetes AWS Terraform Docker Redis Kafka React GraphQL CI/CD",
    # English words in a French mail do not make it English.
    "Bonjour, voici mon CV: Python, the cloud and the data team, je suis disponible pour un "
    "entretien à Paris la semaine prochaine avec plaisir.",
]


@pytest.mark.parametrize("text", PLAINLY_ENGLISH)
def test_the_model_agrees_with_every_plainly_english_text(text):
    from hireops.services.text.language.detection import _identifier, plainly_english

    assert plainly_english(text)
    language, probability = _identifier().classify(text)
    assert (language, probability >= 0.80) == ("en", True)


@pytest.mark.parametrize("text", NOT_PLAINLY_ENGLISH)
def test_other_texts_are_left_to_the_model(text):
    from hireops.services.text.language.detection import plainly_english

    assert not plainly_english(text)


def test_a_plainly_english_mail_never_loads_the_model():
    """The model is 75 MB in every process that reads mail: a plain English mail must not
    need it (run in a fresh process, where nothing loaded it before)."""
    import subprocess
    import sys

    script = f"""
import sys
from hireops.services.text.language.detection import detect_language
assert detect_language({MAIL_BODY!r}, "Lebenslauf") == "en"
print("py3langid" in sys.modules)
"""
    loaded = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                            text=True).stdout.strip()
    assert loaded == "False"


def test_the_model_is_mapped_not_held():
    """In a fresh process, its files unpacked: detecting a French mail costs the pages the
    walk touched (the kernel maps 64 KB around each: about 37 MB), where holding the model
    cost 75 MB; mapped pages are shared between processes and the kernel can drop them."""
    import subprocess
    import sys

    from hireops.services.text.language.model_files import ensure_model_folder

    ensure_model_folder()
    script = """
def kb(field):
    return next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith(field + ":"))
from hireops.services.text.language.detection import detect_language
before = kb("VmRSS")
assert detect_language("Bonjour, je souhaite postuler au poste de Product Designer. Vous "
                       "trouverez mon CV en pièce jointe.") == "fr"
print(kb("VmRSS") - before, kb("VmHWM") - before)
"""
    grown, peak = map(int, subprocess.run([sys.executable, "-c", script], check=True,
                                          capture_output=True, text=True).stdout.split())
    assert grown < 50_000, f"+{grown} kB resident"
    assert peak < 50_000, f"+{peak} kB at the peak"


def test_the_model_pages_are_let_go_after_each_text():
    """One French mail touched 20-35 MB of the model's mapped pages, and the process held them
    for good; they are given back once the text is read (mapped files: RssFile)."""
    import subprocess
    import sys

    from hireops.services.text.language.model_files import ensure_model_folder

    ensure_model_folder()
    script = """
def kb():
    return next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith("RssFile:"))
from hireops.services.text.language.detection import detect_language
import py3langid.langid  # its own code's pages are not the model's
before = kb()
for text in ("Bonjour, je souhaite postuler au poste de Product Designer. Vous trouverez mon "
             "CV en pièce jointe.", "Guten Tag, anbei sende ich Ihnen meine Bewerbung."):
    assert detect_language(text) in ("fr", "de")
print(kb() - before)
"""
    grown = int(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                               text=True).stdout)
    assert grown < 4_000, f"+{grown} kB of mapped files kept"
