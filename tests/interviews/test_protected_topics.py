"""The protected-topic screen: questions aimed at a candidate's age, family, pregnancy, religion,
nationality, health, ethnicity or sexuality are refused in four languages; lawful questions that
sit next to those topics, and ordinary words that contain them, pass."""

from __future__ import annotations

import logging

import pytest

from hireops.services.interviews.protected_topics import (
    TOPIC_LABELS,
    screen_and_replace,
    screen_question,
)
from hireops.services.interviews.question_bank import BEHAVIOURAL, BankQuestion

REFUSED: list[tuple[str, str]] = [
    # --- English ---
    ("How old are you?", "age"),
    ("What is your age?", "age"),
    ("What's your date of birth?", "age"),
    ("When were you born?", "age"),
    ("What year did you graduate from high school?", "age"),
    ("When do you plan to retire?", "age"),
    ("Aren't you too old for a junior role? I mean, are you too old to learn?", "age"),
    ("Are you in your fifties?", "age"),
    ("Are you married?", "family"),
    ("Are you single or in a relationship?", "family"),
    ("What is your marital status?", "family"),
    ("Do you have any kids?", "family"),
    ("Do you have children?", "family"),
    ("How many children do you have?", "family"),
    ("How old are your children?", "family"),
    ("What does your husband do for a living?", "family"),
    ("What are your childcare arrangements?", "family"),
    ("Do you have any caring responsibilities at home?", "family"),
    ("Do you have family commitments that would stop you travelling?", "family"),
    ("Who do you live with?", "family"),
    ("What is your maiden name?", "family"),
    ("Are you pregnant?", "pregnancy"),
    ("Are you planning to have children in the next few years?", "pregnancy"),
    ("Do you plan on starting a family soon?", "pregnancy"),
    ("Will you need maternity leave?", "pregnancy"),
    ("What is your religion?", "religion"),
    ("Are you Muslim?", "religion"),
    ("Do you go to church on Sundays?", "religion"),
    ("Which religious holidays do you observe?", "religion"),
    ("Do you celebrate Christmas?", "religion"),
    ("Can you work on the Sabbath?", "religion"),
    ("What is your nationality?", "nationality"),
    ("What's your citizenship?", "nationality"),
    ("Where are you from originally?", "nationality"),
    ("Where are you from?", "nationality"),
    ("Where were you born?", "nationality"),
    ("Is English your first language?", "nationality"),
    ("What is your native language?", "nationality"),
    ("Are you a native English speaker?", "nationality"),
    ("Are you a US citizen?", "nationality"),
    ("Where does your accent come from?", "nationality"),
    ("Where are your parents from?", "nationality"),
    ("Which passport do you hold?", "nationality"),
    ("Do you have any disabilities?", "health"),
    ("Do you have any medical conditions we should know about?", "health"),
    ("How is your health?", "health"),
    ("How many sick days did you take last year?", "health"),
    ("Have you ever been hospitalised?", "health"),
    ("Are you on any medication?", "health"),
    ("Do you suffer from depression or anxiety?", "health"),
    ("Have you ever filed a workers' compensation claim?", "health"),
    ("Do you have any mental health issues?", "health"),
    ("What is your ethnicity?", "ethnicity"),
    ("What is your racial background?", "ethnicity"),
    ("What race are you?", "ethnicity"),
    ("Are you Hispanic?", "ethnicity"),
    ("What is your sexual orientation?", "sexuality"),
    ("Are you gay?", "sexuality"),
    ("What is your gender identity?", "sexuality"),
    ("Are you transgender?", "sexuality"),
    ("Do you have a girlfriend?", "family"),
    # Curly apostrophes and a third-person phrasing from a recruiter's note.
    ("What’s your religion?", "religion"),
    ("Is the candidate married?", "family"),
    # --- French ---
    ("Quel âge avez-vous ?", "age"),
    ("Quelle est votre date de naissance ?", "age"),
    ("En quelle année êtes-vous née ?", "age"),
    ("Êtes-vous mariée ?", "family"),
    ("Avez-vous des enfants ?", "family"),
    ("Combien d'enfants avez-vous ?", "family"),
    ("Qui garde vos enfants pendant la journée ?", "family"),
    ("Quelle est votre situation familiale ?", "family"),
    ("Que fait votre mari ?", "family"),
    ("Êtes-vous enceinte ?", "pregnancy"),
    ("Envisagez-vous d'avoir des enfants ?", "pregnancy"),
    ("Quelle est votre religion ?", "religion"),
    ("Êtes-vous pratiquant ?", "religion"),
    ("Faites-vous le ramadan ?", "religion"),
    ("Quelle est votre nationalité ?", "nationality"),
    ("D'où venez-vous ?", "nationality"),
    ("Où êtes-vous né ?", "nationality"),
    ("Quelle est votre langue maternelle ?", "nationality"),
    ("Avez-vous un handicap ?", "health"),
    ("Avez-vous des problèmes de santé ?", "health"),
    ("Combien d'arrêts maladie avez-vous eu ?", "health"),
    ("Prenez-vous des médicaments ?", "health"),
    ("Quelle est votre origine ethnique ?", "ethnicity"),
    ("Quelle est votre orientation sexuelle ?", "sexuality"),
    ("Êtes-vous homosexuel ?", "sexuality"),
    # accents left out, as people often type them
    ("Quel age avez vous ?", "age"),
    ("Etes vous mariee ?", "family"),
    # --- German ---
    ("Wie alt sind Sie?", "age"),
    ("Wann sind Sie geboren?", "age"),
    ("Welcher Jahrgang sind Sie?", "age"),
    ("Sind Sie verheiratet?", "family"),
    ("Haben Sie Kinder?", "family"),
    ("Wie viele Kinder haben Sie?", "family"),
    ("Wer betreut Ihre Kinder?", "family"),
    ("Wie ist Ihr Familienstand?", "family"),
    ("Sind Sie schwanger?", "pregnancy"),
    ("Planen Sie in den nächsten Jahren Kinder?", "pregnancy"),
    ("Haben Sie einen Kinderwunsch?", "pregnancy"),
    ("Welche Religion haben Sie?", "religion"),
    ("Sind Sie katholisch?", "religion"),
    ("Gehen Sie in die Kirche?", "religion"),
    ("Welche Staatsangehörigkeit haben Sie?", "nationality"),
    ("Woher kommen Sie?", "nationality"),
    ("Wo kommen Sie ursprünglich her?", "nationality"),
    ("Wo sind Sie geboren?", "nationality"),
    ("Was ist Ihre Muttersprache?", "nationality"),
    ("Haben Sie einen Migrationshintergrund?", "nationality"),
    ("Haben Sie eine Behinderung?", "health"),
    ("Sind Sie schwerbehindert?", "health"),
    ("Wie viele Krankheitstage hatten Sie im letzten Jahr?", "health"),
    ("Nehmen Sie regelmäßig Medikamente?", "health"),
    ("Wie ist Ihr Gesundheitszustand?", "health"),
    ("Welche Hautfarbe haben Sie?", "ethnicity"),
    ("Was ist Ihre sexuelle Orientierung?", "sexuality"),
    ("Sind Sie schwul?", "sexuality"),
    ("Wie alt bist du?", "age"),
    # --- Spanish ---
    ("¿Cuántos años tiene usted?", "age"),
    ("¿Cuántos años tienes?", "age"),
    ("¿Qué edad tiene?", "age"),
    ("¿Cuál es su fecha de nacimiento?", "age"),
    ("¿Está casada?", "family"),
    ("¿Tiene hijos?", "family"),
    ("¿Cuántos hijos tiene?", "family"),
    ("¿Cuál es su estado civil?", "family"),
    ("¿Quién cuida de sus hijos?", "family"),
    ("¿Está embarazada?", "pregnancy"),
    ("¿Planea tener hijos pronto?", "pregnancy"),
    ("¿Cuál es su religión?", "religion"),
    ("¿Es usted católico?", "religion"),
    ("¿Va a misa los domingos?", "religion"),
    ("¿Cuál es su nacionalidad?", "nationality"),
    ("¿De dónde es usted?", "nationality"),
    ("¿Dónde nació?", "nationality"),
    ("¿Cuál es su lengua materna?", "nationality"),
    ("¿Tiene alguna discapacidad?", "health"),
    ("¿Tiene algún problema de salud?", "health"),
    ("¿Cuántos días de baja tuvo el año pasado?", "health"),
    ("¿Toma algún medicamento?", "health"),
    ("¿Cuál es su origen étnico?", "ethnicity"),
    ("¿Cuál es su orientación sexual?", "sexuality"),
    ("¿Eres gay?", "sexuality"),
]

