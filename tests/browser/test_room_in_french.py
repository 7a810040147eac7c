"""A French candidate's interview room on a phone: the notice, the checks, the questions and
the interviewer's replies in French, and the same room at desktop width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from hireops.models import InterviewLink, InterviewTurn
from tests.browser.conftest import ARTIFACTS
from tests.browser.rooms import invite_to_room
from tests.browser.viewports import PHONE, page_at

pytestmark = pytest.mark.browser

ANSWER_FR = ("Dans mon dernier poste, j'ai conçu une API REST en Python sur PostgreSQL qui "
             "servait deux millions de requêtes par jour. J'ai ajouté des index et réduit la "
             "latence de 800 ms à 120 ms, puis écrit des tests d'intégration.")


def _invite_french(session: Session) -> tuple[str, int]:
    url, link_id, _candidate_id = invite_to_room(
        session, name="Camille Dubois", email="camille@example.fr", language="fr",
        title="Ingénieure backend")
    return url, link_id


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(Path(ARTIFACTS) / name), full_page=True)


def test_a_french_candidate_takes_the_room_in_french_on_a_phone(running_app, app_db, chromium):
    url, link_id = _invite_french(app_db)
    with page_at(chromium, PHONE) as page:
        page.goto(url)
        page.get_by_text("Bienvenue, Camille").wait_for()
        page.get_by_text("Voici le premier entretien pour le poste").wait_for()
        _shot(page, "room_fr_welcome_390.png")
        page.click("#room-continue")

        page.get_by_text("Avant de commencer").wait_for()
        page.get_by_text("Analyse de la caméra (facultative).").wait_for()
        assert page.locator("#consent-refuse").inner_text() == "Je n'accepte pas"
        assert "Before we start" not in page.content()
        _shot(page, "room_fr_consent_390.png")
        page.click("#consent-webcam")  # no camera in this browser: decline the analysis
        page.click("#consent-ai")
        page.click("#consent-submit")

        page.get_by_text("Test de la caméra et du micro").wait_for()
        page.get_by_text("L'analyse de la caméra est désactivée, comme vous l'avez choisi.") \
            .wait_for()
        _shot(page, "room_fr_check_390.png")
        page.click("#room-start")

        page.locator("#answer").wait_for()
        page.get_by_text("Question 1 sur").wait_for()
        assert page.locator("#answer").get_attribute("placeholder") == \
            "Écrivez votre réponse ici…"
        page.click("#send-answer")  # nothing typed: refused in French
        page.get_by_text("Veuillez d'abord écrire ou dire une réponse.").wait_for()

        asked = page.locator(".room-turn").count()
        page.fill("#answer", ANSWER_FR)
        page.click("#send-answer")
        page.locator(".room-turn").nth(asked + 1).wait_for()
        # The next question, or a follow-up on the same one: either way counted in French.
        assert re.fullmatch(r"Question \d sur \d", page.locator("#progress").inner_text())
        assert page.locator(".room-turn", has_text="Vous").count() >= 1
        _shot(page, "room_fr_interview_390.png")

        app_db.expire_all()
        turns = app_db.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)
                            .order_by(InterviewTurn.seq)).all()
        assert turns[0].text.startswith("Bonjour Camille")
        assert any(t.speaker == "candidate" and t.text == ANSWER_FR for t in turns)
        # The interviewer's reply after the answer is French too, and on the page.
        reply = turns[-1]
        assert reply.speaker == "interviewer"
        page.get_by_text(reply.text[:40]).wait_for()
        assert app_db.get(InterviewLink, link_id).plan["language"] == "fr"

        page.set_viewport_size({"width": 1440, "height": 900})
        page.get_by_text("Question 1 sur").or_(page.get_by_text("Question 2 sur")).wait_for()
        _shot(page, "room_fr_interview_1440.png")
