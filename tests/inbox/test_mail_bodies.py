"""Applications whose resume is the mail itself, through a whole ingest pass over a real
Maildir: an HTML-only body used as the resume when no file is attached, and a Russian body sent
in KOI8-R without a charset parameter, decoded as resume files are."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Email
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from tests.fakes.mail_factory import build_email
from tests.inbox.conftest import ANALYST, BACKEND, deliver

SOFIA_HTML = """<html><head><style>p {margin: 0}</style></head><body>
<p>Dear hiring team,</p>
<p>I would like to apply for the Data Analyst position; my resume follows.</p>
<h2>Sofia Rossi</h2>
<p>+39 02 1234 5678 &middot; Milano, Italia &middot; sofia.rossi@example.it</p>
<h3>Experience</h3>
<table><tr><td><b>Data Analyst</b>, Banca Lombarda</td><td>2019 &ndash; 2024</td></tr></table>
<ul><li>Wrote SQL reports over the loans warehouse and built Tableau dashboards for risk.</li>
<li>Cleaned data in Python (pandas) and automated the monthly Excel pack for finance.</li></ul>
<h3>Skills</h3><p>SQL, Python, Tableau, Excel, Statistics, Power BI</p>
<p>Kind regards,<br>Sofia Rossi</p>
</body></html>"""

IVAN_BODY = """Здравствуйте!

Прошу рассмотреть мою кандидатуру на должность Senior Backend Engineer. Резюме ниже.

Иван Петров
Москва, Россия | +7 495 123-45-67 | ivan.petrov@example.ru

Опыт работы
Senior Backend Engineer, Яндекс (2018 - 2024)
- Разрабатывал REST APIs на Python и FastAPI, PostgreSQL в продакшене, Docker и Kubernetes.
- Ускорил запросы к PostgreSQL с 900 до 40 мс, настроил PgBouncer.

Навыки
Python, PostgreSQL, Docker, REST APIs, Kubernetes, AWS

С уважением,
Иван Петров
"""


def sofia_html_only() -> bytes:
    return build_email(sender="sofia.rossi@example.it", subject="Application: Data Analyst",
                       body="", html=SOFIA_HTML, message_id="<sofia-html@mail.example>")


def ivan_koi8r_without_charset() -> bytes:
    return (b"From: ivan.petrov@example.ru\nTo: jobs@hireops.example\n"
            b"Subject: Application: Senior Backend Engineer\nMessage-ID: <ivan-koi8@mail.example>\n"
            b"Date: Mon, 02 Nov 2026 09:30:00 +0000\nMIME-Version: 1.0\n"
            b"Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n"
            + IVAN_BODY.encode("koi8-r"))


def _email(session: Session, sender: str) -> Email:
    session.expire_all()
    return session.exec(select(Email).where(Email.from_address == sender)).one()


def _application(session: Session, candidate_id: int) -> Application:
    return session.exec(select(Application).where(Application.candidate_id == candidate_id)).one()


def test_html_only_application_body_is_the_resume(session, maildir, maildir_path: Path, jobs):
    deliver(maildir, sofia_html_only())
    summary = run_ingest_pass(source=MaildirSource(maildir_path))

    assert summary.failed == [] and summary.candidates_created == 1
    email = _email(session, "sofia.rossi@example.it")
    assert email.status == "processed" and email.category == "candidate_application"
    sofia = session.get(Candidate, email.candidate_id)
    assert sofia.full_name == "Sofia Rossi"
    assert sofia.phone == "+39 02 1234 5678" and sofia.location == "Milano, Italia"
    assert "Banca Lombarda" in sofia.resume_text and "<td>" not in sofia.resume_text
    assert sofia.resume_attachment_id is None
    # Recorded as such: HR sees the resume came from the mail's HTML body.
    assert "No resume file: the resume read from the email body (HTML) is scored." in email.warnings
    application = _application(session, sofia.id)
    assert application.job_id == jobs[ANALYST].id and application.resume_score is not None


def test_koi8r_body_without_charset_is_read(session, maildir, maildir_path: Path, jobs):
    deliver(maildir, ivan_koi8r_without_charset())
    summary = run_ingest_pass(source=MaildirSource(maildir_path))

    assert summary.failed == []
    email = _email(session, "ivan.petrov@example.ru")
    assert "Прошу рассмотреть мою кандидатуру" in email.body_text
    assert email.status == "processed" and email.category == "candidate_application"
    ivan = session.get(Candidate, email.candidate_id)
    assert "Разрабатывал REST APIs на Python" in ivan.resume_text
    assert ivan.location == "Москва, Россия" and ivan.phone == "+7 495 123-45-67"
    assert ivan.full_name == "Ivan Petrov"
    application = _application(session, ivan.id)
    assert application.job_id == jobs[BACKEND].id and application.resume_score >= 50
