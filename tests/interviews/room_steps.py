"""The candidate's first steps in the interview room, for tests that need an interview under way
on their own session."""

from __future__ import annotations

from sqlmodel import Session

from hireops.models import InterviewLink
from hireops.services.interviews.builtin_interviewer import NextStep, start_interview
from hireops.services.interviews.room import mark_started, record_consent


def start_typed_interview(session: Session, link: InterviewLink) -> NextStep:
    """The candidate agrees (without webcam analysis), enters the room and is asked the built-in
    interviewer's first question, which is returned."""
    record_consent(session=session, link=link, webcam_analysis=False, client_key="t")
    mark_started(session=session, link=link)
    return start_interview(session=session, link=link)
