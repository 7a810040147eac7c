"""A French candidate's built-in interview: greeting, bank questions, follow-up, slot question
and closing in French; the job's own words carried into the translated questions."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.knowledge.loading import read_json
from hireops.models import Application, Candidate, InterviewTurn
from hireops.services.interviews.builtin_interviewer import start_interview, submit_answer
from hireops.services.interviews.interviewer_language import TRANSLATED_LANGUAGES
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.question_bank import all_bank_questions
from hireops.services.interviews.room import mark_started, record_consent, room_view
from tests.interviews.room_steps import start_typed_interview

STRONG_FR = ("Dans mon dernier poste, j'ai conçu une API REST en Python sur PostgreSQL qui "
             "servait deux millions de requêtes par jour. J'ai ajouté des index et réduit la "
             "latence de 800 ms à 120 ms, puis écrit des tests d'intégration.")


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_question_and_phrase_exists_in_every_language(language):
    texts = read_json(f"interviewer/{language}.json")
    english_keys = {question.key for question in all_bank_questions()}
    assert set(texts["questions"]) == english_keys
    assert set(texts["phrases"]) == set(read_json("interviewer/fr.json")["phrases"])
    for question in all_bank_questions():
        # The job's words go into the same fields the English question has.
        for field in ("{skill}", "{title}", "{responsibility}", "{line}"):
            assert (field in texts["questions"][question.key]) == (field in question.text), \
                (language, question.key, field)


def _french_link(session, make_application, recruiter):
    application = make_application(88)
    candidate = session.get(Candidate, session.get(Application, application.id).candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    record_consent(session=session, link=link, webcam_analysis=False, client_key="c")
    mark_started(session=session, link=link)
    session.commit()
    return link


def test_a_french_candidate_is_interviewed_in_french(session, make_application, recruiter):
    link = _french_link(session, make_application, recruiter)
    start_interview(session=session, link=link)
    session.commit()
    turns = list(session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link.id)
                              .order_by(InterviewTurn.seq)))
    assert turns[0].text.startswith("Bonjour Ada, merci de prendre le temps de parler du poste "
                                    "de Backend Engineer.")
    french = read_json("interviewer/fr.json")["questions"]
    questions = link.plan["questions"]
    assert link.plan["language"] == "fr"
    from_bank = [q for q in questions if q["bank_key"] in french]
    assert len(from_bank) >= 3
    warm_up = questions[0]
    assert warm_up["text"] == french["general.warm_up"].replace("{title}", "Backend Engineer")
    skill_questions = [q for q in from_bank if q["skill"]
                       and "{skill}" in french[q["bank_key"]]]
    assert skill_questions
    for question in skill_questions:  # the job's own word for the skill, inside French
        assert question["skill"] in question["text"]
    assert not any(q["text"].startswith(("Tell me", "How do", "To start")) for q in from_bank)

    follow_up = submit_answer(session=session, link=link, text="Oui.")
    assert follow_up.say.startswith("Merci.")
    step = submit_answer(session=session, link=link, text=STRONG_FR)
    for _ in range(20):
        if link.plan.get("phase") == "slot":
            break
        step = submit_answer(session=session, link=link, text=STRONG_FR)
    assert step.say.startswith("Merci, c'était ma dernière question.")
    closing = submit_answer(session=session, link=link, text="Mardi 10h, heure de Paris")
    assert closing.finished and closing.say.startswith("Merci, c'est tout.")


def test_an_english_candidate_still_gets_the_english_bank(session, make_application,
                                                          recruiter):
    application = make_application(88)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    first = start_typed_interview(session, link)
    assert link.plan["language"] == "en"
    assert first.say.startswith("To start, could you tell me")


def test_the_room_listens_and_reads_aloud_in_the_interviews_language(session, make_application,
                                                                     recruiter):
    link = _french_link(session, make_application, recruiter)
    assert room_view(session=session, link=link).speech_lang == "fr-FR"
    start_interview(session=session, link=link)
    # Changed after the interview was planned: the interview keeps its language.
    candidate = session.get(Candidate, session.get(Application, link.application_id)
                            .candidate_id)
    candidate.language = "de"
    session.add(candidate)
    assert room_view(session=session, link=link).speech_lang == "fr-FR"


def test_the_scorers_english_questions_are_not_put_to_a_french_candidate(
        session, make_application, recruiter):
    english = ("What would you want to achieve in your first 90 days as Backend Engineer, "
               "and what would you need from us?")
    french = ("Parlez-nous d'un service Python que vous avez conçu : quel était votre rôle, "
              "et qu'est-ce qui a changé grâce à votre travail ?")
    application = make_application(88)
    application.resume_result = {**application.resume_result,
                                 "screening_questions": [english, french]}
    session.add(application)
    session.commit()
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    start_typed_interview(session, link)
    session.commit()

    asked = [q["text"] for q in link.plan["questions"]]
    assert english not in asked
    assert not any("first 90 days" in text for text in asked)

    # In English the scorer's questions are asked as before.
    english_application = make_application(88, name="Grace Hopper")
    english_application.resume_result = {**english_application.resume_result,
                                         "screening_questions": [english]}
    session.add(english_application)
    session.commit()
    link = generate_link(session=session, application_id=english_application.id,
                         actor=recruiter).link
    start_typed_interview(session, link)
    session.commit()
    assert english in [q["text"] for q in link.plan["questions"]]
