"""A whole built-in interview on the server: plan, follow-up, slot, completion, evaluation."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Application, Evaluation, Event, InterviewLink, InterviewTurn
from hireops.services.interviews.builtin_interviewer import (
    AnswerRefused,
    start_interview,
    submit_answer,
)
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.room import complete_interview, mark_started, record_consent

STRONG = ("In my last role I designed a Python REST API on PostgreSQL that served 2 million "
          "requests a day. I profiled the slow endpoints, added indexes and cut p95 latency "
          "from 800 ms to 120 ms, and I wrote integration tests so the team could change it "
          "safely. I explained the trade-offs to product and we shipped it in six weeks.")


@pytest.fixture
def started_link(session, make_application, recruiter):
    def start(**kwargs) -> InterviewLink:
        application = make_application(88, **kwargs)
        link = generate_link(session=session, application_id=application.id,
                             actor=recruiter).link
        record_consent(session=session, link=link, webcam_analysis=True, client_key="c")
        mark_started(session=session, link=link)
        session.commit()
        return link
    return start


def _turns(session, link) -> list[InterviewTurn]:
    return list(session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link.id)
                             .order_by(InterviewTurn.seq)))


def test_interview_runs_to_completion_and_is_evaluated(session, started_link):
    link = started_link(custom_questions=["Why do you want to join a small team?"])
    first = start_interview(session=session, link=link)
    session.commit()
    questions = link.plan["questions"]
    assert 5 <= len(questions) <= 8
    assert any(q["source"] == "custom" for q in questions)
    assert first.say == questions[0]["text"]

    # A thin answer gets exactly one follow-up; the next thin answer moves on.
    follow_up = submit_answer(session=session, link=link, text="Yes.")
    assert not follow_up.finished and _turns(session, link)[-1].kind == "follow_up"
    step = submit_answer(session=session, link=link, text="Not much to add.")
    assert _turns(session, link)[-1].kind == "question"
    asked = 2
    while _turns(session, link)[-1].kind != "slot_question":
        step = submit_answer(session=session, link=link, text=STRONG)
        asked += 1
        assert asked < 20
    assert "time" in step.say.lower() or "day" in step.say.lower()
    done = submit_answer(session=session, link=link, text="Next Tuesday at 3pm CET")
    assert done.finished
    complete_interview(session=session, link=link)
    session.commit()

    assert link.status == "completed" and link.preferred_slot_text == "Next Tuesday at 3pm CET"
    turns = _turns(session, link)
    assert [t.seq for t in turns] == list(range(1, len(turns) + 1))
    assert turns[0].kind == "greeting" and turns[-1].kind == "closing"
    assert all(t.started_at <= t.ended_at for t in turns)
    evaluation = session.exec(select(Evaluation).where(Evaluation.link_id == link.id)).one()
    assert evaluation.status == "queued"

    assert run_queued_evaluations(session=session) == 1
    session.refresh(evaluation)
    assert evaluation.status == "ok" and 0 <= evaluation.score <= 100
    assert evaluation.summary and evaluation.ai_call_id
    assert session.get(Application, link.application_id).interview_score == evaluation.score
    assert run_queued_evaluations(session=session) == 0  # never twice


def test_reload_resumes_and_double_submit_is_refused(session, started_link):
    link = started_link()
    first = start_interview(session=session, link=link)
    again = start_interview(session=session, link=link)  # the page was reloaded
    assert again.say == first.say and len(_turns(session, link)) == 2
    submit_answer(session=session, link=link, text=STRONG)
    count = len(_turns(session, link))
    submit_answer(session=session, link=link, text=STRONG)  # answers the next question
    assert len(_turns(session, link)) == count + 2
    with pytest.raises(AnswerRefused, match="type or say"):
        submit_answer(session=session, link=link, text="   ")
    with pytest.raises(AnswerRefused, match="under 6000"):
        submit_answer(session=session, link=link, text="x" * 6001)


def test_an_answer_needs_a_started_interview(session, make_application, recruiter):
    link = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter).link
    with pytest.raises(PermissionError):
        mark_started(session=session, link=link)  # no consent yet
    with pytest.raises(AnswerRefused):
        submit_answer(session=session, link=link, text=STRONG)


def test_protected_custom_question_is_replaced_and_logged(session, started_link):
    link = started_link(custom_questions=["How old are your children?",
                                          "Tell us about a deadline you missed."])
    start_interview(session=session, link=link)
    session.commit()
    texts = " ".join(q["text"] for q in link.plan["questions"]).lower()
    assert "children" not in texts and "deadline you missed" in texts
    logged = session.exec(select(Event).where(Event.action == "interview.question_replaced")).all()
    assert len(logged) == 1 and logged[0].entity_id == link.id
    assert "children" in str(logged[0].after).lower()


def test_the_recruiter_sees_why_each_rating_and_the_question_check(session, started_link):
    from hireops.services.interviews.review import interview_cards

    link = started_link()
    start_interview(session=session, link=link)
    while not submit_answer(session=session, link=link, text=STRONG
                            if link.plan.get("phase") != "slot" else "Friday 10am").finished:
        pass
    complete_interview(session=session, link=link)
    session.commit()
    run_queued_evaluations(session=session)
    application = session.get(Application, link.application_id)
    card = interview_cards(session=session, candidate_id=application.candidate_id)[0]
    assert [line.split(":")[0] for line in card.rating_lines] == [
        "Communication", "Technical depth", "Problem solving", "Cultural fit"]
    assert any("PostgreSQL" in line or "Python" in line for line in card.rating_lines)
    assert card.question_check.endswith("asked, 0 touching a protected characteristic")
    assert card.flagged_questions == []
    assert card.communication_notes
