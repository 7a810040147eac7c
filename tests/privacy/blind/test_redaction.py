"""Redaction of a resume for blind screening: what identifies a person goes, what proves their
skills and experience stays, punctuation included."""

from __future__ import annotations

import pytest

from hireops.services.privacy.redaction import redact_resume
from tests.linear_time import assert_linear


# What a resume may say about the person beyond their work, by the placeholder that replaces it:
# each (text, the part that must go).
PERSONAL_DETAILS = {
    "[address]": [
        ("Address: 12 rue de la Paix, 75002 Paris\nPython developer", "rue de la Paix"),
        ("Adresse : 4 bis avenue Jean Jaurès 69007 Lyon", "Jean Jaurès"),
        ("Lives at 221B Baker Street, London NW1 6XE.", "Baker Street"),
        ("1600 Amphitheatre Parkway, Mountain View", "Amphitheatre"),
        ("Contact: 7 place Bellecour, 69002 Lyon", "Bellecour"),
    ],
    "[date of birth]": [
        ("Née le 3 mars 1990 à Lyon", "1990"),
        ("Né le 12/04/1988", "1988"),
        ("Date de naissance : 03/03/1990", "1990"),
        ("Born 3 March 1990 in Leeds", "1990"),
        ("DOB: 1990-03-03", "1990"),
    ],
    "[nationality]": [
        ("Nationality: French\nSkills: Python", "French"),
        ("Nationalité : française", "française"),
        ("Citizenship: Brazilian; work permit EU", "Brazilian"),
    ],
    "[age]": [
        ("Age: 34\nPython", "34"),
        ("Âge : 29 ans", "29"),
        ("A 41 years old engineer", "41"),
        ("Aged 52, I lead teams", "52"),
    ],
    "[marital status]": [
        ("Marital status: married, two children", "married"),
        ("Situation familiale : mariée", "mariée"),
        ("Célibataire, permis B", "Célibataire"),
        ("Married, one child. Python developer.", "Married"),
        ("Divorced; Go and Rust", "Divorced"),
    ],
}


@pytest.mark.parametrize("placeholder, text, gone", [
    (placeholder, text, gone)
    for placeholder, examples in PERSONAL_DETAILS.items() for text, gone in examples
])
def test_personal_details_are_replaced_by_their_placeholder(placeholder, text, gone):
    redacted = redact_resume(text)

    assert gone not in redacted, redacted
    assert placeholder in redacted


def test_years_of_experience_are_not_an_age():
    text = "10 years of experience; 12 ans d'expérience en Python"

    assert redact_resume(text) == text


def test_single_sign_on_is_not_a_marital_status():
    text = "Built single sign-on and a single-page app."

    assert redact_resume(text) == text


def test_gendered_french_words_are_neutral():
    text = ("Madame Dupont. Elle a dirigé une équipe; il a relu son code. "
            "Mme Durand et M. Martin. Elles ont livré, ils ont testé.")

    redacted = redact_resume(text)

    for gone in ("Madame", "Elle ", " il ", "Mme", "M. ", "Elles", " ils "):
        assert gone not in redacted, (gone, redacted)
    assert "Iel a dirigé" in redacted and "iel a relu" in redacted
    assert "Iels ont livré" in redacted and "iels ont testé" in redacted


def test_full_stops_stay_after_pronouns():
    redacted = redact_resume("Her manager praised her. He said so. Ask him.")

    assert redacted == "Their manager praised them. They said so. Ask them."


def test_titles_lose_their_full_stop_but_sentences_keep_theirs():
    assert redact_resume("Mrs. Silva led it.", names=("Silva",)) == "[name] led it."


@pytest.mark.parametrize("text", ["(2018 - 2021)", "Acme (2015-2019)", "2019 – 2023.",
                                  "(2001 - 2004, 2006 - 2010)"])
def test_year_ranges_are_kept_with_their_brackets(text):
    assert redact_resume(text) == text


def test_dates_written_year_first_are_not_phone_numbers():
    assert redact_resume("Shipped on 2024-03-01 (v2)") == "Shipped on 2024-03-01 (v2)"


def test_phone_numbers_in_brackets_are_still_redacted():
    redacted = redact_resume("Call (415) 555-0134 or +33 (0)6 12 34 56 78.")

    assert "555" not in redacted and "56 78" not in redacted
    assert redacted.endswith(".")


def test_known_details_of_the_person_are_redacted():
    redacted = redact_resume("Based in Villeurbanne; mail me at home.",
                             details=("Villeurbanne",))

    assert "Villeurbanne" not in redacted


# (before, the piece repeated, how many times, after): one pattern retried from every position
# of such a run (quadratic) took about ten seconds on the ~40,000 characters.
@pytest.mark.parametrize(("before", "piece", "times", "after"), [
    ("", "1", 20_000, " rue"),
    ("Né le ", "1 ", 20_000, ""),
    ("Nationality:", " ", 40_000, "x"),
    ("12 ", "a ", 40_000, "Street"),
    ("", "1 A ", 10_000, ""),
    ("", "(", 20_000, "2018"),
])
def test_hostile_text_is_redacted_in_linear_time(before, piece, times, after):
    def hostile(repeats: int) -> str:
        return (before + piece * repeats + after) * 2

    assert_linear(redact_resume, hostile(times // 16), hostile(times))
