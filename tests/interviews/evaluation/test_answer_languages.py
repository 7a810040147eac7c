"""The evaluator reads answers in French, German and Spanish, not only English.

A French interview was read with English rules: no "I" and no past tense in "j'ai ajouté un
index", so no own action; "Je n'ai jamais utilisé Docker" denied nothing; words with accents
broke the pasted-answer check; and the answers' French words covered no English skill, so the
concerns said the candidate "did not mention" what they had described.
"""

from __future__ import annotations

import pytest

from hireops.services.ai.local.answer_reading import concept_groups, specific_kinds
from hireops.services.ai.local.interview_evaluator import evaluate_interview
from hireops.services.text.negation import is_denied
from hireops.services.ai.schemas import InterviewInput, JobInput, TranscriptTurn
from tests.factories import make_application, make_candidate, make_job

ANALYST = JobInput(title="Data Analyst", must_have_skills=["Data Cleaning", "Excel"],
                   nice_to_have_skills=["Tableau"])
QUESTIONS = [
    "Parlez-moi d'un jeu de données en désordre que vous avez dû nettoyer.",
    "Racontez une analyse qui a changé une décision.",
    "Comment avez-vous expliqué un résultat à une équipe non technique ?",
]
STRONG_FR = [
    "Le fichier des ventes de 2023 avait 40 000 lignes dont 3 000 doublons et des dates dans "
    "trois formats. Dans Excel, j'ai dédoublonné les lignes sur le numéro de commande, "
    "normalisé les dates et comblé les valeurs manquantes avec la médiane du magasin. Le rapport mensuel est passé "
    "de deux jours de corrections à une heure.",
    "La direction voulait fermer le magasin de Lyon. J'ai comparé ses marges sur 18 mois avec "
    "celles des autres magasins et j'ai trouvé que les pertes venaient d'un seul fournisseur. "
    "Nous avons changé de fournisseur au lieu de fermer, et la marge est remontée de 4 points.",
    "J'ai présenté les chiffres à l'équipe commerciale avec un seul graphique par question, "
    "parce qu'ils n'avaient pas le temps de lire un tableau. Ils ont posé des questions, puis "
    "nous avons décidé ensemble de suivre le taux de retour chaque semaine.",
]
WEAK_FR = [
    "Les données sont toujours importantes et il faut être rigoureux. Je pense que la qualité "
    "des données est essentielle dans tous les métiers.",
    "En général, une bonne analyse aide toujours à prendre de meilleures décisions.",
    "Je suis quelqu'un de très pédagogue, j'aime beaucoup expliquer les choses simplement.",
]


def _interview(answers: list[str], language: str = "fr") -> InterviewInput:
    turns = []
    for question, answer in zip(QUESTIONS, answers):
        turns += [TranscriptTurn(speaker="interviewer", text=question),
                  TranscriptTurn(speaker="candidate", text=answer)]
    return InterviewInput(job=ANALYST, transcript=turns, language=language)


def test_a_strong_french_interview_scores_clearly_above_a_weak_one():
    strong = evaluate_interview(_interview(STRONG_FR))
    weak = evaluate_interview(_interview(WEAK_FR))
    assert strong.score >= weak.score + 35, (strong.score, weak.score)
    assert strong.score >= 60


def test_no_english_claim_about_what_a_french_answer_said():
    result = evaluate_interview(_interview(STRONG_FR))
    said = " ".join(result.concerns)
    assert "Did not mention" not in said, said  # "dédoublonné", "valeurs manquantes"
    assert "stayed general" not in said, said  # numbers and "j'ai" are concrete
    assert "Said they lack" not in said, said


def test_a_french_answer_read_as_english_still_finds_its_language():
    """A transcript marked English that is plainly French is read as French."""
    declared = evaluate_interview(_interview(STRONG_FR, language="fr"))
    undeclared = evaluate_interview(_interview(STRONG_FR, language="en"))
    assert undeclared.score == declared.score


@pytest.mark.parametrize("language, text", [
    ("fr", "J'ai ajouté un index et nous avons divisé le temps de réponse par dix."),
    ("de", "Ich habe einen Index angelegt, danach haben wir die Abfrage neu geschrieben."),
    ("es", "He liderado la migración y reescribí la consulta más lenta."),
])
def test_own_actions_in_each_language(language, text):
    assert "own_action" in specific_kinds(text, language=language)


