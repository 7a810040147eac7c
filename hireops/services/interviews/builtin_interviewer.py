"""The built-in interviewer: asks the planned questions one by one, follows up once on a thin
answer, keeps to the time budget and ends by asking for a preferred slot.

Its whole state lives on the link (`plan`) and in the stored turns, so a reload, a second tab
or another worker continues exactly where the interview stands.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from hireops.models import Application, Candidate, InterviewLink, Job, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.interviews.follow_up import follow_up_for, is_thin_answer
from hireops.services.interviews.interviewer_language import (
    follow_up_in,
    greeting,
    localized_question_text,
    phrase,
    screening_in_language,
)
from hireops.services.interviews.protected_topics import screen_question
from hireops.services.interviews.question_plan import (
    PlannedQuestion,
    QuestionPlan,
    build_question_plan,
    slot_question,
)
from hireops.services.interviews.turns import MAX_ANSWER_CHARS, append_turn, last_turn
from hireops.services.text.language.supported import DEFAULT_LANGUAGE, supported_language
from hireops.services.platform.runtime_settings import current_settings

SLOT_KEY = "preferred_slot"


class AnswerRefused(ValueError):
    """The answer cannot be taken (empty, too long, or not the candidate's turn)."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        # empty | too_long | already_received: the room says it in the candidate's language.
        self.code = code


@dataclass(frozen=True)
class NextStep:
    # What the interviewer says next ("" when the interview is over).
    say: str
    finished: bool


def _as_dict(value) -> dict:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return dataclasses.asdict(value)


def _questions(link: InterviewLink) -> list[dict]:
    return link.plan.get("questions", [])


def _language(link: InterviewLink) -> str:
    """The language the plan was built in (plans from before languages: English)."""
    return supported_language(link.plan.get("language"))


def ensure_plan(*, session: Session, link: InterviewLink) -> dict:
    """Build the question plan once, from the job, the resume's result and HR's questions."""
    if link.plan.get("questions"):
        return link.plan
    application = session.get(Application, link.application_id)
    language = supported_language(session.get(Candidate, application.candidate_id).language)
    plan = localized_plan(session=session, application=application, language=language)
    # Asked in the candidate's language, chosen once: the whole interview keeps it.
    link.plan = {"questions": [_as_dict(q) for q in plan.questions], "cursor": 0,
                 "follow_ups": [], "phase": "questions", "language": language}
    for screened in plan.screening_log:
        # The replaced wording stays out of the candidate's view, but HR can see what happened.
        record_event(session=session, action="interview.question_replaced",
                     actor_label="interviewer", entity_type="interview_link", entity_id=link.id,
                     after=_as_dict(screened))
    session.add(link)
    return link.plan


def localized_plan(*, session: Session, application: Application,
                   language: str) -> QuestionPlan:
    """The questions the built-in interviewer asks `application`, in `language`: the bank's
    translated, HR's own as written, the scorer's only when written in that language. The
    voice agent is given the same ones when its link has no plan yet."""
    job = session.get(Job, application.job_id)
    plan = build_question_plan(
        job_title=job.title, must_have_skills=job.must_have_skills,
        nice_to_have_skills=job.nice_to_have_skills, responsibilities=job.responsibilities,
        custom_questions=job.custom_questions,
        resume_result=screening_in_language(application.resume_result or {}, language))
    questions = [q.model_copy(update={"text": localized_question_text(q, language)})
                 for q in plan.questions]
    return plan.model_copy(update={"questions": questions})


def _greeting(session: Session, link: InterviewLink) -> str:
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    first_name = (candidate.full_name or "").split(" ")[0]
    count = len(_questions(link))
    minutes = current_settings().interview_minutes
    if _language(link) != DEFAULT_LANGUAGE:
        return greeting(_language(link), first_name=first_name, title=job.title, count=count,
                        minutes=minutes)
    hello = f"Hello {first_name}, " if first_name else "Hello, "
    return (f"{hello}thank you for taking the time to talk about the {job.title} role. "
            f"I will ask you {count} questions, which should take about {minutes} minutes. "
            "Take your time, answer with real examples where you can, and type or speak your "
            "answers.")


def start_interview(*, session: Session, link: InterviewLink) -> NextStep:
    """Greet and ask the first question, once; a second call repeats the current question."""
    ensure_plan(session=session, link=link)
    current = last_turn(session=session, link_id=link.id)
    if current is not None:
        return NextStep(say=current.text if current.speaker == "interviewer" else "",
                        finished=link.status == "completed")
    append_turn(session=session, link=link, speaker="interviewer", kind="greeting",
                text=_greeting(session, link))
    first = _questions(link)[0]
    turn = append_turn(session=session, link=link, speaker="interviewer", kind="question",
                       text=first["text"], question_key=first["key"])
    return NextStep(say=turn.text, finished=False)


def _out_of_time(link: InterviewLink) -> bool:
    if link.started_at is None:
        return False
    return utcnow() > link.started_at + timedelta(minutes=current_settings().interview_minutes)


def _follow_up(session: Session, link: InterviewLink, question: dict, answer: str) -> str:
    """A follow-up for a thin answer, at most one per question, screened like any question."""
    if question["key"] in link.plan.get("follow_ups", []) or _out_of_time(link):
        return ""
    planned = PlannedQuestion(**question)
    if not is_thin_answer(question=planned, answer=answer, language=_language(link)):
        return ""
    text = follow_up_for(question=planned, answer=answer) if _language(link) == DEFAULT_LANGUAGE \
        else follow_up_in(_language(link), question=planned, answer=answer)
    verdict = screen_question(text)
    if not verdict.allowed:
        record_event(session=session, action="interview.question_replaced",
                     actor_label="interviewer", entity_type="interview_link", entity_id=link.id,
                     after={"kind": "follow_up", "topic": verdict.topic,
                            "reason": verdict.reason}, note="follow-up dropped")
        return ""
    return text


def submit_answer(*, session: Session, link: InterviewLink, text: str) -> NextStep:
    """Store the candidate's answer and decide what the interviewer says next."""
    text = (text or "").strip()
    if not text:
        raise AnswerRefused("Please type or say an answer first.", code="empty")
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerRefused(f"Please keep an answer under {MAX_ANSWER_CHARS} characters.",
                            code="too_long")
    asked = last_turn(session=session, link_id=link.id)
    if asked is None or asked.speaker != "interviewer" or link.status != "started":
        # A double click or a stale tab: the answer to this question is already stored.
        raise AnswerRefused("This answer was already received.", code="already_received")
    append_turn(session=session, link=link, speaker="candidate", kind="answer"
                if asked.question_key != SLOT_KEY else "slot_answer", text=text,
                question_key=asked.question_key, started_at=asked.ended_at)
    plan = dict(link.plan)
    if plan.get("phase") == "slot":
        link.preferred_slot_text = text
        plan["phase"] = "closed"
        link.plan = plan
        session.add(link)
        closing = ("Thank you, that is everything. We have your answers and your preferred "
                   "time, and the team will be in touch soon.") \
            if _language(link) == DEFAULT_LANGUAGE else phrase(_language(link), "closing")
        append_turn(session=session, link=link, speaker="interviewer", kind="closing",
                    text=closing)
        return NextStep(say=closing, finished=True)
    question = _questions(link)[plan["cursor"]]
    follow_up = _follow_up(session, link, question, text) if asked.kind == "question" else ""
    if follow_up:
        plan["follow_ups"] = [*plan.get("follow_ups", []), question["key"]]
        link.plan = plan
        session.add(link)
        append_turn(session=session, link=link, speaker="interviewer", kind="follow_up",
                    text=follow_up, question_key=question["key"])
        return NextStep(say=follow_up, finished=False)
    plan["cursor"] += 1
    if plan["cursor"] < len(_questions(link)) and not _out_of_time(link):
        following = _questions(link)[plan["cursor"]]
        link.plan = plan
        session.add(link)
        append_turn(session=session, link=link, speaker="interviewer", kind="question",
                    text=following["text"], question_key=following["key"])
        return NextStep(say=following["text"], finished=False)
    plan["phase"] = "slot"
    link.plan = plan
    session.add(link)
    ask = localized_question_text(slot_question(), _language(link))
    append_turn(session=session, link=link, speaker="interviewer", kind="slot_question",
                text=ask, question_key=SLOT_KEY)
    return NextStep(say=ask, finished=False)


def progress(link: InterviewLink) -> tuple[int, int]:
    """(question number being asked, questions planned) for the candidate's progress bar."""
    total = len(_questions(link))
    cursor = link.plan.get("cursor", 0)
    return (min(cursor + 1, total), total)
