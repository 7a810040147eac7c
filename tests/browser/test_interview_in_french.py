"""A French application from the inbox to the confirmed interview, in Chromium and in French:
the mail and resume are read as French, the invitation arrives in French at a real SMTP server,
the candidate takes the room in French (consent, questions, typed answers), the local engine
evaluates, HR approves the preferred slot, and the confirmation arrives in French with the day
written the French way."""

from __future__ import annotations

import mailbox
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import (
    AICall,
    Application,
    Candidate,
    Evaluation,
    InterviewLink,
    InterviewTurn,
    OutboxMessage,
)
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.platform.runtime_settings import save_settings
from tests.browser.conftest import ARTIFACTS
from tests.browser.rooms import answer_until_done
from tests.browser.signing_in import open_signed_in
from tests.browser.viewports import DESKTOP, page_at
from tests.fakes.mail_factory import DOCX, build_email, resume_docx
from tests.fakes.smtp_server import FakeSmtpServer
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser

JOB_TITLE = "Développeuse Python Django"
EMAIL = "camille.martin@exemple.fr"
MAIL_BODY = ("Bonjour,\n\nJe vous adresse ma candidature pour le poste de développeuse Python "
             "Django que vous proposez à Paris. Depuis cinq ans, je conçois des applications "
             "web et des API pour des équipes produit, et je serais ravie d'en discuter avec "
             "vous. Vous trouverez mon CV en pièce jointe.\n\nBien cordialement,\nCamille Martin")
RESUME = [
    "Camille Martin", EMAIL, "+33 6 12 34 56 78", "Paris, France",
    "Développeuse Python Django",
    "Expérience professionnelle",
    "Développeuse backend, Atelier Numérique, Paris (2020 - aujourd'hui)",
    "Conception d'API REST en Python et Django sur PostgreSQL pour une plateforme de "
    "réservation utilisée par deux cent mille clients.",
    "Mise en place des tests automatisés avec pytest et de l'intégration continue.",
    "Développeur web, Studio Lumière, Lyon (2018 - 2020)",
    "Applications Django, requêtes SQL optimisées, déploiement avec Docker.",
    "Formation : Master en informatique, Université de Lyon (2018)",
    "Compétences : Python, Django, PostgreSQL, REST, Docker, Git, pytest",
    "Langues : français (langue maternelle), anglais (courant)",
]
ANSWER = ("Dans mon poste actuel, j'ai conçu une API REST en Python et Django sur PostgreSQL "
          "qui sert deux cent mille clients. J'ai mesuré les requêtes lentes, ajouté des index "
          "et réduit le temps de réponse de 800 ms à 120 ms, puis écrit des tests avec pytest "
          "et expliqué les compromis à l'équipe produit.")
SLOT_ANSWER = "Jeudi à 15h, heure de Paris."
FRENCH_DATE = re.compile(
    r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre) \d{4}")
FRENCH_DAY = re.compile(r"(lundi|mardi|mercredi|jeudi|vendredi) " + FRENCH_DATE.pattern)
SMTP_SETTINGS = ("smtp_host", "smtp_port", "smtp_security")


def _wait_for(check, timeout_s: float = 60.0, what: str = "the app"):
    return wait_for(check, timeout_s, what)


