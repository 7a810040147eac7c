"""The local email classifier on realistic applications, invoices, newsletters and questions."""

from __future__ import annotations

import pytest

from hireops.services.ai.local.classifier import classify_email
from hireops.services.ai.schemas import EmailInput
from tests.linear_time import assert_linear
from tests.sample_resumes import WAREHOUSE_RESUME as RESUME_TEXT


def _application_en(**overrides) -> EmailInput:
    values = dict(
        subject="Application for Senior Backend Engineer",
        from_name="Jane Doe",
        from_address="jane.doe@gmail.com",
        attachment_names=["Jane_Doe_CV.pdf"],
        body=(
            "Hello,\n\nI am applying for the Senior Backend Engineer position advertised on your "
            "careers page. I have eight years of experience building payment systems in Go and "
            "PostgreSQL. Please find attached my CV.\n\nBest regards,\nJane Doe\n+44 7700 900123"
        ),
    )
    values.update(overrides)
    return EmailInput(**values)


def test_english_application_with_cv():
    result = classify_email(_application_en())
    assert result.category == "candidate_application"
    assert result.confidence >= 0.9
    assert result.detected_name == "Jane Doe"
    assert result.detected_role == "Senior Backend Engineer"
    assert "Jane_Doe_CV.pdf" in result.reasoning and "applying" in result.reasoning


def test_english_application_without_attachment_is_still_an_application():
    result = classify_email(_application_en(attachment_names=[], subject="Backend role"))
    assert result.category == "candidate_application"
    assert result.detected_role == "Senior Backend Engineer"
    # Fewer signals, less confidence than with a CV attached.
    assert result.confidence < classify_email(_application_en()).confidence


def test_french_application():
    result = classify_email(EmailInput(
        subject="Candidature : Data Analyst",
        from_address="lucie.martin@orange.fr",
        attachment_names=["CV_Lucie_Martin.pdf", "Lettre_de_motivation.docx"],
        body=("Madame, Monsieur,\n\nJe souhaite postuler au poste de Data Analyst publié sur "
              "Welcome to the Jungle. Vous trouverez ci-joint mon CV et ma lettre de motivation.\n\n"
              "Cordialement,\nLucie Martin"),
    ))
    assert result.category == "candidate_application"
    assert result.detected_name == "Lucie Martin"
    assert result.detected_role == "Data Analyst"
    assert "French" in result.reasoning


def test_french_application_without_attachment_with_elided_role():
    result = classify_email(EmailInput(
        subject="Candidature spontanée",
        from_address="t.bernard@free.fr",
        body="Bonjour,\nJe vous adresse ma candidature pour le poste d'Ingénieur DevOps.\nCordialement,\nThomas Bernard",
    ))
    assert result.category == "candidate_application"
    assert result.detected_role == "Ingénieur DevOps"
    assert result.detected_name == "Thomas Bernard"


def test_german_application_without_attachment():
    result = classify_email(EmailInput(
        subject="Bewerbung als Softwareentwickler",
        from_address="max.mustermann@web.de",
        body=("Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die Stelle als "
              "Softwareentwickler. Ich habe fünf Jahre Erfahrung mit Java und Spring Boot.\n\n"
              "Mit freundlichen Grüßen\nMax Mustermann"),
    ))
    assert result.category == "candidate_application"
    assert result.detected_role == "Softwareentwickler"
    assert result.detected_name == "Max Mustermann"


def test_german_application_with_lebenslauf():
    result = classify_email(EmailInput(
        subject="Unterlagen",
        from_address="s.schmidt@gmx.de",
        attachment_names=["Lebenslauf_Schmidt.pdf", "Anschreiben.pdf"],
        body="Guten Tag,\nanbei meine Unterlagen.\nViele Grüße\nSabine Schmidt",
    ))
    assert result.category == "candidate_application"
    assert "Lebenslauf_Schmidt.pdf" in result.reasoning


def test_spanish_application():
    result = classify_email(EmailInput(
        subject="Solicitud para el puesto de Diseñadora UX",
        from_name="Ana García López",
        from_address="ana.garcia@correo.es",
        attachment_names=["curriculum_ana_garcia.pdf"],
        body="Hola,\n\nMe gustaría aplicar al puesto de Diseñadora UX. Adjunto mi CV.\n\nSaludos cordiales,\nAna",
    ))
    assert result.category == "candidate_application"
    assert result.detected_name == "Ana García López"
    assert result.detected_role == "Diseñadora UX"


