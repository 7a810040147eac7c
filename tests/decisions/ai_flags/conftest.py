"""A finished interview with an engine evaluation, its questions and a recruiter."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hireops.models import Application, Evaluation, InterviewTurn, User
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.turns import append_turn
from hireops.services.jobs.records import JobForm, create_job
from tests.factories import make_application, make_candidate, make_user


@dataclass
class Interviewed:
    application: Application
    evaluation: Evaluation
    question: InterviewTurn
    answer: InterviewTurn


@pytest.fixture
def recruiter(session) -> User:
    user = make_user(session, email="rec@example.com", full_name="Rita Recruiter")
    session.commit()
    return user


@pytest.fixture
def interviewed(session, recruiter):
    """An application (resume 86) whose interview the engine scored `score`."""

    def make(score: float = 70.0, resume_score: float | None = 86.0) -> Interviewed:
        job = create_job(session=session, actor=recruiter, form=JobForm(
            title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"]))
        candidate = make_candidate(session, full_name="Ada Lovelace", email="ada@example.com")
        application = make_application(session, candidate=candidate, job=job,
                                                resume_score=resume_score, interview_score=score)
        link = generate_link(session=session, application_id=application.id, actor=recruiter,
                             override_reason="tests" if (resume_score or 0) < 80 else "").link
        question = append_turn(session=session, link=link, speaker="interviewer",
                               text="Tell me about a Python API you built.", kind="question")
        answer = append_turn(session=session, link=link, speaker="candidate",
                             text="I built a REST API on PostgreSQL.", kind="answer")
        evaluation = Evaluation(application_id=application.id, link_id=link.id, status="ok",
                                score=score, summary="Solid answers.")
        session.add(evaluation)
        session.commit()
        return Interviewed(application, evaluation, question, answer)

    return make
