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


# Every ? ! : ; after a space in the text on screen: what precedes it, whether that space is the
# narrow no-break one, and whether the mark was laid out on another line than the word before.
_FRENCH_MARKS_JS = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.nodeValue, shown = node.parentElement;
    if (!shown || shown.closest('script, style') || !shown.getClientRects().length) continue;
    for (let i = 1; i < text.length; i++) {
      if (!'?!:;'.includes(text[i]) || !/\s/.test(text[i - 1])) continue;
      let j = i - 1;
      while (j >= 0 && /\s/.test(text[j])) j--;
      const mark = document.createRange();
      mark.setStart(node, i); mark.setEnd(node, i + 1);
      let ownLine = false;
      if (j >= 0) {
        const word = document.createRange();
        word.setStart(node, j); word.setEnd(node, j + 1);
        ownLine = Math.abs(mark.getBoundingClientRect().bottom
                           - word.getBoundingClientRect().bottom) > 2;
      }
      found.push({before: text.slice(Math.max(0, i - 40), i + 1),
                  narrow: text.slice(j + 1, i) === '\u202f', ownLine});
    }
  }
  return found;
}"""


def _french_marks_hold_on(page, screen: str) -> int:
    marks = page.evaluate(_FRENCH_MARKS_JS)
    wrong = [m for m in marks if not m["narrow"] or m["ownLine"]]
    assert not wrong, (screen, wrong[:5])
    _shot(page, f"room_fr_punctuation_{screen}_390.png")
    return len(marks)


def test_french_punctuation_never_wraps_onto_a_line_of_its_own_on_a_phone(running_app, app_db,
                                                                          chromium):
    url, _link_id, _ = invite_to_room(
        app_db, name="Amélie Rousseau", email="amelie.rousseau@example.fr", language="fr",
        title="Développeuse Python")
    with page_at(chromium, PHONE) as page:
        page.goto(url)
        page.get_by_text("Bienvenue, Amélie").wait_for()
        counted = _french_marks_hold_on(page, "welcome")
        page.click("#room-continue")
        page.get_by_text("Avant de commencer").wait_for()
        counted += _french_marks_hold_on(page, "consent")
        page.click("#consent-webcam")
        page.click("#consent-ai")
        page.click("#consent-submit")
        page.get_by_text("Test de la caméra et du micro").wait_for()
        counted += _french_marks_hold_on(page, "check")
        page.click("#room-start")
        page.get_by_text("Question 1 sur").wait_for()
        page.locator(".room-turn").first.wait_for()
        counted += _french_marks_hold_on(page, "interview")
        # The screens do say things French punctuates so (the questions end in "?").
        assert counted >= 3