def test_spanish_application_without_attachment():
    result = classify_email(EmailInput(
        subject="Postulación: Analista de Datos",
        from_address="jperez@gmail.com",
        body="Buenos días, quisiera aplicar a la vacante. Tengo tres años de experiencia con SQL.\nAtentamente,\nJuan Pérez",
    ))
    assert result.category == "candidate_application"
    assert result.detected_role == "Analista de Datos"


def test_invoice_with_pdf_is_not_an_application():
    result = classify_email(EmailInput(
        subject="Invoice #2024-118 from Acme Cloud",
        from_name="Acme Billing",
        from_address="billing@acmecloud.io",
        attachment_names=["Invoice_2024-118.pdf"],
        body=("Hello,\n\nPlease find attached your invoice for March. Amount due: $1,240.00. "
              "Due date: April 15.\n\nThank you for your business,\nAcme Cloud"),
        attachment_text="INVOICE\nInvoice number 2024-118\nCompute hours 1,200\nTotal due $1,240.00",
    ))
    assert result.category == "general"
    assert result.confidence >= 0.8
    assert "invoice" in result.reasoning.lower()
    assert result.detected_name == ""


def test_newsletter_with_pdf_is_not_an_application():
    result = classify_email(EmailInput(
        subject="HR Weekly: our March newsletter",
        from_name="HR Weekly",
        from_address="news@hrweekly.com",
        attachment_names=["march_edition.pdf"],
        body=("This month: ten tips for hiring engineers, and how to write a better job application "
              "page.\nView this email in your browser.\nUnsubscribe | Manage preferences"),
    ))
    assert result.category == "general"
    assert "unsubscribe" in result.reasoning.lower()


def test_general_question():
    result = classify_email(EmailInput(
        subject="Visitor parking",
        from_name="Tom Baker",
        from_address="tom.baker@example.com",
        body="Hi, is there visitor parking near your office on Friday? Thanks, Tom",
    ))
    assert result.category == "general"
    assert 0.5 <= result.confidence < 0.8
    assert result.detected_name == "Tom Baker"


def test_resume_text_in_an_unnamed_attachment_is_an_application():
    result = classify_email(EmailInput(
        subject="Documents", from_address="k.lee@gmail.com", attachment_names=["scan.pdf"],
        body="Hi, see attached.", attachment_text=RESUME_TEXT,
    ))
    assert result.category == "candidate_application"
    assert result.detected_name == "Kevin Lee"
    assert "reads like a resume" in result.reasoning


def test_empty_message_is_unknown():
    result = classify_email(EmailInput())
    assert result.category == "unknown"
    assert result.confidence <= 0.3


def test_cv_next_to_billing_wording_is_unknown():
    result = classify_email(EmailInput(
        subject="Invoice overdue", attachment_names=["cv.pdf"],
        body="Your invoice is overdue. Amount due: 300 EUR.",
    ))
    assert result.category in ("unknown", "general")
    assert result.category != "candidate_application"


@pytest.mark.parametrize("name", ["Marketing Team", "noreply", "Acme GmbH", "Billing 2024"])
def test_company_senders_are_not_names(name):
    assert classify_email(EmailInput(from_name=name, subject="Hello", body="Hi")).detected_name == ""


def test_classification_is_deterministic():
    assert classify_email(_application_en()) == classify_email(_application_en())


def test_person_name_is_linear_on_a_line_of_long_capitalised_words():
    # The name-word pattern once split "Developer" every possible way: seconds per line, and
    # twice as long for each letter more.
    from hireops.services.ai.local.classifier import person_name

    words = "Education Details Hadoop Developer Hadoop Developer".split()
    assert person_name(" ".join(words)) == ""
    assert person_name("Jean-Luc O'Neil McDonald") == "Jean-Luc O'Neil McDonald"
    assert_linear(person_name, " ".join(words),
                  " ".join(word[0] + word[1:] * 16 for word in words))


def test_russian_application_without_a_file() -> None:
    body = ("Здравствуйте!\n\nПрошу рассмотреть мою кандидатуру на вакансию инженера. Резюме "
            "ниже.\n\nОпыт работы\nЯндекс, 2018 - 2024\n\nОбразование\nМГУ, 2018")
    result = classify_email(EmailInput(subject="Вакансия: инженер", from_address="i@example.ru",
                                       from_name="", attachment_names=[], body=body,
                                       attachment_text=""))
    assert result.category == "candidate_application"
    assert "Russian or Ukrainian application wording" in result.reasoning