ALLOWED: list[str] = [
    # --- English: lawful questions next to a protected topic ---
    "Are you legally authorised to work in the United Kingdom?",
    "Are you legally authorized to work in the US?",
    "Will you now or in the future require visa sponsorship?",
    "Do you have the right to work in Germany?",
    "Are you over 18?",
    "Are you at least 18 years old?",
    "Can you perform the essential functions of this role with or without reasonable "
    "accommodation?",
    "Can you lift 20 kg regularly?",
    "Which languages do you speak, and how well?",
    "This role uses German every day. How comfortable are you presenting in German?",
    "Where are you based at the moment?",
    "Which time zone do you usually work in?",
    "Are you willing to travel twice a month?",
    "Can you work weekend shifts once a month?",
    "How many years of experience do you have with SQL?",
    # --- English: ordinary words that hold a topic word ---
    "How do you manage competing priorities?",
    "How do you measure customer engagement?",
    "How do you speed up a slow page?",
    "Tell me about healthcare software you have supported.",
    "How do you design a family of products that share one design system?",
    "How would you find and fix a race condition in concurrent code?",
    "How do you handle the different ages of the dataset when you merge sources?",
    "What is the average age of your accounts receivable, and how did you reduce it?",
    "How do you apply health and safety rules on site?",
    "How do you take care of your health and safety training records?",
    "How do you support patients with disabilities?",
    "Tell me about your experience in mental health care.",
    "How do you help students whose first language is not English?",
    "How do you keep parents informed about their children's progress?",
    "Do you have children in your class with special needs, and how do you plan for them?",
    "How do you record a patient's date of birth and allergies on admission?",
    "How would you handle a colleague being harassed for their sexual orientation?",
    "How have you supported colleagues from different religious backgrounds?",
    "How do you plan retail staffing around public holidays?",
    "Have you worked with international clients from many nationalities?",
    "How do you onboard a new channel partner?",
    "How did you work with your partner agency on the launch?",
    "What are your salary and compensation expectations?",
    "Are you engaged in any open source projects?",
    "How have you single-handedly rescued a project?",
    "Do you take medication histories from new patients?",
    "What medications are you most familiar with administering?",
    "Where were you from 2019 to 2021, professionally?",
    "Are you a believer in test-driven development?",
    "Are you straight with your manager when a deadline slips?",
    "Tell me about your first language model project.",
    "Have you worked in a hospital setting before?",
    "Do you have a child protection certificate?",
    "How do you support non-native speakers in your classes?",
    "What are your pronouns, so we address you correctly?",
    # --- French ---
    "Êtes-vous autorisé(e) à travailler en France ?",
    "Avez-vous un permis de travail valide ?",
    "Quel âge a votre base de code la plus ancienne ?",
    "Comment gérez-vous une famille de produits ?",
    "Avez-vous travaillé sur un logiciel de santé ?",
    "Comment appliquez-vous les règles de santé et sécurité ?",
    "Comment informez-vous les parents des progrès de leurs enfants ?",
    "Depuis combien d'années travaillez-vous avec SQL ?",
    "Quelles langues parlez-vous ?",
    # --- German ---
    "Haben Sie eine gültige Arbeitserlaubnis für Deutschland?",
    "Dürfen Sie in der EU arbeiten?",
    "Wie gehen Sie mit Race Conditions um?",
    "Haben Sie Erfahrung mit Software im Gesundheitswesen?",
    "Wie informieren Sie Eltern über ihre Kinder?",
    "Haben Sie Kinder im Grundschulalter unterrichtet?",
    "Wie alt ist die Codebasis, die Sie zuletzt gepflegt haben?",
    "Welche Sprachen sprechen Sie?",
    "Wie viele Jahre Erfahrung haben Sie mit Python?",
    "Wie überwachen Sie den Gesundheitszustand der Patienten?",
    # --- Spanish ---
    "¿Está autorizado para trabajar en España?",
    "¿Tiene permiso de trabajo en la UE?",
    "¿Cuántos años tienes de experiencia con Excel?",
    "¿Cuántos años tiene de experiencia en ventas?",
    "¿Qué idiomas habla?",
    "¿Ha trabajado con personas que tienen alguna discapacidad?",
    "¿Cómo aplica las normas de salud y seguridad?",
    "¿De dónde es el cliente más grande que ha gestionado?",
    "¿Cómo gestiona una familia de productos?",
]


