"""A question quoting a resume line is asked in the interview's language, like the bank's own
questions: a French candidate is not asked "Your resume says: ..." in English."""

from __future__ import annotations

import pytest

from hireops.services.interviews.interviewer_language import localized_question_text
from hireops.services.interviews.question_plan import build_question_plan

LINES = {
    "migration": "Pilotage de la migration de 40 services de Heroku vers Kubernetes en 2022",
    "number": "Réduction des coûts d'hébergement de 30% en un an grâce à Kubernetes",
    "project": "Built the payments platform used by 200 shops across Europe since 2019",
}
ENGLISH_WORDS = ("Your resume says", "Walk me through", "Tell me about")
# A word of each language's wording, to tell it is really that language.
OWN_WORD = {"fr": "CV", "de": "Lebenslauf", "es": "currículum"}


def _resume_question(line: str):
    result = {"match": {"evidence": [{"skill": "Kubernetes", "resume_evidence": line}]}}
    plan = build_question_plan(job_title="Platform Engineer", must_have_skills=["Kubernetes"],
                               nice_to_have_skills=[], responsibilities=[], custom_questions=[],
                               resume_result=result)
    [question] = [q for q in plan.questions if q.source == "resume"]
    return question


@pytest.mark.parametrize("language", ["fr", "de", "es"])
@pytest.mark.parametrize("kind", sorted(LINES))
def test_a_resume_line_question_is_asked_in_the_interviews_language(language, kind):
    question = _resume_question(LINES[kind])
    text = localized_question_text(question, language)
    assert LINES[kind] in text
    assert not any(word in text for word in ENGLISH_WORDS), text
    assert OWN_WORD[language] in text


def test_in_english_it_is_asked_as_planned():
    question = _resume_question(LINES["project"])
    assert localized_question_text(question, "en") == question.text
    assert question.text.startswith("Your resume says: “Built the payments platform")