def _shots(page: Page, name: str) -> None:
    """The page as it stands at desktop and phone width (kept in test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1440, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)
        page.screenshot(path=str(Path(ARTIFACTS) / f"interview_fr_{name}_{width}.png"),
                        full_page=True)


def _received(smtp: FakeSmtpServer, app_db, subject_start: str) -> EmailMessage:
    def found():
        for received in list(smtp.messages):
            message = received.parsed
            if message["To"] == EMAIL and str(message["Subject"]).startswith(subject_start):
                return message
        return None

    try:
        return _wait_for(found, 90, f"a mail {subject_start!r} at the SMTP server")
    except AssertionError as missing:
        # Say where the mail is: still waiting, failed, or delivered somewhere else.
        app_db.expire_all()
        rows = app_db.exec(select(OutboxMessage).where(OutboxMessage.to_address == EMAIL)).all()
        states = [(row.kind, row.status, row.delivered_to, row.attempts, row.last_error)
                  for row in rows]
        raise AssertionError(f"{missing}; the outbox for {EMAIL}: {states}") from None


def _text(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


@pytest.fixture
def smtp_for_the_app(running_app, app_db):
    """The running app sends through a real SMTP server on loopback for this test (Settings,
    as an admin sets it), and back to its folder afterwards."""
    with FakeSmtpServer() as smtp:
        save_settings(session=app_db, actor=None, values={
            "smtp_host": smtp.host, "smtp_port": smtp.port, "smtp_security": "none"})
        app_db.commit()
        try:
            yield smtp
        finally:
            save_settings(session=app_db, actor=None, values={}, clear=SMTP_SETTINGS)
            app_db.commit()


def test_a_french_application_is_interviewed_and_confirmed_in_french(
        page: Page, running_app, app_db, smtp_for_the_app):
    smtp = smtp_for_the_app
    # The rule holds every result for HR (no minimum resume, an interview bar nobody reaches,
    # nothing rejected), so the test reaches HR's approval whatever the local engine makes of
    # the answers; how it reads French answers is tested beside the engine.
    job = create_job(session=app_db, actor=None, form=JobForm(
        title=JOB_TITLE, location="Paris", must_have_skills=["Python", "Django", "PostgreSQL"],
        resume_min=0, interview_min=100, reject_below=0))
    app_db.commit()

    # 1. The application arrives by mail and HR syncs the inbox.
    mailbox.Maildir(running_app.maildir, create=True).add(build_email(
        sender=EMAIL, sender_name="Camille Martin", subject=f"Candidature : {JOB_TITLE}",
        body=MAIL_BODY, attachments=[("CV_Camille_Martin.docx", DOCX, resume_docx(RESUME))]))
    open_signed_in(page, running_app, "/inbox")
    page.click("#sync-now")
    expect(page.locator("#inbox-table")).to_contain_text(f"Candidature : {JOB_TITLE}",
                                                         timeout=60_000)

    def scored_application():
        app_db.expire_all()
        return app_db.exec(select(Application).join(Candidate).where(
            Candidate.email == EMAIL, Application.job_id == job.id,
            Application.resume_score.is_not(None))).first()

    application = _wait_for(scored_application, 90, "the scored application")
    candidate = app_db.get(Candidate, application.candidate_id)
    assert candidate.language == "fr"

    # 2. HR invites; the invitation reaches the SMTP server in French.
    issued = generate_link(session=app_db, application_id=application.id, actor=None)
    send_link(session=app_db, link_id=issued.link.id, actor=None)
    app_db.commit()
    invitation = _received(smtp, app_db, "Votre entretien pour le poste de " + JOB_TITLE)
    invitation_text = _text(invitation)
    assert invitation_text.startswith("Bonjour Camille Martin,")
    assert "Bien cordialement," in invitation_text and "Kind regards" not in invitation_text
    assert re.search(r"valable jusqu'au " + FRENCH_DATE.pattern, invitation_text), \
        invitation_text
    room_url = re.search(r"https?://\S+", invitation_text)[0]
    assert room_url == issued.url

    # 3. The candidate takes the room in French, from the link in the mail.
    with page_at(page.context.browser, DESKTOP) as candidate_page:
        _take_the_room(candidate_page, app_db, issued.link.id, room_url)

    # 4. The local engine evaluates the French interview; the rule holds it for HR.
    evaluation = _wait_for(lambda: app_db.expire_all() or app_db.exec(select(Evaluation).where(
        Evaluation.application_id == application.id, Evaluation.status == "ok")).first(),
        120, "the evaluation")
    assert evaluation.source == "engine" and 0 <= evaluation.score <= 100
    assert app_db.get(AICall, evaluation.ai_call_id).engine == "local"
    assert evaluation.preferred_slot_text == SLOT_ANSWER

    # 5. HR approves the candidate's preferred slot from the dashboard.
    page.goto(running_app.url + "/")
    card = page.locator(f"#decision-card-{application.id}")
    expect(card).to_contain_text("Camille Martin", timeout=30_000)
    expect(card).to_contain_text(SLOT_ANSWER)
    approve = card.locator(".approve-preferred")
    # HR reads the slot in the company's English.
    expect(approve).to_contain_text("Thu ", timeout=30_000)
    approve.click()
    page.locator("#approve-confirm").click()
    expect(page.get_by_text("Interview booked")).to_be_visible()

    # 6. The confirmation arrives in French, the day written the French way (and a narrow
    # no-break space before the colon), with a French calendar invitation.
    confirmation = _received(smtp, app_db, "Entretien confirmé\u202f: " + JOB_TITLE)
    text = _text(confirmation)
    assert text.startswith("Bonjour Camille Martin,")
    assert re.search(r"est confirmé\u202f: jeudi \d{1,2} \w+ \d{4}, 15:00–15:\d\d CE", text), text
    assert FRENCH_DAY.search(text) and "Thu" not in text and "Kind regards" not in text
    inline = next(p for p in confirmation.walk() if p.get_content_type() == "text/calendar")
    event = Calendar.from_ical(inline.get_content()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith(f"Entretien\u202f: {JOB_TITLE} (")
    assert str(event["DESCRIPTION"]) == f"Entretien de suivi pour le poste de {JOB_TITLE}."
    app_db.expire_all()
    assert app_db.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application.id,
        OutboxMessage.kind == "schedule")).one().status == "sent"


def _take_the_room(page: Page, session, link_id: int, url: str) -> None:
    page.goto(url)
    page.get_by_text("Bienvenue, Camille").wait_for()
    _shots(page, "welcome")
    page.click("#room-continue")

    page.get_by_text("Avant de commencer").wait_for()
    assert page.locator("#consent-refuse").inner_text() == "Je n'accepte pas"
    _shots(page, "consent")
    page.click("#consent-webcam")  # no camera in this browser: decline the analysis
    page.click("#consent-ai")
    page.click("#consent-submit")
    page.get_by_text("Test de la caméra et du micro").wait_for()
    page.click("#room-start")

    page.locator("#answer").wait_for()
    page.get_by_text("Question 1 sur").wait_for()
    _shots(page, "question")

    def photograph_the_second_answer(asked: int) -> None:
        if asked == 2:
            _shots(page, "interview")

    answer_until_done(page, session, link_id, answer=ANSWER, slot_answer=SLOT_ANSWER,
                      timeout_s=30, after_answer=photograph_the_second_answer)
    _shots(page, "done")
    assert "Thank you" not in page.content()

    session.expire_all()
    link = session.get(InterviewLink, link_id)
    assert link.status == "completed" and link.plan["language"] == "fr"
    assert link.preferred_slot_text == SLOT_ANSWER
    turns = session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)
                         .order_by(InterviewTurn.seq)).all()
    assert turns[0].text.startswith("Bonjour Camille")
    asked = [t.text for t in turns if t.speaker == "interviewer"]
    # Every question and reply of the interviewer is French (no English stock phrase).
    english = [text for text in asked if re.search(r"\b(the|your|you|what|how)\b", text, re.I)]
    assert english == []
