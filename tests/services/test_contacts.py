"""Contact details from real-looking resume headers, and the normal forms used for dedupe."""

from __future__ import annotations

import pytest

from hireops.services.contacts import (
    ContactInfo,
    normalize_email,
    normalize_phone,
    parse_contact_info,
)

US_RESUME = """MAYA CHEN
San Francisco, CA | maya.chen@gmail.com | (415) 555-0134
linkedin.com/in/maya-chen-data | https://github.com/mayachen/dashboards

SUMMARY
Data analyst with five years of SQL and Tableau.

EXPERIENCE
Senior Data Analyst, Acme Corp                          2018-2022
Data Analyst, Beta Inc                                  2015 - 2018
"""

UK_RESUME = """James O'Neil
London, UK • +44 20 7946 0321 • james.oneil@example.co.uk
https://uk.linkedin.com/in/JamesONeil/

Professional Experience
Backend Engineer, Monzo              Jan 2019 - Present
Software Engineer, Barclays          01/2015 - 12/2018
"""

FRENCH_RESUME = """Curriculum Vitae

Jean-Luc Dupont
Adresse : 12 rue de la Paix, 75002 Paris, France
Tél. : 06 12 34 56 78
Email : jl.dupont@orange.fr

Expérience professionnelle
2019-2023  Analyste de données, Société Générale
"""

GERMAN_RESUME = """Lebenslauf

Dr. Anna Schmidt
Hauptstraße 5, 10115 Berlin
Telefon: +49 30 123456
E-Mail: anna.schmidt@web.de

Berufserfahrung
03/2019 - 01/2021  Data Engineer, Zalando
"""


def test_us_header() -> None:
    info = parse_contact_info(resume_text=US_RESUME, from_address="other@example.com")
    assert info == ContactInfo(
        name="Maya Chen", email="maya.chen@gmail.com", phone="(415) 555-0134",
        linkedin_url="https://www.linkedin.com/in/maya-chen-data",
        github_url="https://github.com/mayachen", location="San Francisco, CA")


def test_uk_header() -> None:
    info = parse_contact_info(resume_text=UK_RESUME)
    assert info.name == "James O'Neil"
    assert info.phone == "+44 20 7946 0321"
    assert info.email == "james.oneil@example.co.uk"
    assert info.linkedin_url == "https://www.linkedin.com/in/JamesONeil"
    assert info.location == "London, UK"


def test_french_header_with_labels() -> None:
    info = parse_contact_info(resume_text=FRENCH_RESUME)
    assert info.name == "Jean-Luc Dupont"  # the "Curriculum Vitae" heading is skipped
    assert info.phone == "06 12 34 56 78"
    assert info.email == "jl.dupont@orange.fr"
    assert info.location == "Paris, France"  # street and postcode dropped


def test_german_header() -> None:
    info = parse_contact_info(resume_text=GERMAN_RESUME)
    assert info.name == "Anna Schmidt"
    assert info.phone == "+49 30 123456"
    assert info.email == "anna.schmidt@web.de"
    # "Hauptstraße 5, 10115 Berlin" has no label and no country: left empty, not guessed.
    assert info.location == ""


@pytest.mark.parametrize("text", [
    "Experience\nAcme 2018-2022\nBeta 2015 - 2018",
    "Experience\n01/2019 - 03/2021 Analyst\n2019-03-01 started",
    "Projects\nCompleted in 2019 2020 2021",
    "Server 192.168.10.12 and ZIP 94107-1234",
    "Order reference 12345678",  # digits with no label and no grouping read as an id
])
def test_dates_years_and_ids_are_not_phones(text: str) -> None:
    assert parse_contact_info(resume_text=text).phone == ""


def test_labelled_phone_further_down_is_found() -> None:
    text = "Maya Chen\n" + "Summary line\n" * 20 + "Mobile: 4155550134\n"
    assert parse_contact_info(resume_text=text).phone == "4155550134"


def test_first_of_two_phones_on_a_line() -> None:
    text = "Anna Schmidt\nTel.: 0171/1234567 / 030 123456"
    assert parse_contact_info(resume_text=text).phone == "0171/1234567"


def test_phone_inside_a_profile_url_is_ignored() -> None:
    text = "Maya Chen\nhttps://www.linkedin.com/in/maya-chen-12345678"
    assert parse_contact_info(resume_text=text).phone == ""


def test_sender_email_when_the_resume_has_none() -> None:
    info = parse_contact_info(resume_text="Maya Chen\nData analyst", from_name="Maya Chen",
                              from_address="Maya.Chen@Example.com")
    assert info.email == "maya.chen@example.com"


def test_resume_email_preferred_over_sender() -> None:
    info = parse_contact_info(resume_text="Maya Chen\nmaya@personal.dev",
                              from_address="maya.chen@work.example")
    assert info.email == "maya@personal.dev"


def test_name_falls_back_to_sender_display_name() -> None:
    # A job title on the first line looks like a name but is not one.
    info = parse_contact_info(resume_text="Senior Software Engineer\n10 years of Python",
                              from_name="Priya Natarajan", from_address="pn@example.com")
    assert info.name == "Priya Natarajan"


def test_name_falls_back_to_email_local_part() -> None:
    info = parse_contact_info(resume_text="I am a nurse with ten years in the ICU.",
                              from_name="", from_address="maya.chen@hospital.org")
    assert info.name == "Maya Chen"


def test_no_name_from_organisation_sender() -> None:
    info = parse_contact_info(resume_text="", from_name="Support Team",
                              from_address="noreply@jobs.example")
    assert info == ContactInfo()


def test_control_characters_stripped_and_lengths_capped() -> None:
    info = parse_contact_info(resume_text="", from_name="Maya\x00 Chen\u202e",
                              from_address="maya@example.com")
    assert info.name == "Maya Chen"
    long = parse_contact_info(resume_text="Location: " + "Paris, " * 100 + "France")
    assert len(long.location) <= 160


def test_unlabelled_comma_pair_must_name_a_region() -> None:
    info = parse_contact_info(resume_text="Maya Chen\nPython, Django\nSQL, Tableau")
    assert info.location == ""


@pytest.mark.parametrize("raw, expected", [
    ("Maya.Chen+jobs@GoogleMail.com", "mayachen@gmail.com"),
    ("  mailto:m.a.y.a@gmail.com ", "maya@gmail.com"),
    ("<Bob.Smith+x@Example.com>", "bob.smith+x@example.com"),  # other domains: case only
    ("", ""),
])
def test_normalize_email(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("+1 415 555 0134", "14155550134"),
    ("(415) 555-0134", "4155550134"),
    ("+44 (0)20 7946 0321", "442079460321"),
    ("0044 20 7946 0321", "442079460321"),
    ("020 7946 0321", "2079460321"),  # trunk 0 dropped: a suffix of the international form
    ("06 12 34 56 78", "612345678"),
    ("+33 6 12 34 56 78", "33612345678"),
    ("+49 30 123456", "4930123456"),
    ("555-01", ""),
    ("", ""),
])
def test_normalize_phone(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected
