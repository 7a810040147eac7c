"""The interview room's texts: every key in every language with the same placeholders, a file
that breaks either refused with the key named, and the room of a French candidate in French."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace

import pytest

from hireops.db import session_scope
from hireops.knowledge.loading import KnowledgeError, read_json
from hireops.models import Application, Candidate, InterviewLink, utcnow
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.room import problem_message, room_view
from hireops.services.interviews.room_texts import placeholders, room_text, room_texts
from hireops.services.text.language import text_files
from hireops.services.text.language.supported import SUPPORTED_LANGUAGES


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_key_exists_in_every_language_with_its_placeholders(language):
    english = read_json("room/en.json")
    texts = read_json(f"room/{language}.json")
    assert set(texts) == set(english)
    for key, text in texts.items():
        assert text.strip(), (language, key)
        assert placeholders(text) == placeholders(english[key]), (language, key)
    assert room_texts(language) == texts


def test_a_missing_key_or_placeholder_is_refused_by_name(monkeypatch):
    english = read_json("room/en.json")
    broken = {**read_json("room/fr.json"), "progress": "Question {numero} sur {total}"}
    shortened = {key: text for key, text in read_json("room/fr.json").items()
                 if key != "done_title"}
    for bad, named in ((broken, "progress"), (shortened, "done_title")):
        monkeypatch.setattr(text_files, "read_json",
                            lambda name, bad=bad: english if name == "room/en.json" else bad)
        text_files.texts_in.cache_clear()
        with pytest.raises(KnowledgeError, match=named):
            room_texts("fr")
    text_files.texts_in.cache_clear()


def test_placeholders_are_filled_and_unknown_languages_read_english():
    assert room_text("fr", "answer_too_long", max_chars=6000) == \
        "Veuillez garder une réponse sous 6000 caractères."
    assert room_texts("pt") == room_texts("en")
    assert room_text("en", "progress", number=2, total=6) == "Question 2 of 6"


def _french_link(session, make_application, recruiter) -> tuple[InterviewLink, str]:
    application = make_application(88)
    candidate = session.get(Candidate, session.get(Application, application.id).candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    session.commit()
    return issued.link, issued.url.rsplit("/", 1)[-1]


def test_a_french_candidates_room_and_refusals_are_french(session, make_application, recruiter):
    link, _ = _french_link(session, make_application, recruiter)
    assert room_view(session=session, link=link).language == "fr"
    assert problem_message("expired", "fr").startswith("Ce lien d'entretien a expiré")
    assert problem_message("no-such-reason", "de") == room_text("de", "problem_unknown")


def _room_state(token: str):
    """The room's state with its real handlers, as the page's tab would run them."""
    from hireops.state.interviews.room import InterviewRoomState as Room

    # One namespace stands for the room and its step states (they share the room's fields).
    state = SimpleNamespace(
        step="loading", problem_message="", language="en", t={}, answer="", answer_error="",
        agree_ai=False, agree_webcam=True, camera_message="", speak_questions=False,
        equal_questions=[], equal_answers={}, equal_error="", _link_id=0, draft_prefix="",
        router=SimpleNamespace(url=SimpleNamespace(path=f"/interview/{token}"),
                               session=SimpleNamespace(client_ip="10.0.0.9",
                                                       client_token="tab"),
                               headers=SimpleNamespace(raw_headers={})))
    for helper in ("_apply", "_use_language", "_say", "_show_problem", "_client_key"):
        setattr(state, helper, getattr(Room, helper).__get__(state))
    return Room, state


def _run(cls, name: str, state, *args):
    result = cls.event_handlers[name].fn(state, *args)
    if asyncio.iscoroutine(result):
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, result).result()
    return result


def test_the_room_state_gives_a_french_candidate_french_texts(session, make_application,
                                                              recruiter):
    from hireops.state.interviews.room_camera import RoomCameraState
    from hireops.state.interviews.room_consent import RoomConsentState

    link, token = _french_link(session, make_application, recruiter)
    Room, state = _room_state(token)

    _run(Room, "load_room", state)
    assert (state.step, state.language) == ("welcome", "fr")
    assert state.t["consent_title"] == "Avant de commencer"
    assert state.t == room_texts("fr")

    _run(RoomConsentState, "decline_consent", state)
    assert state.problem_message.startswith("Vous avez choisi de ne pas passer l'entretien")

    _run(RoomCameraState, "camera_error", state, {"reason": "no_camera"})
    assert state.camera_message.startswith("Aucune caméra n'a été trouvée")


def test_an_expired_french_link_is_refused_in_french(session, make_application, recruiter):
    link, token = _french_link(session, make_application, recruiter)
    with session_scope() as other:
        stored = other.get(InterviewLink, link.id)
        stored.expires_at = utcnow() - timedelta(minutes=1)
        other.add(stored)
        other.commit()
    Room, state = _room_state(token)

    _run(Room, "load_room", state)
    assert state.step == "problem"
    assert state.problem_message.startswith("Ce lien d'entretien a expiré")
    assert state.t["problem_title"] == "Ce lien ne peut pas être utilisé"


def test_every_key_the_page_and_its_widgets_use_exists():
    """A misspelt key would show nothing (page) or the key itself (widgets): every key named
    in the page, the state and the browser widgets is in the files."""
    from hireops.config import PROJECT_ROOT

    sources = {
        "hireops/pages/interviews/room.py": r'Room\.t\["([a-z_]+)"\]',
        **{f"hireops/state/interviews/{name}": r'_say\(\s*"([a-z_]+)"'
           for name in ("room_consent.py", "room_equal.py", "room_voice.py")},
        "hireops/components/room_widgets.jsx": r'"((?:dictation|mic|countdown)_[a-z_]+)"',
        "assets/webcam_tracker.jsx": r'"(webcam_[a-z_]+)"',
        "assets/voice_interview.jsx": r'"(voice_[a-z_]+)"',
    }
    english = room_texts("en")
    for path, pattern in sources.items():
        used = set(re.findall(pattern, (PROJECT_ROOT / path).read_text(encoding="utf-8")))
        assert used, path
        assert used <= set(english), (path, sorted(used - set(english)))
    page = (PROJECT_ROOT / "hireops/pages/interviews/room.py").read_text(encoding="utf-8")
    for step in re.findall(r'"(welcome|consent|equal|check|interview|done)"', page):
        assert f"step_{step}" in english


def test_the_welcome_writes_one_full_stop_after_a_company_name_ending_in_one(monkeypatch):
    import reflex as rx

    from hireops.state.interviews.room import InterviewRoomState as Room

    root = rx.State(_reflex_internal_init=True)
    room = root.get_substate(Room.get_full_name().split(".")[1:])
    for language in ("en", "fr", "de", "es"):
        room.t = dict(room_texts(language))
        room.company_name = "Demo Co."
        assert room.t["welcome_intro_after"].startswith(".")  # what the texts say after it
        assert not (room.company_name + room.welcome_intro_after).endswith("..")
        room.company_name = "Acme"
        assert room.welcome_intro_after == room.t["welcome_intro_after"]

