"""Equal-opportunities questions: which characteristics the team asks candidates about, and the
candidates' own voluntary answers.

The questions are a stored setting (off while empty). Answers go to `Candidate.self_reported`
and are read only by the reports' adverse-impact view, in aggregate: never by scoring, the
candidate page, the tracker or the API. The audit log, which every staff member can read,
records only that a candidate answered, never what.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from sqlmodel import Session

from hireops.models import Candidate, User, utcnow
from hireops.services.platform.app_settings import get_setting, set_setting
from hireops.services.platform.audit import record_event

SETTING_KEY = "equal_opportunities.questions"
PREFER_NOT_TO_SAY = "Prefer not to say"
ANSWERED_ACTION = "candidate.equal_opportunities_answered"
MAX_QUESTIONS = 10
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_LABEL_CHARS, MAX_OPTION_CHARS = 200, 80
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class Question:
    # Slug stored as the key of the candidate's answer, e.g. "age_band".
    key: str
    # The question as the candidate reads it.
    label: str
    # The answers offered, "Prefer not to say" always last.
    options: list[str]


# Suggestions an admin can start from; nothing is asked until the team saves questions.
EXAMPLE_QUESTIONS = [
    Question("gender", "How would you describe your gender?",
             ["Woman", "Man", "Non-binary", "I describe myself another way", PREFER_NOT_TO_SAY]),
    Question("age_band", "What is your age?",
             ["Under 25", "25-34", "35-44", "45-54", "55 or over", PREFER_NOT_TO_SAY]),
    Question("disability", "Do you consider yourself to have a disability or long-term "
             "health condition?", ["Yes", "No", PREFER_NOT_TO_SAY]),
]


class QuestionsInvalid(ValueError):
    """The questions an admin tried to save break a rule; the message says which."""


class AnswersRefused(ValueError):
    """Answers naming a question or an option that is not configured."""


def questions(*, session: Session) -> list[Question]:
    """The questions the team asks now; empty when equal-opportunities monitoring is off."""
    stored = get_setting(session=session, key=SETTING_KEY, default=[]) or []
    return [Question(item["key"], item["label"], list(item["options"])) for item in stored
            if isinstance(item, dict)]


def save_questions(*, session: Session, questions: Iterable[Question | Mapping],
                   actor: User | None) -> list[Question]:
    """Validate and store the questions (an empty list turns collection off)."""
    cleaned = [_clean_question(item) for item in questions]
    if len(cleaned) > MAX_QUESTIONS:
        raise QuestionsInvalid(f"Ask at most {MAX_QUESTIONS} questions.")
    keys = [question.key for question in cleaned]
    if len(set(keys)) != len(keys):
        raise QuestionsInvalid("Each question needs its own key.")
    set_setting(session=session, key=SETTING_KEY, actor=actor,
                value=[asdict(question) for question in cleaned])
    session.commit()
    return cleaned


def record_answers(*, session: Session, candidate_id: int,
                   answers: Mapping[str, str]) -> dict[str, str]:
    """Store a candidate's own answers (blank ones are left out); returns what was stored."""
    offered = {question.key: question for question in questions(session=session)}
    given = {str(key): str(value).strip() for key, value in answers.items()
             if str(value or "").strip()}
    for key, value in given.items():
        if key not in offered:
            raise AnswersRefused(f"There is no question {key!r}.")
        if value not in offered[key].options:
            raise AnswersRefused(f"{value!r} is not an answer to {key!r}.")
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise LookupError(f"Candidate {candidate_id} does not exist.")
    if not given:
        return {}
    # A new dict, so the JSON column is seen as changed.
    candidate.self_reported = {**(candidate.self_reported or {}), **given}
    candidate.updated_at = utcnow()
    session.add(candidate)
    # Staff can read the audit log: it learns that answers were given, not what they were.
    record_event(session=session, action=ANSWERED_ACTION, actor_label="candidate",
                 entity_type="candidate", entity_id=candidate_id,
                 note="Answered the optional equal-opportunities questions")
    session.commit()
    return given


def parse_options(text: str) -> list[str]:
    """Options typed one per line (or comma-separated on one line) as a list."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


def _clean_question(item: Question | Mapping) -> Question:
    raw = asdict(item) if isinstance(item, Question) else dict(item)
    key = str(raw.get("key", "")).strip().lower()
    label = " ".join(str(raw.get("label", "")).split())
    if not KEY_PATTERN.match(key):
        raise QuestionsInvalid(f"The key {key!r} must start with a letter and use only "
                               "lower-case letters, digits, - and _ (40 at most).")
    if not label or len(label) > MAX_LABEL_CHARS:
        raise QuestionsInvalid(f"The question {key!r} needs a text of 1 to "
                               f"{MAX_LABEL_CHARS} characters.")
    options: list[str] = []
    for option in raw.get("options") or []:
        option = " ".join(str(option).split())
        if not option or option.casefold() == PREFER_NOT_TO_SAY.casefold():
            continue  # added back, spelled one way, at the end
        if len(option) > MAX_OPTION_CHARS:
            raise QuestionsInvalid(f"The answer {option[:30]!r}… is longer than "
                                   f"{MAX_OPTION_CHARS} characters.")
        if option.casefold() in (o.casefold() for o in options):
            raise QuestionsInvalid(f"The answer {option!r} appears twice in {key!r}.")
        options.append(option)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise QuestionsInvalid(f"The question {key!r} needs {MIN_OPTIONS} to {MAX_OPTIONS} "
                               f"answers (\"{PREFER_NOT_TO_SAY}\" is added for you).")
    return Question(key, label, [*options, PREFER_NOT_TO_SAY])
