"""HR's own questions asked in a French interview are set with a narrow no-break space before
? ! : ; (French typography); in an interview in any other language they stay as written."""

from __future__ import annotations

import pytest

from hireops.services.interviews.interviewer_language import localized_question_text
from hireops.services.interviews.question_plan import PlannedQuestion

WRITTEN = "Parlez-nous de votre préavis : quand pourriez-vous commencer ?"


def _custom(text: str) -> PlannedQuestion:
    return PlannedQuestion(key="custom.1", text=text, expected_points=[], source="custom",
                           kind="custom")


def test_hrs_question_in_a_french_interview_gets_the_narrow_no_break_spaces():
    assert localized_question_text(_custom(WRITTEN), "fr") == (
        "Parlez-nous de votre préavis\u202f: quand pourriez-vous commencer\u202f?")


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_hrs_question_in_another_language_is_asked_as_written(language):
    assert localized_question_text(_custom(WRITTEN), language) == WRITTEN