@pytest.mark.parametrize(("question", "topic"), REFUSED)
def test_refused(question: str, topic: str):
    result = screen_question(question)
    assert not result.allowed, question
    assert result.topic == topic, (question, result)
    assert result.matched and result.matched in question
    assert TOPIC_LABELS[topic] in result.reason


@pytest.mark.parametrize("question", ALLOWED)
def test_allowed(question: str):
    result = screen_question(question)
    assert result.allowed, (question, result)
    assert result.topic is None and result.matched is None


def test_every_topic_is_refused_in_every_language():
    # The table holds at least one refused question per topic and language.
    topics = {topic for _, topic in REFUSED}
    assert topics == set(TOPIC_LABELS)


def test_matched_phrase_keeps_the_accents_of_the_question():
    result = screen_question("Quelle est votre nationalité ?")
    assert result.matched == "votre nationalité"


def test_empty_text_is_allowed():
    assert screen_question("").allowed


# --- replacing ---------------------------------------------------------------------------

QUESTION = BankQuestion(key="custom.1", text="Do you have children?", expected_points=("a",),
                        family="general", kind="custom")
FALLBACK = BankQuestion(key="x.fallback", text="Tell me about a project you led.",
                        expected_points=("the project", "your part", "the result"),
                        family="general", kind="behavioural")