@pytest.mark.parametrize("language, text", [
    ("fr", "La latence est passée de 900 ms à 40 ms."),
    ("de", "Die Fehlerquote ist um die Hälfte gesunken."),
    ("es", "Las quejas se redujeron a la mitad en dos meses."),
])
def test_outcomes_in_each_language(language, text):
    assert "outcome" in specific_kinds(text, language=language)


@pytest.mark.parametrize("language, sentence, skill", [
    ("fr", "Je n'ai jamais utilisé Docker en production.", "Docker"),
    ("de", "Ich habe noch nie mit Docker gearbeitet.", "Docker"),
    ("es", "No he usado nunca Docker.", "Docker"),
    ("fr", "Sans Docker, tout était manuel.", "Docker"),
])
def test_denial_in_each_language(language, sentence, skill):
    assert is_denied(sentence, sentence.index(skill), language=language)


@pytest.mark.parametrize("language, sentence, skill", [
    ("fr", "Nous n'avons jamais facturé deux fois, car l'API REST vérifiait chaque clé.",
     "REST"),
    ("de", "Es gab keine doppelten Buchungen, weil die REST-API jeden Schlüssel prüfte.",
     "REST"),
    ("es", "Nunca cobramos dos veces porque la API REST comprobaba cada clave.", "REST"),
])
def test_a_negation_in_another_clause_denies_nothing(language, sentence, skill):
    assert not is_denied(sentence, sentence.index(skill), language=language)


def test_paraphrases_in_each_language_share_the_english_groups():
    assert "data_quality" in concept_groups("j'ai supprimé les doublons", language="fr")
    assert "data_quality" in concept_groups("ich habe die Duplikate entfernt", language="de")
    assert "data_quality" in concept_groups("eliminé los duplicados", language="es")


def test_a_pasted_french_paragraph_is_flagged():
    pasted = ("Analyste de données avec 5 ans d'expérience en SQL, Excel et Tableau. Spécialiste "
              "du nettoyage des données, des tableaux de bord et de la présentation des résultats.")
    result = evaluate_interview(_interview([pasted] * 3))
    assert any("same answer" in c for c in result.concerns)
    assert result.score < evaluate_interview(_interview(STRONG_FR)).score - 40


# --- the language reaches the evaluator --------------------------------------------------

@pytest.mark.parametrize("plan_language, candidate_language, expected", [
    ("fr", "en", "fr"),  # the room held the interview in French
    (None, "de", "de"),  # a voice interview: no plan, the candidate's language
])
def test_the_interview_language_reaches_the_evaluator(session, plan_language,
                                                      candidate_language, expected):
    from datetime import timedelta

    from hireops.models import InterviewLink, utcnow
    from hireops.services.interviews.evaluation_queue import interview_input

    job = make_job(session, title="Data Analyst", must_have_skills=["Excel"])
    candidate = make_candidate(session, full_name="Claire Martin", email="claire@example.com",
                               language=candidate_language)
    application = make_application(session, job=job, candidate=candidate, resume_score=80.0)
    plan = {"questions": [], "language": plan_language} if plan_language else None
    link = InterviewLink(application_id=application.id, token_hash="e" * 64,
                         status="completed", expires_at=utcnow() + timedelta(days=3), plan=plan)
    session.add(link)
    session.commit()
    assert interview_input(session=session, link=link).language == expected


# --- the room's follow-ups read the answer in its language --------------------------------

def test_a_concrete_french_answer_needs_no_follow_up_and_a_vague_one_does():
    from hireops.services.interviews.follow_up import is_thin_answer
    from hireops.services.interviews.question_plan import PlannedQuestion

    question = PlannedQuestion(
        key="data.cleaning", text=QUESTIONS[0], source="must_have", kind="skill",
        expected_points=["how the data was checked", "what was fixed", "the result"])
    assert is_thin_answer(question=question, answer=STRONG_FR[0], language="fr") is None
    vague = is_thin_answer(question=question, answer=WEAK_FR[0], language="fr")
    assert vague is not None and "no_example" in vague.codes
