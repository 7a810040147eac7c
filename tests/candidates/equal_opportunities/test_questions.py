"""Which equal-opportunities questions the team asks: off by default, validated when saved."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import AppSetting
from hireops.services.candidates.equal_opportunities import (
    EXAMPLE_QUESTIONS,
    PREFER_NOT_TO_SAY,
    SETTING_KEY,
    Question,
    QuestionsInvalid,
    parse_options,
    questions,
    save_questions,
)

AGE = {"key": "age_band", "label": "What is your age?", "options": ["Under 35", "35 or over"]}


def test_nothing_is_asked_until_the_team_saves_questions(session):
    assert questions(session=session) == []
    assert session.exec(select(AppSetting).where(AppSetting.key == SETTING_KEY)).first() is None


def test_saved_questions_always_offer_prefer_not_to_say_once_and_last(session):
    saved = save_questions(session=session, actor=None, questions=[
        {**AGE, "options": ["prefer NOT to say", " Under  35 ", "35 or over"]}])
    assert saved == [Question("age_band", "What is your age?",
                              ["Under 35", "35 or over", PREFER_NOT_TO_SAY])]
    assert questions(session=session) == saved


def test_the_examples_are_valid_and_each_offers_prefer_not_to_say(session):
    saved = save_questions(session=session, questions=EXAMPLE_QUESTIONS, actor=None)
    assert [q.key for q in saved] == ["gender", "age_band", "disability"]
    assert all(q.options[-1] == PREFER_NOT_TO_SAY and q.options.count(PREFER_NOT_TO_SAY) == 1
               for q in saved)


@pytest.mark.parametrize("bad, message", [
    ({**AGE, "key": "Age Band"}, "must start with a letter"),
    ({**AGE, "key": "9lives"}, "must start with a letter"),
    ({**AGE, "key": ""}, "must start with a letter"),
    ({**AGE, "label": "   "}, "needs a text"),
    ({**AGE, "options": ["Only one"]}, "2 to 10 answers"),
    ({**AGE, "options": ["Only one", PREFER_NOT_TO_SAY]}, "2 to 10 answers"),
    ({**AGE, "options": [f"Band {n}" for n in range(11)]}, "2 to 10 answers"),
    ({**AGE, "options": ["Yes", "yes"]}, "appears twice"),
    ({**AGE, "options": ["Yes", "x" * 81]}, "longer than"),
])
def test_invalid_questions_are_refused_and_nothing_changes(session, bad, message):
    save_questions(session=session, questions=[AGE], actor=None)
    with pytest.raises(QuestionsInvalid, match=message):
        save_questions(session=session, questions=[bad], actor=None)
    session.rollback()
    assert [q.key for q in questions(session=session)] == ["age_band"]


def test_keys_must_be_unique(session):
    with pytest.raises(QuestionsInvalid, match="its own key"):
        save_questions(session=session, questions=[AGE, AGE], actor=None)


def test_saving_an_empty_list_turns_collection_off(session):
    save_questions(session=session, questions=[AGE], actor=None)
    save_questions(session=session, questions=[], actor=None)
    assert questions(session=session) == []


def test_options_typed_one_per_line_or_comma_separated():
    assert parse_options("Yes\n\n No \n") == ["Yes", "No"]
    assert parse_options("Yes, No") == ["Yes", "No"]
