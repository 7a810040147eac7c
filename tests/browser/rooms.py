"""A candidate invited to the interview room, and answering its questions, for the room's browser
tests."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page
from sqlmodel import Session, select

from hireops.models import InterviewTurn
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.recordings import set_job_recording
from hireops.services.jobs.records import JobForm, create_job
from tests.browser.waiting import wait_for
from tests.factories import make_application, make_candidate

ROOM_SKILLS = ("Python", "PostgreSQL", "REST APIs")
# A screened resume, so the room has a gap to ask about.
SCREENED = {"match": {"score": 88, "gaps": ["Kubernetes"]}}


def invite_to_room(session: Session, *, name: str, email: str, title: str,
                   skills: tuple[str, ...] = ROOM_SKILLS, resume_result: dict | None = None,
                   recording: bool = False, **candidate_fields) -> tuple[str, int, int]:
    """A job, a candidate applied to it with a resume score of 88, and their interview link,
    committed; returns (the room's address, the link's id, the candidate's id)."""
    job = create_job(session=session, actor=None,
                     form=JobForm(title=title, must_have_skills=list(skills)))
    if recording:
        set_job_recording(session=session, job_id=job.id, enabled=True, actor=None)
    candidate = make_candidate(session, full_name=name, email=email, **candidate_fields)
    application = make_application(session, job=job, candidate=candidate, resume_score=88.0,
                                   resume_result=SCREENED if resume_result is None
                                   else resume_result)
    issued = generate_link(session=session, application_id=application.id, actor=None)
    session.commit()
    return issued.url, issued.link.id, candidate.id


def answer_until_done(page: Page, session: Session, link_id: int, *, answer: str,
                      slot_answer: str, timeout_s: float,
                      after_answer: Callable[[int], None] = lambda asked: None) -> None:
    """Answer each question the room asks with `answer` (the question about a convenient time
    with `slot_answer`) until the room says the interview is done; `after_answer` is called
    with the number of turns on the page before each answer, once the room has replied."""
    for _ in range(20):
        if page.locator("#room-done").count():
            break
        asked = page.locator(".room-turn").count()
        session.expire_all()
        last = session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)
                            .order_by(InterviewTurn.seq.desc())).first()
        page.fill("#answer", slot_answer if last.kind == "slot_question" else answer)
        page.click("#send-answer")
        wait_for(lambda: page.locator("#room-done").count()
                 or page.locator(".room-turn").count() > asked + 1, timeout_s, "the next question")
        after_answer(asked)
    page.locator("#room-done").wait_for()