def test_allowed_question_is_returned_unchanged():
    fine = BankQuestion(key="custom.2", text="How do you plan a sprint?",
                        expected_points=("a",), family="general", kind="custom")
    assert screen_and_replace(fine, [FALLBACK]) == (fine, None)


def test_refused_question_is_replaced_by_the_first_fallback_and_logged(caplog):
    with caplog.at_level(logging.WARNING):
        question, record = screen_and_replace(QUESTION, [FALLBACK], source="custom")
    assert question == FALLBACK
    assert record.original == "Do you have children?"
    assert record.topic == "family" and record.matched == "Do you have children"
    assert record.replacement == FALLBACK.text and record.replacement_key == FALLBACK.key
    assert record.source == "custom"
    assert "family" in caplog.text and "x.fallback" in caplog.text


def test_excluded_and_refused_fallbacks_are_passed_over():
    refused_fallback = BankQuestion(key="x.bad", text="Are you married?", expected_points=("a",),
                                    family="general", kind="behavioural")
    question, _ = screen_and_replace(QUESTION, [refused_fallback, FALLBACK],
                                     exclude_keys={FALLBACK.key})
    assert question == BEHAVIOURAL[0]


def test_with_no_fallbacks_a_behavioural_question_stands_in():
    question, record = screen_and_replace(QUESTION, [])
    assert question in BEHAVIOURAL
    assert record is not None and record.replacement == question.text
